interface BannerProps {
  tone: 'info' | 'warning' | 'error';
  message: string;
  onClose?: () => void;
}

/** A message across the top of the window: engine restarts, errors of the last action. */
export function Banner({ tone, message, onClose }: BannerProps) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <span>{message}</span>
      {onClose && (
        <button type="button" className="link" onClick={onClose} aria-label="关闭提示">
          关闭
        </button>
      )}
    </div>
  );
}
