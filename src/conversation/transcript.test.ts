import type { CandidateInput, Reply } from '../engine/types';
import { appendTurn as appendSaid, candidateSaid, linesOf } from './transcript';

/** One turn as the turn runner records it: the candidate's message read once, then appended. */
const appendTurn = (stored: unknown, input: CandidateInput, replies: Reply[], at: string) => appendSaid(stored, candidateSaid(input, at), replies, at);

const T1 = '2026-11-26T09:00:00.000Z';
const T2 = '2026-11-26T09:00:05.000Z';

test('the recruiter reads every line with its time, the bot replies at the time of the message they answer', () => {
  let stored = appendTurn(undefined, { kind: 'start' }, [{ text: 'Hi!' }, { text: 'What happens?' }], T1);
  stored = appendTurn(stored, { kind: 'text', text: 'my link says 404' }, [{ text: 'Check the link.' }], T2);
  expect(linesOf(stored)).toEqual([
    { from: 'bot', text: 'Hi!', at: T1 },
    { from: 'bot', text: 'What happens?', at: T1 },
    { from: 'candidate', text: 'my link says 404', at: T2 },
    { from: 'bot', text: 'Check the link.', at: T2 },
  ]);
});

test('a time is stored once per turn, not once per line', () => {
  const stored = appendTurn(undefined, { kind: 'text', text: 'help' }, [{ text: 'One' }, { text: 'Two' }, { text: 'Three' }], T1);
  expect(JSON.stringify(stored).split(T1)).toHaveLength(2);
});

test('a clicked button is recorded as the choice, and long bot guidance keeps its opening', () => {
  const long = 'x'.repeat(300);
  const lines = linesOf(appendTurn(undefined, { kind: 'choice', id: 'choice.no' }, [{ text: long }], T1));
  expect(lines[0]).toEqual({ from: 'candidate', text: '[clicked choice.no]', at: T1 });
  expect(lines[1]!.text.length).toBeLessThanOrEqual(120);
  expect(lines[1]!.text.endsWith('…')).toBe(true);
});

test('only the last 60 lines are kept, and the oldest kept line still has its time', () => {
  let stored: unknown;
  for (let i = 0; i < 40; i++) stored = appendTurn(stored, { kind: 'text', text: `message ${i}` }, [{ text: `reply ${i}` }], `2026-11-26T09:${String(i).padStart(2, '0')}:00.000Z`);
  const lines = linesOf(stored);
  expect(lines).toHaveLength(60);
  expect(lines[0]).toEqual({ from: 'candidate', text: 'message 10', at: '2026-11-26T09:10:00.000Z' });
  expect(lines.every((line) => line.at !== '')).toBe(true);
});

test('a transcript saved before times were shared (one per line) reads the same', () => {
  const older = { lines: [{ from: 'candidate', text: 'hello', at: T1 }, { from: 'bot', text: 'Hi!', at: T1 }] };
  expect(linesOf(older)).toEqual(older.lines);
  expect(linesOf(appendTurn(older, { kind: 'text', text: 'still here' }, [], T2))).toEqual([...older.lines, { from: 'candidate', text: 'still here', at: T2 }]);
});

test('nothing stored reads as no lines', () => {
  expect(linesOf(undefined)).toEqual([]);
  expect(linesOf({ lines: 'junk' })).toEqual([]);
});
