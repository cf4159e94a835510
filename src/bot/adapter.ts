import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { isAuthEnabled, type Config } from '../config/config';
import type { Logger } from '../log';

/**
 * The Bot Framework adapter: checks incoming tokens (when MicrosoftAppId is set) and sends
 * replies to the channel's serviceUrl, or in the HTTP response for `expectReplies`.
 */
export function createAdapter(config: Config, log: Logger, apology: string): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  if (!isAuthEnabled(config)) log.warn('MicrosoftAppId is empty: requests are not authenticated (local development only)');

  adapter.onTurnError = async function onTurnError(context: TurnContext, error: Error) {
    const { channelId, conversation } = context.activity;
    log.error({ err: { name: error.name, message: error.message, stack: error.stack }, channelId, conversationId: conversation?.id }, 'turn failed');
    // Nothing was saved for this turn, so the candidate can simply try again.
    await context.sendActivity(apology).catch(() => undefined);
  };
  return adapter;
}
