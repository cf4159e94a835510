import type { CompiledFlow } from '../flow';
import { topicEvent } from '../flow/events';
import { positionOf } from '../flow/position';
import { MENU } from '../flow/targets';
import { withoutLinks, type Diagnosis, type Finding } from '../links';
import { decideTurn, type Engine } from './decideTurn';
import { menuReply, renderState } from './render';
import type { CandidateInput, OpenTicket, PastedLink, Reply, SavedConversation, TurnDecision } from './types';

/** The topic a link the platform no longer knows belongs to, and the one for a link that opens fine from here. */
const LINK_GONE_TOPIC = 'link-not-found';
const PAGE_WONT_LOAD_TOPIC = 'page-wont-load';
/** How surely the words around a link only present it ("here's my link"): the whole of them, give or take a typo. */
const PRESENTING_CONFIDENCE = 0.8;
/** Where a wrapped link that "expired" points at a scanner that opened a single-use link first. */
const EXPIRED_TOPIC = 'link-expired';

/**
 * A turn that may carry the candidate's interview link, pure. The link was read before the turn
 * (`input.link`: cleaned, unwrapped, judged, maybe checked live, src/links/); here the bot says what
 * it found, first, then answers the rest of the message as usual ("404 again <link>" is "404 again").
 * A link on its own leads where the live check points (gone: the 404 advice; works: the page-won't-load
 * steps), else back to the question the candidate was at, or "what happens when you open it?".
 * The link is remembered for the ticket; advice about the link invites one until it is pasted.
 */
export function decideTurnWithLink(engine: Engine, saved: SavedConversation | undefined, input: CandidateInput, ticket?: OpenTicket): TurnDecision {
  const { flow } = engine;
  const pasted = input.kind === 'text' && input.link?.url ? (input.link as PastedLink) : undefined;
  if (!pasted) return remembered(flow, saved, decideTurn(engine, saved, input, ticket), saved?.link);

  let link = pasted;
  const inForm = saved !== undefined && positionOf(saved.snapshot.value).part !== undefined;
  // Inside the form the message answers its question, link and all; only a warning is said before it.
  if (inForm) {
    const result = decideTurn(engine, saved, input, ticket);
    const warning = hostWarning(flow, link);
    return remembered(flow, saved, { ...result, replies: [...(warning ? [{ text: warning }] : []), ...result.replies] }, link);
  }
  const rest = withoutLinks(input.kind === 'text' ? input.text : '');
  // "Here is my link:" only presents it; "404 again" says something of its own.
  const presented = !/\p{L}{2}/u.test(rest) || (engine.understanding.matchPhrase(rest, [{ id: 'link', phrases: flow.guide.link.presenting }])?.confidence ?? 0) >= PRESENTING_CONFIDENCE;
  // A message about the open ticket goes to the recruiter whole: the link is what they need.
  const said = !presented || ticket ? decideTurn(engine, saved, ticket ? input : { kind: 'text', text: rest }, ticket) : undefined;
  const placed = said && said.state.misses <= (saved?.misses ?? 0) ? said : undefined;
  const result = placed ?? onItsOwn(engine, saved, link);
  link = withScanner(link, result.state);
  return remembered(flow, saved, { ...result, replies: [{ text: linkSays(flow, link) }, ...result.replies] }, link, true);
}

/** A link and nothing the bot can place around it: where the live check points, else back where the candidate was. */
function onItsOwn(engine: Engine, saved: SavedConversation | undefined, link: PastedLink): TurnDecision {
  const { flow } = engine;
  const outcome = checked(link)?.outcome;
  const topic = outcome === 'gone' ? LINK_GONE_TOPIC : outcome === 'works' ? PAGE_WONT_LOAD_TOPIC : undefined;
  const here = saved ? positionOf(saved.snapshot.value).node : MENU;
  if (topic && flow.topics.has(topic) && flow.nodes.get(here)?.topic !== topic) return decideTurn(engine, saved, { kind: 'choice', id: topicEvent(topic) });
  // Nothing moves: the link was understood (no miss), and a first message still counts as welcomed.
  const stay = saved ? { state: { ...saved, misses: 0 }, replies: [], effects: [] } : decideTurn(engine, undefined, { kind: 'start' });
  const node = flow.nodes.get(here)?.node;
  const waiting = node?.type === 'advice' || node?.type === 'question' || node?.type === 'check';
  const question = waiting ? renderState(flow, saved!.snapshot.value as never, saved!.snapshot.context).findLast((reply) => reply.choices !== undefined) : undefined;
  return { ...stay, replies: [question ?? menuReply(flow, flow.guide.link.whatHappens)] };
}

