import { useMemo } from 'react';
import type { FacetName, SearchResult } from '../../../shared/domain';
import type { Page } from '../hooks/usePagedRows';
import type { ListRow, SearchSort } from '../list-source';
import { LetterList } from './LetterList';
import { TagChip } from './TagChip';

/** Each facet with the filter key of the query language that narrows by it. */
const FACET_LABELS: Record<FacetName, string> = {
  department: '部门',
  session: '届次',
  year: '年',
  category: '类别',
  topic: '主题',
  tag: '标签',
  kind: '类型',
};

const CHIPS_PER_FACET = 6;

interface SearchResultsProps {
  query: string;
  sort: SearchSort;
  result: SearchResult;
  selectedId: number | null;
  chosen: ReadonlySet<number>;
  onSelect: (id: number) => void;
  onChoose: (ids: number[], mode: 'toggle' | 'range') => void;
  onNarrow: (filter: string) => void;
  onError?: (message: string) => void;
}

/** A filter as typed in the box; values with spaces are quoted. */
export function filterText(key: string, value: string): string {
  return /[\s\u3000"]/u.test(value) ? `${key}:"${value.replace(/"/gu, '')}"` : `${key}:${value}`;
}

/** Hits with their snippets, and facet chips (with counts) that narrow the query (部门:… 年:…). */
export function SearchResults({ query, sort, result, onNarrow, ...list }: SearchResultsProps) {
  const first: Page<ListRow> = useMemo(() => ({ total: result.total, items: result.hits }), [result]);
  const facets = (Object.keys(FACET_LABELS) as FacetName[])
    .map((name) => ({
      name,
      values: (result.facets[name] ?? [])
        .filter(
          (value) =>
            value.count < result.total && !query.includes(filterText(FACET_LABELS[name], value.value)),
        )
        .slice(0, CHIPS_PER_FACET),
    }))
    .filter((facet) => facet.values.length > 0);
  return (
    <>
      {result.hint && (
        <div className="search-hint" role="status">
          {result.hint}
        </div>
      )}
      {facets.length > 0 && (
        <div className="facets" role="group" aria-label="按分类缩小范围">
          {facets.map((facet) => (
            <div
              key={facet.name}
              className="facet-group"
              role="group"
              aria-label={`按${FACET_LABELS[facet.name]}缩小`}
            >
              <span className="facet-name">{FACET_LABELS[facet.name]}</span>
              {facet.values.map((value) => (
                <button
                  key={value.value}
                  type="button"
                  className="facet-chip"
                  aria-label={`${FACET_LABELS[facet.name]}:${value.value}（${value.count} 封）`}
                  onClick={() => onNarrow(filterText(FACET_LABELS[facet.name], value.value))}
                >
                  {facet.name === 'category' ? (
                    `${value.value} 类`
                  ) : facet.name === 'tag' ? (
                    <TagChip tag={value.value} />
                  ) : (
                    value.value
                  )}{' '}
                  <span className="count">{value.count}</span>
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
      <LetterList source={{ kind: 'search', query, sort }} first={first} snippets {...list} />
    </>
  );
}
