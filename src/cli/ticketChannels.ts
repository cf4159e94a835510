import { readFileSync } from 'node:fs';
import type { TicketStore } from '../tickets/ticketStore';
import { parseRecruiterChannel } from '../tickets/recruiterChannelReference';

/** Thrown for arguments the operator must fix; tickets.ts prints it with the usage. */
export class ChannelsUsageError extends Error {}

/**
 * tickets channels list [--json]                        the conversations that receive ticket cards
 * tickets channels add '<reference JSON>' | --from-file PATH
 * tickets channels remove KEY                            KEY as `channels list` shows it
 * The operator's way to choose where ticket cards go: with MicrosoftAppId empty (development) the
 * chat command "register for tickets" can't tell who asks, so it refuses.
 */
export async function runChannelsCommand(args: string[], store: TicketStore, print: (value: unknown, readable: () => string) => void): Promise<number> {
  const [action, ...rest] = args;
  switch (action) {
    case 'list': {
      const channels = (await store.recruiterChannels()).map(({ key, reference, registeredAt }) => ({ key, serviceUrl: reference.serviceUrl, registeredAt }));
      print(channels, () => (channels.length === 0 ? 'No channels receive tickets.\n' : channels.map((c) => `${c.key}  (since ${c.registeredAt})\n`).join('')));
      return 0;
    }
    case 'add': {
      const request = parseRecruiterChannel(readReference(rest));
      if (!request.ok) throw new ChannelsUsageError(`not a conversation reference:\n${request.problems.map((p) => `  ${p}`).join('\n')}`);
      await store.registerRecruiterChannel(request.key, request.reference);
      print({ registered: request.key }, () => `Registered ${request.key}: new tickets will be posted there.\n`);
      return 0;
    }
    case 'remove': {
      const key = rest[0];
      if (!key) throw new ChannelsUsageError('channels remove needs a key, as `channels list` shows it');
      const removed = await store.unregisterRecruiterChannel(key);
      print({ removed: removed ? key : null }, () => (removed ? `Removed ${key}: no more tickets there.\n` : `No channel ${key} is registered.\n`));
      return removed ? 0 : 1;
    }
    default:
      throw new ChannelsUsageError(action ? `unknown channels command "${action}"` : 'channels needs list, add or remove');
  }
}

function readReference(rest: string[]): unknown {
  const text = rest[0] === '--from-file' ? readFile(rest[1]) : rest[0];
  if (!text) throw new ChannelsUsageError('channels add needs a conversation reference as JSON, or --from-file PATH');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ChannelsUsageError('the conversation reference is not valid JSON');
  }
}

function readFile(path: string | undefined): string {
  if (!path) throw new ChannelsUsageError('--from-file needs a path');
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new ChannelsUsageError(`cannot read ${path}`);
  }
}
