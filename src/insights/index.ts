export type { InsightEvent, InsightFact, InsightKind } from './event';
export { turnEvents } from './turnEvents';
export { sessionsOf, type Session, type SessionOutcome } from './sessions';
export { insightsReport, renderInsightsTable, type InsightsReport } from './report';
export { parseSince } from './parseSince';
export { conversationTag, eventsFromStored, storedInsights, type StoredInsight } from './storedEvents';
export { readInsightsReport } from './readReport';
