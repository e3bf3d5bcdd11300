import type { Database } from 'better-sqlite3';
import type { MethodResults } from '../../../shared/api';
import type { ParsedMethodArgs } from '../../../shared/api-schemas';
import type { TopicRule } from '../../../shared/domain';
import type { SearchService } from '../search/search-service';
import { writeAppliedSettings } from './applied-settings';

/** Re-classifies every letter under new topic rules (electron/engine/topics); absent where not built. */
export type ApplyTopicRules = (db: Database, rules: TopicRule[]) => { reclassified: number };

export interface SettingsHandlerDeps {
  db: Database;
  dataDir: string;
  search: SearchService;
  applyTopicRules?: ApplyTopicRules;
}

/** The engine's side of the settings: the host hands them over, the engine applies what changed. */
export function settingsHandlers(deps: SettingsHandlerDeps) {
  const applySettings = (args: ParsedMethodArgs<'applySettings'>): MethodResults['applySettings'] => {
    const { changed } = deps.search.setCustomTerms(args.customDictionary);
    const reclassified = deps.applyTopicRules
      ? deps.applyTopicRules(deps.db, args.topicRules).reclassified
      : null;
    writeAppliedSettings(deps.dataDir, {
      customDictionary: args.customDictionary,
      topicRules: args.topicRules,
    });
    return { dictionaryChanged: changed, reclassified };
  };
  const segmentText = ({ text }: ParsedMethodArgs<'segmentText'>): MethodResults['segmentText'] => ({
    words: deps.search.previewWords(text),
  });
  return { applySettings, segmentText };
}
