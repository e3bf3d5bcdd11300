import { useMemo } from 'react';
import type { BrowseNode } from '../../../shared/domain';
import type { ListData } from '../hooks/useListData';
import type { SearchState } from '../hooks/useSearch';
import type { SortOrders } from '../hooks/useSortOrders';
import { LIST_SORTS, SEARCH_SORTS } from '../list-source';
import { SortControl } from './SortControl';
import { TagColorPicker } from './TagColorPicker';
import { SearchResults } from './SearchResults';
import type { NavigationEntry } from '../navigation';
import { BrowseList } from './BrowseList';
import { ImportLog } from './ImportLog';
import { LetterList } from './LetterList';

interface ListPaneProps {
  entry: NavigationEntry;
  letterCount: number | null;
  data: ListData;
  search: SearchState;
  onNarrow: (filter: string) => void;
  path: BrowseNode[];
  selectedId: number | null;
  chosen: ReadonlySet<number>;
  onChoose: (ids: number[], mode: 'toggle' | 'range') => void;
  onOpenNode: (node: BrowseNode) => void;
  onBack: () => void;
  onSelect: (id: number) => void;
  onImport: () => void;
  sorts: SortOrders;
  onError: (message: string) => void;
}

function count(data: ListData, search: SearchState): string {
  if (search.kind === 'done') return `找到 ${search.result.total} 封`;
  if (data.kind === 'letters') return `共 ${data.page.total} 封`;
  if (data.kind === 'nodes') return `${data.nodes.length} 组`;
  if (data.kind === 'imports') return `${data.entries.length} 次`;
  return '';
}

/** The middle pane: groups or letters of the chosen view. Until letters exist, it says what to do first. */
export function ListPane(props: ListPaneProps) {
  const { entry, letterCount, data, path, sorts } = props;
  const letterPage = data.kind === 'letters' ? data.page : null;
  const first = useMemo(() => letterPage ?? { total: 0, items: [] }, [letterPage]);
  const title =
    path.at(-1)?.label ??
    (entry.id === 'search' ? (props.search.kind === 'idle' ? '全部回函' : '搜索结果') : entry.label);
  let body: React.ReactNode;
  if (letterCount === 0 && entry.id !== 'imports') {
    body = (
      <div className="empty-state" role="status">
        <p className="empty-title">档案中还没有回函</p>
        <p>把答复函文件或文件夹拖到窗口中，或点击下面的按钮，选择要导入的文件。</p>
        <p className="muted">
          支持 Word（.docx / .doc / .wps）、PDF、网页（.html / .mht）、文本文件和 .zip 压缩包。
        </p>
        <button type="button" className="primary" onClick={props.onImport}>
          导入回函
        </button>
      </div>
    );
  } else if (entry.id === 'search' && props.search.kind === 'error') {
    body = (
      <div className="empty-state" role="alert">
        {props.search.message}
      </div>
    );
  } else if (entry.id === 'search' && props.search.kind === 'done') {
    body =
      props.search.result.total === 0 ? (
        <div className="empty-state" role="status">
          没有找到包含「{props.search.query}」的回函。{props.search.result.hint ?? ''}
        </div>
      ) : (
        <SearchResults
          query={props.search.query}
          sort={props.search.sort}
          onError={props.onError}
          result={props.search.result}
          selectedId={props.selectedId}
          chosen={props.chosen}
          onSelect={props.onSelect}
          onChoose={props.onChoose}
          onNarrow={props.onNarrow}
        />
      );
  } else if (data.kind === 'error') {
    body = (
      <div className="empty-state" role="alert">
        {data.message}
      </div>
    );
  } else if (data.kind === 'nodes') {
    body = (
      <BrowseList
        nodes={data.nodes}
        label={title}
        onOpen={props.onOpenNode}
        extra={
          entry.id === 'tags' && path.length === 0
            ? (node) => <TagColorPicker tag={node.key.slice('tag:'.length)} onError={props.onError} />
            : undefined
        }
      />
    );
  } else if (data.kind === 'letters') {
    body = (
      <LetterList
        source={{ kind: 'letters', node: data.node, sort: data.sort }}
        first={first}
        onError={props.onError}
        selectedId={props.selectedId}
        chosen={props.chosen}
        onSelect={props.onSelect}
        onChoose={props.onChoose}
      />
    );
  } else if (data.kind === 'imports') {
    body =
      data.entries.length === 0 ? (
        <div className="empty-state">{entry.emptyHint}</div>
      ) : (
        <ImportLog entries={data.entries} />
      );
  } else if (data.kind === 'none') {
    body = <div className="empty-state">{entry.emptyHint}</div>;
  }
  return (
    <section className="pane pane-list" aria-label="回函列表">
      <header className="pane-header">
        {path.length > 0 && (
          <button type="button" className="link back" onClick={props.onBack} aria-label="返回上一级">
            ‹ 返回
          </button>
        )}
        <h2>{title}</h2>
        {entry.id === 'search' && props.search.kind === 'done' && props.search.result.total > 0 ? (
          <SortControl value={sorts.search} options={SEARCH_SORTS} onChange={sorts.setSearch} />
        ) : data.kind === 'letters' && !(entry.id === 'search' && props.search.kind !== 'idle') ? (
          <SortControl value={sorts.list} options={LIST_SORTS} onChange={sorts.setList} />
        ) : null}
        <span className="count" aria-label="数量">
          {count(data, props.search)}
        </span>
      </header>
      {body}
    </section>
  );
}
