import '../styles/lists.css';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export interface VirtualListProps {
  /** How many rows the list has in all (loaded or not). */
  count: number;
  /** Every row's height in pixels: fixed, so any row's place is known without rendering it. */
  rowHeight: number;
  /** The row at `index`: an element with role="option", absolutely placed with `rowStyle(index)`. */
  renderRow: (index: number, style: React.CSSProperties) => ReactNode;
  /** Called with the rows in view (plus the overscan) whenever they change: load their pages. */
  onRangeChange?: (start: number, end: number) => void;
  /** The row kept in view (the keyboard cursor); scrolled to whenever it changes. */
  activeIndex: number | null;
  /** The id of the active row's element, for aria-activedescendant. */
  activeId?: string;
  label: string;
  /** Names the list shown (query, sort, group): another one starts at the top. */
  resetKey?: string;
  multiselectable?: boolean;
  className?: string;
  onKeyDown?: (event: React.KeyboardEvent<HTMLUListElement>, pageRows: number) => void;
}

const OVERSCAN = 8;

/**
 * A listbox that renders only the rows in view, so a list of tens of thousands of letters scrolls as
 * lightly as one of ten. The scroll height is `count × rowHeight`; rows sit at `index × rowHeight`.
 */
export function VirtualList(props: VirtualListProps) {
  const { count, rowHeight, activeIndex, onRangeChange } = props;
  const scroller = useRef<HTMLUListElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    setHeight(element.clientHeight || 600);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || 600));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const end = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);

  useEffect(() => {
    onRangeChange?.(start, end);
  }, [start, end, onRangeChange]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || activeIndex === null || activeIndex < 0) return;
    const top = activeIndex * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight)
      element.scrollTop = top + rowHeight - element.clientHeight;
  }, [activeIndex, rowHeight]);

  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [props.resetKey]);

  // A shorter list (the same one after a removal) must not leave the view scrolled past its end.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && element.scrollTop > count * rowHeight) element.scrollTop = 0;
  }, [count, rowHeight]);

  const rows: ReactNode[] = [];
  for (let index = start; index < end; index += 1) {
    rows.push(
      props.renderRow(index, {
        position: 'absolute',
        top: index * rowHeight,
        height: rowHeight,
        left: 0,
        right: 0,
      }),
    );
  }
  return (
    <ul
      ref={scroller}
      className={['virtual-list', props.className ?? ''].join(' ')}
      role="listbox"
      aria-label={props.label}
      aria-multiselectable={props.multiselectable || undefined}
      aria-activedescendant={props.activeId}
      tabIndex={0}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onKeyDown={(event) => props.onKeyDown?.(event, Math.max(1, Math.floor(height / rowHeight) - 1))}
    >
      <li role="none" aria-hidden="true" className="virtual-spacer" style={{ height: count * rowHeight }} />
      {rows}
    </ul>
  );
}
