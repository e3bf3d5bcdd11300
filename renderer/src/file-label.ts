/**
 * A file as the user knows it: its last folder and name (files uploaded by the web host sit in the
 * archive's incoming folder, a path the user never chose). The full path stays in the tooltip.
 */
export function fileLabel(path: string): string {
  const parts = path.split(/[\\/]/u).filter((part) => part !== '');
  const incoming = parts.lastIndexOf('incoming');
  const kept = incoming >= 0 && parts.length > incoming + 2 ? parts.slice(incoming + 2) : parts.slice(-2);
  return kept.join('/');
}
