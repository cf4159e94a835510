import { performance } from 'node:perf_hooks';
import { loadFlows } from '../../src/flow';
import { createLanguageIdentification, createUnderstanding } from '../../src/engine/trainedUnderstanding';
import type { Engine } from '../../src/engine/decideTurn';
import { decideTurnInLanguage, type Engines } from '../../src/engine/decideTurnInLanguage';
import type { CandidateInput, SavedConversation } from '../../src/engine/types';
import { mergeDeviceSources, parseWebChatJoin, toFacts } from '../../src/device';
import { FLOWS_DIR } from '../processes';
import type { Plan } from '../plans';
import { pickFrom, seededRandom } from '../random';
import { median, round, summarize } from '../stats';
import { FIRST_MESSAGES, PREFIXES, SUFFIXES } from '../utterances';
import { roundAll } from '../loadResult';

/**
 * The engines as the server builds them (src/app.ts), every language trained here at once, and how
 * long that took; `engine` is English's, for classification timings.
 */
export function buildEngine(): { engine: Engine; engines: Engines; ms: number } {
  const started = performance.now();
  const flows = loadFlows(FLOWS_DIR);
  const engines: Engines = {
    byLanguage: new Map([...flows.byLanguage].map(([code, flow]) => [code, { flow, understanding: createUnderstanding(flow, code) }])),
    languages: flows.languages,
    identify: createLanguageIdentification(flows.byLanguage),
  };
  return { engine: engines.byLanguage.get('en')!, engines, ms: round(performance.now() - started) };
}

/**
 * Each utterance as written, dressed up ("hi, … please help") and with a typo, classified
 * `repetitions` times after one untimed pass. An utterance's cost is its median over the
 * repetitions, so a GC pause or another process taking the core lands in `allCalls`, not in what
 * one utterance costs; p99 over utterances is then the slowest kind of message.
 */
export function timeClassification(engine: Engine, repetitions: number) {
  const random = seededRandom(11);
  const lines = Object.values(FIRST_MESSAGES).flatMap((group) =>
    group.flatMap((line) => [line, `${pickFrom(random, PREFIXES)}${line}${pickFrom(random, SUFFIXES)}`, withTypo(line, random)]),
  );
  for (const line of lines) engine.understanding.classify(line);
  const times = lines.map(() => [] as number[]);
  for (let r = 0; r < repetitions; r++) {
    lines.forEach((line, i) => {
      const started = performance.now();
      engine.understanding.classify(line);
      times[i]!.push(performance.now() - started);
    });
  }
  return {
    utterances: lines.length,
    calls: lines.length * repetitions,
    ms: roundAll(summarize(times.map(median))),
    allCallsMs: roundAll(summarize(times.flat())),
  };
}

/** The pure engine (its language chosen, then decideTurn) alone, replaying planned conversations: the bot's own work per turn, without HTTP or storage. */
export function timeEngineStep(engines: Engines, plans: readonly Plan[]) {
  const times: number[] = [];
  for (const pass of [0, 1]) {
    for (const plan of plans) {
      let saved: SavedConversation | undefined;
      const locale = plan.locale;
      for (const turn of plan.turns) {
        const input = toInput(turn.send);
        const started = performance.now();
        const result = decideTurnInLanguage(engines, saved, input, { locale });
        if (pass === 1) times.push(performance.now() - started);
        saved = JSON.parse(JSON.stringify(result.state)) as SavedConversation;
      }
    }
  }
  return { turns: times.length, ms: roundAll(summarize(times)) };
}

function toInput(send: Plan['turns'][number]['send']): CandidateInput {
  if (send.type === 'message') return { kind: 'text', text: send.text };
  const merged = mergeDeviceSources(parseWebChatJoin(send.value));
  return { kind: 'start', ...(merged && { device: toFacts(merged) }) };
}

/** Swaps two neighbouring letters in one longer word, as fast typists do. */
function withTypo(line: string, random: () => number): string {
  const words = line.split(' ');
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{5,}$/i.test(w));
  if (long.length === 0) return line;
  const [word, index] = pickFrom(random, long);
  const at = 1 + Math.floor(random() * (word.length - 2));
  words[index] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return words.join(' ');
}
