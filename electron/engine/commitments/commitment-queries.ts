import type { Database } from 'better-sqlite3';
import type { MethodResults } from '../../../shared/api';
import type { ParsedMethodArgs } from '../../../shared/api-schemas';
import type { Commitment } from '../../../shared/domain';
import { LEDGER_SELECT, toCommitments, type LedgerRow } from './commitment-rows';
import { commitmentStatusCondition } from './status-filter';
import { addDays, localToday } from './today';

/** The ledger's filters, shared by listCommitments and exportLedger. */
export type CommitmentFilters = Omit<ParsedMethodArgs<'listCommitments'>, 'offset' | 'limit'>;

/** Summary line of the ledger over the filtered commitments (not just one page). */
export interface CommitmentSummary {
  total: number;
  done: number;
  /** 已落实 / total, 0 when there is none. */
  doneRate: number;
  overdue: number;
}

const ORDER_BY = `c.due_date IS NULL, c.due_date, l.session_key IS NULL, l.session_key,
  l.proposal_key IS NULL, l.proposal_key, l.id, c.start_offset IS NULL, c.start_offset, c.id`;

/** Text filters match where the value contains the wanted part (instr: no LIKE wildcards to escape). */
const contains = (column: string) => `instr(COALESCE(${column}, ''), ?) > 0`;

/**
 * The WHERE clause (commitments `c`, letters `l`) for the filters. Rejected commitments are never
 * listed. `overdue: true` keeps past-due ones not 已落实; `overdue: false` is no filter.
 * `detected: true` keeps detections nobody confirmed; `false` the confirmed and user-marked ones.
 */
export function commitmentWhere(
  filters: CommitmentFilters,
  today: string,
): { where: string; params: unknown[] } {
  const clauses = ['c.rejected = 0'];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  if (filters.status) {
    const condition = commitmentStatusCondition(filters.status, today, 'c');
    add(condition.where, ...condition.params);
  }
  const department = filters.department?.trim();
  if (department) add(`(${contains('l.issuer')} OR ${contains('c.department')})`, department, department);
  const session = filters.session?.trim();
  if (session) add(contains('l.session'), session);
  const topic = filters.topic?.trim();
  if (topic) add(contains('l.topic'), topic);
  if (filters.overdue) {
    const condition = commitmentStatusCondition('逾期', today, 'c');
    add(condition.where, ...condition.params);
  }
  if (filters.dueWithinDays !== undefined) {
    add(
      'c.due_date IS NOT NULL AND c.due_date BETWEEN ? AND ?',
      today,
      addDays(today, filters.dueWithinDays),
    );
  }
  if (filters.detected === true) add('c.detected = 1 AND c.confirmed = 0');
  if (filters.detected === false) add('(c.confirmed = 1 OR c.detected = 0)');
  return { where: clauses.join(' AND '), params };
}

export function commitmentSummary(
  db: Database,
  filters: CommitmentFilters,
  today: string,
): CommitmentSummary {
  const filter = commitmentWhere(filters, today);
  const row = db
    .prepare(
      `SELECT COUNT(*) AS total,
         COALESCE(SUM(c.status = '已落实'), 0) AS done,
         COALESCE(SUM(c.due_date IS NOT NULL AND c.due_date < ? AND c.status != '已落实'), 0) AS overdue
       FROM commitments c JOIN letters l ON l.id = c.letter_id WHERE ${filter.where}`,
    )
    .get(today, ...filter.params) as { total: number; done: number; overdue: number };
  return { ...row, doneRate: row.total === 0 ? 0 : row.done / row.total };
}

/** The ledger: commitments across letters, by due date (none last), then by letter. */
export function listCommitments(
  db: Database,
  args: ParsedMethodArgs<'listCommitments'>,
  today: string = localToday(),
): MethodResults['listCommitments'] {
  const { offset, limit, ...filters } = args;
  const summary = commitmentSummary(db, filters, today);
  const filter = commitmentWhere(filters, today);
  const rows = db
    .prepare(`${LEDGER_SELECT} WHERE ${filter.where} ORDER BY ${ORDER_BY} LIMIT ? OFFSET ?`)
    .all(...filter.params, limit, offset) as LedgerRow[];
  return { total: summary.total, items: toCommitments(db, rows), summary };
}

/** Every commitment the filters select, in ledger order (for the xlsx export and the CLI). */
export function ledgerCommitments(
  db: Database,
  filters: CommitmentFilters,
  today: string = localToday(),
): Commitment[] {
  const filter = commitmentWhere(filters, today);
  const rows = db
    .prepare(`${LEDGER_SELECT} WHERE ${filter.where} ORDER BY ${ORDER_BY}`)
    .all(...filter.params) as LedgerRow[];
  return toCommitments(db, rows);
}
