import type { ArchiveApi } from '../../shared/api';

/** The archive, as the host (Electron preload or the web host's bridge) exposes it. */
export function getHuihan(): ArchiveApi | null {
  const candidate = (window as unknown as { huihan?: ArchiveApi }).huihan;
  return candidate ?? null;
}

/** The Chinese message of anything a call rejected with. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message)
    return error.message.replace(/^Error invoking remote method '[^']+': (?:\w+: )?/u, '');
  return String(error);
}
