import { z } from 'zod';
import { ClientHints } from './clientHints';
import type { DeviceProfile } from './deviceProfile';
import { Locale, Permission, Timezone, count, lenient, text, withoutUndefined } from './lenient';
import { MAX_USER_AGENT_LENGTH, parseUserAgent } from './parseUserAgent';

/**
 * The `value` of the event our Web Chat page sends when the conversation starts. Built by the
 * page from `navigator`, so any field may be missing or odd (an old browser, a privacy extension,
 * someone poking at the page): each field is read on its own, and a bad one is left out.
 */
export const WebChatJoinValue = z.object({
  userAgent: lenient(text(MAX_USER_AGENT_LENGTH)),
  clientHints: lenient(ClientHints),
  language: lenient(Locale),
  timezone: lenient(Timezone),
  permissions: lenient(z.object({ camera: lenient(Permission), microphone: lenient(Permission) })),
  mediaDevices: lenient(z.object({ videoinput: lenient(count(99)), audioinput: lenient(count(99)) })),
  /** Optional: lets an iPad that asks for desktop sites be told from a Mac (see PageSignals). */
  maxTouchPoints: lenient(count(1024)),
});
export type WebChatJoinValue = z.output<typeof WebChatJoinValue>;

/** The chatting device as the Web Chat page saw it, or undefined when the value says nothing usable. */
export function parseWebChatJoin(value: unknown): DeviceProfile | undefined {
  const parsed = WebChatJoinValue.safeParse(value);
  if (!parsed.success) return undefined;
  const join = parsed.data;
  const seen =
    join.userAgent !== undefined || join.clientHints !== undefined
      ? parseUserAgent(join.userAgent ?? '', join.clientHints, { maxTouchPoints: join.maxTouchPoints })
      : undefined;
  const profile: DeviceProfile = withoutUndefined({
    ...seen,
    source: 'webchat' as const,
    camera: join.permissions?.camera,
    microphone: join.permissions?.microphone,
    videoInputs: join.mediaDevices?.videoinput,
    audioInputs: join.mediaDevices?.audioinput,
    locale: join.language,
    timezone: join.timezone,
  });
  return Object.keys(profile).length > 1 ? profile : undefined;
}
