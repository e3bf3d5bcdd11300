import type { Database } from 'better-sqlite3';
import type { MethodResults } from '../../../shared/api';
import type { ParsedMethodArgs } from '../../../shared/api-schemas';
import { addCommitment, addFollowUp, setCommitmentStatus, updateCommitment } from './commitment-edits';
import { ledgerCommitments, listCommitments } from './commitment-queries';
import { localToday } from './today';

type CommitmentMethod =
  | 'listCommitments'
  | 'addCommitment'
  | 'updateCommitment'
  | 'setCommitmentStatus'
  | 'addFollowUp'
  | 'exportLedger';

export type CommitmentHandlers = {
  [M in CommitmentMethod]: (args: ParsedMethodArgs<M>) => MethodResults[M] | Promise<MethodResults[M]>;
};

/** The ArchiveApi's commitment methods over the store, to spread into the Archive's handlers. */
export function commitmentHandlers(db: Database, options: { today?: () => string } = {}): CommitmentHandlers {
  const today = options.today ?? (() => localToday());
  return {
    listCommitments: (args) => listCommitments(db, args, today()),
    addCommitment: (args) => addCommitment(db, args),
    updateCommitment: (args) => updateCommitment(db, args),
    setCommitmentStatus: (args) => ({ changed: setCommitmentStatus(db, args) }),
    addFollowUp: (args) => addFollowUp(db, args, today()),
    // exceljs loads on first use, so the engine starts without it.
    exportLedger: async ({ destination, overwrite, ...filters }) => {
      const { writeLedgerXlsx } = await import('./ledger-xlsx');
      return writeLedgerXlsx(ledgerCommitments(db, filters, today()), destination, { overwrite });
    },
  };
}
