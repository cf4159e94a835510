import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type ConversationReference, type ResourceResponse, type TurnContext } from 'botbuilder';
import { isAuthEnabled, type Config } from '../config/config';
import type { Logger } from '../log';
import { ReusedClientsAuthentication } from './reusedClients';

type Logic = (context: TurnContext) => Promise<void>;

export interface MessageResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Asked once the request is authenticated, before the turn: a response here replaces the turn (flood control). */
export type Admit = (activity: Record<string, unknown>) => MessageResponse | undefined;

/** How long checking a token may take (fetching signing keys included) before the request is refused. */
const AUTH_TIMEOUT_MS = 10_000;

/**
 * The Bot Framework adapter: checks incoming tokens (when MicrosoftAppId is set) and sends
 * replies to the channel's serviceUrl, or in the HTTP response for `expectReplies`.
 *
 * `handle` replaces CloudAdapter.process so failures get honest statuses: botbuilder answers 500
 * when the identity metadata can't be fetched and echoes internal error messages; here anything
 * that fails before the turn starts is a 401, and a hung key fetch can't hold the request.
 */
export class BotAdapter extends CloudAdapter {
  async handle(activity: Activity, authorization: string, logic: Logic, admit: Admit = () => undefined): Promise<MessageResponse> {
    let started = false;
    let refused: MessageResponse | undefined;
    const run = this.processActivity(authorization, withDates(activity), async (context) => {
      started = true;
      refused = admit(activity as unknown as Record<string, unknown>);
      if (!refused) await logic(context);
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), AUTH_TIMEOUT_MS);
    });
    try {
      const result = await Promise.race([run, timeout]);
      if (result === 'timeout' && !started) {
        run.catch(() => undefined);
        return { status: 401, body: { error: 'Unauthorized', message: 'the token could not be verified in time' } };
      }
      const invoke = result === 'timeout' ? await run : result;
      if (refused) return refused;
      return { status: invoke?.status ?? 200, body: invoke?.body };
    } catch (error) {
      if (!started || (error as { statusCode?: number }).statusCode === 401) {
        return { status: 401, body: { error: 'Unauthorized', message: 'the token could not be verified' } };
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Posts into an existing conversation (a ticket card in a recruiters' channel, a device check's
   * answer). A refused send rejects here: inside continueConversationAsync botbuilder would hand it
   * to onTurnError, which apologises into the same conversation and reports success to the caller.
   */
  async sendProactively(appId: string, reference: Partial<ConversationReference>, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    let failure: { error: unknown } | undefined;
    let sent: ResourceResponse[] = [];
    await this.continueConversationAsync(appId, reference, async (context) => {
      try {
        sent = await context.sendActivities(activities);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
    return sent;
  }

  /** Replaces a message the bot posted earlier (a ticket card after a recruiter acted on it); rejects as sendProactively does. */
  async updateProactively(appId: string, reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void> {
    let failure: { error: unknown } | undefined;
    await this.continueConversationAsync(appId, reference, async (context) => {
      try {
        await context.updateActivity(activity);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
  }
}

/** As botbuilder's own request handling does: timestamps arrive as strings, turns expect Dates. */
function withDates(activity: Activity): Activity {
  const fixed = { ...activity } as Activity & Record<string, unknown>;
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    const value = fixed[field];
    if (typeof value === 'string') Object.assign(fixed, { [raw]: value, [field]: new Date(value) });
  }
  return fixed;
}

export function createAdapter(config: Config, log: Logger, apology: string): BotAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  });
  const adapter = new BotAdapter(new ReusedClientsAuthentication(auth));
  if (!isAuthEnabled(config)) log.warn('MicrosoftAppId is empty: requests are not authenticated (local development only)');

  adapter.onTurnError = async function onTurnError(context: TurnContext, error: Error) {
    const { channelId, conversation } = context.activity;
    log.error({ err: { name: error.name, message: error.message, stack: error.stack }, channelId, conversationId: conversation?.id }, 'turn failed');
    // Nothing was saved for this turn, so the candidate can simply try again.
    await context.sendActivity(apology).catch(() => undefined);
  };
  return adapter;
}
