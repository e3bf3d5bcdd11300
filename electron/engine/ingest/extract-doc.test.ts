import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from './extract-text';
import { SAMPLE_LETTER } from './test-fixtures';

const DOC = readFileSync(join(import.meta.dirname, 'fixtures', 'sample-letter.doc'));

describe('legacy Word (.doc) and WPS files', () => {
  it('reads a Word 97 .doc paragraph by paragraph, curly quotes and all', async () => {
    const result = await extractText('回函.doc', DOC);
    expect(result.format).toBe('doc');
    expect(result.text.split('\n')).toEqual([...SAMPLE_LETTER]);
    expect(result.text).toContain('“达人英才”');
  });

  it('reads the same binary saved as .wps, and a .doc whose name says .docx', async () => {
    expect((await extractText('回函.wps', DOC)).text.split('\n')).toEqual([...SAMPLE_LETTER]);
    expect((await extractText('回函.docx', DOC)).text).toContain(SAMPLE_LETTER[2]!);
  });
});
