import '../styles/lists.css';
import { useEffect, useId, useState, type Ref } from 'react';
import { getHuihan } from '../huihan';
import { filterText } from './SearchResults';

type SuggestField = 'department' | 'session' | 'topic' | 'tag' | 'proposer';

/** The filter keys whose values the archive can suggest. */
const SUGGEST_KEYS: Readonly<Record<string, SuggestField>> = {
  部门: 'department',
  届次: 'session',
  主题: 'topic',
  标签: 'tag',
  提案人: 'proposer',
};

interface FilterUnderCaret {
  key: string;
  field: SuggestField;
  prefix: string;
  /** Where the filter (key, colon and value typed so far) starts and ends in the box. */
  start: number;
  end: number;
}

/** The `部门:组织` under the caret, if the word there is a filter with suggestions. */
export function filterUnderCaret(value: string, caret: number): FilterUnderCaret | null {
  let start = caret;
  while (start > 0 && !/[\s\u3000]/u.test(value[start - 1] ?? '')) start -= 1;
  let end = caret;
  while (end < value.length && !/[\s\u3000]/u.test(value[end] ?? '')) end += 1;
  const word = value.slice(start, end).replace(/^-/u, '');
  const match = /^([^:：]+)[:：]"?([^"]*)"?$/u.exec(word);
  const field = match ? SUGGEST_KEYS[match[1] as string] : undefined;
  if (!match || !field) return null;
  return {
    key: match[1] as string,
    field,
    prefix: match[2] as string,
    start: start + (value[start] === '-' ? 1 : 0),
    end,
  };
}

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  inputRef: Ref<HTMLInputElement>;
}

/**
 * The search box: the query language, and while a filter is typed (部门: 届次: 主题: 标签: 提案人:)
 * a list of the archive's values for it — arrows choose, Enter or a click completes the filter.
 * Esc closes the list, then clears the box.
 */
export function SearchBox({ value, onChange, inputRef }: SearchBoxProps) {
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [suggestions, setSuggestions] = useState<{ for: string; values: string[] }>({ for: '', values: [] });
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const filter = filterUnderCaret(value, caret);
  const filterKey = filter ? `${filter.field}:${filter.prefix}` : '';

  useEffect(() => {
    if (!filter) return;
    let current = true;
    const timer = setTimeout(() => {
      getHuihan()
        ?.suggest({ field: filter.field, prefix: filter.prefix, limit: 8 })
        .then(
          (values) => {
            if (current) {
              setSuggestions({ for: filterKey, values });
              setActive(0);
            }
          },
          () => undefined,
        );
    }, 60);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // The filter is identified by filterKey; its object is rebuilt on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filterKey]);

  const shown =
    filter && suggestions.for === filterKey && dismissed !== `${filterKey}@${filter.start}`
      ? suggestions.values.filter((item) => item !== filter.prefix)
      : [];
  const open = shown.length > 0;

  const complete = (choice: string) => {
    if (!filter) return;
    const before = value.slice(0, filter.start);
    const after = value.slice(filter.end).replace(/^[\s\u3000]*/u, '');
    const inserted = `${filterText(filter.key, choice)} `;
    const next = `${before}${inserted}${after}`;
    onChange(next);
    const at = before.length + inserted.length;
    setCaret(at);
    requestAnimationFrame(() => {
      const input = document.activeElement;
      if (input instanceof HTMLInputElement) input.setSelectionRange(at, at);
    });
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + shown.length) % shown.length);
    } else if (open && (event.key === 'Enter' || event.key === 'Tab')) {
      event.preventDefault();
      complete(shown[active] ?? shown[0] ?? '');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (open && filter) setDismissed(`${filterKey}@${filter.start}`);
      else onChange('');
    }
  };

  return (
    <div className="search-field">
      <input
        ref={inputRef}
        className="search-box"
        type="search"
        aria-label="搜索回函"
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        placeholder="搜索回函：词语、“精确短语”、号:018、部门:组织部 …（Ctrl+F）"
        autoComplete="off"
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart ?? event.target.value.length);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart ?? 0)}
        onBlur={() => setDismissed(filter ? `${filterKey}@${filter.start}` : null)}
        onFocus={() => setDismissed(null)}
        onKeyDown={onKeyDown}
      />
      {open && filter && (
        <ul id={listId} className="suggestions" role="listbox" aria-label={`${filter.key}的建议`}>
          {shown.map((item, index) => (
            <li
              key={item}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'suggestion active' : 'suggestion'}
              onMouseDown={(event) => {
                event.preventDefault();
                complete(item);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span className="suggestion-key">{filter.key}:</span>
              {item}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
