import { toActivity } from '../toActivity';
import type { Reply } from '../../engine/types';
import { choiceCard } from './choiceCard';

const didItHelp: Reply = { text: 'Did that help?', choices: [{ id: 'choice.yes', label: 'Yes, that worked' }, { id: 'choice.no', label: 'No, still stuck' }] };
const menu: Reply = {
  text: 'What happens when you click your interview link?',
  choices: Array.from({ length: 9 }, (_, i) => ({ id: `topic.t${i}`, label: `Topic number ${i}` })),
};

test('in Teams a question is a 1.5 Adaptive Card whose buttons submit the choice id', () => {
  const activity = toActivity(didItHelp, 'msteams');
  expect(activity.suggestedActions).toBeUndefined();
  expect(activity.attachments).toHaveLength(1);
  const { contentType, content } = activity.attachments![0]!;
  expect(contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(content).toMatchObject({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Did that help?', wrap: true }] });
  expect(content.actions).toEqual([
    { type: 'Action.Submit', title: 'Yes, that worked', data: { choice: 'choice.yes' } },
    { type: 'Action.Submit', title: 'No, still stuck', data: { choice: 'choice.no' } },
  ]);
});

test('a long list of choices stacks one button a row, so none is cut off or hidden past six', () => {
  const { content } = choiceCard(menu.text, menu.choices!);
  expect(content.actions).toBeUndefined();
  const rows = content.body.filter((e: { type: string }) => e.type === 'ActionSet');
  expect(rows).toHaveLength(9);
  expect(rows.map((row: { actions: { data: unknown }[] }) => row.actions.map((a) => a.data))).toEqual(menu.choices!.map((c) => [{ choice: c.id }]));
});

test('each line of text is its own TextBlock, and a numbered list stays one list', () => {
  const { content } = choiceCard('Try this:\n\n1. Copy the link.\n2. Paste it into Safari.\n\nDid that help?', didItHelp.choices!);
  expect(content.body.map((e: { text: string }) => e.text)).toEqual(['Try this:', '1. Copy the link.\r2. Paste it into Safari.', 'Did that help?']);
});

test.each(['webchat', 'emulator', 'directline', undefined])('on %s the same question keeps its suggested actions', (channelId) => {
  const activity = toActivity(didItHelp, channelId);
  expect(activity.attachments).toBeUndefined();
  expect(activity.suggestedActions?.actions.map((a) => a.title)).toEqual(['Yes, that worked', 'No, still stuck']);
});

test('in Teams a reply without choices stays plain Markdown text', () => {
  expect(toActivity({ text: 'Your ticket is CS-000001.' }, 'msteams')).toEqual({
    type: 'message',
    text: 'Your ticket is CS-000001.',
    textFormat: 'markdown',
  });
});
