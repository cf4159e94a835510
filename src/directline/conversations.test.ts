import { createConversations, type StoredActivity } from './conversations';

function clock() {
  let at = 1_000_000;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

function message(text: string): Omit<StoredActivity, 'id'> {
  return { type: 'message', text, timestamp: '2026-03-01T10:00:00Z', channelId: 'webchat', conversation: { id: 'x' }, from: { id: 'u', role: 'user' } };
}

describe('the local Direct Line\'s conversations', () => {
  test('activities get ids in order, and a watermark returns only what came after it', () => {
    const conversations = createConversations();
    const { conversation } = conversations.create();
    const first = conversations.append(conversation.id, message('one'))!;
    conversations.append(conversation.id, message('two'));
    expect(first.id).toBe(`${conversation.id}|0000001`);

    const all = conversations.after(conversation.id, '');
    expect(all.activities.map((a) => a.text)).toEqual(['one', 'two']);
    expect(all.watermark).toBe('2');
    conversations.append(conversation.id, message('three'));
    expect(conversations.after(conversation.id, all.watermark).activities.map((a) => a.text)).toEqual(['three']);
    expect(conversations.after(conversation.id, '3').activities).toEqual([]);
  });

  test('a long conversation keeps its most recent activities, and watermarks still count from the start', () => {
    const conversations = createConversations({ maxActivities: 3 });
    const { conversation } = conversations.create();
    for (const text of ['1', '2', '3', '4', '5']) conversations.append(conversation.id, message(text));
    expect(conversations.after(conversation.id, undefined).activities.map((a) => a.text)).toEqual(['3', '4', '5']);
    expect(conversations.after(conversation.id, '4').activities.map((a) => a.text)).toEqual(['5']);
    expect(conversations.after(conversation.id, '1').activities.map((a) => a.text)).toEqual(['3', '4', '5']);
  });

  test('a token opens its own conversation and no other', () => {
    const conversations = createConversations();
    const mine = conversations.create();
    const theirs = conversations.create();
    expect(conversations.check(mine.token, mine.conversation.id)).toEqual({ ok: true, conversation: mine.conversation });
    expect(conversations.check(mine.token, theirs.conversation.id)).toMatchObject({ ok: false, status: 403, code: 'WrongConversation' });
    expect(conversations.check(undefined)).toMatchObject({ ok: false, status: 401 });
    expect(conversations.check('made-up')).toMatchObject({ ok: false, status: 403, code: 'BadToken' });
  });

  test('a token expires after its lifetime; a refreshed one keeps working', () => {
    const time = clock();
    const conversations = createConversations({ tokenMs: 1000, now: time.now });
    const { conversation, token } = conversations.create();
    time.advance(600);
    const refreshed = conversations.newToken(conversation);
    time.advance(400);
    expect(conversations.check(token)).toMatchObject({ ok: false, code: 'TokenExpired' });
    expect(conversations.check(refreshed)).toMatchObject({ ok: true });
  });

  test('an idle conversation is forgotten, its tokens stop working and its streams are told', () => {
    const time = clock();
    const conversations = createConversations({ idleMs: 1000, tokenMs: 10_000, now: time.now });
    const idle = conversations.create();
    const busy = conversations.create();
    const ended = jest.fn();
    conversations.listen(idle.conversation.id, { activity: () => undefined, ended });
    time.advance(800);
    conversations.append(busy.conversation.id, message('still here'));
    time.advance(400);
    expect(conversations.sweep()).toBe(1);
    expect(ended).toHaveBeenCalled();
    expect(conversations.check(idle.token)).toMatchObject({ ok: false, code: 'BadToken' });
    expect(conversations.check(busy.token)).toMatchObject({ ok: true });
  });

  test('at the cap, starting a conversation forgets the idlest one', () => {
    const time = clock();
    const conversations = createConversations({ maxConversations: 2, now: time.now });
    const a = conversations.create();
    time.advance(10);
    const b = conversations.create();
    time.advance(10);
    conversations.append(a.conversation.id, message('a is busy'));
    conversations.create();
    expect(conversations.size).toBe(2);
    expect(conversations.get(b.conversation.id)).toBeUndefined();
    expect(conversations.get(a.conversation.id)).toBeDefined();
  });

  test('listeners hear each new activity with its watermark until they unsubscribe', () => {
    const conversations = createConversations();
    const { conversation } = conversations.create();
    const heard: string[] = [];
    const stop = conversations.listen(conversation.id, { activity: (a, watermark) => heard.push(`${a.text}@${watermark}`), ended: () => undefined });
    conversations.append(conversation.id, message('one'));
    stop();
    conversations.append(conversation.id, message('two'));
    expect(heard).toEqual(['one@1']);
  });
});
