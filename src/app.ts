import type { Server } from 'restify';
import type { Activity, ConversationReference } from 'botbuilder';
import { isAuthEnabled, readConfig, type Config } from './config/config';
import { isLoopback } from './server/loopback';
import { createLogger, type Logger } from './log';
import { loadFlows, type CompiledFlow } from './flow';
import { createLanguageIdentification, createUnderstanding, lazyUnderstanding } from './engine/trainedUnderstanding';
import { openStores } from './openStores';
import type { KeyValueStore } from './storage/keyValueStore';
import { createTurnRunner } from './conversation/turns';
import { createInsightsRecorder } from './conversation/insightsRecorder';
import { createLinkReader, type LiveCheckOptions } from './links';
import { createDeviceProfiles } from './conversation/deviceProfiles';
import { createEffectPerformer } from './conversation/performEffects';
import { createTurnHandler } from './conversation/handleTurn';
import { createPageTurns } from './conversation/pageTurns';
import { greeting } from './engine/greeting';
import type { TicketStore } from './tickets/ticketStore';
import { createOutbox, type Outbox } from './tickets/outbox';
import { configuredSinks } from './tickets/config';
import { registerTicketRoutes } from './tickets/api';
import { registerInsights } from './insightsPage';
import { createTicketActions } from './tickets/ticketActions';
import { createTicketCardActions } from './tickets/actOnTicketCard';
import { createTicketCardMessages } from './tickets/ticketCardMessages';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './tickets/sinks/ticketCard';
import { createCandidateSide } from './tickets/candidateSide';
import { candidateEmailer } from './tickets/candidateEmail';
import { candidateMessenger } from './bot/candidateMessages';
import { createAdapter } from './bot/adapter';
import { createCandidateBot } from './bot/candidateBot';
import { registerRecruiters } from './bot/registerRecruiters';
import { recruiterCardActions } from './bot/recruiterCardActions';
import { deleteMyData } from './bot/deleteMyData';
import { createDeviceCheckReceiver } from './bot/deviceCheckResults';
import { createConversationReferences } from './conversation/references';
import { createHttpServer } from './server/httpServer';
import { createAppMetrics, registerMetricsRoute } from './metrics';
import { scheduleRetention } from './retention';
import { createDeviceCheckLinks, type DeviceCheckLinks } from './deviceCheck/links';
import { loadPageTexts, PLAIN_CHAT_CHANNEL, publicUrlOf, registerCandidatePages } from './web';
import { loadEmailTexts } from './tickets/emailTexts';
import { throwIfProblems } from './languages';
import { createForwarderProof, LOCAL_DIRECT_LINE_CHANNEL } from './directline';
import { registerWebChatDirectLine, runsLocalDirectLine, type WebChatDirectLine } from './directline/webChatDirectLine';

export interface App {
  server: Server;
  flow: CompiledFlow;
  tickets: TicketStore;
  outbox: Outbox;
  /** The candidate page's Direct Line; `localDirectLine` is set when no Azure Direct Line is configured. */
  webChat: WebChatDirectLine;
  /** Links to the device-check page for a conversation (Teams, or another device). */
  deviceCheckLinks: DeviceCheckLinks;
  /** The port actually bound (useful with PORT=0). */
  port: number;
  close(): Promise<void>;
}

export interface AppOptions {
  config?: Config;
  log?: Logger;
  /** Substitute the state store (tests); defaults to the configured STORAGE (SQLite under DATA_DIR, or PostgreSQL). */
  store?: KeyValueStore & { close?(): void };
  /** Wraps the real stores (fault-injection tests: a store that fails once, a crash between two writes). */
  wrapStores?: { state?: (store: KeyValueStore) => KeyValueStore; tickets?: (tickets: TicketStore) => TicketStore };
  /** Test-only, never from the environment: lets LINK_CHECK reach a test server on loopback, and counts the checks. */
  linkCheck?: Pick<LiveCheckOptions, 'allowLoopback' | 'resolve'>;
}

