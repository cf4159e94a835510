import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FlowError, loadFlows, type CompiledFlow } from '../src/flow';
import { parseLabelledTsv } from '../src/understanding/evaluate';
import { createLanguageIdentification, createUnderstanding } from '../src/engine/trainedUnderstanding';

const flows = loadFlows('flows');
const translated = flows.languages.filter((l) => l.code !== 'en').map((l) => l.code);

/** What candidates may type: each language's own phrases, not translations of the English ones. */
const PHRASES = new Set(['keywords', 'synonyms', 'cues', 'words', 'commands', 'cancelWords', 'sendWords', 'changeWords', 'stayWords', 'followUp', 'delete']);

/** Every candidate-facing text of two flows, side by side. */
function textPairs(english: CompiledFlow, other: CompiledFlow): [string, string][] {
  const pairs: [string, string][] = [];
  const walk = (a: unknown, b: unknown) => {
    if (typeof a === 'string' && typeof b === 'string') pairs.push([a, b]);
    else if (Array.isArray(a) && Array.isArray(b)) a.forEach((item, i) => walk(item, b[i]));
    else if (a && b && typeof a === 'object' && typeof b === 'object') {
      for (const key of Object.keys(a)) if (!PHRASES.has(key) && key !== 'id' && key !== 'next') walk((a as never)[key], (b as never)[key]);
    }
  };
  // Recruiter wording and the unsupported-language reply stay English on purpose.
  const { recruiters: _r, languages, ...guide } = english.guide;
  walk({ ...guide, languages: { changed: languages.changed } }, other.guide);
  for (const [id, topic] of english.topics) {
    for (const [nodeId, node] of Object.entries(topic.nodes)) {
      if (node.type === 'advice') walk({ say: node.say, steps: node.steps }, other.topics.get(id)!.nodes[nodeId]);
      else walk(node, other.topics.get(id)!.nodes[nodeId]);
    }
  }
  return pairs.filter(([a]) => /\p{L}{3,}.*\s.*\p{L}{3,}/u.test(a) && !/^[a-z-]+$/.test(a));
}

describe('the guide in every language the bot speaks', () => {
  test('English, Spanish, French, German and Brazilian Portuguese load, with no text missing in any', () => {
    expect(flows.languages.map((l) => l.code)).toEqual(['en', 'de', 'es', 'fr', 'pt-BR']);
    expect(flows.gaps).toEqual([]);
  });

  test.each(translated)('%s: the candidate reads the guide in it, not in English', (code) => {
    const pairs = textPairs(flows.english, flows.byLanguage.get(code)!);
    const untranslated = pairs.filter(([en, other]) => en === other && !/^(Chrome|Safari|Edge|Firefox|Samsung Internet|OK\.?)$/.test(en));
    expect(pairs.length).toBeGreaterThan(200);
    expect(untranslated).toEqual([]);
  });

  /** A whole word (JavaScript's \b doesn't know "ê" is a letter: "êtes" would hold "tes"). */
  const word = (words: string) => new RegExp(`(?<!\\p{L})(${words})(?!\\p{L})`, 'iu');
  const INFORMAL: Record<string, RegExp> = {
    es: word('tú|tienes|puedes|quieres|haz clic|tu enlace|tus'),
    fr: word("tu|toi|ton|tes|t'as"),
    de: word('du|dein|deine|dich|dir|kannst|willst'),
    'pt-BR': word('tu|teu|tua|podes|queres'),
  };
  test.each(translated)('%s: the candidate is addressed formally (usted, vous, Sie, você)', (code) => {
    const informal = textPairs(flows.english, flows.byLanguage.get(code)!).map(([, text]) => text).filter((text) => INFORMAL[code]!.test(text));
    expect(informal).toEqual([]);
  });

  test.each(translated)('%s: "Resume" and "Start New" keep the words on the candidate\'s screen', (code) => {
    const say = flows.byLanguage.get(code)!.topics.get('resume-or-start-new')!.nodes['which-case']!;
    expect(say.type === 'question' && say.say).toMatch(/\*\*Resume\*\*.*\*\*Start New\*\*/s);
  });

  test.each(translated)('%s: the classifier has its own examples, and held-out test messages exist apart from them', (code) => {
    const understanding = flows.byLanguage.get(code)!.understanding;
    expect(understanding).not.toBe(flows.english.understanding);
    for (const id of flows.english.topics.keys()) expect(understanding.topics[id]?.length ?? 0).toBeGreaterThanOrEqual(20);
    expect(understanding.outOfScope.length).toBeGreaterThanOrEqual(30);
    const test = parseLabelledTsv(readFileSync(join('test', 'languages', `${code}.tsv`), 'utf8'));
    expect(test.length).toBeGreaterThanOrEqual(25);
    expect(test.filter((row) => row.topic === 'none').length).toBeGreaterThanOrEqual(10);
    const examples = new Set([...Object.values(understanding.topics).flat(), ...understanding.outOfScope].map((t) => t.toLowerCase()));
    expect(test.filter((row) => examples.has(row.text.toLowerCase()))).toEqual([]);
  });
});

