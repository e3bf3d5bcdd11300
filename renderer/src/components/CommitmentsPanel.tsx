import { useState } from 'react';
import { COMMITMENT_STATUSES, type Commitment, type CommitmentStatus } from '../../../shared/domain';
import { followUpSignature } from '../../../shared/settings';
import { useSettings } from '../hooks/useSettings';

export interface CommitmentActions {
  confirm: (id: number) => void;
  reject: (id: number) => void;
  setDueDate: (id: number, dueDate: string | null) => void;
  setStatus: (id: number, status: CommitmentStatus) => void;
  /** `author`: the 跟进人 of the settings (本人 until the user gives a name). */
  addFollowUp: (id: number, note: string, author: string) => void;
}

function CommitmentItem({
  item,
  actions,
  author,
}: {
  item: Commitment;
  actions: CommitmentActions;
  author: string;
}) {
  const [note, setNote] = useState('');
  return (
    <li className={`commitment-item status-${item.status}`}>
      <div className="commitment-text">{item.text}</div>
      <div className="commitment-controls">
        <label>
          时限
          <input
            type="date"
            aria-label="承诺时限"
            value={item.dueDate ?? ''}
            onChange={(event) => actions.setDueDate(item.id, event.target.value || null)}
          />
        </label>
        <label>
          状态
          <select
            aria-label="落实情况"
            value={item.status}
            onChange={(event) => actions.setStatus(item.id, event.target.value as CommitmentStatus)}
          >
            {COMMITMENT_STATUSES.map((status) => (
              <option key={status}>{status}</option>
            ))}
          </select>
        </label>
        {item.detected && !item.confirmed && (
          <>
            <span className="muted">自动识别</span>
            <button type="button" onClick={() => actions.confirm(item.id)}>
              确认
            </button>
            <button type="button" onClick={() => actions.reject(item.id)}>
              不是承诺
            </button>
          </>
        )}
        {item.confirmed && <span className="badge">已确认</span>}
      </div>
      {item.followUps.length > 0 && (
        <ul className="follow-ups" aria-label="跟进记录">
          {item.followUps.map((entry) => (
            <li key={entry.id}>
              {entry.date} {entry.author}：{entry.note}
            </li>
          ))}
        </ul>
      )}
      <input
        className="follow-up-input"
        aria-label="添加跟进记录"
        placeholder={`添加跟进记录，回车保存（署名：${author}，可在“设置 › 跟进人”中修改）`}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && note.trim()) {
            actions.addFollowUp(item.id, note.trim(), author);
            setNote('');
          }
        }}
      />
    </li>
  );
}

/** The letter's commitments (承诺事项): confirm or reject detected ones, due date, status, follow-up log. */
export function CommitmentsPanel({
  commitments,
  actions,
  onMarkSelection,
}: {
  commitments: Commitment[];
  actions: CommitmentActions;
  onMarkSelection: () => void;
}) {
  const author = followUpSignature(useSettings().settings);
  return (
    <section className="commitments-panel" aria-label="承诺事项">
      <header className="commitments-header">
        <strong>承诺事项 {commitments.length} 项</strong>
        <span className="muted">正文中以黄色标出；在正文中选中一段文字后可标记为承诺</span>
        <button type="button" onClick={onMarkSelection}>
          把选中的文字标记为承诺
        </button>
      </header>
      <ul className="commitment-list">
        {commitments.map((item) => (
          <CommitmentItem key={item.id} item={item} actions={actions} author={author} />
        ))}
      </ul>
    </section>
  );
}
