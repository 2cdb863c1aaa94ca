import { createHash } from 'node:crypto';

/** The file a result was made from, as the cache compares it (see cache.ts). Plain data. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  /** SHA-256 of the bytes validated, base64. */
  contentHash: string;
}

export function hashContent(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}
