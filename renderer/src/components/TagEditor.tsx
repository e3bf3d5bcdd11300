import { useState } from 'react';
import { TagChip } from './TagChip';
import { TagColorPicker } from './TagColorPicker';

interface TagEditorProps {
  tags: string[];
  onAdd: (tag: string) => void;
  onRemove: (tag: string) => void;
  /** Where a refusal (e.g. a colour not saved) is told, in Chinese. */
  onNotice?: (message: string) => void;
}

/** The letter's tags as chips in their colours, each with its colour and removable, and a box to add one. */
export function TagEditor({ tags, onAdd, onRemove, onNotice }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  return (
    <div className="tag-editor" role="group" aria-label="标签">
      {tags.map((tag) => (
        <TagChip key={tag} tag={tag}>
          <TagColorPicker tag={tag} onError={onNotice} />
          <button
            type="button"
            className="chip-remove"
            aria-label={`移除标签 ${tag}`}
            onClick={() => onRemove(tag)}
          >
            ×
          </button>
        </TagChip>
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
