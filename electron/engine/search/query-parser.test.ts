import { describe, expect, it } from 'vitest';
import { parseQuery } from './query-parser';

const text = (value: string, phrase = false) => ({ kind: 'text', text: value, phrase });

describe('parseQuery', () => {
  it('reads words as AND groups', () => {
    expect(parseQuery('人才  公寓\u3000018')).toEqual({
      groups: [[text('人才')], [text('公寓')], [text('018')]],
      excluded: [],
      hints: [],
    });
  });

  it('reads straight and curly quoted phrases with their spaces', () => {
    expect(parseQuery('"人才 公寓" “达人英才卡”').groups).toEqual([
      [text('人才 公寓', true)],
      [text('达人英才卡', true)],
    ]);
  });

  it('reads exclusions of words, phrases and filters', () => {
    const parsed = parseQuery('人才 -试点 -"回头看" -部门:组织部');
    expect(parsed.groups).toEqual([[text('人才')]]);
    expect(parsed.excluded).toEqual([
      text('试点'),
      text('回头看', true),
      { kind: 'filter', field: 'department', value: '组织部' },
    ]);
    expect(parsed.hints).toEqual([]);
  });

  it('reads OR (and 或) as alternatives inside one group', () => {
    expect(parseQuery('交通 OR 教育 或 医疗 人才').groups).toEqual([
      [text('交通'), text('教育'), text('医疗')],
      [text('人才')],
    ]);
  });

  it('reads every filter key, with ASCII or full-width colons and quoted values', () => {
    const parsed = parseQuery(
      '号:018 部门：组织部 届次:五届四次 类别:A 年:２０２４ 主题:人才 标签:重点 提案人:乐芳均 文号:"组函〔2024〕12号" 状态:逾期',
    );
    expect(parsed.hints).toEqual([]);
    expect(parsed.groups.map((group) => group[0])).toEqual([
      { kind: 'filter', field: 'number', value: '018' },
      { kind: 'filter', field: 'department', value: '组织部' },
      { kind: 'filter', field: 'session', value: '五届四次' },
      { kind: 'filter', field: 'category', value: 'A' },
      { kind: 'filter', field: 'year', value: '2024' },
      { kind: 'filter', field: 'topic', value: '人才' },
      { kind: 'filter', field: 'tag', value: '重点' },
      { kind: 'filter', field: 'proposer', value: '乐芳均' },
      { kind: 'filter', field: 'docNumber', value: '组函〔2024〕12号' },
      { kind: 'filter', field: 'status', value: '逾期' },
    ]);
  });

  it('keeps unknown keys as plain words', () => {
    expect(parseQuery('网址:abc').groups).toEqual([[text('网址:abc')]]);
  });

  it.each([
    ['"人才公寓', '引号没有配对'],
    ['人才 -', '单独的「-」'],
    ['号:', '「号:」后面缺少内容'],
    ['年:24', '不是四位年份'],
    ['状态:很好', '无法识别'],
    ['OR 人才', 'OR'],
    ['人才 OR', 'OR'],
    ['""', '空的引号'],
  ])('gives a Chinese hint for %s and never throws', (query, hint) => {
    const parsed = parseQuery(query);
    expect(parsed.hints.join('')).toContain(hint);
  });

  it('still searches what it understood in a malformed query', () => {
    const parsed = parseQuery('人才 "公寓 建设');
    expect(parsed.groups).toEqual([[text('人才')], [text('公寓 建设', true)]]);
    expect(parsed.hints).toHaveLength(1);
  });

  it('survives arbitrary junk', () => {
    for (const query of ['"', '-', ':', '：：', '-"', '""""', 'OR OR', '号:"', '- - -', '“”', '部门:""']) {
      expect(() => parseQuery(query)).not.toThrow();
    }
  });

  it('says that exclusions alone filter the whole archive', () => {
    expect(parseQuery('-试点').hints.join('')).toContain('只有排除条件');
  });
});
