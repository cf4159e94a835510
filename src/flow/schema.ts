import { z } from 'zod';
import type { DeviceNames } from '../device';

/**
 * The shape of the files in `flows/`. This is the only description of the format: the loader
 * validates against it, and `npm run flows:schema` turns it into the JSON Schema editors use.
 */

const Id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase words joined by "-", e.g. "try-another-browser"');

/**
 * Where a step leads: a node of the same topic ("try-browser"), another topic's first node
 * ("contact-recruiter"), a node of another topic ("page-wont-load/try-phone"), or "resolved".
 */
const Target = z.string().min(1).describe('a node of this topic, a topic id, "topic/node", or "resolved"');

const Phrases = z.array(z.string().min(1)).describe('words or phrases a candidate may type for this');

/** Topic buttons a menu shows at once: with "Something else", what fits a phone's screen. */
export const MAX_MENU_TOPICS = 6;

/** Candidate-facing text: plain Markdown that renders in Teams and Web Chat alike. */
const Text = z.string().trim().min(1).max(2000);

const Choice = z.strictObject({
  id: Id,
  label: z.string().min(1).max(40).describe('button text; Teams cuts longer labels'),
  synonyms: Phrases.default([]),
  next: Target,
  remember: z
    .array(Id)
    .default([])
    .describe('what picking this choice tells the bot (see src/flow/memories.ts), e.g. "chat-device-is-not-interview-device"'),
});

const Actions = z.array(Id).default([]).describe('effects to perform on entering the node (see src/flow/actions.ts)');

/** What a recruiter reads on a ticket: plain words, no Markdown, short enough for one line. */
const RecruiterText = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[^*_`[\]#\\]*$/, 'plain words for the recruiter: no Markdown (*, _, `, [ ], #, \\)');

/** Guidance the candidate can try, then "did that help?". */
const AdviceNode = z.strictObject({
  type: z.literal('advice'),
  label: RecruiterText.max(60).describe(
    'the advice in a few words, as a recruiter reads it in "already tried: …" on a ticket, e.g. "re-copying the whole link"',
  ),
  say: Text,
  steps: z.array(Text).default([]).describe('numbered steps shown under `say`'),
  helped: Target.default('resolved'),
  notHelped: Target.describe('where "no" and "I already tried that" lead'),
  recruiterAction: RecruiterText.optional().describe(
    "what the recruiter can most likely do when this advice was the last one given; outranks the topic's",
  ),
  passOn: z
    .strictObject({
      yes: Target.describe('where "yes, pass it on" leads, usually the escalation form'),
      no: Target.describe('where "I\'ll write to them myself" leads'),
    })
    .optional()
    .describe('for advice that IS "contact the recruiter": asks the guide\'s `passOn` question instead of "Did that help?"'),
  invitesLink: z
    .boolean()
    .default(false)
    .describe("advice about the link itself: the guide's `link.invite` follows it (\"paste it here and I'll check it\") until the candidate has pasted one"),
  actions: Actions,
});

/** A point where the guide branches and the candidate must say which case is theirs. */
const QuestionNode = z.strictObject({
  type: z.literal('question'),
  say: Text,
  choices: z.array(Choice).min(2),
  actions: Actions,
});

/** A silent branch on what the bot already knows (the candidate's device), decided by named guards. */
const BranchNode = z.strictObject({
  type: z.literal('branch'),
  branches: z
    .array(z.strictObject({ when: Id.optional().describe('guard name (src/flow/guards.ts); omit for "otherwise"'), next: Target }))
    .min(1),
  actions: Actions,
});

/** The end of a path: solved, or handed to the recruiter. */
const EndNode = z.strictObject({
  type: z.literal('end'),
  outcome: z.enum(['resolved', 'escalate']),
  say: Text,
  steps: z.array(Text).default([]),
  actions: Actions,
});

/** The ticket fields the escalation form can ask for; the ticket schema relies on these names. */
export const FormFieldId = z.enum(['name', 'email', 'position', 'company', 'errorText']);

const FormField = z.strictObject({
  id: FormFieldId,
  label: z.string().min(1).max(40).describe('shown in the review and in "what would you like to change?"'),
  ask: Text,
  kind: z.enum(['text', 'email', 'longText']).default('text').describe('email: checked as an address; longText: up to 1000 characters'),
});

/** Button texts, one per fixed key (the engine knows the keys; the flow owns the words). */
function Labels<K extends string>(keys: readonly K[]) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, z.string().min(1).max(40)])) as Record<K, z.ZodString>);
}

