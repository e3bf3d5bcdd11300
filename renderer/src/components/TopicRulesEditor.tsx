import { useState } from 'react';
import { DEFAULT_TOPIC_RULES } from '../../../shared/default-topic-rules';
import type { TopicRule } from '../../../shared/domain';

interface TopicRulesEditorProps {
  /** The rules in the settings; empty means the default taxonomy. */
  rules: TopicRule[];
  /** Saves the edited rules; the default taxonomy is saved as [] (so later default updates apply). */
  onSave: (rules: TopicRule[]) => void;
}

interface Draft {
  key: number;
  topic: string;
  keywords: string;
}

const MAX_TOPICS = 200;
const MAX_KEYWORDS = 500;
const MAX_LENGTH = 50;

let nextKey = 0;

function toDrafts(rules: readonly TopicRule[]): Draft[] {
  const shown = rules.length === 0 ? DEFAULT_TOPIC_RULES : rules;
  return shown.map((rule) => ({ key: nextKey++, topic: rule.topic, keywords: rule.keywords.join('、') }));
}

function splitKeywords(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、,，;；\s]+/u)
        .map((word) => word.trim())
        .filter(Boolean),
    ),
  ];
}

function toRules(drafts: readonly Draft[]): TopicRule[] {
  return drafts.map((draft) => ({ topic: draft.topic.trim(), keywords: splitKeywords(draft.keywords) }));
}

const sameRules = (a: readonly TopicRule[], b: readonly TopicRule[]) =>
  JSON.stringify(a) === JSON.stringify(b);

/** What is wrong with the rules, in Chinese, or null when they can be saved. */
export function topicRulesProblem(rules: readonly TopicRule[]): string | null {
  if (rules.length === 0) return '至少需要一个主题。';
  if (rules.length > MAX_TOPICS) return `主题最多 ${MAX_TOPICS} 个。`;
  const seen = new Set<string>();
  for (const [index, rule] of rules.entries()) {
    if (!rule.topic) return `第 ${index + 1} 个主题没有名称。`;
    if (rule.topic.length > MAX_LENGTH)
      return `主题名称「${rule.topic.slice(0, 10)}…」太长（最多 ${MAX_LENGTH} 字）。`;
    if (seen.has(rule.topic)) return `主题「${rule.topic}」重复了，请合并或改名。`;
    seen.add(rule.topic);
    if (rule.keywords.length === 0) return `主题「${rule.topic}」还没有关键词。`;
    if (rule.keywords.length > MAX_KEYWORDS) return `主题「${rule.topic}」的关键词超过 ${MAX_KEYWORDS} 个。`;
    const long = rule.keywords.find((word) => word.length > MAX_LENGTH);
    if (long) return `关键词「${long.slice(0, 10)}…」太长（最多 ${MAX_LENGTH} 字）。`;
  }
  return null;
}

/**
 * The topic rules of the settings screen: each topic with its keywords (separated by 、 or spaces),
 * add and remove topics, 恢复默认. A letter goes to the topic whose keywords its proposal title (most),
 * title and text contain; letters whose topic the user chose by hand keep it.
 */
export function TopicRulesEditor({ rules, onSave }: TopicRulesEditorProps) {
  const [drafts, setDrafts] = useState<Draft[]>(() => toDrafts(rules));
  const [problem, setProblem] = useState<string | null>(null);
  // New rules from the settings (saved, or changed elsewhere) replace the drafts.
  const rulesKey = JSON.stringify(rules);
  const [shownKey, setShownKey] = useState(rulesKey);
  if (shownKey !== rulesKey) {
    setShownKey(rulesKey);
    setDrafts(toDrafts(rules));
    setProblem(null);
  }

  const edited = toRules(drafts);
  const saved = rules.length === 0 ? [...DEFAULT_TOPIC_RULES] : rules;
  const dirty = !sameRules(edited, saved);
  const isDefault = sameRules(edited, [...DEFAULT_TOPIC_RULES]);
  const update = (key: number, change: Partial<Draft>) =>
    setDrafts(drafts.map((draft) => (draft.key === key ? { ...draft, ...change } : draft)));

  const save = () => {
    const found = topicRulesProblem(edited);
    setProblem(found);
    if (found) return;
    onSave(isDefault ? [] : edited);
  };

  return (
    <div className="topic-rules">
      <p className="muted">关键词之间用顿号（、）或空格分隔；提案标题中出现的关键词最重要。</p>
      <ul className="topic-rules-list">
        {drafts.map((draft, index) => {
          const name = draft.topic.trim() || `第 ${index + 1} 个主题`;
          return (
            <li key={draft.key} className="topic-rule">
              <input
                className="topic-rule-name"
                aria-label={`主题名称（${name}）`}
                value={draft.topic}
                maxLength={MAX_LENGTH}
                onChange={(event) => update(draft.key, { topic: event.target.value })}
              />
              <textarea
                className="topic-rule-keywords"
                aria-label={`「${name}」的关键词`}
                value={draft.keywords}
                rows={2}
                onChange={(event) => update(draft.key, { keywords: event.target.value })}
              />
              <button
                type="button"
                className="link small"
                aria-label={`删除主题「${name}」`}
                onClick={() => setDrafts(drafts.filter((item) => item.key !== draft.key))}
              >
                删除
              </button>
            </li>
          );
        })}
      </ul>
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="topic-rules-actions">
        <button
          type="button"
          onClick={() => setDrafts([...drafts, { key: nextKey++, topic: '', keywords: '' }])}
        >
          添加主题
        </button>
        <button
          type="button"
          disabled={isDefault}
          onClick={() => {
            setDrafts(toDrafts([]));
            setProblem(null);
          }}
        >
          恢复默认
        </button>
        <button
          type="button"
          disabled={!dirty}
          onClick={() => {
            setDrafts(toDrafts(rules));
            setProblem(null);
          }}
        >
          放弃修改
        </button>
        <button type="button" className="primary" disabled={!dirty} onClick={save}>
          保存主题规则
        </button>
      </div>
    </div>
  );
}
