import type { Database } from 'better-sqlite3';
import type { BrowseDimension, BrowseNode } from '../../../shared/domain';

const NONE = '（未识别）';

interface CountRow {
  key: string | null;
  label: string | null;
  count: number;
}

function nodes(rows: CountRow[], prefix: string): BrowseNode[] {
  return rows.map((row) => ({
    key: `${prefix}:${row.key ?? ''}`,
    label: row.label ?? NONE,
    count: row.count,
  }));
}

/** Sessions in order (body, level, term, meeting), each with its proposal numbers in numeric order. */
function bySession(db: Database): BrowseNode[] {
  const sessions = db
    .prepare(
      `SELECT session_key AS key, MIN(session) AS label, COUNT(*) AS count FROM letters
       GROUP BY session_key ORDER BY session_key IS NULL, session_key`,
    )
    .all() as CountRow[];
  const numbers = db.prepare(
    `SELECT proposal_key AS key, MIN(proposal_number) AS label, COUNT(*) AS count FROM letters
     WHERE session_key IS ? GROUP BY proposal_key ORDER BY proposal_key IS NULL, proposal_key`,
  );
  return sessions.map((session) => ({
    key: `session:${session.key ?? ''}`,
    label: session.label ?? NONE,
    count: session.count,
    children: (numbers.all(session.key) as CountRow[]).map((row) => ({
      key: `number:${session.key ?? ''}#${row.key ?? ''}`,
      label: row.label === null ? '（无案号）' : `第${row.label}号`,
      count: row.count,
    })),
  }));
}

/** Letters counted by one browsing column, the unrecognised (NULL) group last. */
function countBy(db: Database, column: 'issuer' | 'topic' | 'category', order: string): CountRow[] {
  return db
    .prepare(
      `SELECT ${column} AS key, ${column} AS label, COUNT(*) AS count FROM letters
       GROUP BY ${column} ORDER BY ${column} IS NULL, ${order}`,
    )
    .all() as CountRow[];
}

/** Counts of letters by session → number, department, topic, category (A–D, 未标) or tag. */
export function browse(db: Database, by: BrowseDimension): BrowseNode[] {
  switch (by) {
    case 'session':
      return bySession(db);
    case 'department':
      return nodes(countBy(db, 'issuer', 'count DESC, issuer'), 'department');
    case 'topic':
      // 其他 (nothing matched) after the real topics; letters not classified yet (NULL) last.
      return countBy(db, 'topic', "topic = '其他', count DESC, topic").map((row) => ({
        key: `topic:${row.key ?? ''}`,
        label: row.label ?? '（尚未归类）',
        count: row.count,
      }));
    case 'category':
      return countBy(db, 'category', 'category').map((row) => ({
        key: `category:${row.key ?? ''}`,
        label: row.label === null ? '未标' : `${row.label} 类`,
        count: row.count,
      }));
    case 'tag':
      return nodes(
        db
          .prepare(
            'SELECT tag AS key, tag AS label, COUNT(*) AS count FROM letter_tags GROUP BY tag ORDER BY count DESC, tag',
          )
          .all() as CountRow[],
        'tag',
      );
  }
}
