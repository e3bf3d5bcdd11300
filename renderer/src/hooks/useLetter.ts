import { useEffect, useState } from 'react';
import type { LetterDetail } from '../../../shared/domain';
import { errorMessage, getHuihan } from '../huihan';

/** The chosen letter in full, or why it could not be read. */
export function useLetter(
  id: number | null,
  version: number,
): { letter: LetterDetail | null; error: string | null } {
  const [state, setState] = useState<{ letter: LetterDetail | null; error: string | null }>({
    letter: null,
    error: null,
  });
  useEffect(() => {
    let current = true;
    const request =
      id === null ? Promise.resolve(null) : (getHuihan()?.getLetter({ id }) ?? Promise.resolve(null));
    request.then(
      (letter) => {
        if (current) setState({ letter, error: null });
      },
      (reason: unknown) => {
        if (current) setState({ letter: null, error: errorMessage(reason) });
      },
    );
    return () => {
      current = false;
    };
  }, [id, version]);
  return state;
}
