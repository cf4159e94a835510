/** Where a turn came from: which conversation, on which channel, and how to reach it again later. */
export interface TurnOrigin {
  /** The conversation's storage key (see conversationKey). */
  key: string;
  channelId: string;
  locale?: string;
  /** The Bot Framework conversation reference, as plain JSON; built only when an effect needs it. */
  reference: () => Record<string, unknown>;
}
