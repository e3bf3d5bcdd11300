import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uploadTarget } from './uploads';

describe('uploadTarget', () => {
  const incoming = resolve(sep, 'archive', 'incoming');
  it('keeps the folder structure of an uploaded folder inside the batch folder', () => {
    expect(uploadTarget(incoming, 'abc123', '2024 回函/第018号.docx')).toBe(
      join(incoming, 'abc123', '2024 回函', '第018号.docx'),
    );
  });
  it('never lets a name leave the batch folder', () => {
    expect(uploadTarget(incoming, 'abc123', '../../etc/passwd')).toBe(
      join(incoming, 'abc123', 'etc', 'passwd'),
    );
    expect(uploadTarget(incoming, 'abc123', '..\\..\\x.doc')).toBe(join(incoming, 'abc123', 'x.doc'));
    expect(uploadTarget(incoming, 'abc123', 'C:\\Windows\\x.doc')).toBe(
      join(incoming, 'abc123', 'C', 'Windows', 'x.doc'),
    );
    expect(uploadTarget(incoming, 'abc123', '../..')).toBeNull();
    expect(uploadTarget(incoming, '../evil', 'a.txt')).toBeNull();
    expect(uploadTarget(incoming, 'abc123', 'a\u0000b.txt')).toBe(join(incoming, 'abc123', 'ab.txt'));
  });
});
