import { useCallback, useEffect, useState } from 'react';
import type { EngineStateEvent, EngineStatus } from '../../../shared/domain';
import { errorMessage, getHuihan } from '../huihan';

export interface EngineStatusView {
  status: EngineStatus | null;
  error: string | null;
  engineEvent: EngineStateEvent | null;
  refresh: () => void;
}

/** The engine's status, refreshed on start and whenever the engine (re)starts. */
export function useEngineStatus(): EngineStatusView {
  const [status, setStatus] = useState<EngineStatus | null>(null);
  const [error, setError] = useState<string | null>(() =>
    getHuihan() ? null : '未连接到归档引擎：程序界面没有找到 window.huihan。',
  );
  const [engineEvent, setEngineEvent] = useState<EngineStateEvent | null>(null);

  const refresh = useCallback(() => {
    getHuihan()
      ?.status()
      .then(
        (value) => {
          setStatus(value);
          setError(null);
        },
        (reason: unknown) => setError(errorMessage(reason)),
      );
  }, []);

  useEffect(() => {
    const huihan = getHuihan();
    const unsubscribe = huihan?.on('engine-state', (event) => {
      setEngineEvent(event);
      if (event.state === 'ready') refresh();
    });
    refresh();
    return unsubscribe;
  }, [refresh]);

  return { status, error, engineEvent, refresh };
}
