import { loadFlows } from '../flow';
import { decideTurnInLanguage, type Engines } from '../engine/decideTurnInLanguage';
import { createLanguageIdentification, createUnderstanding } from '../engine/trainedUnderstanding';
import type { CandidateInput, SavedConversation } from '../engine/types';
import type { InsightFact } from './event';
import { entered, masked, turnEvents } from './turnEvents';

const flows = loadFlows('flows');
const flow = flows.english;
const engines: Engines = {
  byLanguage: new Map([...flows.byLanguage].map(([code, localized]) => [code, { flow: localized, understanding: createUnderstanding(localized, code) }])),
  languages: flows.languages,
  identify: createLanguageIdentification(flows.byLanguage),
};

/** A conversation whose every turn is turned into insight facts, as the turn runner will. */
function conversation() {
  let saved: SavedConversation | undefined;
  const turn = (input: CandidateInput): InsightFact[] => {
    const result = decideTurnInLanguage(engines, saved, input, { locale: 'en-US' });
    const facts = turnEvents(flow, saved, result.state, input, result.effects);
    saved = result.state;
    return facts;
  };
  return { turn, says: (text: string) => turn({ kind: 'text', text }), clicks: (id: string) => turn({ kind: 'choice', id }) };
}

describe('what the insights learn from a turn', () => {
  it('opening the chat is a turn and nothing more: a session that stops there is unengaged', () => {
    expect(conversation().turn({ kind: 'start' })).toEqual([{ kind: 'turn' }]);
  });

  it('naming a problem enters its first advice, which asks "did that help?"', () => {
    const chat = conversation();
    chat.turn({ kind: 'start' });
    expect(chat.says("the page won't load")).toEqual([{ kind: 'turn' }, { kind: 'entered', node: 'page-wont-load/check-link', topic: 'page-wont-load', asksHelped: true }]);
  });

  it('"yes, that worked" is a confirmed resolution', () => {
    const chat = conversation();
    chat.says("the page won't load");
    expect(chat.says('yes that worked')).toContainEqual({ kind: 'resolved' });
  });

  it('advice that is to contact the recruiter asks no "did that help?"', () => {
    const chat = conversation();
    expect(chat.says('my link expired')).toContainEqual({ kind: 'entered', node: 'link-expired/ask-fresh-link', topic: 'link-expired', asksHelped: false });
  });

  it('"I\'ll write to them myself" is an escalation by the candidate', () => {
    const chat = conversation();
    chat.says('my link expired');
    expect(chat.says("no, I'll write to them myself")).toContainEqual({ kind: 'escalated', how: 'self' });
  });

  it('a message the bot cannot place is the fallback, kept with personal data masked', () => {
    const chat = conversation();
    const facts = chat.says('my cousin jane.doe@example.com says call 0770 090 0123 about https://example.com/x?id=1');
    expect(facts).toContainEqual({ kind: 'fallback', text: 'my cousin [email] says call [number] about [link]' });
  });

  it('a device report is not a turn of the candidate\'s', () => {
    expect(conversation().turn({ kind: 'device', device: { source: 'webchat' } })).toEqual([]);
  });
});

describe('the nodes a turn entered', () => {
  it.each([
    ['the first step', [], ['a'], ['a']],
    ['one more step', ['a', 'b'], ['a', 'b', 'c'], ['c']],
    ['the same step again ("still stuck" loops back)', ['a', 'b'], ['a', 'b', 'b'], ['b']],
    ['two steps in one message', ['a'], ['a', 'b', 'c'], ['b', 'c']],
    ['nothing new', ['a', 'b'], ['a', 'b'], []],
    ['after "start over" emptied the path', ['a', 'b'], ['c'], ['c']],
    ['the last 40 kept, the oldest dropped', ['a', 'b', 'c'], ['b', 'c', 'd'], ['d']],
  ])('%s', (_, before, after, expected) => {
    expect(entered(before, after)).toEqual(expected);
  });
});

test('a long unrecognised message is clipped', () => {
  expect(masked('x'.repeat(300))).toHaveLength(200);
});
