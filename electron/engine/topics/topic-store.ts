import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/api-error';
import type { TopicRule } from '../../../shared/domain';
import { statement } from '../store/statements';
import { classifyTopic, compileRules, type CompiledRules } from './classify';
import { DEFAULT_TOPIC_RULES, OTHER_TOPIC } from './default-rules';

/** The rules the engine classifies with, compiled, and the stamp letters record they were classified with. */
interface ActiveRules {
  rules: readonly TopicRule[];
  compiled: CompiledRules;
  stamp: string;
}

const active = new WeakMap<Database, ActiveRules>();

/** Empty rules mean the default taxonomy. */
export function effectiveRules(rules: readonly TopicRule[]): readonly TopicRule[] {
  return rules.length === 0 ? DEFAULT_TOPIC_RULES : rules;
}

function stampOf(rules: readonly TopicRule[]): string {
  return createHash('sha1').update(JSON.stringify(rules)).digest('hex').slice(0, 16);
}

function activate(db: Database, stored: readonly TopicRule[]): ActiveRules {
  const rules = effectiveRules(stored);
  const entry = { rules, compiled: compileRules(rules), stamp: stampOf(rules) };
  active.set(db, entry);
  return entry;
}

/** The rules as stored (empty = the default taxonomy). */
export function storedTopicRules(db: Database): TopicRule[] {
  const json = statement(db, 'SELECT rules_json FROM topic_rules WHERE id = 1').pluck().get() as
    string | undefined;
  return json ? (JSON.parse(json) as TopicRule[]) : [];
}

export function activeRules(db: Database): ActiveRules {
  return active.get(db) ?? activate(db, storedTopicRules(db));
}

/** Stores the rules (empty = the default taxonomy) and makes them the active ones. */
export function storeTopicRules(db: Database, rules: readonly TopicRule[]): ActiveRules {
  const cleaned = rules
    .map((rule) => ({
      topic: rule.topic.trim(),
      keywords: [...new Set(rule.keywords.map((word) => word.trim()).filter(Boolean))],
    }))
    .filter((rule) => rule.topic !== '');
  statement(
    db,
    `INSERT INTO topic_rules (id, rules_json) VALUES (1, ?)
     ON CONFLICT (id) DO UPDATE SET rules_json = excluded.rules_json`,
  ).run(JSON.stringify(cleaned));
  return activate(db, cleaned);
}

interface ClassifyRow {
  id: number;
  text: string;
  title: string | null;
  proposal_title: unknown;
  topic: string | null;
  topic_auto: string | null;
  topic_user: string | null;
  rules_stamp: string | null;
}

/** The effective proposal title (the user's correction, even an emptied one, else the parsed one), in SQL. */
const PROPOSAL_TITLE = `CASE WHEN json_type(l.corrections_json, '$.proposal_title') IS NOT NULL
  THEN json_extract(l.corrections_json, '$.proposal_title') ELSE json_extract(l.parsed_json, '$.proposal_title') END`;

/** Sets letters.topic, the effective topic, when it changed. */
function setEffectiveTopic(db: Database, id: number, topic: string | null): void {
  statement(db, 'UPDATE letters SET topic = ? WHERE id = ? AND topic IS NOT ?').run(topic, id, topic);
}

/**
 * Computes the topic of the given letters with the active rules and stores it; the user's own
 * assignment (topic_user) still wins. Returns the ids whose effective topic changed.
 */
