/**
 * The storage contract the bot saves conversation state through.
 *
 * It mirrors botbuilder's `Storage`/`StoreItems` structurally, without importing botbuilder, so botbuilder's
 * own storages (MemoryStorage, BlobsStorage, CosmosDbPartitionedStorage) satisfy it too and can be swapped in.
 *
 * eTag semantics (those of botbuilder's MemoryStorage):
 * - a write without an eTag, or with eTag '*', overwrites whatever is stored;
 * - a write whose eTag differs from the stored one fails with an ETagConflictError;
 * - a write to a key that is not stored succeeds whatever its eTag;
 * - every successful write gives the item a new eTag, returned by the next read;
 * - read returns only the keys that exist.
 */

export interface StoreItem {
  eTag?: string;
  [k: string]: unknown;
}

// `any`, as in botbuilder, so callers can read typed state without a cast at every use.
export type StoreItems = Record<string, any>;

export interface KeyValueStore {
  read(keys: string[]): Promise<StoreItems>;
  write(changes: StoreItems): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

/** Another writer saved the item since the caller read it; the caller's change was not applied. */
export class ETagConflictError extends Error {
  override readonly name = 'ETagConflictError';

  constructor(
    readonly key: string,
    readonly expectedETag: string,
    readonly storedETag: string,
  ) {
    super(
      `Storage: writing "${key}" failed on an eTag conflict: the write expected eTag "${expectedETag}" ` +
        `but the stored item has eTag "${storedETag}" (another writer saved it first). ` +
        'Nothing in this write was saved; re-read the item and retry the change.',
    );
  }
}

/**
 * The items of a write, checked as every store checks them: a write is an object of keys to plain
 * objects. `store` names the store in the message ("SqliteStore").
 */
export function itemsToWrite(store: string, changes: StoreItems): Array<[string, object]> {
  if (changes === null || typeof changes !== 'object') {
    throw new TypeError(`${store}.write expects an object mapping keys to items.`);
  }
  const entries = Object.entries(changes);
  for (const [key, item] of entries) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new TypeError(`${store}.write: the item for "${key}" must be a plain object, got ${describe(item)}.`);
    }
  }
  return entries as Array<[string, object]>;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}
