/** The Markdown page around the generated diagram (docs/decision-tree.md). */
export function decisionTreeDoc(mermaid: string): string {
  return [
    '# The decision tree',
    '',
    'Generated from `flows/` by `npm run flows:diagram`; a test fails when it is out of date.',
    'Rectangles give guidance and ask "did that help?", diamonds ask which case is the candidate\'s,',
    'double-bordered boxes end a path. The escalation form is a box of its own states (parallelograms):',
    'each question, the device, the review and "change something", with the events that move between them.',
    '',
    '```mermaid',
    mermaid.trimEnd(),
    '```',
    '',
  ].join('\n');
}
