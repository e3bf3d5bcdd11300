import { useState } from 'react';
import { LETTER_FIELD_LABELS, LIST_FIELD_KEYS, type LetterFieldKey } from '../../../shared/letter-fields';

const LIST_KEYS: ReadonlySet<LetterFieldKey> = new Set(LIST_FIELD_KEYS);

function shown(value: unknown): string {
  if (Array.isArray(value)) return value.join('、');
  return typeof value === 'string' ? value : '';
}

interface FieldRowProps {
  field: LetterFieldKey;
  value: unknown;
  parsed: unknown;
  corrected: boolean;
  onSave: (field: LetterFieldKey, value: string | string[] | null) => void;
  onRevert: (field: LetterFieldKey) => void;
}

/** One field of the metadata card: its value, editable in place; a correction shows what was parsed. */
export function FieldRow({ field, value, parsed, corrected, onSave, onRevert }: FieldRowProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const label = LETTER_FIELD_LABELS[field];
  const save = () => {
    if (draft === null) return;
    const text = draft.trim();
    const next = LIST_KEYS.has(field)
      ? text
          .split(/[、,，;；\s]+/u)
          .map((part) => part.trim())
          .filter(Boolean)
      : text === ''
        ? null
        : text;
    setDraft(null);
    onSave(field, next);
  };
  return (
    <div className="meta-row">
      <dt>{label}</dt>
      <dd>
        {draft === null ? (
          <>
            <button
              type="button"
              className="field-value"
              aria-label={`更正${label}`}
              title="点击更正"
              onClick={() => setDraft(shown(value))}
            >
              {shown(value) || <span className="muted">未识别</span>}
            </button>
            {corrected && (
              <>
                <span className="badge" title={`解析值：${shown(parsed) || '（空）'}`}>
                  已更正
                </span>
                <button type="button" className="link small" onClick={() => onRevert(field)}>
                  恢复解析值
                </button>
              </>
            )}
          </>
        ) : (
          <input
            className="field-input"
            aria-label={label}
            value={draft}
            autoFocus
            onChange={(event) => setDraft(event.target.value)}
            onBlur={save}
            onKeyDown={(event) => {
              if (event.key === 'Enter') save();
              if (event.key === 'Escape') setDraft(null);
            }}
          />
        )}
      </dd>
    </div>
  );
}
