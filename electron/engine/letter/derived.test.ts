import { describe, expect, it } from 'vitest';
import { categoryNormalized, deriveFields, letterYear, proposalNumberKey, sessionParts } from './derived';

describe('derived fields', () => {
  it('normalises proposal numbers', () => {
    expect(proposalNumberKey('018')).toBe('18');
    expect(proposalNumberKey('18')).toBe('18');
    expect(proposalNumberKey('000')).toBe('0');
    expect(proposalNumberKey('DH123')).toBe('DH123');
    expect(proposalNumberKey(null)).toBeNull();
  });
  it('splits sessions', () => {
    expect(sessionParts('市政协五届四次会议')).toEqual({
      body: '政协',
      level: '市',
      term: 5,
      meeting: 4,
      sortKey: '政协|市|05|04',
    });
    expect(sessionParts('马关县第十八届人大二次会议')).toMatchObject({
      body: '人大',
      level: '县',
      term: 18,
      meeting: 2,
    });
    expect(sessionParts('政协子洲县第十届委员会第二次会议')).toMatchObject({
      body: '政协',
      level: '县',
      term: 10,
      meeting: 2,
    });
    expect(sessionParts('市十届人大次会议')).toMatchObject({ body: '人大', term: 10, meeting: null });
    expect(sessionParts(null)).toBeNull();
  });
  it('normalises categories and finds the year', () => {
    expect(categoryNormalized('B类')).toBe('B');
    expect(categoryNormalized(null)).toBeNull();
    expect(letterYear('2023-06-29', null, null)).toBe(2023);
    expect(letterYear(null, '达市组函〔2024〕53号', null)).toBe(2024);
    expect(letterYear(null, null, '2018年清原满族自治县政协七届一次会议')).toBe(2018);
    expect(
      deriveFields({
        date: null,
        doc_number: null,
        title: null,
        proposal_number: '020',
        session: null,
        category: 'C',
      }),
    ).toEqual({ year: null, proposalNumberKey: '20', sessionParts: null, categoryNormalized: 'C' });
  });
});
