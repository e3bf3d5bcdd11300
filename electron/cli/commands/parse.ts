import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { LETTER_FIELD_KEYS, LETTER_FIELD_LABELS } from '../../../shared/letter-fields';
import { extractText } from '../../engine/ingest/extract-text';
import { parseLetter } from '../../engine/letter/parse-letter';
import type { ParsedLetter } from '../../engine/letter/types';
import { UsageError, type CliContext } from '../cli-context';

export const parseHelp = `huihan parse 文件... [--json]
  读取回函文件（.txt .docx .doc .wps .pdf .html .mht；文本自动识别 UTF-8 / GB18030 / UTF-16 编码），
  解析出各项信息，不写入档案。
  --json  每个文件输出一行 JSON：{"file": 路径, 各字段…, "sections": […], "warnings": […]}；
          无法读取的文件输出 {"file": 路径, "error": 原因}，其余文件照常输出。`;

/** Reads one file (any supported format) as letter text; throws an Error with a Chinese reason when it cannot. */
export async function readLetterText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? '文件不存在'
        : code === 'EISDIR'
          ? '这是一个文件夹，不是文件'
          : code === 'EACCES' || code === 'EPERM'
            ? '没有读取该文件的权限'
            : `无法读取文件（${code ?? '未知错误'}）`;
    throw new Error(reason, { cause: error });
  }
  const { text } = await extractText(basename(file), bytes);
  return text;
}

export function parsedLetterJson(file: string, letter: ParsedLetter): Record<string, unknown> {
  const fields = Object.fromEntries(LETTER_FIELD_KEYS.map((key) => [key, letter[key]]));
  return {
    file,
    ...fields,
    sections: letter.sections,
    warnings: letter.warnings,
    commitment_due_dates: letter.commitmentItems.map((item) => item.dueDate),
    derived: letter.derived,
  };
}

function summary(file: string, letter: ParsedLetter): string {
  const lines = [`== ${file}`];
  for (const key of LETTER_FIELD_KEYS) {
    if (key === 'commitments') continue;
    const value = letter[key];
    const shown = Array.isArray(value) ? value.join('、') : value;
    if (shown) lines.push(`${LETTER_FIELD_LABELS[key]}：${shown}`);
  }
  if (letter.commitmentItems.length > 0) {
    lines.push(`承诺事项（${letter.commitmentItems.length} 项）：`);
    letter.commitmentItems.forEach((item, index) => {
      const due = item.dueDate ? `〔时限 ${item.dueDate}〕` : '';
      lines.push(`  ${index + 1}. ${item.text}${due}`);
    });
  }
  for (const warning of letter.warnings) lines.push(`注意：${warning}`);
  return lines.join('\n');
}

/** `huihan parse FILE...`: one result per file, in order; a bad file never stops the others. */
export async function runParse(context: CliContext, files: string[]): Promise<number> {
  if (files.length === 0) throw new UsageError('请给出要解析的文件。');
  let failures = 0;
  for (const file of files) {
    try {
      const letter = parseLetter(await readLetterText(file));
      context.out(
        context.json ? JSON.stringify(parsedLetterJson(file, letter)) : `${summary(file, letter)}\n`,
      );
    } catch (error) {
      failures += 1;
      const reason = error instanceof Error ? error.message : String(error);
      if (context.json) context.out(JSON.stringify({ file, error: reason }));
      else context.err(`== ${file}\n无法解析：${reason}\n`);
    }
  }
  return failures === 0 ? 0 : 1;
}
