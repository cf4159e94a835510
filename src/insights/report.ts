import type { InsightEvent } from './event';
import type { Session } from './sessions';
import { clip } from '../clip';

export interface ReportOptions {
  /** Only sessions that started at or after this time (ms since epoch); all when absent. */
  since?: number;
  /** The time the sessions were judged at; sessions starting later are left out. */
  asOf: number;
}

/** Where the sessions that entered a node went right after it: a node id or an outcome, with counts. */
export interface NodeDropOff {
  node: string;
  /** Visits: a session that enters the node twice counts twice. */
  entered: number;
  /** Next node entered, or `resolved`, `escalated`, `resolved-implied` or `abandoned`; most frequent first. */
  next: Record<string, number>;
}

export interface DayCounts {
  /** UTC day the sessions started, YYYY-MM-DD. */
  day: string;
  sessions: number;
  engaged: number;
  /** Confirmed and implied. */
  resolved: number;
  escalated: number;
  abandoned: number;
}

export interface InsightsReport {
  /** ISO time of the window's start, null for all time. */
  since: string | null;
  asOf: string;
  /** Distinct conversations with a session starting in the window. */
  conversations: number;
  sessions: number;
  /** Sessions still open at as-of, judged as if they ended then. */
  openSessions: number;
  engaged: number;
  unengaged: number;
  /** resolvedConfirmed + resolvedImplied. */
  resolved: number;
  resolvedConfirmed: number;
  resolvedImplied: number;
  /** escalatedByTicket + escalatedSelf. */
  escalated: number;
  escalatedByTicket: number;
  escalatedSelf: number;
  abandoned: number;
  /** `comments`: what candidates added about the bot (masked), newest first, at most 20. */
  csat: { responses: number; average: number | null; distribution: Record<CsatScore, number>; comments: Array<{ text: string; at: string }> };
  /** Sessions per topic entered, most frequent first. */
  topics: Record<string, number>;
  /** Most entered nodes first. */
  dropOff: NodeDropOff[];
  /** Masked fallback texts, most frequent first, at most 20. */
  unrecognised: { text: string; count: number }[];
  /** Oldest day first; only days with sessions. */
  byDay: DayCounts[];
}

type CsatScore = '1' | '2' | '3' | '4' | '5';

const UNRECOGNISED_KEPT = 20;

/** Counts outcomes, topics, drop-off, fallbacks and CSAT over the sessions that started in the window. */
export function insightsReport(sessions: Session[], { since, asOf }: ReportOptions): InsightsReport {
  const inWindow = sessions.filter((s) => (since === undefined || s.start >= since) && s.start <= asOf);
  const count = (test: (s: Session) => boolean) => inWindow.filter(test).length;
  const resolvedConfirmed = count((s) => s.outcome === 'resolved');
  const resolvedImplied = count((s) => s.outcome === 'resolved-implied');
  const escalatedHow = inWindow.filter((s) => s.outcome === 'escalated').map((s) => lastEscalation(s.events));
  const engaged = count((s) => s.engaged);
  return {
    since: since === undefined ? null : new Date(since).toISOString(),
    asOf: new Date(asOf).toISOString(),
    conversations: new Set(inWindow.map((s) => s.conversation)).size,
    sessions: inWindow.length,
    openSessions: count((s) => s.open),
    engaged,
    unengaged: inWindow.length - engaged,
    resolved: resolvedConfirmed + resolvedImplied,
    resolvedConfirmed,
    resolvedImplied,
    escalated: escalatedHow.length,
    escalatedByTicket: escalatedHow.filter((how) => how === 'ticket').length,
    escalatedSelf: escalatedHow.filter((how) => how === 'self').length,
    abandoned: count((s) => s.outcome === 'abandoned'),
    csat: csatOf(inWindow),
    topics: Object.fromEntries(byCountDesc(tally(inWindow.flatMap((s) => s.topics)))),
    dropOff: dropOffOf(inWindow),
    unrecognised: byCountDesc(tally(inWindow.flatMap((s) => s.events.flatMap((e) => (e.kind === 'fallback' ? [e.text] : [])))))
      .slice(0, UNRECOGNISED_KEPT)
      .map(([text, count]) => ({ text, count })),
    byDay: byDayOf(inWindow),
  };
}

