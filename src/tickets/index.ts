/**
 * Recruiter tickets: opened by the bot when the guide cannot help, saved before anything else
 * happens, then delivered at least once to every configured sink (webhook, email, Teams).
 */
export { Ticket, TicketDraft, TicketId, formatTicketId } from './ticket';
export type { TicketDraftInput, Step, TranscriptLine, TicketDevice } from './ticket';
export { SqliteTicketStore, openTicketStore, TICKETS_FILE } from './store/sqlite';
export type { TicketStore, OpenedTicket, TicketSummary, DeliveryStatus, RecruiterChannel, PurgeResult } from './ticketStore';
export type { Delivery, DeliveryQueue } from './store/deliveryRows';
export { PostgresTicketStore } from './store/postgres';
export { createOutbox } from './outbox';
export type { Outbox, OutboxOptions, DeliveryPass } from './outbox';
export { SinkError, failureKindForStatus, parseRetryAfter } from './sink';
export type { TicketSink, FailureKind } from './sink';
export { backoffDelay, retryDelay, DEFAULT_BACKOFF } from './backoff';
export type { BackoffPolicy } from './backoff';
export { webhookSink } from './sinks/webhookSink';
export type { WebhookSinkOptions, TicketWebhookBody } from './sinks/webhookSink';
export { verifyWebhookSignature, signWebhookBody } from './sinks/webhookSignature';
export { emailSink } from './sinks/emailSink';
export type { EmailSinkOptions } from './sinks/emailSink';
export { teamsSink } from './sinks/teamsSink';
export type { TeamsSinkOptions, TeamsChannel } from './sinks/teamsSink';
export { ticketCard, ticketActivity, ADAPTIVE_CARD_CONTENT_TYPE } from './sinks/ticketCard';
export type { AdaptiveCard, TicketActivity } from './sinks/ticketCard';
export { ticketConfigShape, TicketConfig, checkTicketConfig, configuredSinks } from './config';
export type { SinkDependencies } from './config';
export { registerTicketRoutes } from './api';
export type { TicketRoutesOptions } from './api';
