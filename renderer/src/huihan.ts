import type { ArchiveApi } from '../../shared/api';
import type { HostFiles } from '../../shared/host-files';

/** The archive, as the host (Electron preload or the web host's bridge) exposes it. */
export function getHuihan(): ArchiveApi | null {
  const candidate = (window as unknown as { huihan?: ArchiveApi }).huihan;
  return candidate ?? null;
}

/** How this host turns dropped or chosen files into importable paths. */
export function getHostFiles(): HostFiles | null {
  return (window as unknown as { huihanFiles?: HostFiles }).huihanFiles ?? null;
}

/** The Chinese message of anything a call rejected with. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message)
    return error.message.replace(/^Error invoking remote method '[^']+': (?:\w+: )?/u, '');
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}
