import type { NavigationId } from '../navigation';
import { NAVIGATION } from '../navigation';

interface NavigationPaneProps {
  selected: NavigationId;
  onSelect: (id: NavigationId) => void;
}

export function NavigationPane({ selected, onSelect }: NavigationPaneProps) {
  return (
    <nav className="pane pane-navigation" aria-label="导航">
      <ul className="nav-list">
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
    </nav>
  );
}
