import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TopicRule } from '../../../shared/domain';
import { parseLetter } from '../letter/parse-letter';
import { classifyTopic, compileRules } from './classify';
import { DEFAULT_TOPIC_RULES } from './default-rules';

export interface CorpusTopic {
  file: string;
  topic: string;
  proposalTitle: string | null;
}

/** Classifies every letter of a corpus folder (NNN.txt) as the import would: parsed, then by the rules. */
export function classifyCorpus(
  lettersDir: string,
  rules: readonly TopicRule[] = DEFAULT_TOPIC_RULES,
): CorpusTopic[] {
  const compiled = compileRules(rules);
  return readdirSync(lettersDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(lettersDir, file), 'utf8');
      const parsed = parseLetter(text);
      const topic = classifyTopic(
        { proposalTitle: parsed.proposal_title, title: parsed.title, body: text },
        compiled,
      );
      return { file, topic, proposalTitle: parsed.proposal_title };
    });
}

/** Letters per topic, most first. */
export function topicDistribution(results: readonly CorpusTopic[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const result of results) counts.set(result.topic, (counts.get(result.topic) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}
