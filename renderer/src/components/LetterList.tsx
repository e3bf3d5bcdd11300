import { useCallback, useState } from 'react';
import type { LetterSummary } from '../../../shared/domain';
import { usePagedRows, type Page } from '../hooks/usePagedRows';
import { errorMessage } from '../huihan';
import { fetchAllIds, fetchRows, sourceKey, type ListRow, type ListSource } from '../list-source';
import { Highlighted } from './Highlighted';
import { TagChip } from './TagChip';
import { VirtualList } from './VirtualList';

interface LetterListProps {
  /** Where the rows come from; pages after the first are fetched as they scroll into view. */
  source: ListSource;
  /** The first page (and the total), as the list's first answer gave it. */
  first: Page<ListRow>;
  /** Show each hit's snippet under its title (search results). */
  snippets?: boolean;
  selectedId: number | null;
  /** Letters chosen for an action (Ctrl-click, Shift-click, Ctrl+A); the open one is `selectedId`. */
  chosen: ReadonlySet<number>;
  onSelect: (id: number) => void;
  onChoose: (ids: number[], mode: 'toggle' | 'range') => void;
  onError?: (message: string) => void;
}

const ROW_HEIGHT = 62;
const SNIPPET_ROW_HEIGHT = 100;

function meta(letter: LetterSummary): string {
  return [
    letter.issuer,
    letter.session,
    letter.proposalNumber ? `第${letter.proposalNumber}号` : null,
    letter.category ? `${letter.category} 类` : null,
    letter.date,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * Letters as rows (title, then department · session · number · class · date, tags), however many:
 * only the rows in view are drawn and fetched. Arrows, Home/End, PageUp/PageDown move and open;
 * Shift extends the choice, Space or Ctrl-click toggles one, Shift-click chooses a range.
 */
export function LetterList(props: LetterListProps) {
  const { source, first, selectedId, chosen, onSelect, onChoose, snippets = false } = props;
  const key = sourceKey(source);
  const fetchPage = useCallback(
    (offset: number, limit: number) => fetchRows(JSON.parse(key) as ListSource, offset, limit),
    [key],
  );
  const rows = usePagedRows(first, fetchPage);
  const [cursor, setCursor] = useState<{ first: Page<ListRow>; index: number; anchor: number } | null>(null);
  const openIndex = first.items.findIndex((item) => item.id === selectedId);
  const active =
    cursor && cursor.first === first
      ? cursor
      : openIndex >= 0
        ? { first, index: openIndex, anchor: openIndex }
        : null;
  const rowHeight = snippets ? SNIPPET_ROW_HEIGHT : ROW_HEIGHT;
  const { rowAt, total, error } = rows;

  const chooseRange = (from: number, to: number) => {
    const [low, high] = from < to ? [from, to] : [to, from];
    const ids: number[] = [];
    for (let index = low; index <= high; index += 1) {
      const row = rowAt(index);
      if (!row) {
        fetchAllIds(source).then(
          (all) => onChoose(all.slice(low, high + 1), 'range'),
          (reason: unknown) => props.onError?.(errorMessage(reason)),
        );
        return;
      }
      ids.push(row.id);
    }
    onChoose(ids, 'range');
  };

  const moveTo = (index: number, extend: boolean) => {
    const next = Math.max(0, Math.min(total - 1, index));
    const anchor = extend && active ? active.anchor : next;
    setCursor({ first, index: next, anchor });
    if (extend) {
      chooseRange(anchor, next);
      return;
    }
    const row = rowAt(next);
    if (row) onSelect(row.id);
    else {
      // Far from the rows loaded (End, PageDown): fetch just that row to open it; its page follows.
      fetchRows(source, next, 1).then(
        (page) => {
          const found = page.items[0];
          if (found) onSelect(found.id);
        },
        (reason: unknown) => props.onError?.(errorMessage(reason)),
      );
    }
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLUListElement>, pageRows: number) => {
    const at = active?.index ?? -1;
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: Math.max(0, at - 1),
      PageDown: at + pageRows,
      PageUp: Math.max(0, at - pageRows),
      Home: 0,
      End: total - 1,
    };
    if (event.key in moves && total > 0) {
      event.preventDefault();
      moveTo(moves[event.key] as number, event.shiftKey);
    } else if (event.key === 'Enter' && at >= 0) {
      event.preventDefault();
      const row = rowAt(at);
      if (row) onSelect(row.id);
    } else if (event.key === 'Escape' && chosen.size > 0) {
      event.preventDefault();
      onChoose([], 'range');
    } else if (event.key === ' ' && at >= 0) {
      event.preventDefault();
      const row = rowAt(at);
      if (row) onChoose([row.id], 'toggle');
    }
  };

  const onRowClick = (event: React.MouseEvent, index: number, letter: ListRow) => {
    if (event.ctrlKey || event.metaKey) {
      setCursor({ first, index, anchor: index });
      onChoose([letter.id], 'toggle');
    } else if (event.shiftKey && active) {
      setCursor({ first, index, anchor: active.anchor });
      chooseRange(active.anchor, index);
    } else {
      setCursor({ first, index, anchor: index });
      onSelect(letter.id);
    }
  };

  const renderRow = (index: number, style: React.CSSProperties) => {
    const letter = rowAt(index);
    const id = `letter-row-${index}`;
    if (!letter) {
      return (
        <li
          key={`loading-${index}`}
          id={id}
          role="option"
          aria-selected={false}
          aria-busy="true"
          className="letter-row loading"
          style={style}
          aria-posinset={index + 1}
          aria-setsize={total}
        >
          <div className="letter-title muted">正在载入…</div>
        </li>
      );
    }
    const isChosen = chosen.has(letter.id);
    return (
      <li
        key={letter.id}
        id={id}
        role="option"
        aria-selected={letter.id === selectedId || isChosen}
        aria-posinset={index + 1}
        aria-setsize={total}
        className={[
          'letter-row',
          letter.id === selectedId ? 'selected' : '',
          isChosen ? 'chosen' : '',
          active?.index === index ? 'cursor' : '',
        ].join(' ')}
        style={style}
        onClick={(event) => onRowClick(event, index, letter)}
      >
        <div className="letter-title">{letter.title ?? letter.fileName}</div>
        <div className="letter-meta">
          <span className="letter-meta-text">{meta(letter)}</span>
          {letter.tags.map((tag) => (
            <TagChip key={tag} tag={tag} />
          ))}
        </div>
        {snippets && letter.snippet && (
          <div className="letter-snippet">
            <Highlighted text={letter.snippet} spans={letter.highlights ?? []} />
          </div>
        )}
      </li>
    );
  };

  return (
    <>
      {error && (
        <div className="search-hint" role="alert">
          {error}
        </div>
      )}
      <VirtualList
        count={total}
        rowHeight={rowHeight}
        renderRow={renderRow}
        onRangeChange={rows.ensure}
        activeIndex={active?.index ?? null}
        activeId={active ? `letter-row-${active.index}` : undefined}
        label="回函"
        resetKey={key}
        multiselectable
        className="letter-list"
        onKeyDown={onKeyDown}
      />
    </>
  );
}
