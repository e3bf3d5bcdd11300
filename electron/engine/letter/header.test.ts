import { describe, expect, it } from 'vitest';
import {
  bareCategory,
  categoryAfterDocNumber,
  categoryInTitle,
  findDocNumber,
  findSigner,
  labelledCategory,
} from './header';
import { lineOf } from './test-helpers';

describe('findDocNumber', () => {
  it.each([
    ['高卫体发〔2023〕148号', '高卫体发〔2023〕148号'],
    ['提复字【2021】31号', '提复字【2021】31号'],
    ['平交复函[2017]19号', '平交复函[2017]19号'],
    ['铁银政函[2020]  19', '铁银政函[2020]  19'],
    ['兰政字〔2012〕30-17号', '兰政字〔2012〕30-17号'],
    ['建议字:〔2023〕8号', '建议字:〔2023〕8号'],
    ['建议字：〔2023〕8号', '建议字：〔2023〕8号'],
    ['钱汽发〔2020〕11号A类', '钱汽发〔2020〕11号'],
    ['湘教提复字〔2019〕来信号B类', '湘教提复字〔2019〕来信号'],
    ['宁交函〔2021〕141号 签发人:姜涛', '宁交函〔2021〕141号'],
    ['舞水〔202258                   签发人:崔盘营', '舞水〔202258'],
    ['平教字〔2021〕19号 类 同意公开', '平教字〔2021〕19号'],
  ])('%s', (line, doc) => {
    expect(findDocNumber(lineOf(line))?.value).toBe(doc);
  });
  it('ignores plain lines', () => {
    expect(findDocNumber(lineOf('关于对市七届人大五次会议第71号建议的答复'))).toBeNull();
  });
});

describe('category', () => {
  it.each([
    '类别:C',
    '类 别:C',
    '类  别:C',
    '类别:C类',
    '办理结果:(C类)',
    '办理结果:C',
    '办理结果：（C）',
    '办复类别:C',
  ])('labelled %s', (s) => {
    expect(labelledCategory(lineOf(s))).toBe('C');
  });
  it.each([
    ['A', 'A'],
    ['A:解决采纳', 'A'],
    ['（B类）', 'B'],
    ['同意公开', null],
  ])('bare %s', (s, c) => {
    expect(bareCategory(lineOf(s))).toBe(c);
  });
  it.each([
    ['钱汽发〔2020〕11号A类', 'A'],
    ['临城管字〔2018〕2号 B类', 'B'],
    ['华建复〔2017〕5号(B类)', 'B'],
    ['平教字〔2021〕19号 类 同意公开', null],
  ])('glued to the doc number: %s', (s, c) => {
    const line = lineOf(s);
    const hit = findDocNumber(line);
    expect(hit && categoryAfterDocNumber(line, hit)).toBe(c);
  });
  it('reads the category in a title', () => {
    expect(categoryInTitle('关于市政协五届四次会议第018号提案办理情况(A)的函')).toBe('A');
  });
});

describe('findSigner', () => {
  it.each([
    ['签发人:马文忠', '马文忠'],
    ['签发人: 张永祥', '张永祥'],
    ['宁交函〔2021〕141号 签发人:姜涛', '姜涛'],
    ['领导签发:刘民华', '刘民华'],
    ['主要签发领导:李  兵', '李  兵'],
  ])('%s', (s, name) => {
    expect(findSigner(lineOf(s))).toBe(name);
  });
});
