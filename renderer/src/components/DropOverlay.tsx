/** Shown while files are dragged over the window. */
export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-message">松开鼠标，导入这些回函</div>
    </div>
  );
}
