import { describe, expect, it } from 'vitest';
import { endOfMonth, findLetterDate, parseDateText } from './dates';
import { lineOf } from './test-helpers';

describe('parseDateText', () => {
  it.each([
    ['2023年6月29日', '2023-06-29'],
    ['2017年6月16 日', '2017-06-16'],
    ['二○一二年六月十四日', '2012-06-14'],
    ['二〇二四年六月十四日', '2024-06-14'],
    ['二0一七年五月二十六日', '2017-05-26'],
    ['二O二三年十二月三十一日', '2023-12-31'],
    ['二零二一年十月十日', '2021-10-10'],
    ['2024-05-28', '2024-05-28'],
    ['2024619', '2024-06-19'],
    ['20211026', '2021-10-26'],
    ['2021716日', '2021-07-16'],
    ['2018年710', '2018-07-10'],
    ['202062', '2020-06-02'],
  ])('%s → %s', (input, iso) => {
    expect(parseDateText(input)).toBe(iso);
  });
  it.each(['0二十六日', '2021111', '2023年2月30日', '关于2023年工作'])('%s is unreadable', (input) => {
    expect(parseDateText(input)).toBeNull();
  });
});

describe('findLetterDate', () => {
  it('takes the last date line, not dates inside the body', () => {
    const lines = ['2022年3月28日召开会议研究。', '某某县水务局', '2022年7月12日', '联系人:张三'].map(lineOf);
    expect(findLetterDate(lines)).toEqual({ iso: '2022-07-12', lineIndex: 2, prefix: null });
  });
  it('reads a 答复时间 field and a date after the unit on a flattened line', () => {
    expect(findLetterDate([lineOf('答复时间: 2024-05-28')])?.iso).toBe('2024-05-28');
    expect(findLetterDate([lineOf('镇康县水务局 2019年7月15日')])).toEqual({
      iso: '2019-07-15',
      lineIndex: 0,
      prefix: '镇康县水务局',
    });
  });
  it('reports a date line it cannot read', () => {
    expect(findLetterDate([lineOf('0二十六日')])).toEqual({ iso: null, lineIndex: 0, prefix: null });
  });
  it('computes month ends', () => {
    expect(endOfMonth(2024, 2)).toBe('2024-02-29');
    expect(endOfMonth(2025, 6)).toBe('2025-06-30');
  });
});
