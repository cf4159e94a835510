import type { Activity } from 'botbuilder';

/** Teams conversations with several people in them: recruiters' channels and group chats. */
const GROUP_CONVERSATIONS = new Set(['channel', 'groupChat']);

/** A Teams channel or group chat: people talk to each other there, and call the bot by mentioning it. */
export function isGroupConversation(activity: Partial<Activity>): boolean {
  return GROUP_CONVERSATIONS.has(activity.conversation?.conversationType ?? '');
}

/** Whether the message @mentions this bot (in Teams its id is "28:<app id>"). */
export function mentionsBot(activity: Partial<Activity>): boolean {
  return botMentions(activity).length > 0;
}

/**
 * The message text without the bot's `<at>Name</at>` mentions: "<at>Interview Help</at> register for
 * tickets" reads as "register for tickets". Unlike botbuilder's TurnContext.removeRecipientMention it
 * leaves the activity alone, strips every mention of the bot (not only the first) and skips malformed
 * entities instead of throwing. Text without a mention is returned untouched.
 */
export function textForBot(activity: Partial<Activity>): string {
  const text = typeof activity.text === 'string' ? activity.text : '';
  const mentions = botMentions(activity).filter((mention) => mention.length > 0);
  if (mentions.length === 0) return text;
  return mentions.reduce((rest, mention) => rest.split(mention).join(''), text).trim();
}

/** The texts of the `mention` entities that name the bot. */
function botMentions(activity: Partial<Activity>): string[] {
  const botId = activity.recipient?.id;
  if (!botId || !Array.isArray(activity.entities)) return [];
  return activity.entities.flatMap((entity: unknown) => {
    const { type, mentioned, text } = (entity ?? {}) as { type?: unknown; mentioned?: { id?: unknown }; text?: unknown };
    if (type !== 'mention' || mentioned?.id !== botId) return [];
    return [typeof text === 'string' ? text : ''];
  });
}
