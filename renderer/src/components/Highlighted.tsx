/** Text with [start, end) spans marked, e.g. a search hit's snippet with the query's words. */
export function Highlighted({ text, spans }: { text: string; spans: Array<[number, number]> }) {
  const pieces: React.ReactNode[] = [];
  let cursor = 0;
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (start < cursor || end > text.length || end <= start) continue;
    if (start > cursor) pieces.push(text.slice(cursor, start));
    pieces.push(<mark key={start}>{text.slice(start, end)}</mark>);
    cursor = end;
  }
  if (cursor < text.length) pieces.push(text.slice(cursor));
  return <>{pieces}</>;
}
