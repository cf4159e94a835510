import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { conversationKey } from '../src/conversation/turns';
import { transcriptKey } from '../src/conversation/transcript';
import { openSqliteStore } from '../src/storage/sqliteStore';
import type { Plan } from './plans';

/** As src/conversation/deviceProfiles.ts names a conversation's device profiles. */
const deviceKey = (key: string) => `device/${key}`;
const BATCH = 1000;

/**
 * Writes `count` finished conversations into the bot's state file, as the server would have left
 * them: the engine's saved state, the transcript and the device profiles, under the server's keys,
 * through the same SqliteStore. The planned conversations are reused with fresh ids.
 */
export async function prepopulate(dataDir: string, plans: readonly Plan[], count: number): Promise<{ seconds: number }> {
  const started = performance.now();
  const store = openSqliteStore(dataDir);
  try {
    for (let done = 0; done < count; done += BATCH) {
      const items: Record<string, object> = {};
      for (let i = done; i < Math.min(count, done + BATCH); i++) {
        const { stored } = plans[i % plans.length]!;
        const key = conversationKey('emulator', `${randomBytes(16).toString('base64url')}-bench`);
        items[key] = stored.state;
        items[transcriptKey(key)] = stored.transcript;
        if (stored.device) items[deviceKey(key)] = stored.device;
      }
      await store.write(items);
    }
  } finally {
    store.close();
  }
  return { seconds: (performance.now() - started) / 1000 };
}