function lastEscalation(events: InsightEvent[]): 'ticket' | 'self' | undefined {
  const last = events.findLast((e) => e.kind === 'escalated');
  return last?.kind === 'escalated' ? last.how : undefined;
}

/** Newest comments kept in the report: enough to read what candidates say, not a transcript. */
const MAX_COMMENTS = 20;

/** One answer per session (the last, should there be more); scores other than whole 1..5 are ignored. */
function csatOf(sessions: Session[]): InsightsReport['csat'] {
  const distribution: Record<CsatScore, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let responses = 0;
  let sum = 0;
  for (const session of sessions) {
    const answer = session.events.findLast((e) => e.kind === 'csat' && Number.isInteger(e.score) && e.score >= 1 && e.score <= 5);
    if (answer?.kind !== 'csat') continue;
    distribution[String(answer.score) as CsatScore] += 1;
    responses += 1;
    sum += answer.score;
  }
  const comments = sessions
    .flatMap((session) => session.events.flatMap((e) => (e.kind === 'comment' ? [{ text: e.text, at: e.at }] : [])))
    .sort((a, b) => b.at - a.at)
    .slice(0, MAX_COMMENTS)
    .map(({ text, at }) => ({ text, at: new Date(at).toISOString() }));
  return { responses, average: responses === 0 ? null : Math.round((sum / responses) * 10) / 10, distribution, comments };
}

/**
 * For each visit to a node, the next thing the session did: the next node entered, a confirmation
 * (`resolved`) or an escalation (`escalated`); when nothing followed, `resolved-implied` if the session
 * counts as resolved, implied (it stopped on a "did that help?"), else `abandoned`.
 * Fallbacks, turns and CSAT answers are passed over.
 */
function dropOffOf(sessions: Session[]): NodeDropOff[] {
  const nodes = new Map<string, { entered: number; next: Map<string, number> }>();
  for (const session of sessions) {
    const steps = session.events.filter((e) => e.kind === 'entered' || e.kind === 'resolved' || e.kind === 'escalated');
    steps.forEach((step, i) => {
      if (step.kind !== 'entered') return;
      const following = steps[i + 1];
      const next = following
        ? following.kind === 'entered'
          ? following.node
          : following.kind
        : session.outcome === 'resolved-implied'
          ? 'resolved-implied'
          : 'abandoned';
      const node = nodes.get(step.node) ?? { entered: 0, next: new Map<string, number>() };
      node.entered += 1;
      node.next.set(next, (node.next.get(next) ?? 0) + 1);
      nodes.set(step.node, node);
    });
  }
  return [...nodes]
    .map(([node, { entered, next }]) => ({ node, entered, next: Object.fromEntries(byCountDesc(next)) }))
    .sort((a, b) => b.entered - a.entered || compare(a.node, b.node));
}

function byDayOf(sessions: Session[]): DayCounts[] {
  const days = new Map<string, DayCounts>();
  for (const s of sessions) {
    const day = new Date(s.start).toISOString().slice(0, 10);
    const counts = days.get(day) ?? { day, sessions: 0, engaged: 0, resolved: 0, escalated: 0, abandoned: 0 };
    counts.sessions += 1;
    if (s.engaged) counts.engaged += 1;
    if (s.outcome === 'resolved' || s.outcome === 'resolved-implied') counts.resolved += 1;
    if (s.outcome === 'escalated') counts.escalated += 1;
    if (s.outcome === 'abandoned') counts.abandoned += 1;
    days.set(day, counts);
  }
  return [...days.values()].sort((a, b) => compare(a.day, b.day));
}

