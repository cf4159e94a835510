import type { DeviceFacts } from '../device';
import type { CheckOutcome, ConversationContext } from '../flow/context';
import type { FlowStateValue } from '../flow/position';
import type { SentForm } from '../flow/formActions';
import type { DeviceCheckResult } from '../device/checkResult';
import type { Details } from './understanding';
import type { Diagnosis } from '../links';

/** The interview link the candidate pasted, as the link doctor read it (src/links/): cleaned, unwrapped, judged. */
export type PastedLink = Diagnosis & { url: string };

/** What is saved per conversation between turns. Small and JSON-only: it is written every turn. */
export interface SavedConversation {
  /** Fingerprint of the flow this snapshot was taken with (see CompiledFlow.version). */
  flowVersion: string;
  /** The XState persisted snapshot: where the candidate is in the tree (the form included), and its context. */
  snapshot: PersistedSnapshot;
  /** Messages in a row the bot could not place; after two it offers the full menu and a recruiter. */
  misses: number;
  /** What the candidate said about themselves so far: the form asks only for what is missing. */
  details?: Details;
  /** The last reply offered to pass a question to the recruiter: "yes please" takes it up. */
  offeredRecruiter?: boolean;
  /** A second problem the candidate named in the same message, taken up once the first is solved. */
  laterTopic?: string;
  /** This conversation opened a ticket: its later messages may be about it, so the turn runner looks it up. */
  openedTicket?: boolean;
  /** The ticket the last reply offered to mark resolved: a typed "yes" or "no" answers it. */
  offeredToResolve?: string;
  /** Whether the welcome was sent, so a reconnecting page or a second join event doesn't repeat it. */
  welcomed: boolean;
  /** The language the bot answers in (flows/locales/<language>/); absent in conversations saved before there were others. */
  language?: string;
  /** The candidate was told which languages the bot speaks (once: they wrote in another one). */
  toldLanguages?: boolean;
  /**
   * The satisfaction question: `asked` (its answer is awaited), `rated` (a comment may follow), `done`
   * (answered, skipped or let go). Absent: not asked yet; it is asked once per conversation.
   */
  csat?: 'asked' | 'rated' | 'done';
  /** The last interview link the candidate pasted, with what was found: for the ticket, and so advice stops asking for it. */
  link?: PastedLink;
}

export interface PersistedSnapshot {
  value: FlowStateValue;
  context: ConversationContext;
  [key: string]: unknown;
}

/** What the candidate did this turn, already stripped of channel details by the bot layer. */
export type CandidateInput =
  | { kind: 'start'; device?: DeviceFacts }
  /** `link`: the link in the text, read before the turn (the engine does no I/O; a live check may have asked the platform). */
  | { kind: 'text'; text: string; link?: Diagnosis }
  /** A clicked button or card submit; `id` is the choice's id as rendered in a Reply. */
  | { kind: 'choice'; id: string }
  | { kind: 'device'; device: DeviceFacts }
  /** The result of the camera and microphone check the page (or the check link) ran. */
  | { kind: 'device-check'; result: DeviceCheckResult };

/** A channel-neutral message: the bot layer renders it as text with suggested actions or a card. */
export interface Reply {
  text: string;
  choices?: ReplyChoice[];
}

export interface ReplyChoice {
  id: string;
  label: string;
}

/** Something the outside world must do because of this turn. Data only; the bot layer performs it. */
export type Effect =
  | { type: 'escalate' | 'resolve'; topic: string | null; path: string[] }
  /** Run the camera and microphone check where the candidate's browser is. */
  | { type: 'request-device-check'; topic: string | null; path: string[] }
  /**
   * `topic` is the problem the candidate came with, not "contact-recruiter"; `check`, what the last
   * camera and microphone check found, if one ran; `link`, the interview link the candidate pasted; the rest is the form's answers.
   */
  | ({ type: 'open-ticket'; topic: string; path: string[]; check?: CheckOutcome; link?: PastedLink } & SentForm)
  | { type: 'restarted'; reason: 'flow-updated' }
  /** The candidate's message about their open ticket, as the transcript keeps it (personal data masked): for the recruiter. */
  | { type: 'ticket-reply'; ticketId: string; text: string }
  /** The candidate says it works now and chose to mark the ticket resolved. */
  | { type: 'resolve-ticket'; ticketId: string }
  /** The answer to the satisfaction question, 1 to 5. */
  | { type: 'csat'; score: number }
  /** What the candidate added after their score, as typed: for the insights, masked there. */
  | { type: 'csat-comment'; text: string };

/** The conversation's ticket still being worked on, looked up before the turn (the engine does no I/O). */
export interface OpenTicket {
  id: string;
  /** The problem it was opened for: the same problem named again is news for the recruiter, not a new guide topic. */
  topic: string;
}

export interface TurnDecision {
  state: SavedConversation;
  replies: Reply[];
  effects: Effect[];
}
