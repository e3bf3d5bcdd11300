import { useEffect, useState } from 'react';
import { COMMITMENT_STATUSES, type Commitment, type CommitmentStatus } from '../../../shared/domain';
import type { MethodResults } from '../../../shared/api';
import { errorMessage, getHuihan } from '../huihan';
import { LedgerExportButton, type LedgerExportFilters } from './LedgerExport';

interface LedgerFilters {
  status: CommitmentStatus | '';
  overdue: boolean;
  dueWithinDays: string;
  department: string;
  session: string;
  topic: string;
  /** detected: found by the parser and not confirmed yet; confirmed: confirmed or marked by the user. */
  origin: '' | 'detected' | 'confirmed';
}

const NO_FILTERS: LedgerFilters = {
  status: '',
  overdue: false,
  dueWithinDays: '',
  department: '',
  session: '',
  topic: '',
  origin: '',
};

/** The filters as listCommitments and exportLedger take them: the ledger exports what it shows. */
function ledgerQuery(filters: LedgerFilters): LedgerExportFilters {
  const days = Number(filters.dueWithinDays);
  return {
    status: filters.status || undefined,
    overdue: filters.overdue || undefined,
    dueWithinDays: filters.dueWithinDays !== '' && Number.isInteger(days) ? days : undefined,
    department: filters.department.trim() || undefined,
    session: filters.session.trim() || undefined,
    topic: filters.topic || undefined,
    detected: filters.origin === '' ? undefined : filters.origin === 'detected',
  };
}

/** The topics the letters have (with counts ignored): the ledger's topic filter choices. */
function useLedgerTopics(version: number): string[] {
  const [topics, setTopics] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    getHuihan()
      ?.browse({ by: 'topic' })
      .then(
        (nodes) => {
          if (current) setTopics(nodes.filter((node) => node.key !== 'topic:').map((node) => node.label));
        },
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [version]);
  return topics;
}

function isOverdue(item: Commitment, today: string): boolean {
  return item.dueDate !== null && item.dueDate < today && item.status !== '已落实';
}

