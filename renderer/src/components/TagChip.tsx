import type { ReactNode } from 'react';
import { useTagColor } from '../tag-colors';

/** A tag as a chip, in the tag's colour (a light tint of it behind text in it) when it has one. */
export function TagChip({ tag, children }: { tag: string; children?: ReactNode }) {
  const color = useTagColor(tag);
  const style = color ? { color, backgroundColor: `${color}1f`, borderColor: `${color}66` } : undefined;
  return (
    <span className={color ? 'tag-chip coloured' : 'tag-chip'} style={style} data-color={color ?? undefined}>
      {tag}
      {children}
    </span>
  );
}
