import { join } from 'node:path';
import { loadFlow, positionOf } from '../flow';
import { createUnderstanding } from './trainedUnderstanding';
import { decideTurn, type Engine } from './decideTurn';
import type { CandidateInput, Effect, Reply, SavedConversation } from './types';
import { parseDeviceCheck } from '../device/checkResult';

const flowsDir = join(__dirname, '../../flows');
const flow = loadFlow(flowsDir);
const engine: Engine = { flow, understanding: createUnderstanding(flow) };

/** Plays a conversation through the pure decideTurn, as the turn runner would, keeping the saved state. */
function converse(inputs: (string | CandidateInput)[], saved?: SavedConversation) {
  let state = saved;
  const turns: { replies: Reply[]; effects: Effect[] }[] = [];
  for (const input of inputs) {
    const result = decideTurn(engine, state, typeof input === 'string' ? { kind: 'text', text: input } : input);
    state = result.state;
    turns.push({ replies: result.replies, effects: result.effects });
  }
  const last = turns.at(-1) ?? { replies: [], effects: [] };
  return {
    state: state!,
    at: positionOf(state!.snapshot.value).node,
    text: last.replies.map((r) => r.text).join('\n'),
    buttons: last.replies.flatMap((r) => r.choices?.map((c) => c.label) ?? []),
    effects: turns.flatMap((t) => t.effects),
  };
}

