import type { SearchResult } from '../../../shared/domain';
import { UsageError, type CliContext } from '../cli-context';

export const searchHelp = `huihan search 查询 [--limit N] [--sort relevance|date|number] [--data 归档文件夹] [--json]
  在档案中搜索回函。查询语法：多个词（同时包含）、"精确短语"、-排除词、A OR B，
  以及 号:018 部门:组织部 届次:五届四次 类别:A 年:2024 主题:人才 标签:重点 提案人:乐芳均 文号:… 状态:逾期。
  --limit N    最多显示 N 条（默认 20，最多 1000）
  --sort       排序：relevance（相关度，默认）、date（日期）、number（提案号）`;

const SORTS = ['relevance', 'date', 'number'] as const;
type Sort = (typeof SORTS)[number];

export interface SearchOptions {
  limit?: string;
  sort?: string;
}

export async function runSearch(
  context: CliContext,
  positionals: string[],
  options: SearchOptions,
): Promise<number> {
  const query = positionals.join(' ').trim();
  if (query === '') throw new UsageError('请给出要搜索的内容，例如：huihan search 人才公寓');
  const limit = options.limit === undefined ? 20 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new UsageError('--limit 应为 1 到 1000 之间的整数。');
  }
  const sort = (options.sort ?? 'relevance') as Sort;
  if (!SORTS.includes(sort)) throw new UsageError('--sort 只能是 relevance、date 或 number。');
  const archive = context.openArchive();
  if (archive.search.rebuilding) {
    if (!context.json) context.err('正在建立搜索索引，首次搜索需要稍等……');
    archive.search.catchUp();
  }
  const result = (await archive.handle('search', { query, sort, offset: 0, limit })) as SearchResult;
  if (context.json) {
    context.out(
      JSON.stringify({
        total: result.total,
        hits: result.hits.map((hit) => ({
          id: hit.id,
          title: hit.title,
          issuer: hit.issuer,
          session: hit.session,
          proposal_number: hit.proposalNumber,
          category: hit.category,
          date: hit.date,
          topic: hit.topic,
          snippet: hit.snippet,
        })),
        facets: result.facets,
        ...(result.hint ? { hint: result.hint } : {}),
      }),
    );
    return 0;
  }
  if (result.hint) context.err(`提示：${result.hint}`);
  context.out(`共找到 ${result.total} 封回函（用时 ${result.elapsedMs} ms）`);
  for (const hit of result.hits) {
    const number = hit.proposalNumber ? `第${hit.proposalNumber}号` : '（无案号）';
    context.out(
      `\n${hit.id}\t${hit.session ?? '（无届次）'}\t${number}\t${hit.issuer ?? ''}\t${hit.date ?? ''}`,
    );
    context.out(`  ${hit.title ?? '（无标题）'}`);
    context.out(`  ${hit.snippet}`);
  }
  return 0;
}
