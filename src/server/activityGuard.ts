import { z } from 'zod';
import type { Request, Response, Next } from 'restify';
import { sendError } from './sendError';

/**
 * Bounds on the ids the server stores. A conversation's storage key, `conversation/<channel>/<id>`,
 * must fit a ticket's `conversationKey` (500 characters): checking here, before anything is saved,
 * means no turn can advance and then fail to open its ticket. Teams' longest ids (channel threads
 * with a message id, `a:1…` personal chats) stay well under these.
 */
export const MAX_ID_LENGTH = { conversation: 400, channel: 64, account: 256 } as const;

const id = (what: string, max: number) =>
  z.string({ error: `required: ${what}` }).min(1, `required: ${what}`).max(max, `at most ${max} characters`);

/** A member or sender: only the id is used, and only its length and type matter here. */
const Account = z.looseObject({ id: id('the account id', MAX_ID_LENGTH.account) }, { error: 'must be an object with an id' });

/**
 * The least an activity needs before botbuilder sees it, and the shape of every field the bot
 * reads. botbuilder answers a missing `type` with a 500 and throws on a `membersAdded` that isn't
 * a list; a sender that got a field wrong deserves a 400 that says which.
 */
const IncomingActivity = z.looseObject({
  type: z.string({ error: 'required: the activity type, e.g. "message"' }).min(1).max(64),
  conversation: z.looseObject({ id: id('the conversation id', MAX_ID_LENGTH.conversation) }, { error: 'required: { id }' }),
  serviceUrl: z.string({ error: 'required: where replies go (any URL when deliveryMode is expectReplies)' }).min(1).max(2048),
  channelId: id('the channel id', MAX_ID_LENGTH.channel).optional(),
  from: Account.optional(),
  recipient: Account.optional(),
  membersAdded: z.array(Account, { error: 'must be a list of members' }).max(100).nullish(),
  membersRemoved: z.array(Account, { error: 'must be a list of members' }).max(100).nullish(),
  // Some channels send null for what they leave out.
  text: z.string({ error: 'must be text' }).nullish(),
  entities: z.array(z.unknown(), { error: 'must be a list' }).nullish(),
  attachments: z.array(z.unknown(), { error: 'must be a list' }).nullish(),
});

export function activityGuard(req: Request, res: Response, next: Next) {
  const result = IncomingActivity.safeParse(req.body);
  if (result.success) return next();
  const problems = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
  sendError(res, 400, 'BadActivity', 'The request body is not a Bot Framework activity', problems);
  return next(false);
}