describe('a candidate who describes the problem gets that topic\'s guidance first', () => {
  const DID_IT_HELP = ['Yes, that worked', 'No, still stuck'];
  const PASS_ON = ['Yes, pass it on', "No, I'll write to them"];
  test.each([
    ['my interview link says 404', 'link-not-found/ask-new-link', /ask the company for a new link/i, PASS_ON],
    ['the page just keeps loading and never opens', 'page-wont-load/check-link', /typos|spaces/i, DID_IT_HELP],
    ['it says my link has expired', 'link-expired/ask-fresh-link', /invitation email/i, PASS_ON],
    ['I already submitted but I need to change an answer', 'submitted-need-changes/ask-for-reset', /final/i, PASS_ON],
    ['the thinking time ran out and it started recording', 'ran-out-of-time/finish-then-explain', /can't be restarted|cannot be restarted/i, PASS_ON],
  ])('"%s" leads to %s', (message, state, guidance, buttons) => {
    const chat = converse([message]);
    expect(chat.at).toBe(state);
    expect(chat.text).toMatch(guidance);
    expect(chat.buttons).toEqual(buttons);
  });

  test('a camera problem on an unknown device gets the guide\'s sentence and a browser question', () => {
    const chat = converse(['my camera is not working']);
    expect(chat.at).toBe('camera-microphone/which-browser');
    expect(chat.text).toMatch(/allow access in your browser/i);
    expect(chat.buttons).toContain('Safari on a Mac');
  });

  test('where the guide branches, the candidate is asked which case is theirs', () => {
    const chat = converse(['a question about my interview progress']);
    expect(chat.at).toBe('resume-or-start-new/which-case');
    expect(chat.buttons.length).toBeGreaterThanOrEqual(3);
  });

  test('a message that already answers the branch skips the question', () => {
    const chat = converse(['I clicked start new by mistake and lost my answers']);
    expect(chat.at).toBe('resume-or-start-new/start-new-by-mistake');
    expect(chat.text).toMatch(/in-progress/i);
    // "Resume or Start New?" asked outright: the guide's answer is Resume.
    expect(converse(['should I click resume or start new?']).at).toBe('resume-or-start-new/click-resume');
  });
});

describe('walking the tree', () => {
  const pageWontLoad = [
    ['the page wont load', 'page-wont-load/check-link', /typos|spaces/i],
    ['No, still stuck', 'page-wont-load/try-another-browser', /Chrome and Safari/],
    ['nope', 'page-wont-load/try-phone', /phone/i],
    ['I already tried that', 'page-wont-load/check-connection', /connection/i],
    ['still not working', 'contact-recruiter/send-or-email', /ticket/i],
  ] as const;

  test.each(pageWontLoad.map((row, i) => [i + 1, ...row] as const))(
    'page won\'t load, turn %i: "%s" -> %s',
    (turn, _message, state, says) => {
      const chat = converse(pageWontLoad.slice(0, turn).map(([message]) => message));
      expect(chat.at).toBe(state);
      expect(chat.text).toMatch(says);
    },
  );

  test('a candidate who will email the recruiter themselves is told what to include', () => {
    const chat = converse([...pageWontLoad.map(([message]) => message), "I'll email them myself"]);
    expect(chat.at).toBe('contact-recruiter/reach-out');
    expect(chat.text).toMatch(/device and browser/i);
    expect(chat.effects).toContainEqual(expect.objectContaining({ type: 'escalate', topic: 'contact-recruiter' }));
    const escalation = chat.effects.find((e) => e.type === 'escalate') as Extract<Effect, { type: 'escalate' | 'resolve' }>;
    expect(escalation.path).toEqual(expect.arrayContaining(['page-wont-load/check-link', 'page-wont-load/try-phone']));
  });

  test('"yes thanks" after a step ends the topic resolved', () => {
    const chat = converse(['the page wont load', 'yes thanks']);
    expect(chat.at).toBe('resolved');
    expect(chat.effects).toContainEqual(expect.objectContaining({ type: 'resolve', topic: 'page-wont-load' }));
    expect(chat.buttons).toEqual(['Something else']);
  });

  test('after "contact the recruiter" advice, "yes please" passes it on, "no thanks" says how to write, "it works now" is solved', () => {
    expect(converse(['link expired', 'yes please']).at).toBe('contact-recruiter/details');
    expect(converse(['link expired', 'no thanks']).at).toBe('contact-recruiter/reach-out');
    expect(converse(['link expired', 'it works now']).at).toBe('resolved');
    expect(converse(['link expired', 'I already emailed them, no answer']).at).toBe('contact-recruiter/details');
  });

  test('clicking a card button (its id in activity.value) works like typing', () => {
    const chat = converse(['my webcam is not detected', { kind: 'choice', id: 'choice.safari-mac' }]);
    expect(chat.at).toBe('camera-microphone/allow-in-safari-mac');
  });

  test('a button from an older message shows where the candidate really is', () => {
    const chat = converse(['404', { kind: 'choice', id: 'choice.see-both-buttons' }]);
    expect(chat.at).toBe('link-not-found/ask-new-link');
    expect(chat.buttons).toEqual(['Yes, pass it on', "No, I'll write to them"]);
  });
});

describe('commands work anywhere', () => {
  test('"start over" goes back to the menu', () => {
    const chat = converse(['404', 'no', 'start over']);
    expect(chat.at).toBe('menu');
    expect(chat.buttons).toContain('Page shows 404 / not found');
    expect(chat.state.snapshot.context.path).toEqual([]);
  });

  test('"menu" shows six topics and "Something else", which shows the others', () => {
    const menu = converse(['camera broken', 'menu']);
    expect(menu.buttons).toHaveLength(7);
    expect(menu.buttons.at(-1)).toBe('Something else');
    const more = converse(['camera broken', 'menu', 'Something else']);
    expect(more.at).toBe('more-problems');
    expect(more.buttons).toEqual(['Ran out of time on a question', 'Want to redo a response', 'Talk to a recruiter']);
    expect(converse(['camera broken', 'menu', 'Something else', 'Want to redo a response']).at).toBe('redo-response/retake-button');
  });

  test('"talk to a recruiter" hands over at once', () => {
    const chat = converse(['the page wont load', 'talk to a recruiter']);
    expect(chat.at).toBe('contact-recruiter/send-or-email');
    expect(chat.buttons).toContain('Send the recruiter a ticket');
  });

  test('a candidate can switch topic mid-way by describing another problem', () => {
    expect(converse(['404', 'actually now my microphone is not picking up my voice']).at).toBe('camera-microphone/which-browser');
  });
});

describe('never a dead end', () => {
  test('a new chat is welcomed with the menu', () => {
    const chat = converse([{ kind: 'start' }]);
    expect(chat.text).toMatch(/interview link/i);
    expect(chat.buttons).toHaveLength(7);
  });

  test('the welcome is not repeated when the page reconnects', () => {
    const chat = converse([{ kind: 'start' }, { kind: 'start' }]);
    expect(chat.text).toBe('');
  });

  test('an out-of-scope question gets the menu and a recruiter option', () => {
    const chat = converse(['what is the salary for this job?']);
    expect(chat.at).toBe('menu');
    expect(chat.buttons).toContain('Talk to a recruiter');
  });

  test('an unclear answer to "did that help?" asks again', () => {
    const chat = converse(['the page wont load', 'purple monkey dishwasher']);
    expect(chat.at).toBe('page-wont-load/check-link');
    expect(chat.buttons).toEqual(['Yes, that worked', 'No, still stuck']);
  });

  test('a message that could mean two or three problems gets one clarifying question with those topics', () => {
    const chat = converse(['something wrong with my video']);
    expect(chat.at).toBe('menu');
    expect(chat.text).toMatch(/closest/i);
    expect(chat.buttons.length).toBeGreaterThanOrEqual(2);
    expect(chat.buttons.length).toBeLessThanOrEqual(3);
    expect(chat.buttons).toContain("Page won't load / other error");
    expect(converse(['something wrong with my video', "Page won't load / other error"]).at).toBe('page-wont-load/check-link');
  });

  test('two topics almost tied at low confidence are asked about, not guessed', () => {
    const chat = converse(['my answers']);
    expect(chat.text).toMatch(/closest/i);
    expect(chat.buttons).toEqual(expect.arrayContaining(['Want to redo a response', 'Submitted, need to change something']));
  });

  test('after two messages the bot cannot place, it offers the menu with the recruiter as the way on', () => {
    const chat = converse(['404', 'purple monkey dishwasher', 'zxcv qwer']);
    expect(chat.buttons).toHaveLength(7);
    expect(chat.buttons.at(-1)).toBe('Talk to a recruiter');
  });
});

describe('saved conversations and guide updates', () => {
  test('a conversation saved on an older guide whose step was removed restarts politely', () => {
    const saved = converse(['404']).state;
    const stale: SavedConversation = { ...saved, flowVersion: 'older', snapshot: { ...saved.snapshot, value: 'link-not-found/removed-step' } };
    const chat = converse(['hello'], stale);
    expect(chat.text).toMatch(/updated/i);
    expect(chat.effects).toContainEqual({ type: 'restarted', reason: 'flow-updated' });
  });

  test('a conversation saved on an older guide whose step still exists continues', () => {
    const saved = converse(['the page wont load']).state;
    const chat = converse(['no'], { ...saved, flowVersion: 'older' });
    expect(chat.at).toBe('page-wont-load/try-another-browser');
    expect(chat.state.flowVersion).toBe(engine.flow.version);
  });

  test('the saved state stays small', () => {
    const saved = converse(['page wont load', 'no', 'no', 'no', 'no', 'start over', '404', 'no', 'no']).state;
    expect(JSON.stringify(saved).length).toBeLessThan(2048);
  });
});

describe('the escalation form', () => {
  // The menu button, not the problem in words: typed, it would already answer "What happens".
  const toForm = ["Page won't load / other error", 'talk to a recruiter', 'Send the recruiter a ticket'];
  const answers = ['Ada Lovelace', 'ada@example.com', 'Data Analyst', 'Acme Corp', 'It says "Error 500: something went wrong"'];

  test('collects name, invitation email, position, company and the exact error, then the device', () => {
    const chat = converse([...toForm, ...answers]);
    expect(chat.at).toBe('contact-recruiter/details');
    expect(chat.text).toMatch(/Which device/i);
    expect(chat.buttons).toEqual(['Computer', 'Phone', 'Tablet', 'Cancel']);
  });

  test('the candidate reviews everything before it is sent', () => {
    const chat = converse([...toForm, ...answers, 'Phone', 'Safari']);
    expect(chat.text).toMatch(/Ada Lovelace/);
    expect(chat.text).toMatch(/ada@example\.com/);
    expect(chat.text).toMatch(/Error 500/);
    expect(chat.text).toMatch(/Phone, Safari/);
    expect(chat.buttons).toEqual(['Send it', 'Change something', 'Cancel']);
    expect(chat.effects.filter((e) => e.type === 'open-ticket')).toEqual([]);
  });

  test('sending opens one ticket about the original problem, with the answers and the steps tried', () => {
    const chat = converse([...toForm, ...answers, 'Phone', 'Safari', 'Send it']);
    expect(chat.at).toBe('contact-recruiter/ticket-sent');
    expect(chat.text).toMatch(/\{ticketId\}/);
    const tickets = chat.effects.filter((e) => e.type === 'open-ticket');
    expect(tickets).toEqual([
      expect.objectContaining({
        topic: 'page-wont-load',
        details: { name: 'Ada Lovelace', email: 'ada@example.com', position: 'Data Analyst', company: 'Acme Corp', errorText: 'It says "Error 500: something went wrong"' },
        device: { deviceType: 'phone', browser: 'safari' },
      }),
    ]);
    expect(chat.state.snapshot.context.form).toBeUndefined();
  });

  test('a problem typed in words is not asked again: the review shows it as "what happens"', () => {
    const chat = converse(['the page wont load, error 500', 'talk to a recruiter', 'Send the recruiter a ticket', ...answers.slice(0, 4), 'Phone', 'Safari']);
    expect(chat.text).toMatch(/What happens:\*\* the page wont load, error 500/);
    expect(chat.buttons).toEqual(['Send it', 'Change something', 'Cancel']);
  });

  test('"send the recruiter a ticket" with every detail in one message goes straight to the review, filed under the problem', () => {
    const chat = converse([
      "Please send the recruiter a ticket: I'm Priya Shah, priya@example.com, Marketing Manager at Globex. The link says 404 not found. I use Chrome on my laptop.",
      'Send it',
    ]);
    const [ticket] = chat.effects.filter((e) => e.type === 'open-ticket');
    expect(ticket).toEqual(expect.objectContaining({ topic: 'link-not-found', details: expect.objectContaining({ name: 'Priya Shah', errorText: 'The link says 404 not found' }) }));
  });

  test('an invalid email is explained and asked again, nothing lost', () => {
    const chat = converse([...toForm, 'Ada Lovelace', 'ada at example dot com']);
    expect(chat.text).toMatch(/doesn't look like an email/i);
    expect(chat.state.snapshot.context.form?.fields).toEqual({ name: 'Ada Lovelace' });
    expect(converse([...toForm, 'Ada Lovelace', 'ada at example dot com', 'ada@example.com']).text).toMatch(/position/i);
  });

  test('a one-letter answer is asked again with the length expected', () => {
    expect(converse([...toForm, 'A']).text).toMatch(/2 to 200 characters/);
  });

  test('while filling the form, an error text that sounds like a topic is taken as the answer', () => {
    const chat = converse([...toForm, ...answers.slice(0, 4), 'page not found 404']);
    expect(chat.at).toBe('contact-recruiter/details');
    expect(chat.state.snapshot.context.form?.fields.errorText).toBe('page not found 404');
  });

  test('what the candidate typed is shown back as text, not as formatting or links, and with no backslash to see', () => {
    const chat = converse([...toForm, '**Ada** [click](http://evil.example)', ...answers.slice(1), 'Phone', 'Safari']);
    expect(chat.text).toContain('\u2217\u2217Ada\u2217\u2217 [click]\u200b(http://evil.example)');
    expect(chat.text).not.toMatch(/\*\*Ada|\]\(|\\/);
  });

  test('the candidate can correct one answer from the review', () => {
    const chat = converse([...toForm, ...answers, 'Computer', 'Chrome', 'Change something', 'Company', 'Globex']);
    expect(chat.text).toMatch(/Globex/);
    expect(chat.text).not.toMatch(/Acme/);
    expect(chat.buttons).toEqual(['Send it', 'Change something', 'Cancel']);
  });

  test('cancel stops the form, sends nothing and explains how to contact the recruiter yourself', () => {
    const chat = converse([...toForm, 'Ada Lovelace', 'cancel']);
    expect(chat.at).toBe('contact-recruiter/reach-out');
    expect(chat.effects.filter((e) => e.type === 'open-ticket')).toEqual([]);
    expect(chat.state.snapshot.context.form).toBeUndefined();
  });

  test('a device the bot already knows is confirmed instead of asked', () => {
    const device = { source: 'webchat' as const, browser: 'chrome' as const, os: 'windows' as const, deviceType: 'computer' as const };
    const chat = converse([{ kind: 'start', device }, ...toForm, ...answers]);
    expect(chat.text).toMatch(/Chrome .*Windows/);
    expect(chat.buttons).toEqual(['Yes', 'No', 'Cancel']);
    const sent = converse([{ kind: 'start', device }, ...toForm, ...answers, 'Yes', 'Send it']);
    expect(sent.effects).toContainEqual(expect.objectContaining({ type: 'open-ticket', device: { confirmed: true } }));
  });
});

describe('the camera and microphone check', () => {
  const toCheck = ['my camera is not working', 'Check my camera and mic'];

  test('asking for the check starts it in the candidate\'s browser and offers to skip it', () => {
    const chat = converse(toCheck);
    expect(chat.at).toBe('camera-microphone/run-check');
    expect(chat.effects).toContainEqual(expect.objectContaining({ type: 'request-device-check' }));
    expect(chat.buttons).toEqual(['Skip the check']);
  });

  test.each([
    ['NotAllowedError', 'camera-microphone/check-blocked', /blocking/i],
    ['NotFoundError', 'camera-microphone/no-camera-detected', /can't find a camera/i],
    ['NotReadableError', 'camera-microphone/close-other-apps', /another app/i],
    ['ok', 'camera-microphone/check-passed', /work in this browser/i],
  ])('a check that reports %s leads to %s', (getUserMedia, state, says) => {
    const chat = converse([...toCheck, { kind: 'device-check', result: parseDeviceCheck({ getUserMedia, camera: 'prompt', videoInputs: 1, audioInputs: 1 })! }]);
    expect(chat.at).toBe(state);
    expect(chat.text).toMatch(says);
  });

  test('a ticket opened after the check says what the check found; one without a check says nothing of it', () => {
    const form = ['talk to a recruiter', 'Send the recruiter a ticket', 'Ada Lovelace', 'ada@example.com', 'Data Analyst', 'Acme Corp', 'no picture', 'Computer', 'Chrome', 'Send it'];
    const blocked = { kind: 'device-check', result: parseDeviceCheck({ getUserMedia: 'NotAllowedError', camera: 'denied' })! } as const;
    const checked = converse([...toCheck, blocked, ...form]);
    expect(checked.effects).toContainEqual(expect.objectContaining({ type: 'open-ticket', topic: 'camera-microphone', check: 'blocked' }));
    const unchecked = converse(['my camera is not working', ...form]);
    const ticket = unchecked.effects.find((e) => e.type === 'open-ticket');
    expect(ticket).toBeDefined();
    expect(ticket).not.toHaveProperty('check');
  });

  test('a result that arrives after the candidate moved on is remembered without interrupting', () => {
    const chat = converse([...toCheck, 'Skip the check', { kind: 'device-check', result: parseDeviceCheck({ getUserMedia: 'NotAllowedError', camera: 'denied' })! }]);
    expect(chat.at).toBe('camera-microphone/which-browser');
    expect(chat.text).toBe('');
    expect(chat.state.snapshot.context.check).toBe('blocked');
    expect(chat.state.snapshot.context.device?.camera).toBe('denied');
  });
});

describe('"no, still stuck" with a new problem named: the new problem is what the candidate sees now', () => {
  test.each([
    ["I can't open the link it says expired", 'link-expired/ask-fresh-link'],
    ["still can't open it, says expired", 'link-expired/ask-fresh-link'],
  ])('at "Did that help?" after the typo check, "%s" leads to %s', (message, state) => {
    expect(converse([{ kind: 'choice', id: 'topic.page-wont-load' }, message]).at).toBe(state);
  });

  test('at "Want me to pass this to the recruiter now?", "no it says 404 now" is the 404 advice', () => {
    const chat = converse([{ kind: 'choice', id: 'topic.link-expired' }, 'no it says 404 now']);
    expect(chat.at).toBe('link-not-found/ask-new-link');
    expect(chat.text).toMatch(/new link/i);
  });

  test.each(["no I can't", "still can't open it"])('a plain "%s" is still the answer to "Did that help?"', (message) => {
    expect(converse([{ kind: 'choice', id: 'topic.page-wont-load' }, message]).at).toBe('page-wont-load/try-another-browser');
  });
});
