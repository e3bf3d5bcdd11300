import { describe, expect, it } from 'vitest';
import { fileLabel } from './file-label';

describe('fileLabel', () => {
  it('shows an uploaded file by the path the user chose, and other files by folder and name', () => {
    expect(fileLabel('/tmp/a/回函 档案/incoming/mwyl53gm-zpdv/2024/损坏.docx')).toBe('2024/损坏.docx');
    expect(fileLabel('/home/mi/回函/2024/第018号.docx')).toBe('2024/第018号.docx');
    expect(fileLabel('C:\\Users\\mi\\回函\\a.doc')).toBe('回函/a.doc');
    expect(fileLabel('a.zip › 内/答复.txt')).toBe('a.zip › 内/答复.txt');
  });
});
