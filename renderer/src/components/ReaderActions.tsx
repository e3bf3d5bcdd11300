import type { LetterDetail } from '../../../shared/domain';
import { useHostCapabilities } from '../hooks/useHostCapabilities';
import { errorMessage, getHuihan } from '../huihan';
import '../styles/print.css';

interface ReaderActionsProps {
  letter: LetterDetail;
  onNotice: (message: string) => void;
}

/** Opens an address the host gave in a new tab (inline) or as a download, from the user's own click. */
function openInBrowser(
  request: Promise<{ url: string | null }>,
  download: boolean,
  onNotice: (m: string) => void,
) {
  // The tab is opened now, inside the click, so no popup blocker stops it; the address follows.
  const tab = download ? null : window.open('', '_blank');
  request.then(
    ({ url }) => {
      if (!url) {
        tab?.close();
        return;
      }
      if (tab) {
        tab.opener = null;
        tab.location.href = url;
        return;
      }
      const link = document.createElement('a');
      link.href = url;
      link.download = '';
      document.body.append(link);
      link.click();
      link.remove();
    },
    (reason: unknown) => {
      tab?.close();
      onNotice(errorMessage(reason));
    },
  );
}

/** 打开原件, 下载原件 (web), 在文件夹中显示 (app), 打印: what can be done with the letter being read. */
export function ReaderActions({ letter, onNotice }: ReaderActionsProps) {
  const capabilities = useHostCapabilities();
  const huihan = getHuihan();
  if (!huihan) return null;
  const inBrowser = capabilities?.openOriginal === 'browser';
  const fail = (reason: unknown) => onNotice(errorMessage(reason));
  return (
    <div className="reader-actions" role="toolbar" aria-label="回函操作">
      <button
        type="button"
        title={`用本机程序打开原始文件「${letter.fileName}」`}
        disabled={capabilities === null}
        onClick={() => {
          const request = huihan.openOriginal({ id: letter.id });
          if (inBrowser) openInBrowser(request, false, onNotice);
          else request.catch(fail);
        }}
      >
        打开原件
      </button>
      {inBrowser && (
        <button
          type="button"
          title={`下载原始文件「${letter.fileName}」`}
          onClick={() =>
            openInBrowser(huihan.openOriginal({ id: letter.id, download: true }), true, onNotice)
          }
        >
          下载原件
        </button>
      )}
      {capabilities?.showInFolder && (
        <button type="button" onClick={() => huihan.showOriginalInFolder({ id: letter.id }).catch(fail)}>
          在文件夹中显示
        </button>
      )}
      <button type="button" title="打印回函信息和正文（Ctrl+P）" onClick={() => window.print()}>
        打印
      </button>
    </div>
  );
}