/**
 * Collects what the recruiter needs, one question at a time, then shows it for review before it
 * is sent. "cancel" at any point leads to `cancelled`; sending leads to `next`.
 */
const FormNode = z.strictObject({
  type: z.literal('form'),
  say: Text,
  fields: z.array(FormField).min(1),
  device: z.strictObject({
    label: z.string().min(1).max(40),
    confirm: Text.describe('asked when the device is known; may use {device}'),
    askType: Text,
    askBrowser: Text,
    types: Labels(['computer', 'phone', 'tablet']),
    browsers: Labels(['chrome', 'safari', 'edge', 'firefox', 'samsung', 'other']),
  }),
  review: Text,
  change: Text.describe('asked after "change something": which answer?'),
  invalid: z.strictObject({
    email: Text,
    length: Text.describe('may use {min} and {max}'),
    name: Text.describe('said when a name answer is a command, a sentence or a paragraph'),
  }),
  question: Text.describe('said when the candidate asks a question back at a field ("why do you need my email"); the question is asked again'),
  filled: Text.describe('said before the next question when the bot filled answers from earlier messages; {details} lists them'),
  human: Text.describe('said when the candidate asks for a person inside the form: the form is how they reach one'),
  corrected: Text.describe('said when an answer to a later question corrects an earlier one; may use {field} and {value}'),
  leave: z
    .strictObject({ ask: Text.describe('may use {topic}'), stay: z.string().min(1).max(40), stayWords: Phrases.default([]) })
    .describe('asked when a message inside the form names another problem: leaving would drop the answers'),
  labels: Labels(['send', 'change', 'cancel', 'yes', 'no']),
  cancelWords: Phrases.min(1),
  /** At the review, besides the buttons' own labels: "yes, looks good" sends, "no, the email is wrong" changes. */
  sendWords: Phrases.default([]),
  changeWords: Phrases.default([]),
  next: Target.describe('where sending leads (usually an end node with the open-ticket action)'),
  cancelled: Target,
  actions: Actions,
});

/**
 * Runs the camera and microphone check where the candidate's browser is (the web page, or a link
 * for Teams) and waits for its result; `next` is usually a branch on the check-* guards.
 */
const CheckNode = z.strictObject({
  type: z.literal('check'),
  say: Text,
  next: Target.describe('where the result leads'),
  skip: z.strictObject({ label: z.string().min(1).max(40), synonyms: Phrases.default([]), next: Target }),
  actions: Actions,
});

export const FlowNode = z.discriminatedUnion('type', [AdviceNode, QuestionNode, BranchNode, EndNode, FormNode, CheckNode]);
export type FormNode = z.output<typeof FormNode>;
export type FormFieldId = z.output<typeof FormFieldId>;

export const TopicFile = z.strictObject({
  $schema: z.string().optional(),
  id: Id,
  label: z.string().min(1).max(40).describe('menu button text'),
  keywords: Phrases.min(1).describe('words that name this problem, used to route typed messages'),
  start: Id.describe('the first node shown when the candidate picks this topic'),
  recruiter: z
    .strictObject({
      problem: RecruiterText.describe('what happens to the candidate, completing "<name> (<job>) …", e.g. "gets a 404 page on their interview link"'),
      action: RecruiterText.describe('what the recruiter can most likely do about it, e.g. "Send a new interview link."'),
    })
    .describe("how a ticket on this topic opens for the recruiter: the summary sentence's problem and the suggested action"),
  nodes: z.record(Id, FlowNode),
});

