import { describe, expect, it } from 'vitest';
import { findIssuers } from './issuer';
import { layoutOf } from './layout';

const issuers = (text: string): ReturnType<typeof findIssuers> => findIssuers(layoutOf(text));
const HEAD =
  '关于县政协十届三次会议第6号提案的答复\n王五委员:\n你提出的《关于修桥的提案》收悉,现答复如下:\n已完成。\n';

describe('findIssuers', () => {
  it('takes the unit signed above the date', () => {
    expect(issuers(`${HEAD}此复。\n某某县交通运输局\n2021年6月3日`)).toEqual({
      issuer: '某某县交通运输局',
      coIssuers: [],
    });
  });
  it('takes further signed units as co-issuers', () => {
    expect(issuers(`${HEAD}某某县交通运输局\n某某县财政局\n2021年6月3日`)).toEqual({
      issuer: '某某县交通运输局',
      coIssuers: ['某某县财政局'],
    });
    expect(issuers(`${HEAD}某某县交通运输局  某某县财政局\n2021年6月3日`).coIssuers).toEqual([
      '某某县财政局',
    ]);
  });
  it('reads a 承办单位 field, a flattened signature and an undated signature', () => {
    expect(issuers(`${HEAD}承办单位:某某县文化广电体育局\n2018年6月13日`).issuer).toBe(
      '某某县文化广电体育局',
    );
    expect(issuers(`${HEAD}某某县水务局 2019年7月15日`).issuer).toBe('某某县水务局');
    expect(issuers(`${HEAD}某某市公安局交通安全管理大队`).issuer).toBe('某某市公安局交通安全管理大队');
  });
  it('falls back to the red header and to the unit at the start of a headline', () => {
    expect(issuers(`某某县民政局文件\n${HEAD}2021年6月3日`).issuer).toBe('某某县民政局');
    expect(issuers(`某某县交通运输局关于县政协十届三次会议第6号提案的答复函\n王五委员:\n收悉。`).issuer).toBe(
      '某某县交通运输局',
    );
  });
  it('gives null when no unit is named', () => {
    expect(issuers(`${HEAD}感谢您的关心。\n2021年6月3日`).issuer).toBeNull();
  });
});
