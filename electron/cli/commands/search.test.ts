import { afterEach, describe, expect, it } from 'vitest';
import { generatedTexts, insertTexts, openSearchDatabase } from '../../engine/search/search-test-support';
import { temporaryFolder } from '../../engine/test-support';
import { runCli } from '../run-cli';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function archiveWithLetters(count: number): { path: string; texts: string[] } {
  const folder = temporaryFolder();
  cleanups.push(folder.remove);
  const db = openSearchDatabase(folder.path);
  const texts = generatedTexts(21, count);
  insertTexts(db, texts);
  db.close();
  return { path: folder.path, texts };
}

describe('huihan search', () => {
  it('prints total, hits and facets as JSON, every letter containing the query counted', async () => {
    const { path, texts } = archiveWithLetters(30);
    const result = await cli(['search', '人才', '--data', path, '--json', '--limit', '5', '--sort', 'date']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.out) as {
      total: number;
      hits: Array<Record<string, unknown>>;
      facets: Record<string, unknown>;
    };
    expect(parsed.total).toBe(texts.filter((text) => text.includes('人才')).length);
    expect(parsed.hits.length).toBe(Math.min(5, parsed.total));
    expect(Object.keys(parsed.hits[0] ?? {}).sort()).toEqual(
      ['category', 'date', 'id', 'issuer', 'proposal_number', 'session', 'snippet', 'title', 'topic'].sort(),
    );
    expect(Object.keys(parsed.facets)).toContain('department');
    const dates = parsed.hits.map((hit) => String(hit.date ?? ''));
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('rejects a bad --sort or --limit with a usage message', async () => {
    const { path } = archiveWithLetters(1);
    expect((await cli(['search', '人才', '--data', path, '--sort', 'size'])).code).toBe(2);
    expect((await cli(['search', '人才', '--data', path, '--limit', '0'])).code).toBe(2);
    expect((await cli(['search', '--data', path])).code).toBe(2);
  });

  it('prints a hint for a malformed query instead of failing', async () => {
    const { path } = archiveWithLetters(3);
    const result = await cli(['search', '号:', '--data', path, '--json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.out) as { hint: string }).hint).toContain('号:');
  });
});