/** The link kept with the conversation and put on a ticket opened this turn; advice about the link invites one until then. */
function remembered(flow: CompiledFlow, saved: SavedConversation | undefined, result: TurnDecision, link: PastedLink | undefined, pastedNow = false): TurnDecision {
  let replies = result.replies;
  if (!link && arrivedAtInvitingAdvice(flow, saved, result)) replies = [...replies.slice(0, -1), { text: flow.guide.link.invite }, ...replies.slice(-1)];
  // Already known, the link may tell more once the candidate names the problem ("it says expired").
  const known = link && !pastedNow ? withScanner(link, result.state) : link;
  if (known && !pastedNow && known !== link) replies = [...replies.slice(0, -1), { text: flow.guide.link.scanner }, ...replies.slice(-1)];
  if (!known) return { ...result, replies };
  const effects = result.effects.map((effect) => (effect.type === 'open-ticket' ? { ...effect, link: known } : effect));
  return { state: { ...result.state, link: known }, replies, effects };
}

function arrivedAtInvitingAdvice(flow: CompiledFlow, saved: SavedConversation | undefined, result: TurnDecision): boolean {
  const now = positionOf(result.state.snapshot.value);
  const before = saved ? positionOf(saved.snapshot.value).node : undefined;
  const node = flow.nodes.get(now.node)?.node;
  return now.part === undefined && now.node !== before && node?.type === 'advice' && node.invitesLink && result.replies.length > 0;
}

/** "It expired" about a link a mail security service wrapped: its scanner may have opened a single-use link first. */
function withScanner(link: PastedLink, state: SavedConversation): PastedLink {
  const wrapped = link.findings.find((finding) => finding.kind === 'wrapped');
  if (!wrapped || state.snapshot.context.topic !== EXPIRED_TOPIC || link.findings.some((finding) => finding.kind === 'scanner-suspected')) return link;
  return { ...link, findings: [...link.findings, { kind: 'scanner-suspected', by: wrapped.by }] };
}

/**
 * What the bot says about the link, one message: a warning about its host first (it must not be
 * missed), then the link as it really is when something had changed it, then each thing found.
 */
export function linkSays(flow: CompiledFlow, link: PastedLink): string {
  const words = flow.guide.link;
  const lines: string[] = [];
  const warning = hostWarning(flow, link);
  if (warning) lines.push(warning);
  const wrappers = link.findings.flatMap((finding) => (finding.kind === 'wrapped' ? [finding.by] : []));
  const rejoined = has(link, 'rejoined');
  if (!warning && (wrappers.length > 0 || rejoined)) lines.push(words.yourLink.replaceAll('{url}', link.url));
  if (wrappers.length > 0) lines.push(words.wrapped.replaceAll('{wrapper}', [...new Set(wrappers)].join(' + ')));
  if (rejoined) lines.push(words.rejoined);
  for (const finding of link.findings) {
    if (finding.kind === 'cannot-unwrap') lines.push(words.cannotUnwrap.replaceAll('{wrapper}', finding.by));
    if (finding.kind === 'wrapped-too-deep') lines.push(words.cannotUnwrap.replaceAll('{wrapper}', wrappers.at(-1) ?? 'a mail security service'));
    if (finding.kind === 'insecure') lines.push(words.insecure);
    if (finding.kind === 'cut-short') lines.push(words.cutShort);
    if (finding.kind === 'scanner-suspected') lines.push(words.scanner);
  }
  const outcome = checked(link)?.outcome;
  if (outcome === 'gone') lines.push(words.gone);
  if (outcome === 'works' && !warning) lines.push(words.works);
  if (lines.length === 0) lines.push(words.looksRight);
  return lines.join('\n\n');
}

/** A link that isn't the platform's: a host in code type, so no chat client turns a phishing host into a link. */
function hostWarning(flow: CompiledFlow, link: Diagnosis): string | undefined {
  const words = flow.guide.link;
  for (const finding of link.findings) {
    if (finding.kind === 'look-alike') return words.lookAlike.replaceAll('{host}', `\`${finding.host}\``).replaceAll('{platform}', finding.of);
    if (finding.kind === 'not-platform-host') return words.notPlatform.replaceAll('{platform}', finding.expected[0] ?? '');
  }
  return undefined;
}

function has(link: Diagnosis, kind: Finding['kind']): boolean {
  return link.findings.some((finding) => finding.kind === kind);
}

function checked(link: Diagnosis): Extract<Finding, { kind: 'checked' }> | undefined {
  return link.findings.find((finding): finding is Extract<Finding, { kind: 'checked' }> => finding.kind === 'checked');
}
