import type { CompiledFlow } from '../flow';
import { plainText } from '../tickets/plainText';
import type { TicketDraftInput } from '../tickets/ticket';

type Guidance = Pick<TicketDraftInput, 'stepsTried' | 'problem' | 'suggestedAction'>;

/**
 * What a ticket says the guide already did and what the recruiter could do next, in the flow's own
 * words: each advice given once, in the order the candidate saw it, with its short label and its
 * full text as plain text (a helpdesk shows it as given); the topic's problem; and the suggested
 * action of the last advice on this topic that has one, else the topic's.
 */
export function guidanceGiven(flow: CompiledFlow, topic: string, path: string[], device: string): Guidance {
  const seen = new Set<string>();
  const advice = path.flatMap((id) => {
    const tree = flow.nodes.get(id);
    if (tree?.node.type !== 'advice' || seen.has(id)) return [];
    seen.add(id);
    return [{ id, topic: tree.topic, node: tree.node }];
  });
  const recruiter = flow.topics.get(topic)?.recruiter;
  const lastAction = advice.findLast((given) => given.topic === topic && given.node.recruiterAction)?.node.recruiterAction;
  return {
    stepsTried: advice.map(({ id, node }) => ({
      id,
      label: node.label,
      text: plainText([node.say, ...node.steps.map((s) => `- ${s}`)].join('\n').replaceAll('{device}', device)),
    })),
    problem: recruiter?.problem,
    suggestedAction: lastAction ?? recruiter?.action,
  };
}
