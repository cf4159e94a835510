import { CONVERSATION_STATE_TABLES } from './storage/postgresSchema';
import { INSIGHT_TABLES, TICKET_LIFECYCLE_TABLES, TICKET_TABLES } from './tickets/store/postgresSchema';

/**
 * The PostgreSQL schema's steps in the order they were released (step n is version n): each
 * store's SQL lives beside it, the order lives here. Append new steps; never edit or reorder a
 * released one: databases already ran it.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [CONVERSATION_STATE_TABLES, TICKET_TABLES, TICKET_LIFECYCLE_TABLES, INSIGHT_TABLES];
