import { useCallback, useEffect, useRef, useState } from 'react';
import type { BrowseNode } from '../../shared/domain';
import { ActionBar } from './components/ActionBar';
import { Banner } from './components/Banner';
import type { CommitmentActions } from './components/CommitmentsPanel';
import { DropOverlay } from './components/DropOverlay';
import { ImportPanel } from './components/ImportPanel';
import { LedgerPane } from './components/LedgerPane';
import { ListPane } from './components/ListPane';
import { NavigationPane } from './components/NavigationPane';
import { ReaderPane } from './components/ReaderPane';
import { StatusBar } from './components/StatusBar';
import { useEngineStatus } from './hooks/useEngineStatus';
import { useImport } from './hooks/useImport';
import { useLetter } from './hooks/useLetter';
import { useListData } from './hooks/useListData';
import { useSearch } from './hooks/useSearch';
import { errorMessage, getHuihan } from './huihan';
import { NAVIGATION, SEARCH_ENTRY, type NavigationId } from './navigation';

const NO_PATH: BrowseNode[] = [];

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}

/** The main window: search box on top, then navigation | list | reader, and the engine's status below. */
export function App() {
  const engine = useEngineStatus();
  const [selected, setSelected] = useState<NavigationId>('search');
  const [path, setPath] = useState<BrowseNode[]>(NO_PATH);
  const [letterId, setLetterId] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [dismissedRestarts, setDismissedRestarts] = useState(0);
  const [dragging, setDragging] = useState(false);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const searchBox = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const refreshStatus = engine.refresh;
  const onImportFinished = useCallback(() => {
    setVersion((value) => value + 1);
    refreshStatus();
  }, [refreshStatus]);
  const imports = useImport(onImportFinished);
  const data = useListData(selected, path, version);
  const reader = useLetter(letterId, version);
  const search = useSearch(selected === 'search' ? query : '', version);
  const visibleIds =
    selected === 'search' && search.kind === 'done'
      ? search.result.hits.map((hit) => hit.id)
      : data.kind === 'letters'
        ? data.page.items.map((item) => item.id)
        : [];
  const visibleKey = visibleIds.join(',');

  const startImport = useCallback(() => fileInput.current?.click(), []);
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
        setPath(NO_PATH);
        searchBox.current?.focus();
      } else if (key === 'i') {
        event.preventDefault();
        startImport();
      } else if (key === 'e') {
        event.preventDefault();
        startExport();
      } else if (key === 'a' && !isTyping(event.target)) {
        event.preventDefault();
        setChosen(new Set(visibleKey === '' ? [] : visibleKey.split(',').map(Number)));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [startImport, startExport, visibleKey]);

  const choose = (id: NavigationId) => {
    setSelected(id);
    setPath(NO_PATH);
    setChosen(new Set());
  };
  const onChoose = (ids: number[], mode: 'toggle' | 'range') => {
    if (mode === 'range') {
      setChosen(new Set(ids));
      return;
    }
    const next = new Set(chosen);
    if (next.size === 0 && letterId !== null) next.add(letterId);
    for (const id of ids) {
      if (next.has(id)) next.delete(id);
      else next.add(id);
    }
    setChosen(next);
  };
  const onFilesChosen = (event: React.ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    imports.importFiles(files);
  };
  const onDrop = (event: React.DragEvent) => {
    event.preventDefault();
    setDragging(false);
    imports.importFiles([...event.dataTransfer.files]);
  };

  const huihan = getHuihan();
  /** Runs an edit, then reloads what shows it; a refusal is shown in Chinese. */
  const change = (request: Promise<unknown> | undefined) => {
    request?.then(
      () => setVersion((value) => value + 1),
      (reason: unknown) => setNotice(errorMessage(reason)),
    );
  };

  const commitmentActions: CommitmentActions = {
    confirm: (id) => change(huihan?.updateCommitment({ id, confirmed: true })),
    reject: (id) => change(huihan?.updateCommitment({ id, rejected: true })),
    setDueDate: (id, dueDate) => change(huihan?.updateCommitment({ id, dueDate })),
    setStatus: (id, status) => change(huihan?.setCommitmentStatus({ ids: [id], status })),
    addFollowUp: (id, note) => change(huihan?.addFollowUp({ commitmentId: id, note, author: '本人' })),
  };

  const entry = NAVIGATION.find((item) => item.id === selected) ?? SEARCH_ENTRY;
  const engineEvent = engine.engineEvent;
  const engineNotice = engineEvent && engineEvent.state !== 'ready' ? engineEvent : null;
  const recovered =
    engineEvent?.state === 'ready' && engineEvent.restarts > dismissedRestarts ? engineEvent : null;

  return (
    <div
      className="app"
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.relatedTarget === null) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className="toolbar">
        <h1 className="app-title">回函档案</h1>
        <input
          ref={searchBox}
          className="search-box"
          type="search"
          aria-label="搜索回函"
          placeholder="搜索回函：词语、“精确短语”、号:018、部门:组织部 …（Ctrl+F）"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            if (selected !== 'search') choose('search');
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setQuery('');
          }}
        />
        <button type="button" onClick={startImport} title="导入回函文件（Ctrl+I）" disabled={imports.running}>
          导入回函
        </button>
        <button type="button" onClick={() => folderInput.current?.click()} disabled={imports.running}>
          导入文件夹
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          aria-label="选择要导入的回函文件"
          onChange={onFilesChosen}
        />
        <input
          ref={folderInput}
          type="file"
          hidden
          aria-label="选择要导入的文件夹"
          onChange={onFilesChosen}
          {...{ webkitdirectory: '' }}
        />
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
      <ImportPanel view={imports} />
      {chosen.size > 0 && (
        <ActionBar
          count={chosen.size}
          onTag={(tag) => change(huihan?.tagLetters({ ids: [...chosen], tags: [tag] }))}
          onExport={startExport}
          onDelete={() => {
            if (letterId !== null && chosen.has(letterId)) setLetterId(null);
            change(huihan?.deleteLetters({ ids: [...chosen] }));
            setChosen(new Set());
            refreshStatus();
          }}
          onClear={() => setChosen(new Set())}
        />
      )}
      <main className="panes">
        <NavigationPane selected={selected} onSelect={choose} />
        {selected === 'commitments' ? (
          <LedgerPane
            version={version}
            selectedLetterId={letterId}
            onOpenLetter={setLetterId}
            onChanged={() => setVersion((value) => value + 1)}
          />
        ) : (
          <ListPane
            entry={entry}
            letterCount={engine.status?.letterCount ?? null}
            data={data}
            search={search}
            onNarrow={(filter) => setQuery((current) => `${current.trim()} ${filter}`.trim())}
            path={path}
            selectedId={letterId}
            chosen={chosen}
            onChoose={onChoose}
            onOpenNode={(node) => setPath([...path, node])}
            onBack={() => setPath(path.slice(0, -1))}
            onSelect={setLetterId}
            onImport={startImport}
          />
        )}
        <ReaderPane
          letter={reader.letter}
          error={reader.error}
          onCorrect={(field, value) =>
            change(huihan?.updateLetter({ id: letterId ?? 0, corrections: { [field]: value } }))
          }
          onRevert={(field) => change(huihan?.updateLetter({ id: letterId ?? 0, revert: [field] }))}
          onAddTag={(tag) => change(huihan?.tagLetters({ ids: [letterId ?? 0], tags: [tag] }))}
          onRemoveTag={(tag) => change(huihan?.untagLetters({ ids: [letterId ?? 0], tags: [tag] }))}
          commitmentActions={commitmentActions}
          onMarkCommitment={(selection) =>
            change(
              huihan?.addCommitment({
                letterId: letterId ?? 0,
                text: selection.text,
                start: selection.start,
                end: selection.end,
                dueDate: null,
              }),
            )
          }
          onNotice={setNotice}
        />
      </main>
      <StatusBar view={engine} />
      {dragging && <DropOverlay />}
    </div>
  );
}
