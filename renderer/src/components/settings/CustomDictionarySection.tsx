import { useEffect, useRef, useState } from 'react';
import { CUSTOM_TERM_MAX_LENGTH, readCustomTerms } from '../../../../shared/custom-dictionary';
import type { Settings } from '../../../../shared/domain';
import { errorMessage, getHuihan } from '../../huihan';

type IndexState = { kind: 'idle' } | { kind: 'rebuilding'; backlog: number } | { kind: 'done' };

/**
 * 设置 › 自定义词典: the user's own terms (one per line) that the word segmenter keeps whole, checked as
 * they type; saving re-cuts the letters' words in the background while search keeps answering.
 * 试分词 shows how a sentence is cut with the dictionary in force.
 */
export function CustomDictionarySection({
  settings,
  save,
}: {
  settings: Settings;
  save: (patch: Partial<Settings>) => Promise<Settings>;
}) {
  const saved = settings.customDictionary.join('\n');
  const [text, setText] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  const [index, setIndex] = useState<IndexState>({ kind: 'idle' });
  const [sample, setSample] = useState('');
  const [words, setWords] = useState<string[] | null>(null);
  const polling = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [shown, setShown] = useState(saved);
  if (shown !== saved) {
    // The saved dictionary changed (saved here or elsewhere): show it.
    setShown(saved);
    setText(saved);
  }
  useEffect(
    () => () => {
      if (polling.current) clearTimeout(polling.current);
    },
    [],
  );

  const reading = readCustomTerms(text);
  const unchanged = reading.terms.join('\n') === saved;

  /** Follows the background re-indexing through the engine's status until nothing is left. */
  const follow = () => {
    getHuihan()
      ?.status()
      .then(
        (status) => {
          const backlog = status.searchBacklog ?? 0;
          if (backlog > 0) {
            setIndex({ kind: 'rebuilding', backlog });
            polling.current = setTimeout(follow, 1000);
          } else setIndex({ kind: 'done' });
        },
        () => setIndex({ kind: 'idle' }),
      );
  };

  const submit = () => {
    setError(null);
    save({ customDictionary: reading.terms }).then(
      () => {
        setText(reading.terms.join('\n'));
        setIndex({ kind: 'rebuilding', backlog: 0 });
        setWords(null);
        polling.current = setTimeout(follow, 300);
      },
      (reason: unknown) => setError(errorMessage(reason)),
    );
  };

  const trySample = (event: React.FormEvent) => {
    event.preventDefault();
    if (sample.trim() === '') return;
    getHuihan()
      ?.segmentText({ text: sample.trim() })
      .then(
        (result) => setWords(result.words),
        (reason: unknown) => setError(errorMessage(reason)),
      );
  };

  return (
    <section className="settings-section" aria-labelledby="settings-dictionary-title">
      <h3 id="settings-dictionary-title">自定义词典</h3>
      <p className="settings-help">
        每行一个词（1–{CUSTOM_TERM_MAX_LENGTH} 个字，不含空格），例如本地的项目名、单位简称、人名。
        分词时这些词保持完整，排序更准确；无论是否加入词典，正文中出现的词都能搜到。
      </p>
      <textarea
        className="settings-dictionary"
        aria-label="自定义词典（每行一个词）"
        rows={5}
        value={text}
        spellCheck={false}
        onChange={(event) => {
          setText(event.target.value);
          setIndex({ kind: 'idle' });
        }}
      />
      <div className="settings-row">
        <span className="muted">
          共 {reading.terms.length} 个词
          {reading.duplicates > 0 ? `（${reading.duplicates} 个重复的已合并）` : ''}
        </span>
        <button type="button" onClick={submit} disabled={reading.problems.length > 0 || unchanged}>
          保存词典
        </button>
      </div>
      {reading.problems.length > 0 && (
        <ul className="settings-problem" role="alert" aria-label="词典中的问题">
          {reading.problems.slice(0, 8).map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
          {reading.problems.length > 8 && <li>……另有 {reading.problems.length - 8} 处</li>}
        </ul>
      )}
      {error && (
        <p className="settings-problem" role="alert">
          {error}
        </p>
      )}
      {index.kind === 'rebuilding' && (
        <p className="settings-ok" role="status">
          词典已保存。正在按新词典重建索引
          {index.backlog > 0 ? `（还剩 ${index.backlog} 封）` : ''}……搜索照常可用。
        </p>
      )}
      {index.kind === 'done' && (
        <p className="settings-ok" role="status">
          词典已保存，索引已按新词典更新。
        </p>
      )}
      <form className="settings-row" onSubmit={trySample}>
        <input
          aria-label="试分词的句子"
          placeholder="输入一句话，看看如何分词"
          value={sample}
          maxLength={500}
          onChange={(event) => setSample(event.target.value)}
        />
        <button type="submit" disabled={sample.trim() === ''}>
          试分词
        </button>
      </form>
      {words && (
        <ul className="settings-words" aria-label="分词结果">
          {words.map((word, position) => (
            <li key={`${position}-${word}`}>{word}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
