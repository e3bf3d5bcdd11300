import type { ExtractedText, IngestFailure } from '../ingest/types';

/** Messages between the import job and its extract workers. */
export interface ExtractRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
}

export type ExtractReply =
  | { id: number; ok: true; result: ExtractedText }
  | { id: number; ok: false; failure: IngestFailure; reason: string };
