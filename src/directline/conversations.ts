import { randomBytes } from 'node:crypto';

/** An activity as the local Direct Line stores and delivers it. */
export interface StoredActivity {
  id: string;
  type: string;
  timestamp: string;
  channelId: string;
  conversation: { id: string };
  from: { id: string; name?: string; role?: string };
  [field: string]: unknown;
}

/** A batch as Direct Line 3.0 returns it: GET …/activities and every WebSocket message. */
export interface ActivitySet {
  activities: StoredActivity[];
  watermark: string;
}

export interface Conversation {
  readonly id: string;
  /** The user the conversation's tokens speak for; activities from the page carry it as `from.id`. */
  readonly userId: string;
  /** Whether the bot was told the conversation started (POST /conversations). */
  started: boolean;
  /** Serialises forwarding to the bot, so the bot sees the candidate's activities in order. */
  forwarding: Promise<unknown>;
}

export type TokenCheck =
  | { ok: true; conversation: Conversation }
  | { ok: false; status: 401 | 403; code: 'MissingToken' | 'TokenExpired' | 'BadToken' | 'WrongConversation' };

export interface ConversationsOptions {
  /** Kept per conversation; older ones are dropped (a reload then shows the most recent ones). */
  maxActivities?: number;
  /** Kept at once; starting one more forgets the longest idle. */
  maxConversations?: number;
  /**
   * Kept at once per client address; starting one more forgets that client's longest idle. So one
   * client looping over "start a conversation" only ever pushes out its own conversations.
   */
  maxPerClient?: number;
  /** A conversation nobody touched for this long is forgotten. */
  idleMs?: number;
  /** As long as Azure's Direct Line tokens; Web Chat refreshes them halfway. */
  tokenMs?: number;
  now?: () => number;
  newId?: () => string;
}

interface Entry {
  conversation: Conversation;
  client: string;
  activities: StoredActivity[];
  /** Sequence number of the last activity; it is the watermark. */
  sequence: number;
  touchedAt: number;
  tokens: Map<string, number>;
  listeners: Set<Listener>;
}

export interface Listener {
  activity(activity: StoredActivity, watermark: string): void;
  /** The conversation was forgotten: close the stream. */
  ended(): void;
}

const TOKENS_PER_CONVERSATION = 4;

/**
 * The local Direct Line's memory: conversations, their activities and their tokens. Bounded on
 * every axis (activities per conversation, conversations, idle time), because anyone who can
 * reach the page can start conversations. Nothing survives a restart; the bot's own state does.
 */
