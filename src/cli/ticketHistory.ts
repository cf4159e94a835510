import type { HistoryEvent } from '../tickets/lifecycle';
import { neutraliseLine, neutralisedLines } from '../tickets/neutralise';
import { whatHappened } from '../tickets/whatHappened';

/**
 * A ticket's history as the CLI prints it, one event a line (its text's further lines marked as its
 * own, "    | …", as transcript lines are): "  2025-03-04 10:05 UTC  Sam Recruiter: replied (reached chat, email)".
 */
export function historyLines(event: HistoryEvent): string[] {
  const when = `${event.at.slice(0, 16).replace('T', ' ')} UTC`;
  const [first, ...more] = event.text === undefined ? [] : neutralisedLines(event.text);
  const head = `  ${when}  ${neutraliseLine(event.by)}: ${whatHappened(event)}`;
  return [first === undefined ? head : `${head}: ${first}`, ...more.map((line) => `    | ${line}`)];
}
