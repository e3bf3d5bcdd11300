import { resolve } from 'node:path';
import { COMMITMENT_STATUSES, type Commitment, type CommitmentStatus } from '../../../shared/domain';
import { ledgerCommitments, type CommitmentFilters } from '../../engine/commitments/commitment-queries';
import { writeLedgerXlsx } from '../../engine/commitments/ledger-xlsx';
import { localToday } from '../../engine/commitments/today';
import { UsageError, type CliContext } from '../cli-context';

export const commitmentsHelp = `huihan commitments [--status 状态] [--overdue] [--department 单位] [--export 台账.xlsx] [--data 归档文件夹] [--json]
  列出承诺事项（督办台账），按承诺时限排序。--json 时每条承诺一行，附所属回函的案号、届次和标题。
  --status S       只列出该状态的承诺：待落实、推进中、已落实、未落实（或 逾期）
  --overdue        只列出逾期的承诺（已过时限且未落实）
  --department D   承办单位包含 D 的承诺
  --export FILE    把所列承诺导出为 Excel 台账（.xlsx，不覆盖已有文件）`;

export interface CommitmentsOptions {
  status?: string;
  overdue?: boolean;
  department?: string;
  export?: string;
}

function filtersOf(options: CommitmentsOptions): CommitmentFilters {
  const filters: CommitmentFilters = {};
  const status = options.status?.trim();
  if (status === '逾期') filters.overdue = true;
  else if (status) {
    if (!(COMMITMENT_STATUSES as readonly string[]).includes(status)) {
      throw new UsageError(`--status 只能是 ${[...COMMITMENT_STATUSES, '逾期'].join('、')}。`);
    }
    filters.status = status as CommitmentStatus;
  }
  if (options.overdue) filters.overdue = true;
  if (options.department?.trim()) filters.department = options.department.trim();
  return filters;
}

function jsonLine(item: Commitment, today: string): string {
  return JSON.stringify({
    id: item.id,
    letter_id: item.letterId,
    proposal_number: item.letter?.proposalNumber ?? null,
    session: item.letter?.session ?? null,
    title: item.letter?.title ?? null,
    proposal_title: item.letter?.proposalTitle ?? null,
    category: item.letter?.category ?? null,
    department: item.department,
    text: item.text,
    due_date: item.dueDate,
    status: item.status,
    overdue: item.dueDate !== null && item.dueDate < today && item.status !== '已落实',
    detected: item.detected,
    confirmed: item.confirmed,
    follow_ups: item.followUps,
  });
}

function textLine(item: Commitment): string {
  const number = item.letter?.proposalNumber ? `第${item.letter.proposalNumber}号` : '（无案号）';
  return `${item.id}\t${item.dueDate ?? '（无时限）'}\t${item.status}\t${item.letter?.session ?? '（无届次）'}\t${number}\t${item.department ?? ''}\n  ${item.text}`;
}

export async function runCommitments(context: CliContext, options: CommitmentsOptions): Promise<number> {
  const filters = filtersOf(options);
  const today = localToday();
  const items = ledgerCommitments(context.openArchive().db, filters, today);
  if (options.export !== undefined) {
    if (options.export.trim() === '') throw new UsageError('请给出导出文件名，例如：--export 台账.xlsx');
    const result = await writeLedgerXlsx(items, resolve(options.export));
    context.out(
      context.json
        ? JSON.stringify({ exported: result.path, rows: result.rows })
        : `已导出 ${result.rows} 条承诺事项到 ${result.path}`,
    );
    return 0;
  }
  if (context.json) {
    for (const item of items) context.out(jsonLine(item, today));
    return 0;
  }
  const done = items.filter((item) => item.status === '已落实').length;
  const overdue = items.filter(
    (item) => item.dueDate !== null && item.dueDate < today && item.status !== '已落实',
  );
  const rate = items.length === 0 ? 0 : Math.round((done / items.length) * 100);
  context.out(`共 ${items.length} 条承诺事项，已落实 ${done} 条（${rate}%），逾期 ${overdue.length} 条`);
  for (const item of items) context.out(textLine(item));
  return 0;
}