export const GuideFile = z.strictObject({
  $schema: z.string().optional(),
  welcome: Text,
  menu: z.strictObject({
    say: Text,
    topics: z.array(Id).min(1).max(MAX_MENU_TOPICS).describe(`topic ids in menu order, at most ${MAX_MENU_TOPICS} (a phone's screen); "Something else" (labels.menu) follows`),
    more: z
      .strictObject({ say: Text, topics: z.array(Id).min(1).max(MAX_MENU_TOPICS) })
      .describe('what "Something else" on the menu shows: the other topics, and a way on for a problem none of them names'),
  }),
  resolved: Text.describe('said when a path ends solved'),
  notUnderstood: Text.describe('said when a message fits nothing; the menu and a recruiter option follow'),
  clarify: Text.describe('asked when a message could mean two or three topics, e.g. "Which of these is closest?"'),
  whatNext: Text.describe('said when "now what?" comes while a question is still open, before the question again: its answer decides the next step'),
  twoProblems: Text.describe('said when one message names two problems; {first} and {second} are their topic labels'),
  nextProblem: Text.describe('said once the first of two problems is solved, before the other one\'s topic; {topic} is its label'),
  offerRecruiter: Text.describe('said at the second message in a row the bot can\'t place, instead of a second "didn\'t get that"'),
  stillUnclear: Text.describe('said from the third message in a row the bot can\'t place'),
  beyond: z
    .record(Id, z.strictObject({
      cues: Phrases.min(1).describe('phrases that, found in a message, mean this question (lowercase, punctuation ignored)'),
      say: Text,
      recruiter: z.boolean().default(true).describe('whether only the recruiter can answer: the reply offers to pass the question on'),
      withProblem: z
        .boolean()
        .default(true)
        .describe('whether a guide problem named in the same message is taken up after the answer (false for accommodations: never the camera steps)'),
    }))
    .describe('questions beyond the guide, answered honestly; checked before topics'),
  beyondOffer: Text.describe('follows an answer only the recruiter can give; the recruiter and menu buttons follow'),
  social: z
    .record(Id, z.strictObject({ words: Phrases.min(1), say: Text }))
    .describe('greetings, thanks, ok and goodbyes: a message made only of such words gets a short reply'),
  apology: Text.describe('said when a turn fails on our side; nothing was saved, so the candidate can retry'),
  restarted: Text.describe('said when a saved conversation no longer fits the current flow'),
  personalDataHidden: Text.describe('said once, the first time a candidate types a phone number or date of birth: it was hidden, and why not to share it'),
  ticketSent: z
    .strictObject({
      withSteps: Text.describe('the ticket reaches a recruiter and the candidate followed advice before asking'),
      withoutSteps: Text.describe('the ticket reaches a recruiter; no advice was followed before'),
      undelivered: Text.describe('no webhook, email or Teams channel is configured: the candidate must write to the recruiter themselves'),
    })
    .describe('what `{ticketSent}` in the ticket confirmation says: only what happened, chosen once the ticket is opened'),
  alreadySent: Text.describe('said when "Send it" is pressed again on a form already sent (an older card): no second ticket'),
  passOn: z
    .strictObject({ say: Text, yes: Choice.omit({ next: true, id: true }), no: Choice.omit({ next: true, id: true }) })
    .describe('asked after advice that is "contact the recruiter" (a node\'s `passOn`), instead of "Did that help?"'),
  didItHelp: z.strictObject({
    say: Text,
    yes: Choice.omit({ next: true, id: true }),
    no: Choice.omit({ next: true, id: true }),
    tried: z.strictObject({ synonyms: Phrases }).describe('"I already tried that": counts as no'),
  }),
  commands: z.strictObject({
    restart: Phrases.min(1),
    menu: Phrases.min(1),
    human: Phrases.min(1),
  }),
  deviceCheckLink: Text.describe('sent where the page can\'t run the check itself (Teams); must contain {link}'),
  privacy: z
    .strictObject({
      delete: Phrases.min(1).describe('"delete my data" and the like'),
      deleted: Text.describe('confirms the erasure and says tickets already sent stay with the recruiter'),
    })
    .describe('the candidate\'s right to erasure'),
  recruiters: z
    .strictObject({
      register: Phrases.min(1).describe('said in a recruiters\' channel to receive ticket cards there'),
      registered: Text,
      unregister: Phrases.min(1).describe('said in a registered channel to stop ticket cards there'),
      unregistered: Text,
      notRegistered: Text.describe('the answer to "unregister" where no tickets were being posted'),
      operatorOnly: Text.describe('the answer to "register"/"unregister" where a chat can\'t change it: the bot runs without authentication, or the Emulator'),
    })
    .describe('recruiter-facing wording'),
  ticket: z
    .strictObject({
      forwarded: Text.describe('said when a message about an open ticket was added to it; {ticketId} is its number, {passedOn} one of `passedOn`'),
      passedOn: z
        .strictObject({
          sent: Text.describe('the message went on to the recruiter'),
          undelivered: Text.describe('no webhook, email or Teams channel is set up: the message is only kept with the ticket'),
        })
        .describe('what `{passedOn}` says: only what happened, chosen once the message is added'),
      offerResolve: Text.describe('asked when the candidate says it works now while a ticket is open; the two buttons follow'),
      resolve: z.string().min(1).max(40).describe('button: mark the ticket resolved'),
      keepOpen: z.string().min(1).max(40).describe('button: keep the ticket open'),
      resolved: Text.describe('said once the candidate marked the ticket resolved'),
      keptOpen: Text.describe('said when the candidate keeps the ticket open'),
      followUp: Phrases.min(1).describe('words that tie a message to the ticket ("the new link", "still", "again"): it goes to the recruiter even when it also names a guide problem'),
    })
    .describe("the candidate's side of an open ticket: later messages go to the recruiter"),
  deviceNames: z
    .strictObject(
      Object.fromEntries(
        ['on', 'unknown', 'builtIn', 'inApp', 'teamsApp', 'teamsWeb', 'anotherBrowser', 'computer', 'phone', 'tablet', 'device', 'aComputer', 'aPhone', 'aTablet', 'outdated'].map(
          (key) => [key, z.string().trim().min(1).max(80)],
        ),
      ) as Record<keyof DeviceNames, z.ZodString>,
    )
    .describe('how `{device}` names the candidate\'s device in the bot\'s messages ("{browser} on {device}", "{system} computer"); tickets keep English'),
  languages: z
    .strictObject({
      changed: Text.describe('said, in the new language, when the candidate asks for another language ("English please", "en español")'),
      unsupported: Text.describe('always English: said once when the candidate writes in a language the bot doesn\'t speak; {languages} lists the ones it does'),
    })
    .describe('switching the language of the conversation (flows/locales/<language>/)'),
  link: z
    .strictObject({
      invite: Text.describe("said after advice with `invitesLink` until a link was pasted: paste it here and I'll check it"),
      yourLink: Text.describe('the cleaned, unwrapped link shown back; {url} is it'),
      wrapped: Text.describe('a link-protection service had wrapped it and it was taken off; {wrapper} names the service'),
      rejoined: Text.describe('it was split over two lines and was joined back'),
      cannotUnwrap: Text.describe('{wrapper} keeps the real address on its servers (Mimecast), or its wrapping is damaged: open it from the invitation instead'),
      insecure: Text.describe('it starts with http:, interview links with https:'),
      cutShort: Text.describe('it looks cut short: copy the whole link'),
      lookAlike: Text.describe('a warning: {host} only imitates {platform}, the real interview site: no personal or bank details there'),
      notPlatform: Text.describe('a warning: the link is not on {platform}, the interview site: no personal or bank details there'),
      scanner: Text.describe('the link was wrapped and the candidate says it expired or was used: a mail scanner may have opened a single-use link first'),
      gone: Text.describe('the live check: the interview site says the link no longer exists (404/410): ask for a new one'),
      works: Text.describe('the live check: the link opens from here, so the problem is the browser or device; the page-won\'t-load steps follow'),
      looksRight: Text.describe('nothing wrong found with the link itself'),
      whatHappens: Text.describe('asked after a link pasted on its own, with the topic buttons: what happens when they open it?'),
      again: Text.describe('the same link pasted again with nothing new: already read; what happens when they open it, or the recruiter (the buttons follow)'),
      presenting: Phrases.min(1).describe('words that only present a pasted link ("here is my link"): the link is then read on its own, not as a problem named'),
    })
    .describe('the link doctor: what the bot says about a link the candidate pasted (src/links/)'),
  csat: z
    .strictObject({
      ask: Text.describe('asked once, after a resolution or a ticket: how much the bot helped, 1 to 5; the buttons 1–5 and `skip` follow'),
      skip: z.string().min(1).max(40).describe('button: not now'),
      thanks: Text.describe('said after a score: thanks, and an optional comment invited (typed, or carry on)'),
      skipped: Text.describe('said when the candidate skips the question'),
      commentThanks: Text.describe('said after the optional comment'),
      scoreWords: z
        .strictObject(Object.fromEntries(['1', '2', '3', '4', '5'].map((score) => [score, Phrases.min(1)])) as Record<'1' | '2' | '3' | '4' | '5', typeof Phrases>)
        .describe('words a candidate may type for each score ("great" is 5); digits and "4/5" are read anyway'),
      skipWords: Phrases.min(1).describe('typed for "skip"'),
    })
    .describe('the one satisfaction question (CSAT), once per conversation'),
  labels: z
    .strictObject({
      restart: z.string().min(1).max(40),
      menu: z.string().min(1).max(40),
      human: z.string().min(1).max(40),
    })
    .describe('button text for the commands, e.g. "Start over", "Something else", "Talk to a recruiter"'),
});

export type FlowNode = z.output<typeof FlowNode>;
export type TopicFile = z.output<typeof TopicFile>;
export type GuideFile = z.output<typeof GuideFile>;
export type Choice = z.output<typeof Choice>;
