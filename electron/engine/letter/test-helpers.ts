import { foldText } from './normalize';
import type { Line } from './types';

/** A Line for unit tests (offsets relative to the string itself). */
export function lineOf(text: string): Line {
  return { start: 0, end: text.length, text, norm: foldText(text) };
}
