import { CardFactory, type Attachment } from 'botbuilder';
import type { ReplyChoice } from '../../engine/types';

/** Up to this many buttons sit side by side; longer lists (the topic menu) stack one a row. */
const MAX_IN_ROW = 3;
/** "1. Step" or "- Item": list lines stay together in one TextBlock so they render as a list. */
const LIST_ITEM = /^\s*(\d+\.|[-*])\s/;

/**
 * A reply with choices as a Teams Adaptive Card (schema 1.5). Each button is an Action.Submit whose
 * data `{ choice }` Teams returns in `activity.value`, so a click reaches the engine as the choice
 * id, whatever the label says. Stacking long lists also keeps under Teams' six buttons per row.
 */
export function choiceCard(text: string, choices: ReplyChoice[]): Attachment {
  const buttons = choices.map((choice) => ({ type: 'Action.Submit', title: choice.label, data: { choice: choice.id } }));
  const inRow = buttons.length <= MAX_IN_ROW;
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [...textBlocks(text), ...(inRow ? [] : buttons.map((button) => ({ type: 'ActionSet', actions: [button] })))],
    ...(inRow && { actions: buttons }),
  });
}

/**
 * Card text is a Markdown subset where a single newline may not break the line: each line gets its
 * own TextBlock, except list items, which are joined with "\r" as the Adaptive Card docs show.
 */
function textBlocks(text: string): { type: 'TextBlock'; text: string; wrap: true }[] {
  const blocks: string[] = [];
  let list: string[] = [];
  const endList = () => {
    if (list.length > 0) blocks.push(list.join('\r'));
    list = [];
  };
  for (const line of text.split('\n')) {
    if (LIST_ITEM.test(line)) list.push(line.trim());
    else {
      endList();
      if (line.trim() !== '') blocks.push(line.trim());
    }
  }
  endList();
  return blocks.map((block) => ({ type: 'TextBlock', text: block, wrap: true }));
}