/**
 * The single wiring point, in order: config, flow, state, engine, tickets, bot, routes. Everything
 * that can fail on bad input (config, flow files) fails here, before the server listens.
 */
export async function startApp(options: AppOptions = {}): Promise<App> {
  const config = options.config ?? readConfig();
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const flows = loadFlows(config.FLOWS_DIR);
  const flow = flows.english;
  // The words outside the decision tree, in every language: a bad translation stops start-up too.
  const pageTexts = loadPageTexts(config.FLOWS_DIR);
  const emailTexts = loadEmailTexts(config.FLOWS_DIR);
  throwIfProblems(pageTexts, emailTexts);
  const understanding = createUnderstanding(flow);
  // Each language's classifier learns from its own examples (English's add nothing: see trainedUnderstanding.ts).
  const engines = {
    byLanguage: new Map(
      [...flows.byLanguage].map(([code, localized]) => [code, { flow: localized, understanding: code === flow.language ? understanding : lazyUnderstanding(() => createUnderstanding(localized, code)) }]),
    ),
    languages: flows.languages,
    identify: createLanguageIdentification(flows.byLanguage),
  };

  const storage = await openStores(config, log);
  const baseStore = options.store ?? storage.state;
  const store = options.wrapStores?.state?.(baseStore) ?? baseStore;
  const devices = createDeviceProfiles(store);
  const references = createConversationReferences(store);

  const adapter = createAdapter(config, log, flow.guide.apology);
  const tickets = options.wrapStores?.tickets?.(storage.tickets) ?? storage.tickets;
  const cardMessages = createTicketCardMessages(store);
  const sinks = configuredSinks(config, {
    teams: {
      channels: async () => tickets.recruiterChannels(),
      send: async (reference, activity) =>
        (await adapter.sendProactively(config.MicrosoftAppId ?? '', reference as Partial<ConversationReference>, [activity as Partial<Activity>]))[0]?.id,
      // The card is posted either way; without its id, a card action still updates it where it was clicked.
      remember: (ticketId, posted) => cardMessages.remember(ticketId, posted).catch((error: Error) => log.warn({ ticketId, err: error.message }, 'could not keep where a ticket card was posted')),
      sendUpdate: async (reference, activity) => {
        await adapter.sendProactively(config.MicrosoftAppId ?? '', reference as Partial<ConversationReference>, [activity as Partial<Activity>]);
      },
      forgetChannel: async (key) => {
        await tickets.unregisterRecruiterChannel(key);
        log.warn('a recruiters\' channel removed the bot: it no longer gets ticket cards (register again to resume)');
      },
    },
  });
  // Only scraped with METRICS_TOKEN; without it nothing is counted and /metrics doesn't exist.
  const metrics = config.METRICS_TOKEN
    ? createAppMetrics({ tickets, sinks: Object.keys(sinks), sessionTimeoutMinutes: config.SESSION_TIMEOUT_MINUTES, log })
    : undefined;
  const outbox = createOutbox({ store: tickets, sinks, log, claimMs: config.OUTBOX_CLAIM_SECONDS * 1000, onDelivery: metrics?.delivered });
  // The candidate's side of a ticket: their later messages and "it works now" reach the recruiter where the ticket did.
  const candidateSide = createCandidateSide({ store: tickets, sinks, log });
  const performEffects = createEffectPerformer({
    flow,
    flowIn: (language) => flows.byLanguage.get(language),
    tickets,
    outbox,
    devices,
    // Teams cards only once a recruiters' channel has registered; otherwise tickets would wait for one forever.
    sinks: async () => {
      const teamsReady = (await tickets.recruiterChannels()).length > 0;
      return Object.keys(sinks).filter((name) => name !== 'teams' || teamsReady);
    },
    candidateSide,
    log,
    onTicketOpened: metrics?.ticketOpened,
  });
  const readLink = createLinkReader({
    hosts: config.INTERVIEW_LINK_HOSTS,
    ...(config.INTERVIEW_LINK_SHAPE && { linkShape: config.INTERVIEW_LINK_SHAPE }),
    ...(config.LINK_CHECK && { live: { ...options.linkCheck } }),
    onChecked: ({ outcome, status, refused, failed }) => log.info({ outcome, status, refused, failed }, 'interview link checked'),
  });
  const insights = createInsightsRecorder({ append: (rows) => tickets.insights.append(rows), log });
  const turns = createTurnRunner({
    engines,
    store,
    performEffects,
    readLink,
    // Beside the tickets, under their retention, in batches no candidate waits for (src/conversation/insightsRecorder.ts).
    recordInsights: insights.record,
    openTicketOf: (key) => tickets.activeTicket(key),
  });
  // The local Direct Line replays a conversation's messages on reload: erasure must reach them too.
  const localChatHistory = {
    erase: (channelId: string, conversationId: string) => {
      if (channelId === LOCAL_DIRECT_LINE_CHANNEL) webChat.localDirectLine?.conversations.eraseActivities(conversationId);
    },
  };
  const handleTurn = createTurnHandler({
    turns,
    devices,
    references,
    deviceCheck: {
      // The links need the server's public address, known once it exists (below); first used on a turn.
      linkFor: (key) => deviceCheckLinks.linkFor(key),
      text: flow.guide.deviceCheckLink,
    },
    log,
    onTurn: metrics?.turn,
  });
  // A recruiter's reply goes to the candidate's own chat and, with SMTP, to the address on the ticket.
  const ticketActions = createTicketActions({
    store: tickets,
    routes: {
      chat: candidateMessenger(adapter, config.MicrosoftAppId ?? ''),
      email: config.SMTP_URL && config.TICKET_EMAIL_FROM
        ? candidateEmailer({ smtpUrl: config.SMTP_URL, from: config.TICKET_EMAIL_FROM, replyTo: config.TICKET_EMAIL_TO?.split(',').map((address) => address.trim()) })
        : undefined,
    },
    texts: emailTexts,
    log,
  });
  const bot = createCandidateBot({
    handleTurn,
    cardActions: recruiterCardActions({
      act: createTicketCardActions({ store: tickets, actions: ticketActions }),
      channels: () => tickets.recruiterChannels(),
      postedCards: (ticketId) => cardMessages.of(ticketId),
      updateCard: (reference, activityId, card) =>
        adapter.updateProactively(config.MicrosoftAppId ?? '', reference as Partial<ConversationReference>, {
          id: activityId,
          type: 'message',
          attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
        }),
      log,
    }),
    sideCommands: [
      registerRecruiters(flow, understanding, tickets, isAuthEnabled(config)),
      deleteMyData(flow, understanding, { turns, devices, references, history: localChatHistory }, log),
    ],
    onReplies: metrics?.replied,
  });
  // Made here because both sides need it: the local Direct Line attaches it, /api/messages checks it.
  const forwarderProof = runsLocalDirectLine({ secret: config.DIRECT_LINE_SECRET, appId: config.MicrosoftAppId }) ? createForwarderProof() : undefined;
  const server = createHttpServer({
    messages: (activity, authorization, admit) => adapter.handle(activity as unknown as Activity, authorization, bot, admit),
    log,
    appId: config.MicrosoftAppId,
    anyServiceUrl: config.ALLOW_UNAUTHENTICATED_NETWORK,
    onlyFromLocalDirectLine: forwarderProof?.guard,
    rateLimit: { burst: config.RATE_LIMIT_BURST, perSecond: config.RATE_LIMIT_PER_SECOND },
    connections: { perAddress: config.MAX_CONNECTIONS_PER_ADDRESS },
    health: () => ({ flowVersion: flow.version, problems: storage.problems() }),
    onLimited: metrics?.limited,
  });
  if (metrics) registerMetricsRoute(server, { token: config.METRICS_TOKEN, scrape: metrics.scrape });
  if (config.TICKETS_API_TOKEN) registerTicketRoutes(server, { store: tickets, token: config.TICKETS_API_TOKEN, actions: ticketActions });
  // The operators' page at /insights and its report, behind the same token.
  registerInsights(server, { token: config.TICKETS_API_TOKEN, insights: tickets.insights, timeoutMinutes: config.SESSION_TIMEOUT_MINUTES });
  const deviceCheckLinks = createDeviceCheckLinks({ secret: config.DEVICE_CHECK_SECRET, publicUrl: publicUrlOf(config.PUBLIC_URL, server) });
  const webChat = registerWebChatDirectLine(server, {
    secret: config.DIRECT_LINE_SECRET,
    endpoint: config.DIRECT_LINE_ENDPOINT,
    appId: config.MicrosoftAppId,
    publicUrl: config.PUBLIC_URL,
    log,
    forwarderProof,
  });
  registerCandidatePages(server, {
    directLineOrigin: config.DIRECT_LINE_SECRET ? new URL(config.DIRECT_LINE_ENDPOINT).origin : undefined,
    publicUrl: config.PUBLIC_URL,
    log,
    texts: pageTexts,
    deviceCheckLinks,
    // The greeting in each language, in the page itself (no round trip to see it), and the chat without script.
    greetings: Object.fromEntries(pageTexts.languages.map((language) => [language, greeting(engines, language)])),
    plainChat: createPageTurns(handleTurn, PLAIN_CHAT_CHANNEL),
    onDeviceCheckResult: createDeviceCheckReceiver({ adapter, appId: config.MicrosoftAppId ?? '', handleTurn, references, log }),
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  outbox.start();
  // Language identification and the other languages' classifiers load once the server listens, one per tick: start-up waits for English only.
  const warming = [
    () => engines.identify('warming up the language model', flow.language),
    ...[...engines.byLanguage.values()].flatMap(({ understanding: u }) => ('warm' in u ? [(u as ReturnType<typeof lazyUnderstanding>).warm] : [])),
  ];
  const warmNext = () => {
    warming.shift()?.();
    if (warming.length > 0) setImmediate(warmNext);
  };
  setImmediate(warmNext);
  await warnIfTicketsReachNobody(Object.keys(sinks), tickets, log);
  const stopRetention = scheduleRetention(
    { tickets, conversations: 'deleteOlderThan' in baseStore ? (baseStore as { deleteOlderThan(before: Date): number | Promise<number> }) : undefined },
    config.TICKET_RETENTION_DAYS,
    log,
  );
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  log.info({ port, flowVersion: flow.version, sinks: Object.keys(sinks) }, `listening on http://localhost:${port}/api/messages`);
  if (!isAuthEnabled(config) && !isLoopback(config.HOST)) {
    log.warn(
      { host: config.HOST, port },
      'ALLOW_UNAUTHENTICATED_NETWORK is on: this bot does NOT authenticate requests and is reachable from other machines. Anyone who reaches it can speak as any user and make it post to any address. Development only; set MicrosoftAppId for anything else.',
    );
  }

  return {
    server,
    flow,
    tickets,
    outbox,
    webChat,
    deviceCheckLinks,
    port,
    async close() {
      // First: the local Direct Line's in-flight deliveries get their replies through this server.
      await webChat.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections would hold close() open forever; in-flight requests still finish.
      server.server.closeIdleConnections();
      await turns.drain();
      await candidateSide.settled();
      await closed;
      await insights.flush();
      stopRetention();
      await outbox.stop();
      if (options.store) options.store.close?.();
      await storage.close();
    },
  };
}

/**
 * Without a webhook, email or a registered Teams channel, a ticket is stored and reaches nobody:
 * operators must hear it at start-up, not from a candidate who waited for an answer.
 */
async function warnIfTicketsReachNobody(sinkNames: string[], tickets: TicketStore, log: Logger): Promise<void> {
  const outside = sinkNames.filter((name) => name !== 'teams');
  if (outside.length > 0 || (await tickets.recruiterChannels()).length > 0) return;
  log.warn(
    'NO TICKET REACHES A RECRUITER: no webhook (TICKET_WEBHOOK_URL), email (SMTP_URL) or registered Teams channel ' +
      '(npm run tickets -- channels add). Tickets are stored and wait until one is configured.',
  );
}
