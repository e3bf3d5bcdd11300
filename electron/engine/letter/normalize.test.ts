import { describe, expect, it } from 'vitest';
import { foldText, splitParagraphs, splitRawLines, squeeze } from './normalize';

describe('foldText', () => {
  it('folds full-width punctuation, digits and letters one for one', () => {
    const s = '联系人：张三（Ａ类）１２３，；！？';
    const f = foldText(s);
    expect(f).toBe('联系人:张三(A类)123,;!?');
    expect(f.length).toBe(s.length);
  });
  it('keeps 、。“”《》〔〕【】 and astral characters', () => {
    const s = '、。“”《》〔〕【】𠮷';
    expect(foldText(s)).toBe(s);
  });
});

describe('splitRawLines / splitParagraphs', () => {
  it('trims lines, drops empty ones and keeps offsets into the input', () => {
    const text = '  标题 \r\n\n  正文一。\n';
    const lines = splitRawLines(text, foldText(text));
    expect(lines.map((l) => l.text)).toEqual(['标题', '正文一。']);
    for (const l of lines) expect(text.slice(l.start, l.end)).toBe(l.text);
  });
  it('splits a flattened page after sentence ends and after the addressee', () => {
    const text =
      '杨武斌等委员: 你们提出的《关于解决饮用水不足问题的提案》已交由我局办理,现答复如下。 对于你们所提出的问题,我局历来高度重视。 镇康县水务局 2019年7月15日';
    const lines = splitParagraphs(text, foldText(text));
    expect(lines.map((l) => l.text)).toEqual([
      '杨武斌等委员:',
      '你们提出的《关于解决饮用水不足问题的提案》已交由我局办理,现答复如下。',
      '对于你们所提出的问题,我局历来高度重视。',
      '镇康县水务局 2019年7月15日',
    ]);
    for (const l of lines) expect(text.slice(l.start, l.end)).toBe(l.text);
  });
  it('squeezes white space', () => {
    expect(squeeze('答 复\t函')).toBe('答复函');
  });
});
