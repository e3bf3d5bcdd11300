import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Archive } from '../archive';
import { generatedTexts, insertTexts } from '../search/search-test-support';
import { USER_DICTIONARY_FILE } from '../search/user-dictionary';
import { temporaryFolder } from '../test-support';
import { APPLIED_SETTINGS_FILE, readAppliedSettings } from './applied-settings';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function open(dataDir: string): Archive {
  const archive = Archive.open({ dataDir, searchWords: false });
  cleanups.push(() => archive.close());
  return archive;
}

const SENTENCE = '今年推进蓝鲸湾计划建设';
const TERM = '蓝鲸湾计划';

describe('applySettings and segmentText', () => {
  it('keeps a custom term whole once the user adds it, and cuts it apart again once removed', async () => {
    const folder = temporaryFolder();
    cleanups.push(folder.remove);
    const archive = open(folder.path);
    const before = (await archive.handle('segmentText', { text: SENTENCE })) as { words: string[] };
    expect(before.words).not.toContain(TERM);

    const applied = await archive.handle('applySettings', { customDictionary: [TERM], topicRules: [] });
    expect(applied).toMatchObject({ dictionaryChanged: true });
    expect(readFileSync(join(folder.path, USER_DICTIONARY_FILE), 'utf8')).toMatch(/^蓝鲸湾计划 \d+ nz$/mu);
    const after = (await archive.handle('segmentText', { text: SENTENCE })) as { words: string[] };
    expect(after.words).toContain(TERM);

    expect(await archive.handle('applySettings', { customDictionary: [TERM], topicRules: [] })).toMatchObject(
      {
        dictionaryChanged: false,
      },
    );
    await archive.handle('applySettings', { customDictionary: [], topicRules: [] });
    const removed = (await archive.handle('segmentText', { text: SENTENCE })) as { words: string[] };
    expect(removed.words).not.toContain(TERM);
  }, 30_000);

  it('remembers what it was given, so the next start cuts with the same dictionary and nothing is rebuilt', async () => {
    const folder = temporaryFolder();
    cleanups.push(folder.remove);
    const first = open(folder.path);
    await first.handle('applySettings', { customDictionary: ['5G基站', TERM], topicRules: [] });
    // The dictionary file is written once the letters are loaded (segmenting waits for that).
    await first.handle('segmentText', { text: '建设5G基站' });
    first.close();
    expect(readAppliedSettings(folder.path).customDictionary).toEqual(['5G基站', TERM]);
    expect(readFileSync(join(folder.path, USER_DICTIONARY_FILE), 'utf8')).toContain('5g基站');

    const second = open(folder.path);
    expect(
      await second.handle('applySettings', { customDictionary: ['5G基站', TERM], topicRules: [] }),
    ).toMatchObject({
      dictionaryChanged: false,
    });
  }, 30_000);

  it('refuses terms with spaces or longer than 20 characters, in Chinese, and reads a damaged file as nothing applied', async () => {
    const folder = temporaryFolder();
    cleanups.push(folder.remove);
    const archive = open(folder.path);
    await expect(
      archive.handle('applySettings', { customDictionary: ['人才 公寓'], topicRules: [] }),
    ).rejects.toMatchObject({ code: 'invalid_arguments', message: expect.stringContaining('空格') });
    await expect(
      archive.handle('applySettings', { customDictionary: ['很'.repeat(21)], topicRules: [] }),
    ).rejects.toMatchObject({ message: expect.stringContaining('超过 20 个字') });
    expect(existsSync(join(folder.path, APPLIED_SETTINGS_FILE))).toBe(false);
    writeFileSync(join(folder.path, APPLIED_SETTINGS_FILE), '{ 半截');
    expect(readAppliedSettings(folder.path)).toEqual({ customDictionary: [], topicRules: [] });
  });

  it('re-cuts every letter in the background after a dictionary change while search keeps finding them', async () => {
    const folder = temporaryFolder();
    cleanups.push(folder.remove);
    const archive = Archive.open({ dataDir: folder.path });
    cleanups.push(() => archive.close());
    const texts = generatedTexts(5, 30).map((text, index) => (index === 7 ? `${text}\n推进${TERM}。` : text));
    const ids = insertTexts(archive.db, texts);
    archive.search.indexLetters(ids);
    await archive.search.whenIdle();
    expect(((await archive.handle('status', {})) as { searchBacklog: number }).searchBacklog).toBe(0);

    await archive.handle('applySettings', { customDictionary: [TERM], topicRules: [] });
    expect(((await archive.handle('status', {})) as { searchBacklog: number }).searchBacklog).toBe(30);
    const during = (await archive.handle('search', { query: TERM })) as { total: number };
    expect(during.total).toBe(1);
    await archive.search.whenIdle();
    expect(((await archive.handle('status', {})) as { searchBacklog: number }).searchBacklog).toBe(0);
    const after = (await archive.handle('search', { query: TERM })) as {
      total: number;
      hits: Array<{ id: number }>;
    };
    expect(after.hits.map((hit) => hit.id)).toEqual([ids[7]]);
  }, 60_000);
});
