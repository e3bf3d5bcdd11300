import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nodejieba from 'nodejieba';
import { normalizeForSearch } from './tokenizer';

/**
 * nodejieba, loaded once per process with explicit dictionary paths. Every path is checked before
 * `load()`: a wrong path aborts the whole process inside the native code instead of throwing.
 */

const DICT_FILES = {
  dict: 'jieba.dict.utf8',
  hmmDict: 'hmm_model.utf8',
  userDict: 'user.dict.utf8',
  idfDict: 'idf.utf8',
  stopWordDict: 'stop_words.utf8',
} as const;

/** HUIHAN_DICT_DIR (the packaged app's resources/dict), else nodejieba's own dictionaries. */
export function dictionaryDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.HUIHAN_DICT_DIR;
  if (fromEnv) return fromEnv;
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('nodejieba')), 'submodules', 'cppjieba', 'dict');
}

let loadedWith: string | null = null;

/**
 * Loads jieba's dictionaries (once; later calls with other user dictionaries are ignored until the
 * next process, since a reload costs about a second). Throws in Chinese when a file is missing.
 */
export function loadJieba(options: { userDictionary?: string | null; env?: NodeJS.ProcessEnv } = {}): void {
  if (loadedWith !== null) return;
  const dir = dictionaryDir(options.env);
  const paths = Object.fromEntries(
    Object.entries(DICT_FILES).map(([key, file]) => [key, join(dir, file)]),
  ) as Record<keyof typeof DICT_FILES, string>;
  for (const path of Object.values(paths)) {
    if (!existsSync(path)) throw new Error(`找不到分词词典文件「${path}」，请检查安装是否完整。`);
  }
  const extra = options.userDictionary;
  // cppjieba reads several user dictionaries separated by '|' or ';'.
  if (extra && existsSync(extra) && !/[|;]/u.test(extra)) paths.userDict = `${paths.userDict}|${extra}`;
  nodejieba.load(paths);
  loadedWith = paths.userDict;
}

/**
 * Loads the dictionaries again because the user dictionary's content changed. nodejieba 3.5.8's
 * load() replaces its native segmenter (lib/nodejieba.cpp deletes the old one and builds a new one),
 * so this takes effect in the same process; it blocks about as long as the first load (1–2 s).
 * Does nothing when jieba was never loaded: its first use loads the new file.
 */
export function reloadJieba(options: { userDictionary?: string | null; env?: NodeJS.ProcessEnv } = {}): void {
  if (loadedWith === null) return;
  loadedWith = null;
  loadJieba(options);
}

export function isJiebaLoaded(): boolean {
  return loadedWith !== null;
}

const WORD = /[\p{Script=Han}〇a-z0-9]/u;

/** Search words of a text (normalised, lower case), in order, punctuation and spaces dropped. */
export function wordTokens(text: string): string[] {
  loadJieba();
  return nodejieba.cutForSearch(normalizeForSearch(text), true).filter((word) => WORD.test(word));
}

/** How jieba reads a sentence (precise mode, no sub-words): what the settings screen shows. */
export function sentenceWords(text: string): string[] {
  loadJieba();
  return nodejieba.cut(normalizeForSearch(text), true).filter((word) => WORD.test(word));
}
