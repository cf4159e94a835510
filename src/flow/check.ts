import type { FlowSource } from './load';
import type { FlowProblem } from './problems';
import type { TopicFile } from './schema';
import { isGuardName } from './guards';
import { isEffectName } from './effects';
import { isMemoryName } from './memories';
import { resolveTarget, targetsOf, stateId } from './targets';
import { MAX_WORDS_PER_MESSAGE, wordsIn } from './messageLength';

/**
 * Checks what the schema can't: that every node, guard and action a flow names exists, that
 * branches can't get stuck, and that no node is unreachable. Returns every problem found.
 */
export function checkFlow(source: FlowSource): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const topics = new Map(source.topics.map((t) => [t.id, t]));

  problems.push(...checkMenu(source, topics));
  problems.push(...checkLengths(source));

  for (const topic of source.topics) {
    if (!Object.hasOwn(source.understanding.topics, topic.id)) {
      problems.push({ file: 'flows/understanding.yaml', at: `topics.${topic.id}`, message: 'missing: add example messages for this topic' });
    }
  }
  for (const id of Object.keys(source.understanding.topics)) {
    if (!topics.has(id)) problems.push({ file: 'flows/understanding.yaml', at: `topics.${id}`, message: `no topic "${id}" in flows/topics/` });
  }

  const reached = new Set<string>();
  for (const topic of source.topics) {
    const file = source.topicFiles.get(topic.id) ?? topic.id;
    const report = (at: string, message: string) => problems.push({ file, at, message });
    if (!Object.hasOwn(topic.nodes, topic.start)) report('start', `no node "${topic.start}" in this topic`);
    reached.add(stateId(topic.id, topic.start));

    for (const [key, node] of Object.entries(topic.nodes)) {
      for (const { at, target } of targetsOf(node)) {
        const resolved = resolveTarget(topic, target, topics);
        if (resolved) reached.add(resolved);
        else report(`nodes.${key}.${at}`, `"${target}" is not a node of this topic, a topic id, "topic/node" or "resolved"`);
      }
      node.actions.forEach((name, i) => {
        if (!isEffectName(name)) report(`nodes.${key}.actions.${i}`, `unknown action "${name}" (see src/flow/effects.ts)`);
      });
      if (node.type === 'branch') checkBranch(node, `nodes.${key}`, report);
      if (node.type === 'question') checkChoiceIds(node.choices, `nodes.${key}.choices`, report);
    }
  }

  for (const topic of source.topics) {
    for (const key of Object.keys(topic.nodes)) {
      if (!reached.has(stateId(topic.id, key))) {
        problems.push({ file: source.topicFiles.get(topic.id) ?? topic.id, at: `nodes.${key}`, message: 'no node leads here: link it or remove it' });
      }
    }
  }
  return problems;
}

type Report = (at: string, message: string) => void;

function checkBranch(node: Extract<TopicFile['nodes'][string], { type: 'branch' }>, at: string, report: Report) {
  node.branches.forEach((branch, i) => {
    const last = i === node.branches.length - 1;
    if (branch.when !== undefined && !isGuardName(branch.when)) {
      report(`${at}.branches.${i}.when`, `unknown guard "${branch.when}" (see src/flow/guards.ts)`);
    }
    if (last && branch.when !== undefined) report(`${at}.branches.${i}`, 'the last branch must have no `when`, so the candidate is never stuck');
    if (!last && branch.when === undefined) report(`${at}.branches.${i}`, 'only the last branch may omit `when`: the ones after it could never be taken');
  });
}

function checkChoiceIds(choices: { id: string; remember: string[] }[], at: string, report: Report) {
  const seen = new Set<string>();
  choices.forEach((choice, i) => {
    choice.remember.forEach((name, j) => {
      if (!isMemoryName(name)) report(`${at}.${i}.remember.${j}`, `unknown memory "${name}" (see src/flow/memories.ts)`);
    });
    if (seen.has(choice.id)) report(`${at}.${i}.id`, `choice id "${choice.id}" is used twice in this question`);
    seen.add(choice.id);
  });
}

/** Every topic once, on the menu or behind "Something else", so a click reaches each. */
function checkMenu(source: FlowSource, topics: ReadonlyMap<string, TopicFile>): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const { menu } = source.guide;
  const listed = [...menu.topics.map((id, i) => ({ id, at: `menu.topics.${i}` })), ...menu.more.topics.map((id, i) => ({ id, at: `menu.more.topics.${i}` }))];
  const seen = new Set<string>();
  for (const { id, at } of listed) {
    if (!topics.has(id)) problems.push({ file: 'flows/guide.yaml', at, message: `no topic "${id}" in flows/topics/` });
    else if (seen.has(id)) problems.push({ file: 'flows/guide.yaml', at, message: `topic "${id}" is listed twice: once is enough` });
    seen.add(id);
  }
  for (const id of topics.keys()) {
    if (!seen.has(id)) problems.push({ file: 'flows/guide.yaml', at: 'menu', message: `topic "${id}" is on neither the menu nor menu.more: a candidate couldn't pick it` });
  }
  return problems;
}

/** A piece of text the bot never splits (a sentence block or one step) must fit a phone's screen on its own. */
function checkLengths(source: FlowSource): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const check = (file: string, at: string, text: string) => {
    const words = wordsIn(text);
    if (words > MAX_WORDS_PER_MESSAGE) problems.push({ file, at, message: `${words} words: a phone shows about ${MAX_WORDS_PER_MESSAGE} at once; shorten it or split it into steps` });
  };
  walkTexts(source.guide, '', (at, text) => check(source.guideFile, at, text));
  for (const topic of source.topics) walkTexts(topic, '', (at, text) => check(source.topicFiles.get(topic.id) ?? topic.id, at, text));
  return problems;
}

/** Every string in a parsed flow file, with its path ("nodes.check-typo.steps.1"). */
function walkTexts(value: unknown, at: string, visit: (at: string, text: string) => void): void {
  if (typeof value === 'string') visit(at, value);
  else if (Array.isArray(value)) value.forEach((v, i) => walkTexts(v, `${at}.${i}`, visit));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walkTexts(v, at ? `${at}.${k}` : k, visit);
}
