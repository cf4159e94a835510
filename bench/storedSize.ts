import Database from 'better-sqlite3';
import { SqliteStore } from '../src/storage/sqliteStore';
import { round } from './stats';

export interface StoredSize {
  conversations: number;
  items: number;
  /** SqliteStore.sizeBytes(): pages in use, keys, b-tree overhead and free space within pages included. */
  sizeBytes: number;
  bytesPerConversation: number;
  /** Mean JSON length per key kind, per conversation that has one: where the bytes go. */
  meanValueBytes: Record<string, number>;
}

/**
 * What the bot keeps per conversation in its state file: every key that belongs to a conversation
 * (its state, its transcript, its device profiles) divided by the number of conversations.
 */
export function measureStoredSize(file: string): StoredSize {
  const store = new SqliteStore({ file });
  const sizeBytes = store.sizeBytes();
  const items = store.count();
  store.close();
  const db = new Database(file, { readonly: true });
  const kinds = db
    .prepare<[], { kind: string; n: number; bytes: number }>(
      "SELECT substr(key, 1, instr(key, '/') - 1) AS kind, count(*) AS n, sum(length(value)) AS bytes FROM state GROUP BY kind",
    )
    .all();
  db.close();
  const conversations = kinds.find((k) => k.kind === 'conversation')?.n ?? 0;
  return {
    conversations,
    items,
    sizeBytes,
    bytesPerConversation: round(sizeBytes / Math.max(1, conversations)),
    meanValueBytes: Object.fromEntries(kinds.map((k) => [k.kind, round(k.bytes / k.n)])),
  };
}
