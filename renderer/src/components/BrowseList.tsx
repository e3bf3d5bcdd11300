import type { ReactNode } from 'react';
import type { BrowseNode } from '../../../shared/domain';
import { moveFocusWithArrows } from '../arrow-focus';

interface BrowseListProps {
  nodes: BrowseNode[];
  label: string;
  onOpen: (node: BrowseNode) => void;
  /** Something beside each group (the tag colour in 标签). */
  extra?: (node: BrowseNode) => ReactNode;
}

/** Groups with their counts (sessions, numbers, departments, classes, tags): click to open one. */
export function BrowseList({ nodes, label, onOpen, extra }: BrowseListProps) {
  return (
    <ul
      className="browse-list"
      aria-label={label}
      onKeyDown={(event) => moveFocusWithArrows(event, '.browse-item')}
    >
      {nodes.map((node) => (
        <li key={node.key} className={extra ? 'browse-row' : undefined}>
          {extra?.(node)}
          <button type="button" className="browse-item" onClick={() => onOpen(node)}>
            <span>{node.label}</span>
            <span className="count">{node.count}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
