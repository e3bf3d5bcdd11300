/**
 * Topics: classifying a letter by the keyword rules, re-classifying a whole archive after a rule
 * change (setTopicRules, synchronous), and extracting one letter's keywords (jieba). Prints medians.
 */
import { generateLetter } from './letter-generator';
import { loadJieba } from '../electron/engine/search/jieba';
import { classifyTopic, compileRules } from '../electron/engine/topics/classify';
import { DEFAULT_TOPIC_RULES } from '../electron/engine/topics/default-rules';
import { extractKeywords } from '../electron/engine/topics/keywords';
import { setTopicRules } from '../electron/engine/topics';
import { insertTexts, openSearchDatabase } from '../electron/engine/search/search-test-support';
import { temporaryFolder } from '../electron/engine/test-support';
import { median, percentile, timeMs } from './stats';

export function benchTopics(archiveSize = 10_000): string[] {
  const lines = ['## 主题（关键词规则）与关键词提取'];
  const texts = Array.from({ length: 500 }, (_, index) => generateLetter(7, index).text);
  const compiled = compileRules(DEFAULT_TOPIC_RULES);
  const classify = (text: string) =>
    classifyTopic({ proposalTitle: null, title: null, body: text }, compiled);
  for (const text of texts) classify(text);
  const samples = texts.map((text) => timeMs(() => classify(text)));
  const chars = Math.round(texts.reduce((sum, text) => sum + text.length, 0) / texts.length);
  lines.push(
    `归类一封（平均 ${chars} 字）：中位数 ${median(samples).toFixed(3)} ms，p95 ${percentile(samples, 95).toFixed(3)} ms`,
  );

  const folder = temporaryFolder('huihan-topics-bench');
  const db = openSearchDatabase(folder.path);
  try {
    const batch = 1000;
    for (let from = 0; from < archiveSize; from += batch) {
      insertTexts(
        db,
        Array.from(
          { length: Math.min(batch, archiveSize - from) },
          (_, index) => generateLetter(11, from + index).text,
        ),
      );
    }
    const runs: number[] = [];
    const rules = [DEFAULT_TOPIC_RULES.slice(1), [...DEFAULT_TOPIC_RULES]];
    for (let round = 0; round < 4; round += 1)
      runs.push(timeMs(() => setTopicRules(db, rules[round % 2] ?? [])));
    lines.push(
      `修改规则后重新归类 ${archiveSize} 封（同步）：中位数 ${median(runs).toFixed(0)} ms（${runs.length} 次）`,
    );
  } finally {
    db.close();
    folder.remove();
  }

  const loadMs = timeMs(() => loadJieba());
  const extract = texts.slice(0, 200).map((text) => timeMs(() => extractKeywords(text)));
  lines.push(
    `关键词提取一封：中位数 ${median(extract).toFixed(2)} ms，p95 ${percentile(extract, 95).toFixed(2)} ms（分词词典加载 ${loadMs.toFixed(0)} ms，一次）`,
  );
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(benchTopics(Number(process.env.HUIHAN_BENCH_TOPIC_LETTERS ?? 10_000)).join('\n'));
}
