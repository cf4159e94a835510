import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { GuideFile, TopicFile, type FlowNode } from '../src/flow/schema';
import { loadFlowSource } from '../src/flow/load';
import { checkFlow } from '../src/flow/check';
import { formatProblems } from '../src/flow/problems';
import { RESOLVED, resolveTarget, targetsOf } from '../src/flow/targets';
import { guideInstructions } from './fixtures/guide-instructions';
import { plainText } from '../src/tickets/plainText';

const flowsDir = join(__dirname, '..', 'flows');
const CONTACT = 'contact-recruiter';
const topicIds = [
  'link-not-found',
  'page-wont-load',
  'link-expired',
  'resume-or-start-new',
  'submitted-need-changes',
  'camera-microphone',
  'ran-out-of-time',
  'redo-response',
  CONTACT,
];

const readYaml = (...path: string[]): unknown => parse(readFileSync(join(flowsDir, ...path), 'utf8'));
const guideResult = GuideFile.safeParse(readYaml('guide.yaml'));
const topicResults = new Map(
  readdirSync(join(flowsDir, 'topics'))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => [name.replace(/\.yaml$/, ''), TopicFile.safeParse(readYaml('topics', name))]),
);
const topics = new Map(
  [...topicResults].flatMap(([id, result]) => (result.success ? [[id, result.data] as const] : [])),
);

function topic(id: string): TopicFile {
  const found = topics.get(id);
  if (!found) throw new Error(`flows/topics/${id}.yaml is missing or invalid`);
  return found;
}

function nodeAt(stateId: string): FlowNode {
  const [topicId = '', nodeId = ''] = stateId.split('/');
  const node = topic(topicId).nodes[nodeId];
  if (!node) throw new Error(`no node ${stateId}`);
  return node;
}

/** The states one step on from `stateId` ("topic/node" or "resolved"). */
function nextStates(stateId: string): string[] {
  if (stateId === RESOLVED) return [];
  const from = topic(stateId.split('/')[0] ?? '');
  return targetsOf(nodeAt(stateId)).map(({ target }) => {
    const next = resolveTarget(from, target, topics);
    if (!next) throw new Error(`${stateId} leads to "${target}", which names nothing`);
    return next;
  });
}

/** Every state a candidate can get to from `start`, following hand-overs to other topics. */
function reachableFrom(start: string): string[] {
  const seen = new Set<string>();
  const pending = [start];
  for (let state = pending.pop(); state !== undefined; state = pending.pop()) {
    if (seen.has(state)) continue;
    seen.add(state);
    pending.push(...nextStates(state));
  }
  return [...seen];
}

const startOf = (topicId: string) => `${topicId}/${topic(topicId).start}`;

/** What the candidate reads at a node: its message, its steps and its buttons. */
function textOf(node: FlowNode): string {
  if (node.type === 'branch') return '';
  if (node.type === 'form') return [node.say, ...node.fields.map((field) => field.ask)].join('\n');
  if (node.type === 'check') return [node.say, node.skip.label].join('\n');
  const steps = node.type === 'question' ? node.choices.map((choice) => choice.label) : node.steps;
  return [node.say, ...steps].join('\n');
}

