import { ETagConflictError, type KeyValueStore } from './keyValueStore';

const candidateState = { flowVersion: 3, snapshot: { value: 'camera-microphone', context: { attempts: 1 } } };

/**
 * The behaviour every conversation store must have (botbuilder's Storage semantics plus all-or-nothing
 * batches), as tests. Each implementation's test file calls it with a way to open a store on a
 * fresh, shared backing database: two stores it opens see the same data.
 */
export function keyValueStoreContract(open: () => KeyValueStore): void {
  test('reading returns only the conversations that were saved', async () => {
    const store = open();
    await store.write({ saved: candidateState });
    expect(await store.read(['saved', 'never-saved'])).toEqual({ saved: { ...candidateState, eTag: expect.any(String) } });
    expect(await store.read([])).toEqual({});
  });

  test('every save gives the conversation a new eTag, and saving with the eTag just read succeeds', async () => {
    const store = open();
    await store.write({ c: { step: 1 } });
    const first = (await store.read(['c'])).c;
    await store.write({ c: { ...first, step: 2 } });
    const second = (await store.read(['c'])).c;
    expect(second).toEqual({ step: 2, eTag: expect.any(String) });
    expect(second.eTag).not.toBe(first.eTag);
  });

  test('two writers with the same eTag: the second gets a conflict and nothing of its batch is written', async () => {
    const [turnA, turnB] = [open(), open()];
    await turnA.write({ c: { step: 'start' } });
    const seenByA = (await turnA.read(['c'])).c;
    const seenByB = (await turnB.read(['c'])).c;
    expect(seenByB.eTag).toBe(seenByA.eTag);

    await turnA.write({ c: { ...seenByA, step: 'from A' } });
    const conflict = turnB.write({ 'other-conversation': { step: 'from B' }, c: { ...seenByB, step: 'from B' } });
    await expect(conflict).rejects.toBeInstanceOf(ETagConflictError);
    await expect(conflict).rejects.toMatchObject({ key: 'c', message: expect.stringMatching(/re-read.*retry/) });
    expect(await turnB.read(['c', 'other-conversation'])).toEqual({ c: { step: 'from A', eTag: expect.any(String) } });
  });

  test.each([
    ['eTag *', { eTag: '*' }],
    ['no eTag', {}],
    ['an empty eTag', { eTag: '' }],
  ])('a write with %s overwrites', async (_name, eTagField) => {
    const store = open();
    await store.write({ c: { step: 'first' } });
    await store.write({ c: { step: 'second' } }); // the stored eTag has moved on
    await store.write({ c: { step: 'overwritten', ...eTagField } });
    expect((await store.read(['c'])).c.step).toBe('overwritten');
  });

  test('saving a conversation that is not stored succeeds whatever eTag it carries', async () => {
    const store = open();
    await store.write({ c: { step: 'new', eTag: '12345' } });
    expect((await store.read(['c'])).c.step).toBe('new');
  });

  test('deleting a conversation removes it and leaves the others', async () => {
    const store = open();
    await store.write({ gone: candidateState, kept: candidateState });
    await store.delete(['gone', 'never-existed']);
    expect(Object.keys(await store.read(['gone', 'kept']))).toEqual(['kept']);
  });

  test('a writer holding an eTag from before a delete cannot overwrite the conversation saved afterwards', async () => {
    const store = open();
    await store.write({ c: { step: 'old' } });
    const stale = (await store.read(['c'])).c;
    await store.delete(['c']);
    await store.write({ c: { step: 'restarted' } });
    await expect(store.write({ c: { ...stale, step: 'stale' } })).rejects.toBeInstanceOf(ETagConflictError);
    expect((await store.read(['c'])).c.step).toBe('restarted');
  });

  test('a value read and then mutated does not change what is stored', async () => {
    const store = open();
    await store.write({ c: structuredClone(candidateState) });
    const read = (await store.read(['c'])).c;
    read.snapshot.context.attempts = 99;
    read.flowVersion = 0;
    expect(await store.read(['c'])).toEqual({ c: { ...candidateState, eTag: read.eTag } });
  });

  test("writing does not change the caller's object", async () => {
    const store = open();
    const item = { step: 'x', eTag: '*' };
    await store.write({ c: item });
    expect(item).toEqual({ step: 'x', eTag: '*' });
  });
}
