import { useEffect, useState } from 'react';
import type { LetterDetail } from '../../../shared/domain';
import { getHuihan } from '../huihan';

interface TopicRowProps {
  letter: LetterDetail;
  /** Assigns the letter's topic; null = back to the topic computed from the rules. */
  onSetTopic: (topic: string | null) => void;
}

/** The topic list for the select, fetched once per letter shown (the rules may have changed). */
function useTopicNames(letterId: number): string[] {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    getHuihan()
      ?.listTopics()
      .then(
        (value) => {
          if (current) setNames(value);
        },
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [letterId]);
  return names;
}

/**
 * The metadata card's 主题 and 关键词 rows: the topic as a select of the taxonomy, marked when the user
 * assigned it (with the computed one in its tooltip) and 恢复自动 to go back; the letter's keywords.
 */
export function TopicRow({ letter, onSetTopic }: TopicRowProps) {
  const names = useTopicNames(letter.id);
  const options = letter.topic && !names.includes(letter.topic) ? [letter.topic, ...names] : names;
  return (
    <>
      <div className="meta-row">
        <dt>主题</dt>
        <dd>
          <select
            aria-label="主题"
            value={letter.topic ?? ''}
            onChange={(event) => {
              if (event.target.value !== '') onSetTopic(event.target.value);
            }}
          >
            {letter.topic === null && <option value="">（尚未归类）</option>}
            {options.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          {letter.topicAssigned && (
            <>
              <span className="badge" title={`按规则归类为：${letter.topicAuto ?? '（尚未归类）'}`}>
                已调整
              </span>
              <button type="button" className="link small" onClick={() => onSetTopic(null)}>
                恢复自动
              </button>
            </>
          )}
        </dd>
      </div>
      <div className="meta-row">
        <dt>关键词</dt>
        <dd>
          {letter.keywords === null ? (
            <span className="muted">正在提取…</span>
          ) : letter.keywords.length > 0 ? (
            <ul className="keyword-list" aria-label="关键词">
              {letter.keywords.map((word) => (
                <li key={word} className="keyword">
                  {word}
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">无</span>
          )}
        </dd>
      </div>
    </>
  );
}
