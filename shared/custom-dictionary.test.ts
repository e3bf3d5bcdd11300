import { describe, expect, it } from 'vitest';
import { customTermProblem, readCustomTerms } from './custom-dictionary';

describe('the custom dictionary box', () => {
  it('reads one term per line, trims them, skips blank lines and merges repeats', () => {
    expect(readCustomTerms('  蓝鲸湾计划 \n\n达人英才卡\r\n蓝鲸湾计划\n5G基站')).toEqual({
      terms: ['蓝鲸湾计划', '达人英才卡', '5G基站'],
      problems: [],
      duplicates: 1,
    });
  });

  it('says in Chinese, with the line number, which lines cannot be used and why', () => {
    const reading = readCustomTerms(`人才公寓\n人才 公寓\n${'长'.repeat(21)}\n甲|乙\n制表\t符`);
    expect(reading.terms).toEqual(['人才公寓']);
    expect(reading.problems).toEqual([
      expect.stringMatching(/^第 2 行：.*空格/u),
      expect.stringMatching(/^第 3 行：.*超过 20 个字/u),
      expect.stringMatching(/^第 4 行：.*\| ;/u),
      expect.stringMatching(/^第 5 行：.*空格/u),
    ]);
  });

  it('accepts one to twenty characters, counting Chinese characters as one each', () => {
    expect(customTermProblem('甲')).toBeNull();
    expect(customTermProblem('长'.repeat(20))).toBeNull();
    expect(customTermProblem('')).toMatch(/不能为空/u);
    expect(customTermProblem('零\u200b宽')).toMatch(/控制字符/u);
  });
});
