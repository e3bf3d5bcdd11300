/**
 * The part of the letter's text the user selected in the reader, as offsets into the text: the
 * selected string found at, or nearest after, the start of the paragraph where the selection begins.
 */
export function selectionInLetter(
  text: string,
  container: HTMLElement | null,
): { start: number; end: number; text: string } | null {
  const selection = window.getSelection();
  if (!container || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const chosen = selection
    .toString()
    .replace(/\s*\n\s*/gu, '\n')
    .trim();
  if (chosen === '') return null;
  const anchor =
    range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const paragraph = anchor?.closest<HTMLElement>('[data-start]');
  const from = paragraph ? Number(paragraph.dataset.start) : 0;
  let start = text.indexOf(chosen, from);
  if (start === -1) start = text.indexOf(chosen);
  if (start === -1) return null;
  return { start, end: start + chosen.length, text: chosen };
}
