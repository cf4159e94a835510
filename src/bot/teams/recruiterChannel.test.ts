import type { Activity } from 'botbuilder';
import { recruiterChannel } from './recruiterChannel';

const CHANNEL = '19:ab12@thread.tacv2';

function from(channelId: string, conversation: Record<string, unknown>, channelData?: unknown) {
  return {
    type: 'message',
    id: '1700000000001',
    channelId,
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:1recruiter', name: 'Recruiter' },
    recipient: { id: '28:bot', name: 'Bot' },
    conversation,
    channelData,
  } as unknown as Activity;
}

test('a Teams channel thread registers the channel itself, so cards start new posts there', () => {
  const channel = recruiterChannel(from('msteams', { id: `${CHANNEL};messageid=1700000000001`, conversationType: 'channel' }, { channel: { id: CHANNEL } }));
  expect(channel?.key).toBe(`conversation/msteams/${CHANNEL}`);
  expect(channel?.reference.conversation?.id).toBe(CHANNEL);
  expect(channel?.reference.activityId).toBeUndefined();
  expect(channel?.reference.serviceUrl).toBe('https://smba.trafficmanager.net/emea/');
});

test.each<[string, Activity, string | undefined]>([
  ['a Teams group chat registers as it is', from('msteams', { id: '19:chat@thread.v2', conversationType: 'groupChat' }), 'conversation/msteams/19:chat@thread.v2'],
  ['the Emulator cannot: anyone can type there, so an operator registers it', from('emulator', { id: 'recruiters' }), undefined],
  ["a Teams personal chat is a candidate's and cannot", from('msteams', { id: 'a:1candidate', conversationType: 'personal' }), undefined],
  ["a Web Chat conversation is a candidate's and cannot", from('webchat', { id: 'abc' }), undefined],
])('%s', (_name, activity, key) => {
  expect(recruiterChannel(activity)?.key).toBe(key);
});
