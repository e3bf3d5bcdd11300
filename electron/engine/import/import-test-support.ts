import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateLetter, type GeneratedLetter } from '../../../bench/letter-generator';

/** Writes `count` generated letters as UTF-8 .txt files into `folder`; returns what each was built from. */
export function writeTextLetters(folder: string, count: number, seed = 11): GeneratedLetter[] {
  mkdirSync(folder, { recursive: true });
  const letters: GeneratedLetter[] = [];
  for (let index = 0; index < count; index += 1) {
    const letter = generateLetter(seed, index);
    letters.push(letter);
    writeFileSync(join(folder, `回函 ${String(index + 1).padStart(4, '0')}.txt`), letter.text);
  }
  return letters;
}
