import { loadFlows } from '../flow';
import { decideTurnInLanguage, type Engines } from './decideTurnInLanguage';
import { createLanguageIdentification, createUnderstanding } from './trainedUnderstanding';
import type { CandidateInput, Effect, SavedConversation, TurnDecision } from './types';

/** The satisfaction question as candidates answer it: clicked, typed, in words, ignored, in Spanish. */

const flows = loadFlows('flows');
const engines: Engines = {
  byLanguage: new Map([...flows.byLanguage].map(([code, flow]) => [code, { flow, understanding: createUnderstanding(flow, code) }])),
  languages: flows.languages,
  identify: createLanguageIdentification(flows.byLanguage),
};
const csat = (code = 'en') => flows.byLanguage.get(code)!.guide.csat;

function chat(locale = 'en-US') {
  let saved: SavedConversation | undefined;
  let last: TurnDecision;
  const turn = (input: CandidateInput) => {
    last = decideTurnInLanguage(engines, saved, input, { locale });
    saved = last.state;
    return last.replies.map((reply) => reply.text).join('\n\n');
  };
  return {
    says: (text: string) => turn({ kind: 'text', text }),
    clicks: (id: string) => turn({ kind: 'choice', id }),
    get effects(): Effect[] {
      return last.effects;
    },
    get buttons() {
      return last.replies.at(-1)?.choices?.map((choice) => choice.label) ?? [];
    },
    get state() {
      return saved!;
    },
  };
}

/** A candidate whose problem the advice solved: the question has just been asked. */
function solved(locale = 'en-US', [problem, worked] = ["the page won't load", 'yes that worked']) {
  const candidate = chat(locale);
  candidate.says(problem!);
  candidate.says(worked!);
  return candidate;
}

