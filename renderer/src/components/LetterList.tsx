import { useEffect, useRef } from 'react';
import type { LetterSummary } from '../../../shared/domain';
import { Highlighted } from './Highlighted';

interface LetterListProps {
  letters: Array<LetterSummary & { snippet?: string; highlights?: Array<[number, number]> }>;
  /** Show each hit's snippet under its title (search results). */
  snippets?: boolean;
  selectedId: number | null;
  /** Letters chosen for an action (Ctrl-click, Shift-click, Ctrl+A); the open one is `selectedId`. */
  chosen?: ReadonlySet<number>;
  onSelect: (id: number) => void;
  onChoose?: (ids: number[], mode: 'toggle' | 'range') => void;
}

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

/** Letters as rows (title, then department · session · number · class · date); arrows move, Enter opens. */
export function LetterList({
  letters,
  selectedId,
  chosen,
  onSelect,
  onChoose,
  snippets = false,
}: LetterListProps) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    list.current?.querySelector<HTMLElement>('.letter-row.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = letters.findIndex((letter) => letter.id === selectedId);
    const next = event.key === 'ArrowDown' ? Math.min(letters.length - 1, index + 1) : Math.max(0, index - 1);
    const letter = letters[next];
    if (letter) onSelect(letter.id);
  };

  return (
    <ul
      className="letter-list"
      role="listbox"
      aria-label="回函"
      tabIndex={0}
      ref={list}
      onKeyDown={onKeyDown}
    >
      {letters.map((letter) => (
        <li
          key={letter.id}
          role="option"
          aria-selected={letter.id === selectedId || (chosen?.has(letter.id) ?? false)}
          className={[
            'letter-row',
            letter.id === selectedId ? 'selected' : '',
            chosen?.has(letter.id) ? 'chosen' : '',
          ].join(' ')}
          onClick={(event) => {
            if (onChoose && (event.ctrlKey || event.metaKey)) {
              onChoose([letter.id], 'toggle');
            } else if (onChoose && event.shiftKey && selectedId !== null) {
              const from = letters.findIndex((item) => item.id === selectedId);
              const to = letters.findIndex((item) => item.id === letter.id);
              const [low, high] = from < to ? [from, to] : [to, from];
              onChoose(
                letters.slice(low, high + 1).map((item) => item.id),
                'range',
              );
            } else {
              onSelect(letter.id);
            }
          }}
        >
          <div className="letter-title">{letter.title ?? letter.fileName}</div>
          <div className="letter-meta">{meta(letter)}</div>
          {snippets && letter.snippet && (
            <div className="letter-snippet">
              <Highlighted text={letter.snippet} spans={letter.highlights ?? []} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
