import '../styles/lists.css';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../huihan';
import { TAG_PALETTE, chooseTagColor, colorName, useTagColor } from '../tag-colors';

interface TagColorPickerProps {
  tag: string;
  /** Where a refusal is told (in Chinese). */
  onError?: (message: string) => void;
}

const CHOICES: ReadonlyArray<{ name: string; color: string | null }> = [
  ...TAG_PALETTE,
  { name: '无', color: null },
];

/** A small dot showing the tag's colour; opens a palette of calm colours (and 无) to choose another. */
export function TagColorPicker({ tag, onError }: TagColorPickerProps) {
  const color = useTagColor(tag);
  const [open, setOpen] = useState(false);
  const palette = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    palette.current?.querySelector<HTMLButtonElement>('[aria-checked="true"]')?.focus();
    const close = (event: MouseEvent) => {
      if (!palette.current?.contains(event.target as Node) && event.target !== opener.current) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const choose = (next: string | null) => {
    setOpen(false);
    opener.current?.focus();
    chooseTagColor(tag, next).catch((reason: unknown) => onError?.(errorMessage(reason)));
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      setOpen(false);
      opener.current?.focus();
      return;
    }
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const buttons = [...(palette.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[(at + step + buttons.length) % buttons.length]?.focus();
  };

  return (
    <span className="tag-color">
      <button
        ref={opener}
        type="button"
        className="tag-color-dot"
        aria-label={`标签「${tag}」的颜色：${colorName(color)}`}
        aria-haspopup="true"
        aria-expanded={open}
        title="选择标签颜色"
        style={color ? { backgroundColor: color, borderColor: color } : undefined}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(!open);
        }}
      />
      {open && (
        <div
          ref={palette}
          className="tag-palette"
          role="radiogroup"
          aria-label={`选择标签「${tag}」的颜色`}
          onKeyDown={onKeyDown}
          onClick={(event) => event.stopPropagation()}
        >
          {CHOICES.map((choice) => (
            <button
              key={choice.name}
              type="button"
              role="radio"
              aria-checked={choice.color === color}
              aria-label={choice.name}
              title={choice.name}
              className={choice.color ? 'palette-swatch' : 'palette-swatch palette-none'}
              style={choice.color ? { backgroundColor: choice.color } : undefined}
              onClick={() => choose(choice.color)}
            >
              {choice.color ? '' : '无'}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
