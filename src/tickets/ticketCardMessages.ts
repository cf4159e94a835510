import type { KeyValueStore } from '../storage/keyValueStore';

/** A ticket card as posted in one recruiter channel: the channel's key and the message's activity id. */
export interface PostedCard {
  channelKey: string;
  activityId: string;
}

/**
 * Which message carries a ticket's card in each recruiter channel, so a card action can update it
 * for everyone there. Kept in the conversation state store (an id, no candidate data), one item per
 * ticket, and purged with the conversations after the retention period.
 */
export function createTicketCardMessages(store: KeyValueStore) {
  const keyOf = (ticketId: string) => `ticket-card/${ticketId}`;
  async function of(ticketId: string): Promise<PostedCard[]> {
    const item = (await store.read([keyOf(ticketId)]))[keyOf(ticketId)] as { cards?: PostedCard[] } | undefined;
    return item?.cards ?? [];
  }
  return {
    of,
    /** Adds newly posted cards; one delivery of a ticket runs at a time (the outbox claims it), so nothing races here. */
    async remember(ticketId: string, posted: PostedCard[]): Promise<void> {
      if (posted.length === 0) return;
      const kept = (await of(ticketId)).filter((card) => !posted.some((p) => p.channelKey === card.channelKey));
      await store.write({ [keyOf(ticketId)]: { cards: [...kept, ...posted] } });
    },
  };
}

export type TicketCardMessages = ReturnType<typeof createTicketCardMessages>;
