/** Leading indentation and trailing space: ASCII and full-width spaces, no-break spaces, tabs. */
const EDGE_SPACE = /^[\s\u3000\u00a0\u200b\ufeff]+|[\s\u3000\u00a0\u200b\ufeff]+$/g;

/**
 * Text as the corpus keeps it: one paragraph per line, leading indentation and trailing space
 * trimmed, empty lines dropped, LF line ends. Tabs inside a line (table cells of a form, tab
 * stops between a label and its value) become one space.
 */
export function toParagraphLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(EDGE_SPACE, '').replace(/\t+/g, ' '))
    .filter((line) => line.length > 0)
    .join('\n');
}
