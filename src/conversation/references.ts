import type { KeyValueStore } from '../storage/keyValueStore';

/**
 * Where to reach a conversation later (a Bot Framework ConversationReference, kept as plain JSON):
 * a device check finished on another device answers in the conversation that asked for it.
 */
export function createConversationReferences(store: KeyValueStore) {
  const keyOf = (conversationKey: string) => `reference/${conversationKey}`;
  return {
    async remember(conversationKey: string, reference: object): Promise<void> {
      await store.write({ [keyOf(conversationKey)]: { reference } });
    },
    async get(conversationKey: string): Promise<Record<string, unknown> | undefined> {
      const items = await store.read([keyOf(conversationKey)]);
      return (items[keyOf(conversationKey)] as { reference?: Record<string, unknown> } | undefined)?.reference;
    },
    forget: (conversationKey: string) => store.delete([keyOf(conversationKey)]),
  };
}

export type ConversationReferences = ReturnType<typeof createConversationReferences>;