export function classifyLetters(db: Database, ids: readonly number[]): number[] {
  const rules = activeRules(db);
  const select = statement(
    db,
    `SELECT l.id, x.text, l.title, ${PROPOSAL_TITLE} AS proposal_title, l.topic,
       t.topic_auto, t.topic_user, t.rules_stamp
     FROM letters l JOIN letter_texts x ON x.letter_id = l.id
       LEFT JOIN letter_topics t ON t.letter_id = l.id
     WHERE l.id = ?`,
  );
  const save = statement(
    db,
    `INSERT INTO letter_topics (letter_id, topic_auto, rules_stamp) VALUES (@id, @auto, @stamp)
     ON CONFLICT (letter_id) DO UPDATE SET topic_auto = excluded.topic_auto, rules_stamp = excluded.rules_stamp`,
  );
  const changed: number[] = [];
  for (const id of ids) {
    const row = select.get(id) as ClassifyRow | undefined;
    if (!row) continue;
    const proposalTitle = typeof row.proposal_title === 'string' ? row.proposal_title : null;
    const auto = classifyTopic({ proposalTitle, title: row.title, body: row.text }, rules.compiled);
    if (auto !== row.topic_auto || rules.stamp !== row.rules_stamp)
      save.run({ id, auto, stamp: rules.stamp });
    const effective = row.topic_user ?? auto;
    if (effective !== row.topic) {
      setEffectiveTopic(db, id, effective);
      changed.push(id);
    }
  }
  return changed;
}

/** Letters never classified, or classified with other rules than the active ones (at most `limit`). */
export function staleLetterIds(db: Database, limit: number): number[] {
  return statement(
    db,
    `SELECT l.id FROM letters l LEFT JOIN letter_topics t ON t.letter_id = l.id
     WHERE t.rules_stamp IS NOT ? ORDER BY l.id LIMIT ?`,
  )
    .pluck()
    .all(activeRules(db).stamp, limit) as number[];
}

/**
 * The user assigns a letter's topic (null = back to the computed one). The assignment is kept apart
 * from the computed topic and survives re-parsing and rule changes.
 */
export function assignTopic(db: Database, id: number, topic: string | null): void {
  const name = topic?.trim() || null;
  const exists = statement(db, 'SELECT 1 FROM letters WHERE id = ?').pluck().get(id);
  if (exists === undefined) throw new ApiError('not_found', `找不到编号为 ${id} 的回函，它可能已被删除。`);
  db.transaction(() => {
    statement(
      db,
      `INSERT INTO letter_topics (letter_id, topic_user) VALUES (@id, @name)
       ON CONFLICT (letter_id) DO UPDATE SET topic_user = excluded.topic_user`,
    ).run({ id, name });
    const auto = statement(db, 'SELECT topic_auto FROM letter_topics WHERE letter_id = ?').pluck().get(id) as
      string | null;
    setEffectiveTopic(db, id, name ?? auto);
  })();
}

export interface LetterTopicInfo {
  /** The effective topic: the user's, else the computed one. */
  topic: string | null;
  topicAuto: string | null;
  topicAssigned: boolean;
  keywords: string[] | null;
}

export function letterTopicInfo(db: Database, id: number): LetterTopicInfo {
  const row = statement(
    db,
    `SELECT l.topic, t.topic_auto, t.topic_user, t.keywords_json
     FROM letters l LEFT JOIN letter_topics t ON t.letter_id = l.id WHERE l.id = ?`,
  ).get(id) as
    | {
        topic: string | null;
        topic_auto: string | null;
        topic_user: string | null;
        keywords_json: string | null;
      }
    | undefined;
  if (!row) return { topic: null, topicAuto: null, topicAssigned: false, keywords: null };
  return {
    topic: row.topic,
    topicAuto: row.topic_auto,
    topicAssigned: row.topic_user !== null,
    keywords: row.keywords_json === null ? null : (JSON.parse(row.keywords_json) as string[]),
  };
}

/** The topics a letter can be given: the active rules' topics, 其他, then any other topic in use. */
export function topicNames(db: Database): string[] {
  const names = new Set(activeRules(db).compiled.topics);
  names.add(OTHER_TOPIC);
  const inUse = statement(db, 'SELECT DISTINCT topic FROM letters WHERE topic IS NOT NULL ORDER BY topic')
    .pluck()
    .all() as string[];
  for (const name of inUse) names.add(name);
  return [...names];
}
