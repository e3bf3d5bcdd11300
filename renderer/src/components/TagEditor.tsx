import { useState } from 'react';

interface TagEditorProps {
  tags: string[];
  onAdd: (tag: string) => void;
  onRemove: (tag: string) => void;
}

/** The letter's tags as chips, each removable, and a box to add one. */
export function TagEditor({ tags, onAdd, onRemove }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  return (
    <div className="tag-editor" aria-label="标签">
      {tags.map((tag) => (
        <span key={tag} className="tag-chip">
          {tag}
          <button
            type="button"
            className="chip-remove"
            aria-label={`移除标签 ${tag}`}
            onClick={() => onRemove(tag)}
          >
            ×
          </button>
        </span>
      ))}
      <input
        className="tag-input"
        aria-label="添加标签"
        placeholder="＋ 添加标签"
        value={draft}
        maxLength={40}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && draft.trim() !== '') {
            onAdd(draft.trim());
            setDraft('');
          }
        }}
      />
    </div>
  );
}
