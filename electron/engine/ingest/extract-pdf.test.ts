import { describe, expect, it } from 'vitest';
import { extractText } from './extract-text';
import { SAMPLE_LETTER, makePdf } from './test-fixtures';

// Taken before anything loads pdf.js.
const NATIVE = {
  push: Array.prototype.push,
  parse: JSON.parse,
  stringify: JSON.stringify,
  toString: Function.prototype.toString,
};

describe('extractText on PDF: pdf.js leaves the engine as it found it', () => {
  it('reads a PDF and keeps the built-ins its legacy build would replace (they slow every later step)', async () => {
    const result = await extractText('答复.pdf', await makePdf([...SAMPLE_LETTER]));
    expect(result.text.split('\n')).toContain(SAMPLE_LETTER[2]);
    expect(Array.prototype.push).toBe(NATIVE.push);
    expect(JSON.parse).toBe(NATIVE.parse);
    expect(JSON.stringify).toBe(NATIVE.stringify);
    expect(Function.prototype.toString).toBe(NATIVE.toString);
    // pdf.js still works with the native ones: the same file reads the same again.
    const again = await extractText('答复.pdf', await makePdf([...SAMPLE_LETTER]));
    expect(again.text).toBe(result.text);
  });
});
