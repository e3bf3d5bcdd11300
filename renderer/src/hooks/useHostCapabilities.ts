import { useEffect, useState } from 'react';
import type { HostCapabilities } from '../../../shared/domain';
import { getHuihan } from '../huihan';

let asked: Promise<HostCapabilities | null> | null = null;

/** What the host can do with files (asked once): the UI shows only the actions that work here. */
export function useHostCapabilities(): HostCapabilities | null {
  const [capabilities, setCapabilities] = useState<HostCapabilities | null>(null);
  useEffect(() => {
    asked ??=
      getHuihan()
        ?.hostCapabilities()
        .catch(() => null) ?? Promise.resolve(null);
    let current = true;
    void asked.then((value) => {
      if (current) setCapabilities(value);
    });
    return () => {
      current = false;
    };
  }, []);
  return capabilities;
}
