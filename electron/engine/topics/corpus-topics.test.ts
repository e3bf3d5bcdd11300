import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyCorpus, topicDistribution } from './corpus-topics';
import { OTHER_TOPIC } from './default-rules';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const lettersDir = path.resolve(repoRoot, '..', 'shared', 'corpus', 'letters');
const exists = existsSync(lettersDir);

if (!exists) console.log(`跳过：未找到 ${lettersDir}（corpus not found, topic distribution skipped)`);

describe('topics over the reply-letter corpus', () => {
  it.skipIf(!exists)('gives most letters a topic and spreads them over the taxonomy', () => {
    const results = classifyCorpus(lettersDir);
    const distribution = topicDistribution(results);
    console.log(distribution.map(([topic, count]) => `${topic} ${count}`).join('\n'));
    if (process.env.HUIHAN_TOPICS_VERBOSE) {
      for (const result of results)
        console.log(`${result.file}\t${result.topic}\t${result.proposalTitle ?? ''}`);
    }
    const other = distribution.find(([topic]) => topic === OTHER_TOPIC)?.[1] ?? 0;
    expect(other / results.length).toBeLessThan(0.1);
    // Several topics in use, none taking over: the corpus asks about roads, water, schools, health, tourism…
    expect(distribution.length).toBeGreaterThanOrEqual(8);
    expect((distribution[0]?.[1] ?? 0) / results.length).toBeLessThan(0.5);
  });
});
