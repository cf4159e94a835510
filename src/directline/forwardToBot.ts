import type { StoredActivity } from './conversations';

export interface BotForwarderOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages (known once listening). */
  botUrl: () => string;
  /** Where the bot sends its replies: the local connector routes. */
  serviceUrl: () => string;
  /** The bot as Direct Line names it in `recipient`; replies come back `from` it. */
  bot: { id: string; name: string };
  /** Proves to /api/messages that the activity comes from here (auth is off, so nothing else does). */
  proof: { header: string; value: string };
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

/** The bot answered with an error or not at all; the page is told 502, as Azure's Direct Line does. */
export class BotUnavailableError extends Error {
  constructor(readonly status: number | undefined) {
    super(status === undefined ? 'the bot did not answer' : `the bot answered ${status}`);
    this.name = 'BotUnavailableError';
  }
}

/**
 * Delivers an activity to the bot the way a Bot Framework channel does: an HTTP POST to its
 * messaging endpoint, with a serviceUrl for the replies. So the bot can't tell the local Direct
 * Line from Azure's (except that requests carry no token, which is why it needs auth off).
 */
export function createBotForwarder({ botUrl, serviceUrl, bot, proof, timeoutMs = 15_000, fetch = globalThis.fetch }: BotForwarderOptions) {
  return async function forwardToBot(activity: StoredActivity): Promise<void> {
    const body = { ...activity, serviceUrl: serviceUrl(), recipient: { id: bot.id, name: bot.name, role: 'bot' } };
    let response: Response;
    try {
      response = await fetch(botUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [proof.header]: proof.value },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw new BotUnavailableError(undefined);
    }
    await response.body?.cancel();
    if (!response.ok) throw new BotUnavailableError(response.status);
  };
}

export type BotForwarder = ReturnType<typeof createBotForwarder>;