export function createConversations({
  maxActivities = 500,
  maxConversations = 5000,
  maxPerClient = 20,
  idleMs = 60 * 60 * 1000,
  tokenMs = 30 * 60 * 1000,
  now = Date.now,
  newId = () => randomBytes(16).toString('base64url'),
}: ConversationsOptions = {}) {
  const entries = new Map<string, Entry>();
  const tokens = new Map<string, { conversationId: string; expiresAt: number }>();
  const byClient = new Map<string, Set<string>>();

  function idlest(ids: Iterable<string>): string | undefined {
    let found: Entry | undefined;
    for (const id of ids) {
      const entry = entries.get(id);
      if (entry && (!found || entry.touchedAt < found.touchedAt)) found = entry;
    }
    return found?.conversation.id;
  }

  function forget(id: string): void {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    const ofClient = byClient.get(entry.client);
    ofClient?.delete(id);
    if (ofClient?.size === 0) byClient.delete(entry.client);
    for (const token of entry.tokens.keys()) tokens.delete(token);
    for (const listener of entry.listeners) listener.ended();
  }

  function issueToken(entry: Entry): string {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now() + tokenMs;
    entry.tokens.set(token, expiresAt);
    tokens.set(token, { conversationId: entry.conversation.id, expiresAt });
    // A page that refreshed for hours would otherwise collect tokens; the newest few are enough.
    while (entry.tokens.size > TOKENS_PER_CONVERSATION) {
      const oldest = entry.tokens.keys().next().value!;
      entry.tokens.delete(oldest);
      tokens.delete(oldest);
    }
    return token;
  }

  function touch(entry: Entry): void {
    entry.touchedAt = now();
  }

  return {
    tokenSeconds: Math.floor(tokenMs / 1000),

    /** A new conversation and its first token, for the client at this address. */
    create(client = 'unknown'): { conversation: Conversation; token: string } {
      const ofClient = byClient.get(client) ?? new Set<string>();
      if (ofClient.size >= maxPerClient) forget(idlest(ofClient)!);
      if (entries.size >= maxConversations) forget(idlest(entries.keys())!);
      const conversation: Conversation = { id: newId(), userId: `dl_${newId()}`, started: false, forwarding: Promise.resolve() };
      const entry: Entry = { conversation, client, activities: [], sequence: 0, touchedAt: now(), tokens: new Map(), listeners: new Set() };
      entries.set(conversation.id, entry);
      byClient.set(client, ofClient.add(conversation.id));
      return { conversation, token: issueToken(entry) };
    },

    /**
     * Who a bearer token speaks for. With `conversationId`, the token must belong to that
     * conversation: a token never reads or writes another one.
     */
    check(token: string | undefined, conversationId?: string): TokenCheck {
      if (!token) return { ok: false, status: 401, code: 'MissingToken' };
      const grant = tokens.get(token);
      const entry = grant && entries.get(grant.conversationId);
      if (!grant || !entry) return { ok: false, status: 403, code: 'BadToken' };
      if (grant.expiresAt <= now()) return { ok: false, status: 403, code: 'TokenExpired' };
      if (conversationId !== undefined && conversationId !== grant.conversationId) return { ok: false, status: 403, code: 'WrongConversation' };
      touch(entry);
      return { ok: true, conversation: entry.conversation };
    },

    /** Another token for the conversation (reconnecting, refreshing). */
    newToken(conversation: Conversation): string {
      const entry = entries.get(conversation.id);
      if (!entry) throw new Error('the conversation has ended');
      return issueToken(entry);
    },

    /** Keeps a conversation from expiring while its page is open (stream keep-alives). */
    touch(conversationId: string): void {
      const entry = entries.get(conversationId);
      if (entry) touch(entry);
    },

    get(conversationId: string): Conversation | undefined {
      return entries.get(conversationId)?.conversation;
    },

    /** Stores an activity with its id and place in the conversation, and tells every open stream. */
    append(conversationId: string, activity: Omit<StoredActivity, 'id'>): StoredActivity | undefined {
      const entry = entries.get(conversationId);
      if (!entry) return undefined;
      entry.sequence += 1;
      const stored = { ...activity, id: `${conversationId}|${String(entry.sequence).padStart(7, '0')}` } as StoredActivity;
      entry.activities.push(stored);
      if (entry.activities.length > maxActivities) entry.activities.splice(0, entry.activities.length - maxActivities);
      touch(entry);
      const watermark = String(entry.sequence);
      for (const listener of entry.listeners) listener.activity(stored, watermark);
      return stored;
    },

    /** Activities after the watermark (all kept ones when it is empty or not one of ours). */
    after(conversationId: string, watermark: string | null | undefined): ActivitySet {
      const entry = entries.get(conversationId);
      if (!entry) return { activities: [], watermark: '0' };
      const from = /^\d{1,15}$/.test(watermark ?? '') ? Number(watermark) : 0;
      const firstKept = entry.sequence - entry.activities.length + 1;
      return { activities: entry.activities.slice(Math.max(0, from - firstKept + 1)), watermark: String(entry.sequence) };
    },

    /**
     * Drops the conversation's activities ("delete my data"): polls, reconnects and reloads no
     * longer replay them. The conversation, its tokens and open streams go on; the watermark too.
     */
    eraseActivities(conversationId: string): void {
      const entry = entries.get(conversationId);
      if (entry) entry.activities = [];
    },

    /** Follows the conversation; returns the unsubscribe function. */
    listen(conversationId: string, listener: Listener): () => void {
      const entry = entries.get(conversationId);
      if (!entry) {
        listener.ended();
        return () => undefined;
      }
      entry.listeners.add(listener);
      return () => entry.listeners.delete(listener);
    },

    /** Forgets idle conversations and expired tokens; returns how many conversations went. */
    sweep(): number {
      const at = now();
      for (const [token, grant] of tokens) {
        if (grant.expiresAt > at) continue;
        tokens.delete(token);
        entries.get(grant.conversationId)?.tokens.delete(token);
      }
      const idle = [...entries.values()].filter((entry) => at - entry.touchedAt > idleMs);
      for (const entry of idle) forget(entry.conversation.id);
      return idle.length;
    },

    get size(): number {
      return entries.size;
    },

    /** Resolves once every activity being delivered to the bot has been (or failed). */
    async delivered(): Promise<void> {
      await Promise.all([...entries.values()].map((entry) => entry.conversation.forwarding));
    },

    /** Ends every stream (shutting down). */
    clear(): void {
      for (const id of [...entries.keys()]) forget(id);
    },
  };
}

export type Conversations = ReturnType<typeof createConversations>;