function tally(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Most frequent first; ties in alphabetical order, so the report is the same every run. */
function byCountDesc(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const TOP = 10;
const WIDTH = 100;

/** The report as plain text for a terminal, at most 100 columns wide. */
export function renderInsightsTable(report: InsightsReport): string {
  const lines: string[] = [];
  const window = report.since ? `${report.since} to ${report.asOf}` : `all time to ${report.asOf}`;
  lines.push(`Insights, sessions started ${window}`, '');
  const ofSessions = (n: number) => percent(n, report.sessions);
  const ofEngaged = (n: number) => percent(n, report.engaged);
  const rows: [string, number, string][] = [
    ['Conversations', report.conversations, ''],
    ['Sessions', report.sessions, report.openSessions > 0 ? `${report.openSessions} still open, judged as ended at as-of` : ''],
    ['Engaged', report.engaged, `${ofSessions(report.engaged)} of sessions`],
    ['Unengaged', report.unengaged, `${ofSessions(report.unengaged)} of sessions`],
    ['Resolved', report.resolved, `${ofEngaged(report.resolved)} of engaged`],
    ['  confirmed', report.resolvedConfirmed, ofEngaged(report.resolvedConfirmed)],
    ['  implied', report.resolvedImplied, ofEngaged(report.resolvedImplied)],
    ['Escalated', report.escalated, `${ofEngaged(report.escalated)} of engaged`],
    ['  by ticket', report.escalatedByTicket, ofEngaged(report.escalatedByTicket)],
    ['  self', report.escalatedSelf, ofEngaged(report.escalatedSelf)],
    ['Abandoned', report.abandoned, `${ofEngaged(report.abandoned)} of engaged`],
  ];
  for (const [label, n, note] of rows) lines.push(`${label.padEnd(16)}${String(n).padStart(7)}   ${note}`.trimEnd());

  const { csat } = report;
  lines.push('', 'Satisfaction (CSAT)');
  if (csat.average === null) lines.push('  no responses');
  else {
    const spread = (Object.entries(csat.distribution) as [string, number][]).map(([score, n]) => `${score}: ${n}`).join('   ');
    lines.push(`  ${csat.responses} ${csat.responses === 1 ? 'response' : 'responses'}, average ${csat.average.toFixed(1)} of 5   (${spread})`);
  }
  for (const comment of csat.comments.slice(0, TOP)) lines.push(`  "${clip(oneLine(comment.text), WIDTH - 6)}"`);

  lines.push('', 'Top topics: sessions that entered them, share of all sessions');
  const topics = Object.entries(report.topics).slice(0, TOP);
  if (topics.length === 0) lines.push('  none');
  for (const [topic, n] of topics) lines.push(`  ${clip(topic, 60).padEnd(60)}${String(n).padStart(7)}   ${ofSessions(n)}`.trimEnd());

  lines.push('', 'Drop-off: most entered nodes and where sessions went next');
  const nodes = report.dropOff.slice(0, TOP);
  if (nodes.length === 0) lines.push('  none');
  for (const { node, entered, next } of nodes) {
    lines.push(`  ${clip(node, 60).padEnd(60)}${String(entered).padStart(7)} entered`);
    for (const [step, n] of Object.entries(next).slice(0, 3)) {
      lines.push(`    -> ${clip(step, 56).padEnd(56)}${String(n).padStart(7)}   ${percent(n, entered)}`);
    }
  }

  lines.push('', 'Top unrecognised messages');
  const texts = report.unrecognised.slice(0, TOP);
  if (texts.length === 0) lines.push('  none');
  for (const { text, count } of texts) lines.push(`  ${String(count).padStart(5)}  ${clip(oneLine(text), WIDTH - 9)}`);

  return `${lines.map((line) => clip(line, WIDTH)).join('\n')}\n`;
}

function percent(n: number, of: number): string {
  return of === 0 ? '-' : `${Math.round((n / of) * 100)}%`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
