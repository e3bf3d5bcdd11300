import type { Settings } from './domain';

/** The settings a fresh install starts with. */
export const DEFAULT_SETTINGS: Settings = {
  customDictionary: [],
  topicRules: [],
  recentFolders: [],
  followUpAuthor: '',
};

/** The longest 跟进人 name, in characters. */
export const FOLLOW_UP_AUTHOR_MAX = 20;

/** Who signs a follow-up when the user has not given a name (设置 › 跟进人). */
export const DEFAULT_FOLLOW_UP_AUTHOR = '本人';

/** The name a new follow-up is signed with. */
export function followUpSignature(settings: Pick<Settings, 'followUpAuthor'> | null): string {
  const name = settings?.followUpAuthor.trim() ?? '';
  return name === '' ? DEFAULT_FOLLOW_UP_AUTHOR : name;
}

/** Applies a validated partial update; keys not given keep their value. */
export function mergeSettings(current: Settings, patch: Partial<Settings>): Settings {
  return {
    customDictionary: patch.customDictionary ?? current.customDictionary,
    topicRules: patch.topicRules ?? current.topicRules,
    recentFolders: patch.recentFolders ?? current.recentFolders,
    followUpAuthor: patch.followUpAuthor ?? current.followUpAuthor,
  };
}
