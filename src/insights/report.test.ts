import type { InsightEvent, InsightFact } from './event';
import { insightsReport, renderInsightsTable } from './report';
import { sessionsOf } from './sessions';

const DAY1 = Date.parse('2026-11-02T00:00:00Z');
const DAY2 = Date.parse('2026-11-03T00:00:00Z');
const AS_OF = Date.parse('2026-11-05T00:00:00Z');
const MIN = 60 * 1000;

const ev = (conversation: string, day: number, hhmm: string, fact: InsightFact): InsightEvent => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return { conversation, at: day + (h * 60 + m) * MIN, ...fact };
};
const question = (node: string): InsightFact => ({ kind: 'entered', node, topic: node.split('/')[0]!, asksHelped: false });
const advice = (node: string): InsightFact => ({ kind: 'entered', node, topic: node.split('/')[0]!, asksHelped: true });
const turn: InsightFact = { kind: 'turn' };

/**
 * Seven sessions over two days:
 * c1 resolves (confirmed), then comes back 43 minutes later and gets a ticket;
 * c2 leaves on a "did that help?" (implied); c3 writes something unrecognised and leaves (abandoned);
 * c4 only opens the chat (unengaged); c5 writes to the recruiter themselves;
 * c6 wanders camera -> mic -> camera, confirms, then still gets a ticket (escalated wins).
 */
const events: InsightEvent[] = [
  ev('c1', DAY1, '09:00', question('camera/start')),
  ev('c1', DAY1, '09:01', advice('camera/allow-access')),
  ev('c1', DAY1, '09:02', { kind: 'resolved' }),
  ev('c1', DAY1, '09:45', question('mic/start')),
  ev('c1', DAY1, '09:46', { kind: 'escalated', how: 'ticket' }),
  ev('c2', DAY1, '09:10', question('camera/start')),
  ev('c2', DAY1, '09:11', advice('camera/allow-access')),
  ev('c2', DAY1, '09:12', { kind: 'csat', score: 4 }),
  ev('c3', DAY1, '10:00', question('camera/start')),
  ev('c3', DAY1, '10:01', { kind: 'fallback', text: 'my link says 404' }),
  ev('c3', DAY1, '10:02', { kind: 'csat', score: 2 }),
  ev('c4', DAY2, '08:00', turn),
  ev('c4', DAY2, '08:01', turn),
  ev('c5', DAY2, '09:00', question('link/start')),
  ev('c5', DAY2, '09:01', { kind: 'fallback', text: 'my link says 404' }),
  ev('c5', DAY2, '09:02', { kind: 'fallback', text: 'where is the button' }),
  ev('c5', DAY2, '09:03', { kind: 'escalated', how: 'self' }),
  ev('c6', DAY2, '10:00', question('camera/start')),
  ev('c6', DAY2, '10:01', question('mic/start')),
  ev('c6', DAY2, '10:02', question('camera/start')),
  ev('c6', DAY2, '10:03', advice('camera/allow-access')),
  ev('c6', DAY2, '10:04', { kind: 'resolved' }),
  ev('c6', DAY2, '10:05', { kind: 'escalated', how: 'ticket' }),
  ev('c6', DAY2, '10:06', { kind: 'csat', score: 5 }),
];

const sessions = sessionsOf(events, { timeoutMinutes: 30, asOf: AS_OF });
const report = insightsReport(sessions, { asOf: AS_OF });

test('the headline numbers count sessions by outcome, escalations by how', () => {
  expect(report).toMatchObject({
    since: null,
    asOf: '2026-11-05T00:00:00.000Z',
    conversations: 6,
    sessions: 7,
    openSessions: 0,
    engaged: 6,
    unengaged: 1,
    resolved: 2,
    resolvedConfirmed: 1,
    resolvedImplied: 1,
    escalated: 3,
    escalatedByTicket: 2,
    escalatedSelf: 1,
    abandoned: 1,
  });
});

test('CSAT counts the responses, averages them to one decimal and spreads them over 1 to 5', () => {
  expect(report.csat).toEqual({ responses: 3, average: 3.7, distribution: { '1': 0, '2': 1, '3': 0, '4': 1, '5': 1 }, comments: [] });
});

test('with no CSAT responses the average is null, not 0', () => {
  const noAnswers = insightsReport(sessionsOf([ev('x', DAY1, '09:00', question('camera/start'))], { timeoutMinutes: 30, asOf: AS_OF }), { asOf: AS_OF });
  expect(noAnswers.csat).toEqual({ responses: 0, average: null, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }, comments: [] });
});

test('topics are counted once per session and listed most frequent first', () => {
  expect(report.topics).toEqual({ camera: 4, mic: 2, link: 1 });
  expect(Object.keys(JSON.parse(JSON.stringify(report)).topics)).toEqual(['camera', 'mic', 'link']);
});

test('the drop-off counts each visit to a node and where the session went next: a node or an outcome', () => {
  expect(report.dropOff).toEqual([
    { node: 'camera/start', entered: 5, next: { 'camera/allow-access': 3, abandoned: 1, 'mic/start': 1 } },
    { node: 'camera/allow-access', entered: 3, next: { resolved: 2, 'resolved-implied': 1 } },
    { node: 'mic/start', entered: 2, next: { 'camera/start': 1, escalated: 1 } },
    { node: 'link/start', entered: 1, next: { escalated: 1 } },
  ]);
  expect(Object.keys(report.dropOff[0]!.next)).toEqual(['camera/allow-access', 'abandoned', 'mic/start']);
});

