import { useSyncExternalStore } from 'react';
import { getHuihan } from './huihan';

/** The colours a tag can have: calm tones readable as text on their own light tint, with Chinese names. */
export const TAG_PALETTE: ReadonlyArray<{ name: string; color: string }> = [
  { name: '朱红', color: '#b03a2e' },
  { name: '赭石', color: '#8d5524' },
  { name: '姜黄', color: '#8a6a05' },
  { name: '竹青', color: '#1e7b43' },
  { name: '青碧', color: '#11706a' },
  { name: '靛蓝', color: '#2e5f9e' },
  { name: '黛紫', color: '#6c3483' },
  { name: '墨灰', color: '#5d6470' },
];

export function colorName(color: string | null): string {
  if (color === null) return '无';
  return TAG_PALETTE.find((entry) => entry.color.toLowerCase() === color.toLowerCase())?.name ?? color;
}

/** Every tag's colour, loaded once and refreshed after a colour changes; shared by every chip. */
let colors: ReadonlyMap<string, string> = new Map();
let loaded = false;
const listeners = new Set<() => void>();

export function refreshTagColors(): void {
  loaded = true;
  getHuihan()
    ?.listTags()
    .then(
      (tags) => {
        colors = new Map(tags.flatMap((tag) => (tag.color ? [[tag.name, tag.color] as const] : [])));
        for (const listener of listeners) listener();
      },
      () => undefined,
    );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!loaded) refreshTagColors();
  return () => listeners.delete(listener);
}

/** The colour of a tag (null: none), kept current. */
export function useTagColor(tag: string): string | null {
  return useSyncExternalStore(subscribe, () => colors.get(tag) ?? null);
}

/** Sets a tag's colour (null: none) and refreshes every chip; rejects with the engine's Chinese message. */
export async function chooseTagColor(tag: string, color: string | null): Promise<void> {
  await getHuihan()?.setTagColor({ tag, color });
  refreshTagColors();
}
