import type { HistoryEvent } from './lifecycle';

/**
 * An event of a ticket's history in a few words, after who did it: "Sam Recruiter: replied (reached
 * chat, email)". The CLI and the Teams card say it alike.
 */
export function whatHappened(event: HistoryEvent): string {
  switch (event.type) {
    case 'assigned':
      return 'took the ticket';
    case 'recruiter-reply':
      return `replied (${event.delivered && event.delivered.length > 0 ? `reached ${event.delivered.join(', ')}` : 'reached no one'})`;
    case 'status-changed':
      return `status → ${event.status ?? '?'}`;
    case 'delivery-failed':
      return `could not deliver by ${event.route ?? '?'}`;
    case 'candidate-reply':
      return 'candidate replied';
    default:
      return event.type;
  }
}