describe('the satisfaction question', () => {
  it('is asked once the candidate says the advice worked, with buttons 1 to 5 and Skip', () => {
    const candidate = chat();
    candidate.says("the page won't load");
    const said = candidate.says('yes that worked');
    expect(said).toContain(csat().ask);
    expect(candidate.buttons).toEqual(['1', '2', '3', '4', '5', 'Skip']);
  });

  it.each([
    ['a click on 4', (c: ReturnType<typeof chat>) => c.clicks('csat.4'), 4],
    ['"5" typed (Web Chat sends the button\'s label)', (c: ReturnType<typeof chat>) => c.says('5'), 5],
    ['"4/5"', (c: ReturnType<typeof chat>) => c.says('4/5'), 4],
    ['"3 stars"', (c: ReturnType<typeof chat>) => c.says('3 stars'), 3],
    ['"⭐⭐⭐⭐⭐"', (c: ReturnType<typeof chat>) => c.says('⭐⭐⭐⭐⭐'), 5],
    ['"great!"', (c: ReturnType<typeof chat>) => c.says('great!'), 5],
    ['"okay"', (c: ReturnType<typeof chat>) => c.says('okay'), 3],
    ['"not at all"', (c: ReturnType<typeof chat>) => c.says('not at all'), 1],
  ])('%s is a score, thanked, with the menu to carry on', (_, answer, score) => {
    const candidate = solved();
    const said = answer(candidate);
    expect(candidate.effects).toEqual([{ type: 'csat', score }]);
    expect(said).toContain(csat().thanks);
    expect(candidate.buttons).toContain('Something else');
  });

  it.each([
    ['"four"', 'four', [{ type: 'csat', score: 4 }]],
    ['"10/10"', '10/10', [{ type: 'csat', score: 5 }]],
    ['"👍"', '👍', [{ type: 'csat', score: 4 }]],
    ['"thanks, 5"', 'thanks, 5', [{ type: 'csat', score: 5 }]],
    ['"5 stars from me"', '5 stars from me', [{ type: 'csat', score: 5 }]],
    ['"4 - the link checker was nice": a score and its comment', '4 - the link checker was nice', [{ type: 'csat', score: 4 }, { type: 'csat-comment', text: 'the link checker was nice' }]],
    ['"great, it took forever": no score, a comment', 'great, it took forever', [{ type: 'csat-comment', text: 'great, it took forever' }]],
  ])('%s', (_, text, effects) => {
    const candidate = solved();
    candidate.says(text);
    expect(candidate.effects).toEqual(effects);
  });

  it('"0" or "6" asks again with the scale, and no 404 or fallback', () => {
    const candidate = solved();
    expect(candidate.says('0')).toBe(csat().ask);
    expect(candidate.says('6')).toBe(csat().ask);
    candidate.says('3');
    expect(candidate.effects).toEqual([{ type: 'csat', score: 3 }]);
  });

  it('"2 but my camera still doesn\'t work": the score kept, the camera problem answered', () => {
    const candidate = solved();
    candidate.says("2 but my camera still doesn't work");
    expect(candidate.effects).toContainEqual({ type: 'csat', score: 2 });
    expect(candidate.state.snapshot.context.topic).toBe('camera-microphone');
  });

  it.each([
    ['French "quatre sur cinq"', 'fr-FR', ['la page ne charge pas', 'oui ça marche'], 'quatre sur cinq', 4],
    ['German "vier"', 'de-DE', ['die Seite lädt nicht', 'ja, es funktioniert'], 'vier', 4],
    ['Portuguese "nota 4"', 'pt-BR', ['a página não carrega', 'sim, funcionou'], 'nota 4', 4],
  ])('%s is a score', (_, locale, conversation, text, score) => {
    const candidate = solved(locale, conversation as [string, string]);
    candidate.says(text);
    expect(candidate.effects).toEqual([{ type: 'csat', score }]);
  });

  it('after a score, a question goes to the guide, "nope that\'s all" ends it, neither is a comment', () => {
    const asked = solved();
    asked.says('4');
    asked.says('how long does a recruiter take to answer?');
    expect(asked.effects.some((effect) => effect.type === 'csat-comment')).toBe(false);
    const declined = solved();
    declined.says('4');
    expect(declined.says("nope that's all")).toContain(csat().skipped);
    expect(declined.effects).toEqual([]);
  });

  it('the message after a score, if it is no problem the guide knows, is the comment', () => {
    const candidate = solved();
    candidate.says('4');
    const said = candidate.says('the bot was a bit slow to answer on my phone');
    expect(said).toContain(csat().commentThanks);
    expect(candidate.effects).toEqual([{ type: 'csat-comment', text: 'the bot was a bit slow to answer on my phone' }]);
  });

  it('a new problem after a score is the new problem, not a comment', () => {
    const candidate = solved();
    candidate.says('4');
    candidate.says('my camera does not work');
    expect(candidate.state.snapshot.context.topic).toBe('camera-microphone');
    expect(candidate.effects.some((effect) => effect.type === 'csat-comment')).toBe(false);
  });

  it('"skip" lets it go, kindly, and it is never asked again', () => {
    const candidate = solved();
    expect(candidate.says('skip')).toContain(csat().skipped);
    expect(candidate.effects).toEqual([]);
    candidate.says("the page won't load");
    const said = candidate.says('yes that worked');
    expect(candidate.effects).toContainEqual(expect.objectContaining({ type: 'resolve' }));
    expect(said).not.toContain(csat().ask);
  });

  it('a candidate who ignores it and names another problem is answered about that problem', () => {
    const candidate = solved();
    candidate.says('my camera does not work');
    expect(candidate.state.snapshot.context.topic).toBe('camera-microphone');
    expect(candidate.state.csat).toBe('done');
  });

  it('is asked after a ticket is sent, below the ticket number', () => {
    const candidate = chat();
    candidate.says('my link expired');
    candidate.says('yes please pass it on');
    for (const answer of ['Ana Li', 'ana@example.com', 'Designer', 'Acme']) candidate.says(answer);
    candidate.clicks('form.type.computer');
    candidate.clicks('form.browser.chrome');
    const said = candidate.clicks('form.send');
    expect(said).toMatch(/\{ticketId\}[\s\S]*One quick question/);
  });

  it('is not asked while a second problem named in the first message is still to come', () => {
    const candidate = chat();
    candidate.says("the page won't load and my camera doesn't work");
    const said = candidate.says('yes that worked');
    expect(said).not.toContain(csat().ask);
  });

  it('in Spanish: asked in Spanish, "excelente" is a 5', () => {
    const candidate = solved('es-ES', ['la página no carga', 'sí, funcionó']);
    expect(candidate.buttons.at(-1)).toBe(csat('es').skip);
    candidate.says('excelente');
    expect(candidate.effects).toEqual([{ type: 'csat', score: 5 }]);
  });
});