/** 督办台账: every commitment across letters, filtered, with a summary line and bulk status change. */
export function LedgerPane({
  version,
  selectedLetterId,
  onOpenLetter,
  onChanged,
}: {
  version: number;
  selectedLetterId: number | null;
  /** Opens the letter in the reader at the commitment. */
  onOpenLetter: (letterId: number, commitmentId: number) => void;
  onChanged: () => void;
}) {
  const [filters, setFilters] = useState<LedgerFilters>(NO_FILTERS);
  const [ledger, setLedger] = useState<MethodResults['listCommitments'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const today = new Date().toISOString().slice(0, 10);
  const topics = useLedgerTopics(version);

  useEffect(() => {
    let current = true;
    getHuihan()
      ?.listCommitments({ ...ledgerQuery(filters), limit: 1000 })
      .then(
        (value) => {
          if (!current) return;
          setLedger(value);
          setError(null);
        },
        (reason: unknown) => {
          if (current) setError(errorMessage(reason));
        },
      );
    return () => {
      current = false;
    };
  }, [filters, version]);

  const setStatus = (status: CommitmentStatus) => {
    getHuihan()
      ?.setCommitmentStatus({ ids: [...chosen], status })
      .then(
        () => {
          setChosen(new Set());
          onChanged();
        },
        (reason: unknown) => setError(errorMessage(reason)),
      );
  };
  const summary = ledger?.summary;
  return (
    <section className="pane pane-list" aria-label="承诺台账">
      <header className="pane-header">
        <h2>承诺台账</h2>
        <span className="count">
          {summary
            ? `共 ${summary.total} 项 · 已落实 ${Math.round(summary.doneRate * 100)}% · 逾期 ${summary.overdue} 项`
            : ''}
        </span>
        <LedgerExportButton filters={ledgerQuery(filters)} count={summary?.total ?? null} />
      </header>
      <div className="ledger-filters" role="group" aria-label="筛选承诺事项">
        <select
          aria-label="按落实情况筛选"
          value={filters.status}
          onChange={(event) =>
            setFilters({ ...filters, status: event.target.value as CommitmentStatus | '' })
          }
        >
          <option value="">全部状态</option>
          {COMMITMENT_STATUSES.map((status) => (
            <option key={status}>{status}</option>
          ))}
        </select>
        <label>
          <input
            type="checkbox"
            checked={filters.overdue}
            onChange={(event) => setFilters({ ...filters, overdue: event.target.checked })}
          />
          只看逾期
        </label>
        <input
          className="narrow"
          aria-label="几天内到期"
          placeholder="N 天内到期"
          inputMode="numeric"
          value={filters.dueWithinDays}
          onChange={(event) =>
            setFilters({ ...filters, dueWithinDays: event.target.value.replace(/\D/gu, '') })
          }
        />
        <input
          aria-label="按承办单位筛选"
          placeholder="承办单位"
          value={filters.department}
          onChange={(event) => setFilters({ ...filters, department: event.target.value })}
        />
        <input
          aria-label="按届次筛选"
          placeholder="届次"
          value={filters.session}
          onChange={(event) => setFilters({ ...filters, session: event.target.value })}
        />
        <select
          aria-label="按主题筛选"
          value={filters.topic}
          onChange={(event) => setFilters({ ...filters, topic: event.target.value })}
        >
          <option value="">全部主题</option>
          {topics.map((topic) => (
            <option key={topic}>{topic}</option>
          ))}
        </select>
        <select
          aria-label="按来源筛选"
          value={filters.origin}
          onChange={(event) =>
            setFilters({ ...filters, origin: event.target.value as LedgerFilters['origin'] })
          }
        >
          <option value="">检出与已确认</option>
          <option value="detected">仅自动检出（待确认）</option>
          <option value="confirmed">仅已确认（含手动标记）</option>
        </select>
      </div>
      {chosen.size > 0 && (
        <div className="action-bar" role="toolbar" aria-label="所选承诺的操作">
          <strong>已选 {chosen.size} 项</strong>
          {COMMITMENT_STATUSES.map((status) => (
            <button key={status} type="button" onClick={() => setStatus(status)}>
              改为{status}
            </button>
          ))}
        </div>
      )}
      {error && (
        <div className="empty-state" role="alert">
          {error}
        </div>
      )}
      {ledger && ledger.items.length === 0 && <div className="empty-state">没有符合条件的承诺事项。</div>}
      <ul className="letter-list" aria-label="承诺事项列表">
        {ledger?.items.map((item) => (
          <li
            key={item.id}
            className={item.letterId === selectedLetterId ? 'letter-row selected' : 'letter-row'}
            onClick={() => onOpenLetter(item.letterId, item.id)}
          >
            <div className="ledger-row-head">
              <input
                type="checkbox"
                aria-label="选择这项承诺"
                checked={chosen.has(item.id)}
                onClick={(event) => event.stopPropagation()}
                onChange={() => {
                  const next = new Set(chosen);
                  if (next.has(item.id)) next.delete(item.id);
                  else next.add(item.id);
                  setChosen(next);
                }}
              />
              <span className={`status-pill status-${item.status}`}>{item.status}</span>
              {isOverdue(item, today) && <span className="status-pill overdue">逾期</span>}
              <span className="muted">{item.dueDate ? `时限 ${item.dueDate}` : '无时限'}</span>
            </div>
            <div className="letter-title">{item.text}</div>
            <div className="letter-meta">
              {[
                item.department,
                item.letter?.session,
                item.letter?.proposalNumber ? `第${item.letter.proposalNumber}号` : null,
                item.letter?.proposalTitle,
              ]
                .filter(Boolean)
                .join(' · ')}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
