import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  TableOfContents,
  TextRun,
} from 'docx';
import { displayTitle, type ExportLetter } from './export-letters';
import { throwIfCancelled, writeBytesAtomically } from './safe-output';

/** 宋体 for body text and 黑体 for headings, as official compilations are set; eastAsia is what counts. */
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: '宋体' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: '黑体' };

export const DEFAULT_COMPILATION_TITLE = '提案办理答复汇编';

/** The metadata block under each letter's title, in the order a compilation prints it. */
export function metadataLines(letter: ExportLetter): Array<[string, string]> {
  const fields = letter.effective;
  return [
    ['届次', fields.session ?? ''],
    ['提案号', fields.proposal_number ?? ''],
    ['承办单位', fields.issuer ?? ''],
    ['文号', fields.doc_number ?? ''],
    ['类别', fields.category ?? ''],
    ['日期', fields.date ?? ''],
  ];
}

function chineseDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

function cover(title: string, count: number, now: Date): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 3600 }, children: [] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 600 },
      children: [new TextRun({ text: title, bold: true, size: 44, font: HEADING_FONT })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: `共 ${count} 件`, size: 32 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: chineseDate(now), size: 32 }), new PageBreak()],
    }),
  ];
}

function tableOfContents(): Array<Paragraph | TableOfContents> {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 300 },
      children: [new TextRun({ text: '目　录', bold: true, size: 36, font: HEADING_FONT })],
    }),
    // A TOC field Word and WPS update on opening (updateFields). docx writes it with an entry per
    // heading already, so the list of titles reads even where the field is never updated.
    new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-1' }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

function textParagraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(
      (line) =>
        new Paragraph({
          spacing: { line: 360 },
          indent: { firstLine: 480 },
          children: [new TextRun({ text: line })],
        }),
    );
}

function letterSection(letter: ExportLetter, last: boolean, signal?: AbortSignal): Paragraph[] {
  throwIfCancelled(signal);
  const metadata = metadataLines(letter).map(
    ([label, value]) =>
      new Paragraph({
        spacing: { after: 0 },
        children: [new TextRun({ text: `${label}：`, bold: true }), new TextRun({ text: value })],
      }),
  );
  const body = textParagraphs(letter.text);
  if (!last) body.push(new Paragraph({ children: [new PageBreak()] }));
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [new TextRun({ text: displayTitle(letter) })],
    }),
    ...metadata,
    new Paragraph({ children: [] }),
    ...body,
  ];
}

export function buildCompilation(
  letters: ExportLetter[],
  options: { title: string; now: Date; signal?: AbortSignal },
): Document {
  const children = [
    ...cover(options.title, letters.length, options.now),
    ...tableOfContents(),
    ...letters.flatMap((letter, index) =>
      letterSection(letter, index === letters.length - 1, options.signal),
    ),
  ];
  return new Document({
    creator: 'Huihan',
    title: options.title,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 24 } },
        heading1: {
          run: { font: HEADING_FONT, size: 32, bold: true, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } },
        },
      },
    },
    sections: [{ children }],
  });
}

/** Writes the Word compilation (cover, table of contents, each letter) to `target` atomically. */
export async function writeCompilationDocx(
  letters: ExportLetter[],
  target: string,
  options: { title: string; now: Date; overwrite: boolean; signal?: AbortSignal },
): Promise<void> {
  const document = buildCompilation(letters, options);
  const bytes = await Packer.toBuffer(document);
  throwIfCancelled(options.signal);
  await writeBytesAtomically(target, bytes, options);
}
