import { useState } from 'react';

interface ActionBarProps {
  count: number;
  onTag: (tag: string) => void;
  onExport: () => void;
  onDelete: () => void;
  onClear: () => void;
}

/** What can be done with the letters chosen in the list: tag, export, remove. */
export function ActionBar({ count, onTag, onExport, onDelete, onClear }: ActionBarProps) {
  const [tag, setTag] = useState('');
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="action-bar" role="toolbar" aria-label="所选回函的操作">
      <strong>已选 {count} 封</strong>
      <input
        className="tag-input"
        aria-label="给所选回函加标签"
        placeholder="标签名"
        value={tag}
        maxLength={40}
        onChange={(event) => setTag(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && tag.trim()) {
            onTag(tag.trim());
            setTag('');
          }
        }}
      />
      <button
        type="button"
        disabled={!tag.trim()}
        onClick={() => {
          onTag(tag.trim());
          setTag('');
        }}
      >
        加标签
      </button>
      <button type="button" onClick={onExport}>
        导出
      </button>
      {confirming ? (
        <>
          <span className="danger-text">从档案中移除这 {count} 封回函？</span>
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirming(false);
              onDelete();
            }}
          >
            确认移除
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            不移除
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          移除
        </button>
      )}
      <button type="button" className="link" onClick={onClear}>
        取消选择
      </button>
    </div>
  );
}
