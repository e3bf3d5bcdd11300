import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiArgSchemas } from '../../../shared/api-schemas';
import type { TopicRule } from '../../../shared/domain';

/**
 * The settings the engine was last given (custom dictionary, topic rules), kept in the archive folder:
 * the next engine start cuts words with the same dictionary at once, so the host's applySettings after
 * the start changes nothing and the saved word index stays valid.
 */
export const APPLIED_SETTINGS_FILE = 'applied-settings.json';

export interface EngineSettings {
  customDictionary: string[];
  topicRules: TopicRule[];
}

export const NO_ENGINE_SETTINGS: EngineSettings = { customDictionary: [], topicRules: [] };

/** What was applied last; a missing, unreadable or invalid file reads as nothing applied. */
export function readAppliedSettings(dataDir: string): EngineSettings {
  const file = join(dataDir, APPLIED_SETTINGS_FILE);
  if (!existsSync(file)) return NO_ENGINE_SETTINGS;
  try {
    const parsed = apiArgSchemas.applySettings.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : NO_ENGINE_SETTINGS;
  } catch {
    return NO_ENGINE_SETTINGS;
  }
}

/** Writes the file whole under a temporary name, then renames it (never half-written). */
export function writeAppliedSettings(dataDir: string, settings: EngineSettings): void {
  const file = join(dataDir, APPLIED_SETTINGS_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(settings, null, 2));
  renameSync(temporary, file);
}
