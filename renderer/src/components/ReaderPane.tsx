/** The right pane: the chosen letter. With none chosen, it explains what will appear. */
export function ReaderPane() {
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
