import { useState } from 'react';
import type { Settings } from '../../../../shared/domain';
import {
  DEFAULT_FOLLOW_UP_AUTHOR,
  FOLLOW_UP_AUTHOR_MAX,
  followUpSignature,
} from '../../../../shared/settings';

/** 设置 › 跟进人: the name each new follow-up (跟进记录) is signed with. */
export function FollowUpAuthorSection({
  settings,
  save,
}: {
  settings: Settings;
  save: (patch: Partial<Settings>) => Promise<Settings>;
}) {
  const [name, setName] = useState(settings.followUpAuthor);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [shown, setShown] = useState(settings.followUpAuthor);
  if (shown !== settings.followUpAuthor) {
    setShown(settings.followUpAuthor);
    setName(settings.followUpAuthor);
  }
  const trimmed = name.trim();
  const tooLong = [...trimmed].length > FOLLOW_UP_AUTHOR_MAX;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (tooLong) return;
    save({ followUpAuthor: trimmed }).then(
      (next) =>
        setMessage({ tone: 'ok', text: `已保存。新的跟进记录将署名为“${followUpSignature(next)}”。` }),
      (error: unknown) => setMessage({ tone: 'error', text: (error as Error).message }),
    );
  };

  return (
    <section className="settings-section" aria-labelledby="settings-author-title">
      <h3 id="settings-author-title">跟进人（署名）</h3>
      <p className="settings-help">
        在承诺事项中添加跟进记录时，记录上会写明是谁、在哪天记的。未填写时署名为“{DEFAULT_FOLLOW_UP_AUTHOR}”。
      </p>
      <form className="settings-row" onSubmit={submit}>
        <input
          aria-label="跟进人姓名"
          placeholder="例如：张秘书"
          value={name}
          maxLength={FOLLOW_UP_AUTHOR_MAX + 5}
          onChange={(event) => {
            setName(event.target.value);
            setMessage(null);
          }}
        />
        <button type="submit" disabled={tooLong || trimmed === settings.followUpAuthor}>
          保存署名
        </button>
      </form>
      {tooLong && (
        <p className="settings-problem" role="alert">
          姓名最多 {FOLLOW_UP_AUTHOR_MAX} 个字。
        </p>
      )}
      {message && (
        <p className={message.tone === 'ok' ? 'settings-ok' : 'settings-problem'} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