describe('a translation with mistakes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'flows-'));
    cpSync('flows', dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('stops start-up with every problem listed: a key English has not, a placeholder that differs, a label too long', () => {
    const file = join(dir, 'locales', 'es', 'guide.yaml');
    const text = readFileSync(file, 'utf8')
      .replace(/^welcome: .*$/m, 'welcome: ¡Hola!\nwelcom: typo')
      .replace(/^(  forwarded: ).*$/m, '$1"Sobre el ticket {ticket}: {passedOn}"')
      .replace(/^(  restart: )Volver a empezar$/m, '$1Volver a empezar desde el principio de todo, por favor');
    writeFileSync(file, text);
    let error: unknown;
    try {
      loadFlows(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FlowError);
    const message = (error as FlowError).message;
    expect(message).toMatch(/locales\/es\/guide\.yaml:\d+ {2}welcom: not in the English file/);
    expect(message).toMatch(/ticket\.forwarded: placeholders differ from English: English has \{passedOn\} \{ticketId\}, this has \{passedOn\} \{ticket\}/);
    expect(message).toMatch(/labels\.restart: once translated: .*40/);
  });

  test('shows English where a text is missing, and says which', () => {
    const file = join(dir, 'locales', 'fr', 'guide.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^resolved: .*$/m, ''));
    const loaded = loadFlows(dir);
    expect(loaded.gaps).toEqual([{ language: 'fr', file: expect.stringContaining('locales/fr/guide.yaml'), at: 'resolved' }]);
    expect(loaded.byLanguage.get('fr')!.guide.resolved).toBe(loaded.english.guide.resolved);
  });
});

describe('a language added later', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'flows-'));
    cpSync('flows', dir, { recursive: true });
    // Stands in for a translator's Italian folder: the files are what matters, not the words.
    cpSync(join(dir, 'locales', 'es'), join(dir, 'locales', 'it'), { recursive: true });
    writeFileSync(join(dir, 'locales', 'it', 'locale.yaml'), 'name: Italiano\nenglish: Italian\nswitch: [in italiano, italiano per favore]\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('is a folder of files: it loads, its classifier trains from its own examples, and messages are told from it', () => {
    const loaded = loadFlows(dir);
    expect(loaded.languages.map((l) => l.code)).toContain('it');
    const italian = loaded.byLanguage.get('it')!;
    expect(italian.language).toBe('it');
    const understanding = createUnderstanding(italian, 'it');
    expect(understanding.classify('el enlace de la entrevista ha caducado').topic).toBe('link-expired');
    const identify = createLanguageIdentification(loaded.byLanguage);
    expect(identify('hello, my camera is not working at all', 'it').language).toBe('en');
  });
});
