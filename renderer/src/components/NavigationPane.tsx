import type { NavigationId } from '../navigation';
import { NAVIGATION } from '../navigation';
import { moveFocusWithArrows } from '../arrow-focus';

interface NavigationPaneProps {
  selected: NavigationId;
  onSelect: (id: NavigationId) => void;
  /** Below the views: the archive's own tools (备份档案… / 恢复备份…). */
  footer?: React.ReactNode;
}

export function NavigationPane({ selected, onSelect, footer }: NavigationPaneProps) {
  return (
    <nav className="pane pane-navigation" aria-label="导航">
      <ul className="nav-list" onKeyDown={(event) => moveFocusWithArrows(event, '.nav-item')}>
        {NAVIGATION.map((entry) => (
          <li key={entry.id}>
            <button
              type="button"
              className={entry.id === selected ? 'nav-item nav-item-selected' : 'nav-item'}
              aria-current={entry.id === selected ? 'page' : undefined}
              onClick={() => onSelect(entry.id)}
            >
              {entry.label}
            </button>
          </li>
        ))}
      </ul>
      {footer}
    </nav>
  );
}