describe('the troubleshooting guide as flow files', () => {
  test('the guide file follows the GuideFile format', () => {
    expect(guideResult.error?.issues).toBeUndefined();
  });

  test.each(topicIds)('%s has a topic file that follows the TopicFile format', (id) => {
    const result = topicResults.get(id);
    expect(result?.error?.issues).toBeUndefined();
    expect(result?.data?.id).toBe(id);
  });

  test('the flow loads with every target, action and menu entry resolving', () => {
    expect(formatProblems(checkFlow(loadFlowSource(flowsDir)))).toBe(formatProblems([]));
  });

  test('the menu and "Something else" offer every topic once, with "talk to a recruiter" last', () => {
    const menu = guideResult.data?.menu;
    const all = [...(menu?.topics ?? []), ...(menu?.more.topics ?? [])];
    expect([...all].sort()).toEqual([...topicIds].sort());
    expect(all.at(-1)).toBe(CONTACT);
  });

  test.each(topicIds)('a candidate can type their %s problem in 8 to 20 ways the bot knows', (id) => {
    const { keywords } = topic(id);
    expect(keywords.length).toBeGreaterThanOrEqual(8);
    expect(keywords.length).toBeLessThanOrEqual(20);
  });

  test.each(topicIds)('a candidate who picks %s can be shown every step of it', (id) => {
    const reached = new Set(reachableFrom(startOf(id)));
    expect(Object.keys(topic(id).nodes).filter((node) => !reached.has(`${id}/${node}`))).toEqual([]);
  });

  test.each(topicIds)('a candidate in %s is never stuck: every step can still end solved or with the recruiter', (id) => {
    const finishes = (state: string) =>
      reachableFrom(state).some((s) => s === RESOLVED || s === startOf(CONTACT) || nodeAt(s).type === 'end');
    expect(reachableFrom(startOf(id)).filter((state) => !finishes(state))).toEqual([]);
  });

  test('only "contact the recruiter" hands a candidate over to the recruiter', () => {
    const escalations = topicIds.flatMap((id) =>
      Object.entries(topic(id).nodes)
        .filter(([, node]) => node.type === 'end' && node.outcome === 'escalate')
        .map(([node]) => `${id}/${node}`),
    );
    expect(escalations.every((state) => state.startsWith(`${CONTACT}/`))).toBe(true);
    expect(escalations).toEqual(expect.arrayContaining([`${CONTACT}/reach-out`, `${CONTACT}/ticket-sent`]));
  });
});

describe('what a recruiter reads on a ticket, from the flow files', () => {
  const advice = topicIds.flatMap((id) =>
    Object.entries(topic(id).nodes).flatMap(([node, step]) => (step.type === 'advice' ? [{ state: `${id}/${node}`, step }] : [])),
  );

  test('each advice has a short label that reads inside "already tried: a, b and c" (a gerund, no comma, no full stop)', () => {
    const unfit = advice.filter(({ step }) => !/^[a-z][a-z-]*ing\b[^,.]*$/.test(step.label) || step.label.length > 60);
    expect(unfit.map(({ state, step }) => `${state}: ${step.label}`)).toEqual([]);
  });

  test('the advice a ticket quotes in full reads without Markdown once made plain', () => {
    const marked = advice.filter(({ step }) => /\*\*|`|\\[()!*_]/.test(plainText([step.say, ...step.steps].join('\n'))));
    expect(marked.map(({ state }) => state)).toEqual([]);
  });

  test.each([
    ['link-not-found', /send a new interview link/i],
    ['link-expired', /send a new interview link/i],
    ['submitted-need-changes', /^reset the application/i],
    ['ran-out-of-time', /^consider resetting/i],
  ])('a ticket on %s suggests the likely action', (id, action) => {
    expect(topic(id).recruiter.action).toMatch(action);
  });

  test('a ticket after "I clicked Start New by mistake" suggests resetting the application', () => {
    const node = topic('resume-or-start-new').nodes['start-new-by-mistake'];
    expect(node?.type === 'advice' && node.recruiterAction).toMatch(/^reset the application/i);
  });

  test.each(topicIds)('a ticket on %s says what happens without a gendered pronoun', (id) => {
    expect(topic(id).recruiter.problem).not.toMatch(/\b(he|she|his|her|hers|him)\b/i);
  });
});

describe('every instruction of the guide reaches the candidate', () => {
  const cases = guideInstructions.map((entry) => ({ ...entry, label: topics.get(entry.topic)?.label ?? entry.topic }));

  test.each(cases)('a candidate who picks "$label" is told: $instruction', ({ topic: topicId, mustMention }) => {
    const messages = reachableFrom(startOf(topicId))
      .filter((state) => state !== RESOLVED)
      .map((state) => textOf(nodeAt(state)));
    const neverSaid = mustMention.filter((pattern) => !messages.some((text) => pattern.test(text)));
    const saidTogether = messages.some((text) => mustMention.every((pattern) => pattern.test(text)));
    expect({ neverSaid, saidTogether }).toEqual({ neverSaid: [], saidTogether: true });
  });
});
