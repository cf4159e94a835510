import type { DeviceProfile } from '../device';
import type { CandidateInput, Reply } from '../engine/types';
import type { Logger } from '../log';
import type { ConversationReferences } from './references';
import type { DeviceProfiles } from './deviceProfiles';
import type { TurnRunner } from './turns';
import type { TurnOrigin } from './turnOrigin';

/** Channels whose page is ours and runs the camera check itself when asked (src/web). */
const CHECKS_IN_PAGE = new Set(['webchat', 'directline']);

export interface TurnHandlerOptions {
  turns: TurnRunner;
  devices: DeviceProfiles;
  references: ConversationReferences;
  /** How the camera and microphone check reaches a candidate whose chat can't run it (Teams). */
  deviceCheck: { linkFor(conversationKey: string): string; text: string };
  log: Logger;
  /** Told of each candidate input's turn and how long it took, failed or not (metrics). */
  onTurn?: (turn: { input: CandidateInput['kind']; seconds: number }) => void;
}

export interface HandledTurn {
  /** Ready to send, placeholders filled. */
  replies: Reply[];
  /** The candidate's page should run the camera and microphone check now. */
  runCheckInPage: boolean;
}

/**
 * One turn, start to finish: what the channel says of the device is merged first, then the
 * engine's step runs, its effects are performed and the state is saved (in that order, see
 * turns.ts), and the replies come back ready to send. Every entry point — a chat message, a
 * device check finished through its link — comes through here.
 */
export function createTurnHandler({ turns, devices, references, deviceCheck, log, onTurn }: TurnHandlerOptions) {
  return async function handleTurn(origin: TurnOrigin, input: CandidateInput | undefined, device?: DeviceProfile): Promise<HandledTurn> {
    const { key } = origin;
    const facts = device && (await devices.remember(key, device));
    if (facts && input?.kind === 'start') input = { ...input, device: facts };
    else if (facts) await turns.run(origin, { kind: 'device', device: facts });
    if (!input) return { replies: [], runCheckInPage: false };

    const started = performance.now();
    const outcome = await turns.run(origin, input).finally(() => onTurn?.({ input: input.kind, seconds: (performance.now() - started) / 1000 }));
    log.debug({ channelId: origin.channelId, input: input.kind, state: outcome.state, replies: outcome.replies.length }, 'turn');
    const replies = [...outcome.replies];
    const checkRequested = outcome.effects.some((effect) => effect.type === 'request-device-check');
    const runCheckInPage = checkRequested && CHECKS_IN_PAGE.has(origin.channelId);
    if (checkRequested && !runCheckInPage) {
      // The check opens on whatever device the candidate uses for the interview and answers here.
      await references.remember(key, origin.reference());
      replies.push({ text: deviceCheck.text.replace('{link}', deviceCheck.linkFor(key)) });
    }
    return { replies, runCheckInPage };
  };
}

export type TurnHandler = ReturnType<typeof createTurnHandler>;
