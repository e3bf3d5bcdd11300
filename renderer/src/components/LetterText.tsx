import type { Commitment } from '../../../shared/domain';
import type { LetterSection } from '../../../shared/letter-fields';

interface Span {
  start: number;
  end: number;
  commitment: Commitment;
}

/** The letter's text, one paragraph per line, with its part headings marked and its commitments highlighted. */
export function LetterText({
  text,
  sections,
  commitments,
  container,
  focusedCommitmentId = null,
}: {
  text: string;
  sections: LetterSection[];
  commitments: Commitment[];
  container?: React.Ref<HTMLElement>;
  /** The commitment the ledger opened the letter at: outlined, and found by data-commitment. */
  focusedCommitmentId?: number | null;
}) {
  // Only parts whose heading is written in the text (一、…), not the reader's own names such as 抬头 / 正文.
  const headingStarts = sections
    .filter((section) => text.startsWith(section.heading, section.start))
    .map((section) => section.start);
  const spans: Span[] = commitments
    .filter((item) => item.start !== null && item.end !== null && item.end > item.start)
    .map((item) => ({ start: item.start as number, end: item.end as number, commitment: item }))
    .sort((a, b) => a.start - b.start);

  const lines: React.ReactNode[] = [];
  let offset = 0;
  text.split('\n').forEach((line, index) => {
    const lineStart = offset;
    const lineEnd = offset + line.length;
    offset = lineEnd + 1;
    const pieces: React.ReactNode[] = [];
    let cursor = lineStart;
    for (const span of spans) {
      const from = Math.max(span.start, lineStart);
      const to = Math.min(span.end, lineEnd);
      if (to <= from || from < cursor) continue;
      if (from > cursor) pieces.push(text.slice(cursor, from));
      pieces.push(
        <mark
          key={`${span.commitment.id}-${from}`}
          className={`commitment status-${span.commitment.status}${span.commitment.id === focusedCommitmentId ? ' commitment-focused' : ''}`}
          data-commitment={span.commitment.id}
          title={`承诺事项 · ${span.commitment.status}${span.commitment.dueDate ? ` · 时限 ${span.commitment.dueDate}` : ''}`}
        >
          {text.slice(from, to)}
        </mark>,
      );
      cursor = to;
    }
    if (cursor < lineEnd) pieces.push(text.slice(cursor, lineEnd));
    const isHeading = headingStarts.some((start) => start >= lineStart && start < lineEnd);
    lines.push(
      <p key={index} data-start={lineStart} className={isHeading ? 'text-line text-heading' : 'text-line'}>
        {pieces}
      </p>,
    );
  });
  return (
    <article className="letter-text" ref={container}>
      {lines}
    </article>
  );
}
