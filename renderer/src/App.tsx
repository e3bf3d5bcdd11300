import { useCallback, useEffect, useRef, useState } from 'react';
import { Banner } from './components/Banner';
import { ListPane } from './components/ListPane';
import { NavigationPane } from './components/NavigationPane';
import { ReaderPane } from './components/ReaderPane';
import { StatusBar } from './components/StatusBar';
import { useEngineStatus } from './hooks/useEngineStatus';
import { getHuihan } from './huihan';
import { NAVIGATION, SEARCH_ENTRY, type NavigationId } from './navigation';

/** The main window: search box on top, then navigation | list | reader, and the engine's status below. */
export function App() {
  const engine = useEngineStatus();
  const [selected, setSelected] = useState<NavigationId>('search');
  const [notice, setNotice] = useState<string | null>(null);
  const [dismissedRestarts, setDismissedRestarts] = useState(0);
  const searchBox = useRef<HTMLInputElement>(null);

  const startImport = useCallback(() => {
    setNotice('「导入」功能尚未提供，将在后续版本中加入。');
  }, []);
  const startExport = useCallback(() => {
    setNotice('「导出」功能尚未提供，将在后续版本中加入。');
  }, []);

  useEffect(
    () =>
      getHuihan()?.on('menu-command', ({ command }) => {
        if (command === 'import') startImport();
        else startExport();
      }),
    [startImport, startExport],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'f') {
        event.preventDefault();
        setSelected('search');
        searchBox.current?.focus();
      } else if (key === 'i') {
        event.preventDefault();
        startImport();
      } else if (key === 'e') {
        event.preventDefault();
        startExport();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [startImport, startExport]);

  const entry = NAVIGATION.find((item) => item.id === selected) ?? SEARCH_ENTRY;
  const engineEvent = engine.engineEvent;
  const engineNotice = engineEvent && engineEvent.state !== 'ready' ? engineEvent : null;
  const recovered =
    engineEvent?.state === 'ready' && engineEvent.restarts > dismissedRestarts ? engineEvent : null;

  return (
    <div className="app">
      <header className="toolbar">
        <h1 className="app-title">回函档案</h1>
        <input
          ref={searchBox}
          className="search-box"
          type="search"
          aria-label="搜索回函"
          placeholder="搜索回函：词语、“精确短语”、号:018、部门:组织部 …（Ctrl+F）"
          onFocus={() => setSelected('search')}
        />
        <button type="button" onClick={startImport} title="导入回函（Ctrl+I）">
          导入回函
        </button>
      </header>
      {engineNotice && (
        <Banner tone={engineNotice.state === 'failed' ? 'error' : 'warning'} message={engineNotice.message} />
      )}
      {recovered && !engineNotice && (
        <Banner
          tone="info"
          message={recovered.message}
          onClose={() => setDismissedRestarts(recovered.restarts)}
        />
      )}
      {engine.error && <Banner tone="error" message={engine.error} />}
      {notice && <Banner tone="info" message={notice} onClose={() => setNotice(null)} />}
      <main className="panes">
        <NavigationPane selected={selected} onSelect={setSelected} />
        <ListPane entry={entry} letterCount={engine.status?.letterCount ?? null} onImport={startImport} />
        <ReaderPane />
      </main>
      <StatusBar view={engine} />
    </div>
  );
}
