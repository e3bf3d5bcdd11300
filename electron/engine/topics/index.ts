/**
 * Topics: every letter gets a topic from keyword rules (weighed on the proposal title and title more
 * than on the body) and its top keywords (jieba's TF-IDF extract). The user can assign a letter's
 * topic (kept apart, it wins over the computed one) and edit the rules (kept by the host in settings,
 * handed to the engine through setTopicRules).
 */
import type { Database } from 'better-sqlite3';
import type { TopicRule } from '../../../shared/domain';
import { notifyTopicsChanged } from './topic-events';
import { backgroundOf } from './topic-background';
import { activeRules, classifyLetters, staleLetterIds, storeTopicRules } from './topic-store';

export { DEFAULT_TOPIC_RULES, OTHER_TOPIC } from './default-rules';
export { classifyTopic, compileRules, scoreTopics } from './classify';
export { onTopicsChanged } from './topic-events';
export { TopicBackground } from './topic-background';
export { ensureKeywords, fillKeywords } from './letter-keywords';
export { assignTopic, classifyLetters, letterTopicInfo, storedTopicRules, topicNames } from './topic-store';

/** Letters re-classified within the call when a background runner takes the rest (~0.2 ms each). */
const SYNC_LIMIT = 1000;

export interface TopicRulesResult {
  /** Letters classified within the call. */
  reclassified: number;
  /** Of those, letters whose topic changed (search is told about them). */
  changed: number;
  /** Letters left to the background runner (large archives); 0 when every letter is done. */
  pending: number;
}

/**
 * Makes `rules` the engine's topic rules (empty = the default taxonomy) and re-classifies the
 * letters with them, keeping the topics the user assigned. Rules equal to the active ones classify
 * nothing again (a host may hand the same rules at every start). With a TopicBackground running on
 * this database (the engine), the first `syncLimit` letters are done here and the rest in its small
 * background steps, so a large archive does not hold up every other request; without one (CLI, tests),
 * all are done here.
 */
export function setTopicRules(
  db: Database,
  rules: TopicRule[],
  options: { syncLimit?: number } = {},
): TopicRulesResult {
  const before = activeRules(db).stamp;
  if (storeTopicRules(db, rules).stamp === before) return { reclassified: 0, changed: 0, pending: 0 };
  const background = backgroundOf(db);
  const total = db.prepare('SELECT COUNT(*) FROM letters').pluck().get() as number;
  const ids = staleLetterIds(db, background ? (options.syncLimit ?? SYNC_LIMIT) : total);
  const changed = db.transaction(() => classifyLetters(db, ids))();
  notifyTopicsChanged(db, changed);
  const pending = staleLetterIds(db, 1).length === 0 ? 0 : total - ids.length;
  if (pending > 0) background?.wake();
  return { reclassified: ids.length, changed: changed.length, pending };
}
