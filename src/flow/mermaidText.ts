/** Text helpers for the Mermaid diagram of the tree (src/flow/diagram.ts, src/flow/formDiagram.ts). */

/** A Mermaid node id for a state id ("topic/node" or "topic/node/part") or a topic id. */
export const mermaidId = (stateIdOrTopic: string) => stateIdOrTopic.replace(/[^a-zA-Z0-9]/g, '_');

/** Text safe inside a quoted Mermaid label. */
export const mermaidEscape = (text: string) => text.replace(/"/g, '#quot;').replace(/\*\*/g, '');

/** The first line of a text, cut to fit in a box. */
export function firstLine(text: string): string {
  const first = text.split('\n')[0] ?? '';
  return first.length > 60 ? `${first.slice(0, 57)}...` : first;
}
