import { z } from 'zod';

/**
 * What an operator gives to register a conversation for ticket cards (CLI or tickets API): a Bot
 * Framework ConversationReference, as `TurnContext.getConversationReference` makes it. For a Teams
 * channel, `conversation.id` is the channel's id (19:…@thread.tacv2), without ";messageid=".
 */
const ConversationReference = z.looseObject({
  channelId: z.string({ error: 'required: the channel, e.g. "msteams"' }).trim().min(1),
  serviceUrl: z.url({ protocol: /^https?$/, error: 'required: the channel\'s http(s) serviceUrl, e.g. "https://smba.trafficmanager.net/emea/"' }),
  conversation: z.looseObject({ id: z.string({ error: 'required: the conversation id' }).trim().min(1) }, { error: 'required: { id }' }),
  bot: z.looseObject({ id: z.string().min(1) }).optional(),
});

export type RegistrationRequest = { ok: true; key: string; reference: Record<string, unknown> } | { ok: false; problems: string[] };

/** Reads a reference leniently (extra fields kept) and names every missing or wrong field. */
export function parseRecruiterChannel(value: unknown): RegistrationRequest {
  const result = ConversationReference.safeParse(value);
  if (!result.success) return { ok: false, problems: result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`) };
  const reference = result.data;
  return { ok: true, key: recruiterChannelKey(reference.channelId, reference.conversation.id), reference };
}

/** The same key the chat registration uses (src/conversation/turns.ts conversationKey). */
export function recruiterChannelKey(channelId: string, conversationId: string): string {
  return `conversation/${channelId}/${conversationId}`;
}
