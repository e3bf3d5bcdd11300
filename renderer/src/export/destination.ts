import { useEffect, useState } from 'react';
import type { HostCapabilities } from '../../../shared/domain';
import { errorMessage, getHuihan } from '../huihan';

/** 'native': the system's save dialog picks the place; 'download': the host keeps the file for a download link. */
export type DestinationMode = HostCapabilities['exportDestination'];

let asked: Promise<DestinationMode> | null = null;

/** Asks the host once how it saves exports. */
function askDestinationMode(): Promise<DestinationMode> {
  const huihan = getHuihan();
  if (!huihan) return Promise.reject(new Error('回函档案服务不可用。'));
  asked ??= huihan.hostCapabilities().then((capabilities) => capabilities.exportDestination);
  asked.catch(() => {
    asked = null;
  });
  return asked;
}

/** How this host saves exports (null while asking), or the reason it could not be asked. */
export function useDestinationMode(): { mode: DestinationMode | null; error: string | null } {
  const [state, setState] = useState<{ mode: DestinationMode | null; error: string | null }>({
    mode: null,
    error: null,
  });
  useEffect(() => {
    let current = true;
    askDestinationMode().then(
      (mode) => current && setState({ mode, error: null }),
      (reason: unknown) => current && setState({ mode: null, error: errorMessage(reason) }),
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}

/** The code of an archive error (ApiError or its bridged copy), if any. */
export function errorCode(reason: unknown): string | null {
  if (typeof reason === 'object' && reason !== null && 'code' in reason) {
    const { code } = reason as { code: unknown };
    return typeof code === 'string' ? code : null;
  }
  return null;
}

/** A file name stamp such as 20251127-0930, so repeated backups do not clash. */
export function fileStamp(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}
