import type { CompiledFlow } from './compile';
import type { FlowNode } from './schema';
import { MENU, MORE_PROBLEMS, RESOLVED, resolveTarget, stateId, targetsOf } from './targets';
import { formSubgraph } from './formDiagram';
import { firstLine as summary, mermaidEscape as escape, mermaidId as id } from './mermaidText';

/**
 * The decision tree as a Mermaid flowchart, one subgraph per topic, so people can look at the
 * tree instead of reading YAML. Deterministic: a test compares it with the committed copy.
 */
export function toMermaid(flow: CompiledFlow): string {
  const lines = ['flowchart TD', `  ${id(MENU)}(["Menu: ${escape(flow.guide.menu.say)}"])`, `  ${id(RESOLVED)}(["Resolved"])`];
  lines.push(`  ${id(MENU)} -->|"${escape(flow.guide.labels.menu)}"| ${id(MORE_PROBLEMS)}(["${escape(summary(flow.guide.menu.more.say))}"])`);
  for (const [from, topicIds] of [[MENU, flow.guide.menu.topics], [MORE_PROBLEMS, flow.guide.menu.more.topics]] as const) {
    for (const topicId of topicIds) {
      const topic = flow.topics.get(topicId);
      if (topic) lines.push(`  ${id(from)} -->|"${escape(topic.label)}"| ${id(stateId(topic.id, topic.start))}`);
    }
  }
  for (const topic of flow.topics.values()) {
    const formEdges: string[] = [];
    lines.push(`  subgraph ${id(topic.id)}["${escape(topic.id)}"]`);
    for (const [key, node] of Object.entries(topic.nodes)) {
      if (node.type !== 'form') lines.push(`    ${id(stateId(topic.id, key))}${shape(key, node)}`);
      else {
        const form = formSubgraph(flow, stateId(topic.id, key), key, node);
        lines.push(...form.boxes);
        formEdges.push(...form.edges);
      }
    }
    lines.push('  end');
    lines.push(...formEdges);
    for (const [key, node] of Object.entries(topic.nodes)) {
      if (node.type === 'form') continue;
      for (const { at, target } of targetsOf(node)) {
        const to = resolveTarget(topic, target, flow.topics);
        if (to) lines.push(`  ${id(stateId(topic.id, key))} -->|"${escape(edgeLabel(node, at))}"| ${id(to)}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

function shape(key: string, node: Exclude<FlowNode, { type: 'form' }>): string {
  switch (node.type) {
    case 'question':
      return `{"${escape(key)}: ${escape(summary(node.say))}"}`;
    case 'end':
      return `[["${node.outcome === 'escalate' ? 'Escalate' : 'Resolved'}: ${escape(summary(node.say))}"]]`;
    case 'branch':
      return `{{"${escape(key)}"}}`;
    case 'check':
      return `[("${escape(key)}: device check")]`;
    case 'advice':
      return `["${escape(key)}: ${escape(summary(node.say))}"]`;
  }
}

const ADVICE_EDGES: Record<string, string> = { helped: 'helped', notHelped: 'not helped', 'passOn.yes': 'pass it on', 'passOn.no': 'write myself' };

function edgeLabel(node: FlowNode, at: string): string {
  if (node.type === 'advice') return ADVICE_EDGES[at] ?? at;
  if (node.type === 'check') return at === 'next' ? 'result' : node.skip.label;
  const index = Number(at.split('.')[1]);
  if (node.type === 'question') return node.choices[index]?.label ?? at;
  if (node.type === 'branch') return node.branches[index]?.when ?? 'otherwise';
  return at;
}
