import type { Activity } from 'botbuilder';
import { isGroupConversation, mentionsBot, textForBot } from './addressing';

const BOT = { id: '28:6f1f5d3e-2b7a-4c8e-9d41-0a5b3c2e1f90', name: 'Interview Link Help' };
const mention = (who: { id: string; name: string }) => ({ type: 'mention', mentioned: who, text: `<at>${who.name}</at>` });
const GRACE = { id: '29:1grace', name: 'Grace' };

function message(text: string, entities: unknown[], conversationType = 'channel'): Partial<Activity> {
  return { type: 'message', text, entities: entities as Activity['entities'], recipient: BOT, conversation: { id: 'c', conversationType } as Activity['conversation'] };
}

test.each([
  ['a channel', 'channel', true],
  ['a group chat', 'groupChat', true],
  ['a personal chat', 'personal', false],
  ['a conversation with no type (Web Chat, the Emulator)', undefined, false],
])('%s is a group conversation: %s', (_name, conversationType, expected) => {
  expect(isGroupConversation({ conversation: { id: 'c', conversationType } as Activity['conversation'] })).toBe(expected);
});

test.each<[string, Partial<Activity>, boolean, string]>([
  ['the bot mentioned first', message('<at>Interview Link Help</at> register for tickets', [mention(BOT)]), true, 'register for tickets'],
  ['the bot mentioned mid-sentence', message('please <at>Interview Link Help</at> register for tickets', [mention(BOT)]), true, 'please  register for tickets'],
  ['the bot mentioned twice', message('<at>Interview Link Help</at> hi <at>Interview Link Help</at>', [mention(BOT), mention(BOT)]), true, 'hi'],
  ['a colleague mentioned, not the bot', message('<at>Grace</at> can you look?', [mention(GRACE)]), false, '<at>Grace</at> can you look?'],
  ['the bot and a colleague', message('<at>Interview Link Help</at> tell <at>Grace</at>', [mention(GRACE), mention(BOT)]), true, 'tell <at>Grace</at>'],
  ['no entities', message('hello', []), false, 'hello'],
  ['malformed entities', message(' hello ', [null, 'mention', { type: 'mention' }, { type: 'mention', mentioned: 'x' }, { mentioned: BOT }]), false, ' hello '],
  ['a mention of the bot without text', message('hello', [{ type: 'mention', mentioned: BOT }]), true, 'hello'],
])('%s: mentioned=%s, the engine reads %j', (_name, activity, mentioned, text) => {
  expect(mentionsBot(activity)).toBe(mentioned);
  expect(textForBot(activity)).toBe(text);
});

test('reading the text leaves the activity as it was', () => {
  const activity = message('<at>Interview Link Help</at> register for tickets', [mention(BOT)]);
  textForBot(activity);
  expect(activity.text).toBe('<at>Interview Link Help</at> register for tickets');
});
