import { useCallback, useEffect, useRef, useState } from 'react';
import type { BrowseNode } from '../../shared/domain';
import { ActionBar } from './components/ActionBar';
import { ArchiveBackup } from './components/ArchiveBackup';
import { Banner } from './components/Banner';
import type { CommitmentActions } from './components/CommitmentsPanel';
import { DropOverlay } from './components/DropOverlay';
import { ExportDialog, type ExportSelection } from './components/ExportDialog';
import { exportTarget } from './export/export-target';
import { ImportPanel } from './components/ImportPanel';
import { LedgerPane } from './components/LedgerPane';
import { ListPane } from './components/ListPane';
import { NavigationPane } from './components/NavigationPane';
import { ReaderPane } from './components/ReaderPane';
import { SettingsPane } from './components/SettingsPane';
import { SearchBox } from './components/SearchBox';
import { StatusBar } from './components/StatusBar';
import { useEngineStatus } from './hooks/useEngineStatus';
import { useImport } from './hooks/useImport';
import { useLetter } from './hooks/useLetter';
import { useListData } from './hooks/useListData';
import { useSearch } from './hooks/useSearch';
import { useSortOrders } from './hooks/useSortOrders';
import { fetchAllIds, type ListSource } from './list-source';
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
  /** The commitment the ledger opened the letter at: the reader scrolls to it and marks it. */
  const [focusedCommitment, setFocusedCommitment] = useState<number | null>(null);
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
  const sorts = useSortOrders();
  const data = useListData(selected, path, version, sorts.list);
  const reader = useLetter(letterId, version);
  const search = useSearch(selected === 'search' ? query : '', version, sorts.search);
  /** The list Ctrl+A chooses from: every result of the query, or every letter of the list shown. */
  const listSource: ListSource | null =
    selected === 'search' && search.kind === 'done'
      ? { kind: 'search', query: search.query, sort: search.sort }
      : data.kind === 'letters' && !(selected === 'search' && search.kind !== 'idle')
        ? { kind: 'letters', node: data.node, sort: data.sort }
        : null;
  const listKey = listSource ? JSON.stringify(listSource) : '';

  const startImport = useCallback(() => fileInput.current?.click(), []);
  const [exportOf, setExportOf] = useState<{ selection: ExportSelection; description: string } | null>(null);
  const searchDone = selected === 'search' && search.kind === 'done' ? search : null;
  const startExport = useCallback(() => {
    const target = exportTarget({
      chosen,
      query: searchDone?.query ?? '',
      searchTotal: searchDone?.result.total ?? null,
    });
    if ('reason' in target) setNotice(target.reason);
    else setExportOf(target);
  }, [chosen, searchDone]);

  useEffect(
    () =>
      getHuihan()?.on('menu-command', ({ command }) => {
        if (command === 'import') startImport();
        else if (command === 'settings') {
          setSelected('settings');
          setPath(NO_PATH);
        } else startExport();
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
        if (listKey === '') return;
        fetchAllIds(JSON.parse(listKey) as ListSource).then(
          (ids) => setChosen(new Set(ids)),
          (reason: unknown) => setNotice(errorMessage(reason)),
        );
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [startImport, startExport, listKey]);

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
    addFollowUp: (id, note, author) => change(huihan?.addFollowUp({ commitmentId: id, note, author })),
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
        <SearchBox
          inputRef={searchBox}
          value={query}
          onChange={(value) => {
            setQuery(value);
            if (selected !== 'search') choose('search');
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
        <NavigationPane
          selected={selected}
          onSelect={choose}
          footer={
            <ArchiveBackup letterCount={engine.status?.letterCount ?? null} onRestored={onImportFinished} />
          }
        />
        {selected === 'settings' ? (
          <SettingsPane letterCount={engine.status?.letterCount ?? null} onArchiveMoved={onImportFinished} />
        ) : selected === 'commitments' ? (
          <LedgerPane
            version={version}
            selectedLetterId={letterId}
            onOpenLetter={(id, commitmentId) => {
              setLetterId(id);
              setFocusedCommitment(commitmentId);
            }}
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
            sorts={sorts}
            onError={setNotice}
          />
        )}
        {selected !== 'settings' && (
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
            onSetTopic={(topic) => change(huihan?.setLetterTopic({ id: letterId ?? 0, topic }))}
            focusedCommitmentId={focusedCommitment}
          />
        )}
      </main>
      <StatusBar view={engine} />
      {dragging && <DropOverlay />}
      {exportOf && (
        <ExportDialog
          selection={exportOf.selection}
          description={exportOf.description}
          onClose={() => setExportOf(null)}
        />
      )}
    </div>
  );
}
