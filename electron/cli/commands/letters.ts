import type { LetterDetail, LetterPage } from '../../../shared/domain';
import { LETTER_FIELD_KEYS, LETTER_FIELD_LABELS, type LetterFields } from '../../../shared/letter-fields';
import { UsageError, type CliContext } from '../cli-context';

export const listHelp = `huihan list [--data 归档文件夹] [--json]
  列出档案中的全部回函（按届次、提案号排序）。--json 时每封回函一行：编号、文件名和各字段。`;

export const showHelp = `huihan show 编号 [--data 归档文件夹] [--json]
  显示一封回函：各字段（解析值与更正）、全文、承诺事项和标签。`;

const PAGE = 1000;

export async function runList(context: CliContext): Promise<number> {
  const archive = context.openArchive();
  let offset = 0;
  for (;;) {
    const page = (await archive.handle('listLetters', {
      sort: 'session',
      offset,
      limit: PAGE,
    })) as LetterPage;
    for (const summary of page.items) {
      const detail = (await archive.handle('getLetter', { id: summary.id })) as LetterDetail;
      const fields: LetterFields = { ...detail.parsed, ...detail.corrections } as LetterFields;
      if (context.json) {
        const keys = Object.fromEntries(LETTER_FIELD_KEYS.map((key) => [key, fields[key]]));
        context.out(
          JSON.stringify({ id: summary.id, file_name: summary.fileName, ...keys, tags: summary.tags }),
        );
      } else {
        const number = fields.proposal_number ? `第${fields.proposal_number}号` : '（无案号）';
        context.out(
          `${summary.id}\t${fields.session ?? '（无届次）'}\t${number}\t${fields.issuer ?? ''}\t${fields.title ?? summary.fileName}`,
        );
      }
    }
    offset += page.items.length;
    if (offset >= page.total || page.items.length === 0) break;
  }
  return 0;
}

export async function runShow(context: CliContext, positionals: string[]): Promise<number> {
  const id = Number(positionals[0]);
  if (!Number.isInteger(id) || id <= 0) throw new UsageError('请给出回函编号（huihan list 可查看编号）。');
  const detail = (await context.openArchive().handle('getLetter', { id })) as LetterDetail;
  if (context.json) {
    context.out(
      JSON.stringify({
        id: detail.id,
        file_name: detail.fileName,
        fields: detail.parsed,
        corrections: detail.corrections,
        text: detail.text,
        sections: detail.sections,
        warnings: detail.warnings,
        commitments: detail.commitments,
        tags: detail.tags,
        sha256: detail.sha256,
        imported_at: detail.importedAt,
      }),
    );
    return 0;
  }
  const lines = [`回函 ${detail.id}：${detail.fileName}`];
  for (const key of LETTER_FIELD_KEYS) {
    if (key === 'commitments') continue;
    const corrected = Object.hasOwn(detail.corrections, key);
    const value = corrected ? detail.corrections[key] : detail.parsed[key];
    const shown = Array.isArray(value) ? value.join('、') : (value ?? '');
    if (shown !== '' || corrected)
      lines.push(`${LETTER_FIELD_LABELS[key]}：${shown}${corrected ? '（已更正）' : ''}`);
  }
  if (detail.tags.length > 0) lines.push(`标签：${detail.tags.join('、')}`);
  detail.commitments.forEach((item, index) =>
    lines.push(
      `承诺 ${index + 1}〔${item.status}${item.dueDate ? `，时限 ${item.dueDate}` : ''}〕：${item.text}`,
    ),
  );
  for (const warning of detail.warnings) lines.push(`注意：${warning}`);
  lines.push('', detail.text);
  context.out(lines.join('\n'));
  return 0;
}
