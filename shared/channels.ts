/** Electron IPC channel names (preload ↔ main). */
export const IPC_CALL_CHANNEL = 'huihan:call';
export const IPC_EVENT_CHANNEL = 'huihan:event';

/** Web host routes (web bridge ↔ web host). */
export const WEB_CALL_PATH = '/api/call';
export const WEB_EVENTS_PATH = '/api/events';
export const WEB_TOKEN_COOKIE = 'huihan_token';
export const WEB_TOKEN_HEADER = 'x-huihan-token';
