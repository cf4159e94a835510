import { aDraft, type manualClock } from '../fixtures/drafts';
import type { TicketStore } from '../ticketStore';

const DAY = 24 * 3600 * 1000;

/**
 * A ticket's status, history and remembered requests, as every ticket store must keep them. Each
 * store's test file calls it with a way to open a store on a fresh database and the clock it uses;
 * two stores it opens see the same data.
 */
export function ticketLifecycleContract(open: () => TicketStore, clock: ReturnType<typeof manualClock>): void {
  test('a new ticket is open, and its history starts with the bot creating it', async () => {
    const { ticket } = await open().openTicket(aDraft(), ['webhook']);
    expect(await open().lifecycle(ticket.id)).toEqual({ status: 'open', history: [{ at: ticket.createdAt, by: 'bot', type: 'created' }] });
    expect((await open().list())[0]).toMatchObject({ id: ticket.id, status: 'open' });
    expect(await open().lifecycle('CS-999999')).toBeUndefined();
  });

  test('a recruiter\'s reply and a status change read back in order, with the status they set', async () => {
    const store = open();
    const { ticket } = await store.openTicket(aDraft(), []);
    clock.advance(60_000);
    const replied = clock.now().toISOString();
    await store.changeLifecycle(ticket.id, {
      events: [
        { at: replied, by: 'Sam Recruiter', type: 'recruiter-reply', text: 'Here is a new link: https://example.com/i/2', delivered: ['email'] },
        { at: replied, by: 'bot', type: 'delivery-failed', route: 'chat', text: 'the chat is gone (HTTP 404)' },
      ],
      status: 'waiting-on-candidate',
    });
    clock.advance(60_000);
    const after = await store.changeLifecycle(ticket.id, { events: [{ at: clock.now().toISOString(), by: 'Sam Recruiter', type: 'status-changed', status: 'resolved', text: 'new link worked' }], status: 'resolved' });

    expect(after).toEqual(await open().lifecycle(ticket.id));
    expect(after?.status).toBe('resolved');
    expect(after?.history.map((e) => [e.type, e.by])).toEqual([
      ['created', 'bot'],
      ['recruiter-reply', 'Sam Recruiter'],
      ['delivery-failed', 'bot'],
      ['status-changed', 'Sam Recruiter'],
    ]);
    expect(after?.history[1]).toEqual({ at: replied, by: 'Sam Recruiter', type: 'recruiter-reply', text: 'Here is a new link: https://example.com/i/2', delivered: ['email'] });
  });

  test("a candidate's conversation knows its newest ticket until it is resolved or closed", async () => {
    const store = open();
    const conversation = aDraft().conversationKey;
    expect(await store.activeTicket(conversation)).toBeUndefined();
    const { ticket: first } = await store.openTicket(aDraft({ topic: 'link-expired' }), []);
    const { ticket: second } = await store.openTicket(aDraft({ topic: 'link-not-found' }), []);
    expect(await open().activeTicket(conversation)).toEqual({ id: second.id, topic: 'link-not-found', status: 'open' });
    await store.changeLifecycle(second.id, { events: [], status: 'resolved' });
    expect(await open().activeTicket(conversation)).toEqual({ id: first.id, topic: 'link-expired', status: 'open' });
    await store.changeLifecycle(first.id, { events: [], status: 'closed' });
    expect(await open().activeTicket(conversation)).toBeUndefined();
    expect(await open().activeTicket('conversation/webchat/someone-else')).toBeUndefined();
  });

  test('changing a ticket that does not exist saves nothing', async () => {
    const store = open();
    expect(await store.changeLifecycle('CS-999999', { events: [{ at: clock.now().toISOString(), by: 'x', type: 'assigned' }], status: 'closed' })).toBeUndefined();
    expect(await store.lifecycle('CS-999999')).toBeUndefined();
  });

  test('an Idempotency-Key is claimed once, answered with what was stored, and refused for a different request', async () => {
    const store = open();
    const { ticket } = await store.openTicket(aDraft(), []);
    expect(await store.claimRequest(ticket.id, 'key-1', 'reply:abc', 60_000)).toEqual({ state: 'claimed' });
    expect(await open().claimRequest(ticket.id, 'key-1', 'reply:abc', 60_000)).toEqual({ state: 'in-flight' });
    expect(await store.claimRequest(ticket.id, 'key-1', 'reply:other', 60_000)).toEqual({ state: 'mismatch' });

    const response = { status: 202, body: { delivered: ['chat'], failed: [] } };
    await store.changeLifecycle(ticket.id, { events: [], status: 'waiting-on-candidate', answer: { key: 'key-1', response } });
    expect(await open().claimRequest(ticket.id, 'key-1', 'reply:abc', 60_000)).toEqual({ state: 'answered', response });
    // Keys belong to their ticket: another ticket may use the same one.
    const other = (await store.openTicket(aDraft({ conversationKey: 'other' }), [])).ticket;
    expect(await store.claimRequest(other.id, 'key-1', 'reply:abc', 60_000)).toEqual({ state: 'claimed' });
  });

  test('a claim whose holder never answered (it crashed) can be taken again once it expires', async () => {
    const store = open();
    const { ticket } = await store.openTicket(aDraft(), []);
    await store.claimRequest(ticket.id, 'key-2', 'status:x', 60_000);
    clock.advance(59_000);
    expect(await store.claimRequest(ticket.id, 'key-2', 'status:x', 60_000)).toEqual({ state: 'in-flight' });
    clock.advance(2_000);
    expect(await store.claimRequest(ticket.id, 'key-2', 'status:x', 60_000)).toEqual({ state: 'claimed' });
  });

  test('retention deletes a ticket\'s history and remembered requests with it', async () => {
    const store = open();
    const old = (await store.openTicket(aDraft({ conversationKey: 'old' }), [])).ticket;
    await store.claimRequest(old.id, 'key-old', 'reply:old', 60_000);
    await store.changeLifecycle(old.id, { events: [{ at: clock.now().toISOString(), by: 'Sam', type: 'recruiter-reply', text: 'hello' }], answer: { key: 'key-old', response: { status: 202, body: {} } } });
    clock.advance(100 * DAY);
    const recent = (await store.openTicket(aDraft({ conversationKey: 'recent' }), [])).ticket;
    await store.purgeOlderThan(new Date(clock.ms() - 90 * DAY));
    expect(await store.lifecycle(old.id)).toBeUndefined();
    expect((await store.lifecycle(recent.id))?.history).toHaveLength(1);
  });
}
