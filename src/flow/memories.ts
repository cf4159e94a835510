import type { ConversationContext } from './context';

/**
 * What a candidate's choice can teach the tree (`remember: [<name>]` on a choice). Named, like
 * guards, so the loader checks every name a flow uses exists.
 */
export const memories = {
  /** "No, I interview on another device": facts from this chat no longer describe the interview device. */
  'chat-device-is-not-interview-device': (context: ConversationContext): Partial<ConversationContext> => ({
    device: context.device && { source: context.device.source, sameDeviceAsInterview: false },
  }),
} satisfies Record<string, (context: ConversationContext) => Partial<ConversationContext>>;

export function isMemoryName(name: string): name is keyof typeof memories {
  return Object.hasOwn(memories, name);
}
