import type { BrowseNode } from '../../../shared/domain';

interface BrowseListProps {
  nodes: BrowseNode[];
  label: string;
  onOpen: (node: BrowseNode) => void;
}

/** Groups with their counts (sessions, numbers, departments, classes, tags): click to open one. */
export function BrowseList({ nodes, label, onOpen }: BrowseListProps) {
  return (
    <ul className="browse-list" aria-label={label}>
      {nodes.map((node) => (
        <li key={node.key}>
          <button type="button" className="browse-item" onClick={() => onOpen(node)}>
            <span>{node.label}</span>
            <span className="count">{node.count}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
