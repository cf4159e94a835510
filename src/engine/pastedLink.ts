import type { CompiledFlow } from '../flow';
import { topicEvent } from '../flow/events';
import { positionOf } from '../flow/position';
import { MENU } from '../flow/targets';
import { textAroundLinks, type Diagnosis, type Finding } from '../links';
import { formQuestion } from './formQuestions';
import { decideTurn, type Engine } from './decideTurn';
import { menuReply, renderState } from './render';
import type { CandidateInput, OpenTicket, PastedLink, Reply, SavedConversation, TurnDecision } from './types';

/** The topic a link the platform no longer knows belongs to, and the one for a link that opens fine from here. */
const LINK_GONE_TOPIC = 'link-not-found';
const PAGE_WONT_LOAD_TOPIC = 'page-wont-load';
/** Where a wrapped link that "expired" points at a scanner that opened a single-use link first. */
const EXPIRED_TOPIC = 'link-expired';
/** The topics whose advice is about opening the link again. */
const LINK_TOPICS = new Set([LINK_GONE_TOPIC, PAGE_WONT_LOAD_TOPIC, EXPIRED_TOPIC]);
/** How surely the words around a link only present it ("here's my link"): the whole of them, give or take a typo. */
const PRESENTING_CONFIDENCE = 0.8;

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
  // "Here is my link:" only presents it, "404 again" says something of its own: what is left is read as usual.
  const presents = (piece: string) => (engine.understanding.matchPhrase(piece, [{ id: 'link', phrases: flow.guide.link.presenting }])?.confidence ?? 0) >= PRESENTING_CONFIDENCE;
  const rest = textAroundLinks(input.kind === 'text' ? input.text : '')
    .map((piece) => withoutPresenting(piece, flow.guide.link.presenting))
    .filter((piece) => /[\p{L}\p{N}]{2}/u.test(piece) && !presents(piece))
    .join(' ');
  const inForm = saved !== undefined && positionOf(saved.snapshot.value).part !== undefined;
  if (inForm) {
    // The form's question is answered by the words around the link ("maria lopez, the link is …" is a name);
    // a link alone answers none of them, so the question is asked again after what was found.
    const result = rest !== '' ? decideTurn(engine, saved, { kind: 'text', text: rest }, ticket) : { state: saved!, replies: formQuestionAgain(engine, saved!), effects: [] };
    return remembered(flow, saved, { ...result, replies: [{ text: linkSays(flow, link) }, ...result.replies] }, link, true);
  }
  // A message about the open ticket goes to the recruiter whole: the link is what they need.
  const said = rest !== '' || ticket ? decideTurn(engine, saved, ticket ? input : { kind: 'text', text: rest }, ticket) : undefined;
  // A link that isn't the platform's: its 404, expiry or loading steps would send the candidate back to it.
  const intoLinkAdvice = (result: TurnDecision) => hostWarning(flow, link) !== undefined && LINK_TOPICS.has(result.state.snapshot.context.topic ?? '');
  const placed = said && said.state.misses <= (saved?.misses ?? 0) && !intoLinkAdvice(said) ? said : undefined;
  const repeated = !placed && saved?.link?.url === link.url;
  const result = placed ?? onItsOwn(engine, saved, link, repeated);
  link = withScanner(link, result.state);
  // A link that isn't the platform's, on its own: the way on is offered with the warning, never "what happens when you open it?".
  const warned = !placed && hostWarning(flow, link) !== undefined && result.replies.length === 1 && result.replies[0]?.text === flow.guide.link.whatHappens;
  const replies = warned ? [{ text: linkSays(flow, link), choices: result.replies[0]!.choices }] : [{ text: linkSays(flow, link) }, ...result.replies];
  return remembered(flow, saved, { ...result, replies }, link, true);
}

/**
 * A link and nothing the bot can place around it: where the live check points, else back where the
 * candidate was. The same link again, with nothing new: the recruiter is offered rather than the same answer.
 */
