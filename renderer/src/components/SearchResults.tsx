import type { FacetName, SearchResult } from '../../../shared/domain';
import { LetterList } from './LetterList';

const FACET_LABELS: Record<FacetName, string> = {
  department: '部门',
  session: '届次',
  year: '年',
  category: '类别',
  topic: '主题',
  tag: '标签',
  kind: '类型',
};

interface SearchResultsProps {
  result: SearchResult;
  selectedId: number | null;
  chosen: ReadonlySet<number>;
  onSelect: (id: number) => void;
  onChoose: (ids: number[], mode: 'toggle' | 'range') => void;
  onNarrow: (filter: string) => void;
}

/** Hits with their snippets, and facet chips that narrow the query (部门:… 年:…). */
export function SearchResults({
  result,
  selectedId,
  chosen,
  onSelect,
  onChoose,
  onNarrow,
}: SearchResultsProps) {
  const facets = (Object.keys(FACET_LABELS) as FacetName[])
    .map((name) => ({ name, values: (result.facets[name] ?? []).slice(0, 6) }))
    .filter((facet) => facet.values.length > 1);
  return (
    <>
      {result.hint && (
        <div className="search-hint" role="status">
          {result.hint}
        </div>
      )}
      {facets.length > 0 && (
        <div className="facets" aria-label="按分类缩小范围">
          {facets.map((facet) =>
            facet.values.map((value) => (
              <button
                key={`${facet.name}-${value.value}`}
                type="button"
                className="facet-chip"
                onClick={() => onNarrow(`${FACET_LABELS[facet.name]}:${value.value}`)}
              >
                {FACET_LABELS[facet.name]}:{value.value} <span className="count">{value.count}</span>
              </button>
            )),
          )}
        </div>
      )}
      <LetterList
        letters={result.hits}
        selectedId={selectedId}
        chosen={chosen}
        onSelect={onSelect}
        onChoose={onChoose}
        snippets
      />
    </>
  );
}
