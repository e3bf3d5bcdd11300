import { ApiError } from '../../../shared/api-error';
import { COMMITMENT_STATUSES } from '../../../shared/domain';
import { localToday } from './today';

/** The values `状态:` accepts: the four statuses and 逾期 (past due and not 已落实). */
export const STATUS_FILTER_VALUES: readonly string[] = [...COMMITMENT_STATUSES, '逾期'];

/** The SQL condition on commitments (aliased `c` or unaliased) for one status value, rejected ones excluded. */
export function commitmentStatusCondition(
  status: string,
  today: string = localToday(),
  alias = '',
): { where: string; params: unknown[] } {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  if (status === '逾期') {
    return {
      where: `${column('rejected')} = 0 AND ${column('due_date')} IS NOT NULL AND ${column('due_date')} < ? AND ${column('status')} != '已落实'`,
      params: [today],
    };
  }
  if (!(COMMITMENT_STATUSES as readonly string[]).includes(status)) {
    throw new ApiError(
      'invalid_arguments',
      `无法识别的承诺状态「${status.slice(0, 20)}」，可用：${STATUS_FILTER_VALUES.join('、')}。`,
    );
  }
  return { where: `${column('rejected')} = 0 AND ${column('status')} = ?`, params: [status] };
}

/**
 * A condition on `letters`: the letters having a commitment in this status (for the search filter
 * 状态:待落实 / 推进中 / 已落实 / 未落实 / 逾期), the same data the ledger lists.
 */
export function commitmentStatusFilter(
  status: string,
  today: string = localToday(),
): { where: string; params: unknown[] } {
  const condition = commitmentStatusCondition(status, today);
  return {
    where: `id IN (SELECT letter_id FROM commitments WHERE ${condition.where})`,
    params: condition.params,
  };
}
