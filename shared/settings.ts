import type { Settings } from './domain';

/** The settings a fresh install starts with. */
export const DEFAULT_SETTINGS: Settings = {
  customDictionary: [],
  topicRules: [],
  recentFolders: [],
};

/** Applies a validated partial update; keys not given keep their value. */
export function mergeSettings(current: Settings, patch: Partial<Settings>): Settings {
  return {
    customDictionary: patch.customDictionary ?? current.customDictionary,
    topicRules: patch.topicRules ?? current.topicRules,
    recentFolders: patch.recentFolders ?? current.recentFolders,
  };
}
