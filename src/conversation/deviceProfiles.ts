import { mergeDeviceSources, toFacts, type DeviceFacts, type DeviceProfile } from '../device';
import type { KeyValueStore } from '../storage/keyValueStore';

/** Every source's profile for one conversation, kept apart so merging can weigh them by trust. */
interface StoredProfiles {
  webchat?: DeviceProfile;
  teams?: DeviceProfile;
  asked?: DeviceProfile;
}

/**
 * Remembers what each source told us about the candidate's device. Only the compact facts go into
 * the conversation state (read by the tree on every turn); the full profiles, raw user agent
 * included, are read once, for the ticket.
 */
export function createDeviceProfiles(store: KeyValueStore) {
  const keyOf = (conversationKey: string) => `device/${conversationKey}`;

  async function read(conversationKey: string): Promise<StoredProfiles> {
    const items = await store.read([keyOf(conversationKey)]);
    const { eTag: _eTag, ...profiles } = (items[keyOf(conversationKey)] ?? {}) as StoredProfiles & { eTag?: string };
    return profiles;
  }

  return {
    /** Records a source's profile; returns the merged facts when they changed, else undefined. */
    async remember(conversationKey: string, profile: DeviceProfile): Promise<DeviceFacts | undefined> {
      const profiles = await read(conversationKey);
      const source = profile.source;
      if (JSON.stringify(profiles[source]) === JSON.stringify(profile)) return undefined;
      const before = merged(profiles);
      const after = { ...profiles, [source]: profile };
      await store.write({ [keyOf(conversationKey)]: after });
      const facts = merged(after);
      return JSON.stringify(facts) === JSON.stringify(before) ? undefined : facts;
    },
    /** The merged profile, for the recruiter's ticket. */
    async profile(conversationKey: string): Promise<DeviceProfile | undefined> {
      const profiles = await read(conversationKey);
      return mergeDeviceSources(profiles.webchat, profiles.asked, profiles.teams);
    },
    forget: (conversationKey: string) => store.delete([keyOf(conversationKey)]),
  };
}

function merged(profiles: StoredProfiles): DeviceFacts | undefined {
  const profile = mergeDeviceSources(profiles.webchat, profiles.asked, profiles.teams);
  return profile && toFacts(profile);
}

export type DeviceProfiles = ReturnType<typeof createDeviceProfiles>;
