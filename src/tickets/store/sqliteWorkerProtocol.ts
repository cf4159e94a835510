/** A method call for the ticket database thread; `id` pairs it with its answer. */
export interface TicketCall {
  id: number;
  /** The store itself, its outbox rows, or its insight events. */
  target: 'store' | 'deliveries' | 'insights';
  method: string;
  /** Plain data only (Dates are fine): they are copied to the thread. */
  args: unknown[];
}

export type TicketThreadReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'answer'; id: number; value?: unknown; error?: { name: string; message: string } };
