import { expect, it } from 'vitest';
import { Random } from '../../../bench/random';
import { FacetTable } from './facets';
import type { LetterMeta } from './letter-meta';

const meta = (id: number, random: Random): LetterMeta => ({
  id,
  stamp: '',
  fileName: `${id}.txt`,
  title: null,
  proposalTitle: null,
  titleKey: '',
  proposalTitleKey: '',
  issuer: random.pick(['市教育局', '市交通运输局', '市卫生健康委']),
  coIssuers: [],
  session: random.pick(['市政协十三届一次会议', '市政协十三届二次会议', null]),
  sessionKey: null,
  proposalNumber: null,
  proposalKey: null,
  category: random.pick(['A', 'B', 'C']),
  date: null,
  year: random.int(2019, 2024),
  topic: random.pick(['人才', '教育', null]),
  kind: '政协提案',
  docNumber: null,
  proposers: [],
  tags: random.chance(0.3) ? [random.pick(['重点', '督办'])] : [],
});

it('counts a result of more than half the letters as all the letters minus the rest, the same', () => {
  const random = new Random(9);
  const table = new FacetTable();
  const all = Uint32Array.from({ length: 400 }, (_, index) => index + 1);
  for (const id of all) table.set(meta(id, random));
  for (const share of [0.1, 0.5, 0.7, 1]) {
    const ids = all.filter(() => random.chance(share));
    // Counted directly (no list of all letters) and through the complement: the same counts.
    expect(table.count(ids, all), String(share)).toEqual(table.count(ids));
  }
  const every = table.count(all, all);
  expect(every.year.reduce((sum, facet) => sum + facet.count, 0)).toBe(400);
  // A change to a letter is seen by the next count (the kept totals are dropped).
  table.set({ ...meta(1, random), year: 1999 });
  expect(table.count(all, all).year.find((facet) => facet.value === '1999')).toEqual({
    value: '1999',
    count: 1,
  });
});
