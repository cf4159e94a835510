import { z } from 'zod';
import type { DeviceProfile, DeviceType, OsFamily } from './deviceProfile';
import { TeamsPlatform } from './deviceProfile';
import { Country, Locale, Timezone, lenient, withoutUndefined } from './lenient';
import { withVerdicts } from './withVerdicts';

/** "windows" or "WINDOWS" still names Windows; anything else is dropped. */
const Platform = z
  .string()
  .trim()
  .transform((value) => TeamsPlatform.options.find((option) => option.toLowerCase() === value.toLowerCase()))
  .pipe(TeamsPlatform);

/** The `clientInfo` entity Teams adds to a user's activities; every field may be missing. */
const ClientInfo = z.object({
  type: z.literal('clientInfo'),
  platform: lenient(Platform),
  locale: lenient(Locale),
  country: lenient(Country),
  timezone: lenient(Timezone),
});

/** Teams apps are not browsers: the platform gives the system, and, for the desktop apps, a computer. */
const SYSTEMS: Readonly<Record<TeamsPlatform, { os?: OsFamily; deviceType?: DeviceType }>> = {
  Windows: { os: 'windows', deviceType: 'computer' },
  Mac: { os: 'macos', deviceType: 'computer' },
  // An iPhone or an iPad, an Android phone or tablet: Teams does not say which.
  iOS: { os: 'ios' },
  Android: { os: 'android' },
  // Teams in a browser, on any system.
  Web: {},
};

/** Entities past this many are not read: a real activity carries a handful. */
const MAX_ENTITIES = 32;

/**
 * What Teams says of the device the candidate chats on, from `activity.entities`, or undefined
 * when there is no readable `clientInfo`. It describes the chat, which is often not the device
 * the interview runs on, so it never claims `sameDeviceAsInterview`.
 */
export function parseTeamsClientInfo(entities: unknown): DeviceProfile | undefined {
  if (!Array.isArray(entities)) return undefined;
  for (const entity of entities.slice(0, MAX_ENTITIES)) {
    const parsed = ClientInfo.safeParse(entity);
    if (!parsed.success) continue;
    const { platform, locale, country, timezone } = parsed.data;
    const profile: DeviceProfile = withoutUndefined(
      withVerdicts({
        source: 'teams',
        ...(platform ? SYSTEMS[platform] : {}),
        teamsPlatform: platform,
        locale,
        country,
        timezone,
      }),
    );
    return Object.keys(profile).length > 1 ? profile : undefined;
  }
  return undefined;
}
