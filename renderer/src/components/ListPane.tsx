import type { NavigationEntry } from '../navigation';

interface ListPaneProps {
  entry: NavigationEntry;
  letterCount: number | null;
  onImport: () => void;
}

/** The middle pane: the letters of the chosen view. Until letters exist, it says what to do first. */
export function ListPane({ entry, letterCount, onImport }: ListPaneProps) {
  const archiveEmpty = letterCount === 0;
  return (
    <section className="pane pane-list" aria-label="回函列表">
      <header className="pane-header">
        <h2>{entry.label}</h2>
        <span className="count" aria-label="回函数量">
          {letterCount === null ? '' : `共 ${letterCount} 封`}
        </span>
      </header>
      <div className="empty-state" role="status">
        {archiveEmpty ? (
          <>
            <p className="empty-title">档案中还没有回函</p>
            <p>把答复函文件或文件夹拖到窗口中，或点击下面的按钮，选择要导入的文件。</p>
            <button type="button" className="primary" onClick={onImport}>
              导入回函
            </button>
          </>
        ) : (
          <p>{entry.emptyHint}</p>
        )}
      </div>
    </section>
  );
}
