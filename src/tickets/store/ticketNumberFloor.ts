/** 2025-01-01T00:00:00Z: ticket numbers count seconds from here, so they stay short (8 digits until 2028). */
const EPOCH_MS = Date.UTC(2025, 0, 1);

/**
 * The smallest number a ticket opened at `now` may get: seconds since 2025-01-01. Ids must never
 * repeat, even after the database is wiped or lost: a helpdesk that de-duplicates on
 * `Idempotency-Key` (the ticket id) would silently drop a new ticket that reused one. A number is
 * the previous one plus one, or this floor if that is higher; so numbers run ahead of the clock only
 * while more than one ticket a second arrives, and a database started afresh (even seconds later)
 * begins above every number the lost one handed out.
 */
export function ticketNumberFloor(now: Date): number {
  return Math.max(1, Math.floor((now.getTime() - EPOCH_MS) / 1000));
}
