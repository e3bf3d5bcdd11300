import type { LetterDetail } from '../../../shared/domain';
import { LETTER_FIELD_KEYS, type LetterFieldKey } from '../../../shared/letter-fields';
import { useEffect, useRef } from 'react';
import { selectionInLetter } from '../text-selection';
import { CommitmentsPanel, type CommitmentActions } from './CommitmentsPanel';
import { FieldRow } from './FieldRow';
import { ReaderActions } from './ReaderActions';
import { TagEditor } from './TagEditor';
import { TopicRow } from './TopicRow';
import { LetterText } from './LetterText';

const CARD_FIELDS: LetterFieldKey[] = LETTER_FIELD_KEYS.filter(
  (key) => key !== 'commitments' && key !== 'title' && key !== 'next_steps_heading',
);

function shown(value: unknown): string {
  if (Array.isArray(value)) return value.join('、');
  return typeof value === 'string' ? value : '';
}

/** The right pane: the chosen letter's fields (corrections marked) and its text. */
interface ReaderPaneProps {
  letter: LetterDetail | null;
  error: string | null;
  onCorrect: (field: LetterFieldKey, value: string | string[] | null) => void;
  onRevert: (field: LetterFieldKey) => void;
  onAddTag: (tag: string) => void;
  onRemoveTag: (tag: string) => void;
  commitmentActions: CommitmentActions;
  onMarkCommitment: (selection: { start: number; end: number; text: string }) => void;
  onNotice: (message: string) => void;
  onSetTopic: (topic: string | null) => void;
  /** A commitment to scroll to and mark (the ledger opened the letter at it). */
  focusedCommitmentId?: number | null;
}

export function ReaderPane(props: ReaderPaneProps) {
  const { letter, error, onCorrect, onRevert, onAddTag, onRemoveTag } = props;
  const textRef = useRef<HTMLElement>(null);
  const focusId = props.focusedCommitmentId ?? null;
  useEffect(() => {
    if (focusId === null) return;
    const mark = textRef.current?.querySelector(`[data-commitment="${focusId}"]`);
    mark?.scrollIntoView({ block: 'center' });
  }, [focusId, letter?.id]);
  if (error) {
    return (
      <section className="pane pane-reader" aria-label="阅读">
        <div className="empty-state" role="alert">
          {error}
        </div>
      </section>
    );
  }
  if (!letter) {
    return (
      <section className="pane pane-reader" aria-label="阅读">
        <div className="empty-state">
          <p className="empty-title">未选择回函</p>
          <p>
            在列表中选择一封回函，这里会显示它的全文和各项信息（届次、提案号、承办单位、文号、类别、日期），并可核对和更正。
          </p>
        </div>
      </section>
    );
  }
  const value = (key: LetterFieldKey): unknown =>
    Object.hasOwn(letter.corrections, key) ? letter.corrections[key] : letter.parsed[key];
  return (
    <section className="pane pane-reader" aria-label="阅读">
      <header className="reader-header">
        <h2 className="reader-title">{shown(value('title')) || letter.fileName}</h2>
        <div className="muted">{letter.fileName}</div>
        <ReaderActions letter={letter} onNotice={props.onNotice} />
        <TagEditor tags={letter.tags} onAdd={onAddTag} onRemove={onRemoveTag} onNotice={props.onNotice} />
      </header>
      <dl className="meta-card" aria-label="回函信息">
        {CARD_FIELDS.map((key) => (
          <FieldRow
            key={`${letter.id}-${key}`}
            field={key}
            value={value(key)}
            parsed={letter.parsed[key]}
            corrected={Object.hasOwn(letter.corrections, key)}
            onSave={onCorrect}
            onRevert={onRevert}
          />
        ))}
        <TopicRow letter={letter} onSetTopic={props.onSetTopic} />
      </dl>
      {letter.warnings.length > 0 && (
        <ul className="warnings" aria-label="解析提示">
          {letter.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <CommitmentsPanel
        commitments={letter.commitments}
        actions={props.commitmentActions}
        onMarkSelection={() => {
          const selection = selectionInLetter(letter.text, textRef.current);
          if (selection) props.onMarkCommitment(selection);
          else props.onNotice('请先在正文中选中要标记为承诺事项的文字。');
        }}
      />
      <LetterText
        text={letter.text}
        sections={letter.sections}
        commitments={letter.commitments}
        container={textRef}
        focusedCommitmentId={focusId}
      />
    </section>
  );
}
