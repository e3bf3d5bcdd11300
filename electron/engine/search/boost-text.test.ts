import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { temporaryFolder } from '../test-support';
import { BOOST, BoostIndex, type BoostHits } from './boost-text';
import { loadLetterMeta, type LetterMeta } from './letter-meta';
import { generatedTexts, insertTexts, openSearchDatabase } from './search-test-support';

let folder: ReturnType<typeof temporaryFolder>;
let db: Database;

beforeEach(() => {
  folder = temporaryFolder('huihan-boosts');
  db = openSearchDatabase(folder.path);
});

afterEach(() => {
  db.close();
  folder.remove();
});

const asPairs = (hits: BoostHits): Array<[number, number]> =>
  Array.from(hits.ids, (id, index) => [id, hits.boosts[index] as number]);

/** The truth, letter by letter: every field containing the needle adds its weight. */
function truth(metas: LetterMeta[], needle: string): Array<[number, number]> {
  return metas
    .map((meta): [number, number] => [
      meta.id,
      (meta.titleKey.includes(needle) ? BOOST.title : 0) +
        (meta.proposalTitleKey.includes(needle) ? BOOST.proposalTitle : 0) +
        ([...meta.proposers, meta.issuer ?? ''].join('\u0001').includes(needle) ? BOOST.name : 0),
    ])
    .filter(([, boost]) => boost > 0)
    .sort((a, b) => a[0] - b[0]);
}

it('finds the letters with a term in their title, proposal title or names, as a scan does', () => {
  insertTexts(db, generatedTexts(21, 150));
  const metas = loadLetterMeta(db, null);
  const index = new BoostIndex();
  for (const meta of metas) index.set(meta);
  const needles = ['人才', '答复', '关于', '建议', '提案', '人才公寓', '关于加强', '市政协', '局', '会议第'];
  for (const meta of metas.slice(0, 20))
    needles.push(meta.proposers[0] ?? '', (meta.issuer ?? '').slice(2, 7));
  // Before the build: answered by scanning.
  expect(index.ready).toBe(false);
  expect(asPairs(index.boosts('人才', metas))).toEqual(truth(metas, '人才'));
  while (!index.ready) index.step(5);
  for (const needle of needles.filter((value) => value !== '')) {
    expect(asPairs(index.boosts(needle, [])), needle).toEqual(truth(metas, needle));
  }
});

it('follows a changed title and a removed letter at once', () => {
  insertTexts(db, generatedTexts(22, 30));
  const metas = loadLetterMeta(db, null);
  const index = new BoostIndex();
  for (const meta of metas) index.set(meta);
  while (!index.ready) index.step(5);
  const [first, second] = metas as [LetterMeta, LetterMeta];
  index.set({ ...first, title: '关于瀚海星图计划的答复', titleKey: '关于瀚海星图计划的答复' });
  expect(index.ready).toBe(true);
  expect(asPairs(index.boosts('瀚海星图', []))).toEqual([[first.id, BOOST.title]]);
  const name = second.proposers[0] as string;
  const before = asPairs(index.boosts(name, []));
  expect(before.map(([id]) => id)).toContain(second.id);
  index.remove(second.id);
  expect(asPairs(index.boosts(name, []))).toEqual(before.filter(([id]) => id !== second.id));
});