function onItsOwn(engine: Engine, saved: SavedConversation | undefined, link: PastedLink, repeated: boolean): TurnDecision {
  const { flow } = engine;
  const outcome = checked(link)?.outcome;
  const topic = outcome === 'gone' ? LINK_GONE_TOPIC : outcome === 'works' ? PAGE_WONT_LOAD_TOPIC : undefined;
  const here = saved ? positionOf(saved.snapshot.value).node : MENU;
  if (topic && flow.topics.has(topic) && flow.nodes.get(here)?.topic !== topic) return decideTurn(engine, saved, { kind: 'choice', id: topicEvent(topic) });
  // Nothing moves: the link was understood (no miss), and a first message still counts as welcomed.
  const stay = saved ? { state: { ...saved, misses: 0 }, replies: [], effects: [] } : decideTurn(engine, undefined, { kind: 'start' });
  if (repeated) return { ...stay, state: { ...stay.state, offeredRecruiter: true }, replies: [menuReply(flow, flow.guide.link.again, true)] };
  const node = flow.nodes.get(here)?.node;
  const waiting = node?.type === 'advice' || node?.type === 'question' || node?.type === 'check';
  const question = waiting ? renderState(flow, saved!.snapshot.value as never, saved!.snapshot.context).findLast((reply) => reply.choices !== undefined) : undefined;
  return { ...stay, replies: [question ?? menuReply(flow, flow.guide.link.whatHappens, hostWarning(flow, link) !== undefined)] };
}

/** "maria lopez, the link is" → "maria lopez": words that lead up to the link are not part of the answer. */
function withoutPresenting(piece: string, presenting: readonly string[]): string {
  // What a link stood in: quotes, brackets, a colon, a dash.
  const bare = piece.replace(/^[\s"'“”‘’«»<>()[\]:,-]+|[\s"'“”‘’«»<>()[\]:,;-]+$/gu, '');
  const lower = bare.toLowerCase();
  const lead = [...presenting].sort((a, b) => b.length - a.length).find((phrase) => lower.endsWith(` ${phrase.toLowerCase()}`));
  if (!lead) return bare;
  // "…Priya Shah and my link is" → "…Priya Shah": the word that joined the two goes with the link.
  return bare.slice(0, lower.length - lead.length).replace(/[\s:,;-]+$/u, '').replace(/\s+(and|y|et|und|e|&)$/iu, '');
}

/** The form's current question, asked again as it was. */
function formQuestionAgain(engine: Engine, saved: SavedConversation): Reply[] {
  const { node, part } = positionOf(saved.snapshot.value);
  const form = engine.flow.nodes.get(node)?.node;
  return form?.type === 'form' && part ? formQuestion(form, part, saved.snapshot.context, engine.flow.guide.deviceNames) : [];
}

/** The link kept with the conversation and put on a ticket opened this turn; advice about the link invites one until then. */
function remembered(flow: CompiledFlow, saved: SavedConversation | undefined, result: TurnDecision, link: PastedLink | undefined, pastedNow = false): TurnDecision {
  let replies = result.replies;
  if (!link && arrivedAtInvitingAdvice(flow, saved, result)) replies = beforeQuestion(replies, flow.guide.link.invite);
  // Already known, the link may tell more once the candidate names the problem ("it says expired").
  // The same link pasted again, clean this time, keeps what the first paste showed (it was wrapped).
  const known = link && !pastedNow ? withScanner(link, result.state) : link && saved?.link?.url === link.url ? { ...link, findings: merged(saved.link.findings, link.findings) } : link;
  if (known && !pastedNow && known !== link) replies = beforeQuestion(replies, flow.guide.link.scanner);
  if (!known) return { ...result, replies };
  const effects = result.effects.map((effect) => (effect.type === 'open-ticket' ? { ...effect, link: known } : effect));
  return { state: { ...result.state, link: known }, replies, effects };
}

/** A paragraph added to the message before the closing question: one bubble more would push the buttons off a phone's screen. */
function beforeQuestion(replies: Reply[], paragraph: string): Reply[] {
  if (replies.length < 2) return [{ text: paragraph }, ...replies];
  const at = replies.length - 2;
  return replies.map((reply, i) => (i === at ? { ...reply, text: `${reply.text}\n\n${paragraph}` } : reply));
}

/** Both pastes' findings, each once; a newer live check replaces the older one. */
function merged(before: Finding[], now: Finding[]): Finding[] {
  const seen = new Set(now.map((finding) => JSON.stringify(finding)));
  const checkedNow = now.some((finding) => finding.kind === 'checked');
  return [...before.filter((finding) => !seen.has(JSON.stringify(finding)) && !(checkedNow && finding.kind === 'checked')), ...now];
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
  if (!wrapped || link.findings.some((finding) => finding.kind === 'look-alike' || finding.kind === 'not-platform-host') || state.snapshot.context.topic !== EXPIRED_TOPIC || link.findings.some((finding) => finding.kind === 'scanner-suspected')) return link;
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
  // Shown when what the candidate pasted isn't simply it: unwrapped, mended, one of several, or http: (shown as https:).
  const insecure = has(link, 'insecure');
  if (!warning && (wrappers.length > 0 || rejoined || insecure || has(link, 'more-links'))) lines.push(words.yourLink.replaceAll('{url}', insecure ? link.url.replace(/^http:/, 'https:') : link.url));
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
