import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { extractText } from './extract-text';
import { toParagraphLines } from './paragraphs';
import { SAMPLE_LETTER, makeDocx } from './test-fixtures';

/**
 * A reply letter as offices write them in Word: a styled heading, a numbered list, a table, a tab
 * between a label and its value, a footnote and a reviewer's comment.
 */
function makeRichDocx(): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: '工作措施',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    footnotes: { 1: { children: [new Paragraph('脚注：数据来源于市统计局。')] } },
    comments: {
      children: [
        { id: 0, author: '审核人', date: new Date(0), children: [new Paragraph('批注：请核对数字。')] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({
            text: '关于对市政协五届四次会议第018号提案的答复',
            heading: HeadingLevel.HEADING_1,
          }),
          new Paragraph({ children: [new TextRun('乐芳均委员：')] }),
          new Paragraph({
            children: [
              new CommentRangeStart(0),
              new TextRun('2023年全市共引进各类急需紧缺人才1268名'),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
              new FootnoteReferenceRun(1),
              new TextRun('。'),
            ],
          }),
          new Paragraph({
            text: '年底前出台基层人才专项支持政策。',
            numbering: { reference: '工作措施', level: 0 },
          }),
          new Paragraph({
            text: '力争1年内建成市级人才服务中心。',
            numbering: { reference: '工作措施', level: 0 },
          }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('承办单位')] }),
                  new TableCell({ children: [new Paragraph('市委组织部')] }),
                ],
              }),
            ],
          }),
          new Paragraph({ children: [new TextRun({ children: ['联系人：', new Tab(), '张明'] })] }),
          new Paragraph({ text: '2024年6月19日', alignment: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** What mammoth itself reads from the whole file, as letter lines. */
async function mammothText(bytes: Buffer): Promise<string> {
  return toParagraphLines((await mammoth.extractRawText({ buffer: bytes })).value);
}

describe('extractText on .docx: the document is unzipped once, by the zip-bomb guard', () => {
  it('reads exactly the text mammoth reads from the whole file, for a plain letter', async () => {
    const bytes = await makeDocx(SAMPLE_LETTER);
    const result = await extractText('答复.docx', bytes);
    expect(result.text).toBe(await mammothText(bytes));
    expect(result.text.split('\n')).toEqual(SAMPLE_LETTER);
  });

  it('reads exactly the text mammoth reads from a letter with styles, lists, a table, a tab, a footnote and a comment', async () => {
    const bytes = await makeRichDocx();
    const result = await extractText('答复.docx', bytes);
    expect(result.format).toBe('docx');
    expect(result.text).toBe(await mammothText(bytes));
    expect(result.text.split('\n')).toEqual([
      '关于对市政协五届四次会议第018号提案的答复',
      '乐芳均委员：',
      '2023年全市共引进各类急需紧缺人才1268名。',
      '年底前出台基层人才专项支持政策。',
      '力争1年内建成市级人才服务中心。',
      '承办单位',
      '市委组织部',
      '联系人： 张明',
      '2024年6月19日',
    ]);
  });
});
