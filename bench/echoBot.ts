import restify from 'restify';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';

/**
 * The floor of the stack: botbuilder's CloudAdapter on restify, with the same body parser and the
 * same unauthenticated configuration as the bot, echoing what it is sent. Whatever the bot costs
 * beyond this is its own (engine, understanding, storage, tickets).
 *
 * PORT=0 picks a free port; the first stdout line says which, as JSON. Loopback only.
 */
const auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' });
const adapter = new CloudAdapter(auth);

async function echo(context: TurnContext): Promise<void> {
  const { activity } = context;
  // Answers every activity the bot answers, so both give one HTTP response per turn with replies in it.
  if (activity.type === 'message') await context.sendActivity(`You said: ${activity.text ?? ''}`);
  else await context.sendActivity('Hello! Tell me what happens when you click your interview link.');
}

const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));
server.post('/api/messages', async function messages(req, res) {
  await adapter.process(req, res, echo);
});
server.get('/healthz', async function healthz(_req, res) {
  res.json(200, { status: 'ok' });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: address.port, msg: 'echo bot listening' })}\n`);
});
process.once('SIGTERM', () => {
  server.server.closeIdleConnections();
  server.close(() => process.exit(0));
});
