import type { CompiledFlow } from './compile';
import type { FormNode } from './schema';
import { MACHINE_ID } from './targets';
import { fieldOf } from './formStates';
import { firstLine, mermaidEscape as escape, mermaidId as id } from './mermaidText';

/**
 * The escalation form as the compiled machine has it: a subgraph with a box per state and the
 * machine's own transitions as edges (one edge per pair of states, its events listed), so the
 * picture can't drift from what the bot does.
 */
export function formSubgraph(flow: CompiledFlow, nodeId: string, key: string, node: FormNode): { boxes: string[]; edges: string[] } {
  const form = flow.machine.getStateNodeById(`${MACHINE_ID}.${nodeId}`);
  const boxes = [`    subgraph ${id(nodeId)}["${escape(key)}: escalation form"]`];
  for (const part of Object.keys(form.states)) boxes.push(`      ${id(`${nodeId}/${part}`)}[/"${escape(`${part}: ${question(node, part)}`)}"/]`);
  boxes.push('    end');

  const edges = new Map<string, string[]>();
  const from = (source: string, transitions: typeof form.transitions) => {
    for (const [event, candidates] of transitions) {
      for (const transition of candidates) {
        const guard = typeof transition.guard === 'string' ? transition.guard : candidates.length > 1 ? 'otherwise' : undefined;
        const label = guard ? `${eventLabel(node, event)} (${guard})` : eventLabel(node, event);
        for (const target of transition.target ?? []) {
          const pair = `${id(source)} ${id(target.path.join('/'))}`;
          edges.set(pair, [...(edges.get(pair) ?? []), label]);
        }
      }
    }
  };
  from(nodeId, form.transitions);
  for (const [part, state] of Object.entries(form.states)) from(`${nodeId}/${part}`, state.transitions);
  return {
    boxes,
    edges: [...edges].map(([pair, labels]) => {
      const [source, target] = pair.split(' ');
      return `  ${source} -->|"${escape(labels.join(', '))}"| ${target}`;
    }),
  };
}

function question(node: FormNode, part: string): string {
  const field = node.fields.find((f) => f.id === fieldOf(part));
  if (field) return part.startsWith('edit-') ? `corrects ${field.label}` : firstLine(field.ask);
  const texts: Record<string, string> = {
    'device-confirm': node.device.confirm,
    'device-type': node.device.askType,
    'device-browser': node.device.askBrowser,
    review: node.review,
    change: node.change,
  };
  return firstLine(texts[part] ?? part);
}

/** An event as the candidate sees it: the button's label, or "answer" for a typed field answer. */
function eventLabel(node: FormNode, event: string): string {
  if (event === 'form.answer') return 'answer';
  const [, kind = '', value = ''] = /^form\.([a-z]+)(?:\.(.+))?$/.exec(event) ?? [];
  if (kind === 'type') return node.device.types[value as keyof FormNode['device']['types']] ?? value;
  if (kind === 'browser') return node.device.browsers[value as keyof FormNode['device']['browsers']] ?? value;
  if (kind === 'change' && value) return value === 'device' ? node.device.label : (node.fields.find((f) => f.id === value)?.label ?? value);
  return node.labels[kind as keyof FormNode['labels']] ?? event;
}
