import { z } from 'zod';
import type { Request, Response, Next } from 'restify';

/**
 * The least an activity needs before botbuilder sees it. botbuilder answers a missing `type`
 * with a 500; a sender that got a field wrong deserves a 400 that says which.
 */
const IncomingActivity = z.looseObject({
  type: z.string({ error: 'required: the activity type, e.g. "message"' }).min(1),
  conversation: z.looseObject({ id: z.string({ error: 'required: the conversation id' }).min(1) }, { error: 'required: { id }' }),
  serviceUrl: z.string({ error: 'required: where replies go (any URL when deliveryMode is expectReplies)' }).min(1),
});

export function activityGuard(req: Request, res: Response, next: Next) {
  const result = IncomingActivity.safeParse(req.body);
  if (result.success) return next();
  const problems = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
  res.json(400, { error: 'BadActivity', message: 'The request body is not a Bot Framework activity', problems });
  return next(false);
}