test('unrecognised messages are counted, most frequent first', () => {
  expect(report.unrecognised).toEqual([
    { text: 'my link says 404', count: 2 },
    { text: 'where is the button', count: 1 },
  ]);
});

test('only the 20 most frequent unrecognised messages are kept', () => {
  const many = Array.from({ length: 25 }, (_, i) =>
    Array.from({ length: i + 1 }, (_, j) => ev(`u${i}-${j}`, DAY1, '09:00', { kind: 'fallback', text: `message ${i}` })),
  ).flat();
  const top = insightsReport(sessionsOf(many, { timeoutMinutes: 30, asOf: AS_OF }), { asOf: AS_OF }).unrecognised;
  expect(top).toHaveLength(20);
  expect(top[0]).toEqual({ text: 'message 24', count: 25 });
  expect(top[19]).toEqual({ text: 'message 5', count: 6 });
});

test('by day, sessions are counted on the UTC day they started', () => {
  expect(report.byDay).toEqual([
    { day: '2026-11-02', sessions: 4, engaged: 4, resolved: 2, escalated: 1, abandoned: 1 },
    { day: '2026-11-03', sessions: 3, engaged: 2, resolved: 0, escalated: 2, abandoned: 0 },
  ]);
});

test('--since keeps only the sessions that started in the window', () => {
  const lastDay = insightsReport(sessions, { since: DAY2, asOf: AS_OF });
  expect(lastDay).toMatchObject({
    since: '2026-11-03T00:00:00.000Z',
    conversations: 3,
    sessions: 3,
    engaged: 2,
    unengaged: 1,
    resolved: 0,
    escalated: 2,
    abandoned: 0,
    topics: { link: 1, camera: 1, mic: 1 },
    csat: { responses: 1, average: 5 },
  });
  expect(lastDay.byDay.map((d) => d.day)).toEqual(['2026-11-03']);
});

test('--since judges a session by its start: one that began before the window and ran into it is left out', () => {
  const acrossMidnight = [ev('late', DAY1, '23:50', question('camera/start')), ev('late', DAY2, '00:05', { kind: 'resolved' })];
  const counted = insightsReport(sessionsOf(acrossMidnight, { timeoutMinutes: 30, asOf: AS_OF }), { since: DAY2, asOf: AS_OF });
  expect(counted).toMatchObject({ sessions: 0, conversations: 0, resolved: 0 });
  const fromDay1 = insightsReport(sessionsOf(acrossMidnight, { timeoutMinutes: 30, asOf: AS_OF }), { since: DAY1, asOf: AS_OF });
  expect(fromDay1).toMatchObject({ sessions: 1, resolved: 1, byDay: [{ day: '2026-11-02', sessions: 1 }] });
});

test('--as-of during a visit: the session counts as open and is judged as ended then', () => {
  const asOf = DAY2 + (10 * 60 + 3) * MIN + 30 * 1000; // c6 has just reached the camera advice
  const early = insightsReport(sessionsOf(events, { timeoutMinutes: 30, asOf }), { asOf });
  expect(early).toMatchObject({ sessions: 7, openSessions: 1, resolvedImplied: 2, escalated: 2 });
});

describe('the table an operator reads in the terminal', () => {
  const table = renderInsightsTable(report);

  test('shows the headline numbers with their share of engaged sessions', () => {
    expect(table).toMatch(/^Sessions +7 *$/m);
    expect(table).toMatch(/^Engaged +6 +86% of sessions$/m);
    expect(table).toMatch(/^Resolved +2 +33% of engaged$/m);
    expect(table).toMatch(/^ +implied +1 +17%$/m);
    expect(table).toMatch(/^Escalated +3 +50% of engaged$/m);
    expect(table).toMatch(/^ +by ticket +2 +33%$/m);
    expect(table).toMatch(/^Abandoned +1 +17% of engaged$/m);
  });

  test('shows CSAT, topics, the drop-off and unrecognised messages', () => {
    expect(table).toContain('3 responses, average 3.7 of 5');
    expect(table).toMatch(/^ +camera +4 +57%$/m);
    expect(table).toMatch(/^ +camera\/start +5 entered$/m);
    expect(table).toMatch(/^ +-> camera\/allow-access +3 +60%$/m);
    expect(table).toMatch(/^ +2 +my link says 404$/m);
  });

  test('shows at most the top 3 next steps of a node', () => {
    const visits = ['a', 'b', 'c', 'd'].map((next, i) => [ev(`n${i}`, DAY1, '09:00', question('t/start')), ev(`n${i}`, DAY1, '09:01', question(`t/${next}`))]);
    const text = renderInsightsTable(insightsReport(sessionsOf(visits.flat(), { timeoutMinutes: 30, asOf: AS_OF }), { asOf: AS_OF }));
    expect(text).toContain('-> t/c');
    expect(text).not.toContain('-> t/d');
  });

  test('says "no responses" without CSAT, and stays within 100 columns with long names', () => {
    const long = 'x'.repeat(150);
    const wide = [ev('w', DAY1, '09:00', { kind: 'entered', node: `topic/${long}`, topic: long, asksHelped: false }), ev('w', DAY1, '09:01', { kind: 'fallback', text: long })];
    const text = renderInsightsTable(insightsReport(sessionsOf(wide, { timeoutMinutes: 30, asOf: AS_OF }), { asOf: AS_OF }));
    expect(text).toContain('no responses');
    expect(text).toContain('x…');
    expect(Math.max(...text.split('\n').map((line) => line.length))).toBeLessThanOrEqual(100);
  });
});
