import { expect, it } from 'vitest';
import { ScoreTable } from './score-table';

/** Letters 1–6, newest first: 4, 2, 6, 1, 3 (5 is not in the order: gone since). */
const dates = {
  ids: Uint32Array.from([4, 2, 6, 1, 3]),
  rank: Int32Array.from([-1, 3, 1, 4, 0, -1, 2]),
};

it('orders scored letters best first, ties newest first, and sums the scores of a letter', () => {
  const table = ScoreTable.sum((add) => {
    add(3, 2);
    add(1, 1);
    add(1, 1);
    add(6, 2);
    add(2, 0.5);
    add(5, 9);
    add(4, 0);
  });
  expect(table.size).toBe(5);
  expect(table.get(1)).toBe(2);
  expect(table.has(4)).toBe(false);
  // 6, 1 and 3 all score 2: newest first; 5 is no longer in the order.
  expect(table.best(dates, 10)).toEqual([6, 1, 3, 2]);
  expect(table.best(dates, 2)).toEqual([6, 1]);
  expect(ScoreTable.empty().best(dates, 5)).toEqual([]);
});

it('starts every table from zero, also for ids beyond any seen before', () => {
  ScoreTable.sum((add) => add(2, 5));
  const next = ScoreTable.sum((add) => {
    add(2, 1);
    add(5000, 3);
  });
  expect(next.get(2)).toBe(1);
  expect(next.get(5000)).toBe(3);
  expect(ScoreTable.sum((add) => add(5000, 1)).get(5000)).toBe(1);
});

it('picks the best of many letters as a full sort would', () => {
  const count = 5000;
  const order = Array.from({ length: count }, (_, index) => index + 1).sort(
    (a, b) => ((a * 7919) % count) - ((b * 7919) % count),
  );
  const many = {
    ids: Uint32Array.from(order),
    rank: Int32Array.from({ length: count + 1 }, (_, id) => (id === 0 ? -1 : order.indexOf(id))),
  };
  const scoreOf = (id: number) => ((id * 104729) % 97) / 7 + 0.5;
  const table = ScoreTable.sum((add) => {
    for (let id = 1; id <= count; id += 1) add(id, scoreOf(id));
  });
  const full = [...order].sort((a, b) => scoreOf(b) - scoreOf(a) || order.indexOf(a) - order.indexOf(b));
  for (const upTo of [1, 7, 100, 1200, count]) expect(table.best(many, upTo)).toEqual(full.slice(0, upTo));
});

it('keeps its ids ascending whatever order they were added in', () => {
  const table = ScoreTable.sum((add) => {
    for (const id of [2, 5, 9, 40, 3, 1, 41, 5, 7]) add(id, 1);
  });
  for (const id of [1, 2, 3, 5, 7, 9, 40, 41]) expect(table.has(id), String(id)).toBe(true);
  expect(table.get(5)).toBe(2);
  expect(table.has(4)).toBe(false);
  expect(table.size).toBe(8);
});
