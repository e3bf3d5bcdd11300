import type { Database } from 'better-sqlite3';
import type { TagInfo } from '../../../shared/domain';

/** Tags on letters (标签): a letter has any number; a tag may have a colour. */
export function listTags(db: Database): TagInfo[] {
  return db
    .prepare(
      `SELECT names.tag AS name, tag_colors.color AS color,
              (SELECT COUNT(*) FROM letter_tags WHERE letter_tags.tag = names.tag) AS count
       FROM (SELECT tag FROM letter_tags UNION SELECT tag FROM tag_colors) AS names
       LEFT JOIN tag_colors ON tag_colors.tag = names.tag
       ORDER BY count DESC, name`,
    )
    .all() as TagInfo[];
}

export function tagLetters(db: Database, ids: number[], tags: string[]): number {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO letter_tags (letter_id, tag) SELECT id, ? FROM letters WHERE id = ?',
  );
  return db.transaction(() => {
    let changed = 0;
    for (const id of ids) for (const tag of tags) changed += insert.run(tag.trim(), id).changes;
    return changed;
  })();
}

export function untagLetters(db: Database, ids: number[], tags: string[]): number {
  const remove = db.prepare('DELETE FROM letter_tags WHERE letter_id = ? AND tag = ?');
  return db.transaction(() => {
    let changed = 0;
    for (const id of ids) for (const tag of tags) changed += remove.run(id, tag.trim()).changes;
    return changed;
  })();
}

export function setTagColor(db: Database, tag: string, color: string | null): TagInfo {
  const name = tag.trim();
  db.prepare(
    'INSERT INTO tag_colors (tag, color) VALUES (?, ?) ON CONFLICT (tag) DO UPDATE SET color = excluded.color',
  ).run(name, color);
  return listTags(db).find((info) => info.name === name) ?? { name, color, count: 0 };
}
