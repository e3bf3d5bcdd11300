import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../../../shared/domain';
import { errorMessage, getHuihan } from '../huihan';

/** Dispatched on window after the settings changed, so other screens (the reader's 跟进 form) re-read them. */
export const SETTINGS_CHANGED_EVENT = 'huihan-settings-changed';

export interface SettingsView {
  settings: Settings | null;
  error: string | null;
  /** Saves a change; resolves with the saved settings, rejects with a Chinese message. */
  save: (patch: Partial<Settings>) => Promise<Settings>;
}

/** The host's settings (设置), read once and after every change anywhere in the window. */
export function useSettings(): SettingsView {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    getHuihan()
      ?.getSettings()
      .then(
        (value) => {
          setSettings(value);
          setError(null);
        },
        (reason: unknown) => setError(errorMessage(reason)),
      );
  }, []);

  useEffect(() => {
    load();
    window.addEventListener(SETTINGS_CHANGED_EVENT, load);
    return () => window.removeEventListener(SETTINGS_CHANGED_EVENT, load);
  }, [load]);

  const save = useCallback(async (patch: Partial<Settings>): Promise<Settings> => {
    const huihan = getHuihan();
    if (!huihan) throw new Error('未连接到归档引擎。');
    try {
      const next = await huihan.updateSettings(patch);
      setSettings(next);
      window.dispatchEvent(new Event(SETTINGS_CHANGED_EVENT));
      return next;
    } catch (reason) {
      throw new Error(errorMessage(reason), { cause: reason });
    }
  }, []);

  return { settings, error, save };
}
