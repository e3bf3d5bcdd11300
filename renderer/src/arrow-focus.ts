/**
 * Arrow keys in a list of buttons (navigation, groups): ↑/↓ move the focus to the previous / next
 * one, Home/End to the first / last; Enter and Space keep their usual meaning (press the button).
 */
export function moveFocusWithArrows(event: React.KeyboardEvent<HTMLElement>, selector: string): void {
  const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
  if (step === undefined && event.key !== 'Home' && event.key !== 'End') return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(selector)];
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (at < 0 && step === undefined) return;
  event.preventDefault();
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? items.length - 1
        : Math.max(0, Math.min(items.length - 1, at + (step ?? 0)));
  items[next]?.focus();
}
