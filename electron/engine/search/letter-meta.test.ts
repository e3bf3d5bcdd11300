import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { temporaryFolder } from '../test-support';
import { loadLetterMeta } from './letter-meta';
import { generatedTexts, insertTexts, openSearchDatabase } from './search-test-support';

let folder: ReturnType<typeof temporaryFolder>;
let db: Database;

beforeEach(() => {
  folder = temporaryFolder('huihan-letter-meta');
  db = openSearchDatabase(folder.path);
});

afterEach(() => {
  db.close();
  folder.remove();
});

it('reads the parsed fields search needs, and the user’s corrections over them', () => {
  const [plain, corrected] = insertTexts(db, generatedTexts(3, 2));
  const parsed = (id: number) =>
    JSON.parse(db.prepare('SELECT parsed_json FROM letters WHERE id = ?').pluck().get(id) as string) as {
      proposal_title: string;
      proposers: string[];
      doc_number: string;
    };
  db.prepare('UPDATE letters SET corrections_json = ? WHERE id = ?').run(
    JSON.stringify({ proposers: ['王小明', '李四'], proposal_title: '关于改正后题目的提案' }),
    corrected,
  );
  const metas = new Map(loadLetterMeta(db, null).map((meta) => [meta.id, meta]));
  const first = metas.get(plain!)!;
  expect(first.proposers).toEqual(parsed(plain!).proposers);
  expect(first.proposers.length).toBeGreaterThan(0);
  expect(first.proposalTitle).toBe(parsed(plain!).proposal_title);
  expect(first.docNumber).toBe(parsed(plain!).doc_number);
  const second = metas.get(corrected!)!;
  expect(second.proposers).toEqual(['王小明', '李四']);
  expect(second.proposalTitle).toBe('关于改正后题目的提案');
  expect(second.proposalTitleKey).toBe('关于改正后题目的提案');
  expect(second.docNumber).toBe(parsed(corrected!).doc_number);
});

it('treats fields an older parse did not write as empty', () => {
  const [id] = insertTexts(db, generatedTexts(4, 1));
  db.prepare('UPDATE letters SET parsed_json = \'{"title":"旧"}\' WHERE id = ?').run(id);
  const [meta] = loadLetterMeta(db, [id!]);
  expect(meta).toMatchObject({ proposalTitle: null, proposers: [], coIssuers: [], docNumber: null });
});
