import { join } from 'node:path';
import { getInitialSnapshot, transition, type AnyMachineSnapshot, type EventObject } from 'xstate';
import { getSimplePaths } from 'xstate/graph';
import { loadFlow } from '../src/flow';
import { RESOLVED } from '../src/flow/targets';
import { choiceEvent, topicEvent, NO, YES } from '../src/flow/events';
import type { ConversationContext } from '../src/flow/context';
import { createUnderstanding } from '../src/engine/trainedUnderstanding';
import { decideTurn, type Engine } from '../src/engine/decideTurn';
import type { CandidateInput, SavedConversation } from '../src/engine/types';
import { fromAnswers, parseTeamsClientInfo, parseUserAgent, toFacts, type DeviceFacts } from '../src/device';
import { USER_AGENTS, type UserAgentName } from '../src/device/fixtures/userAgents';
import { positionOf } from '../src/flow/position';

/**
 * The device-aware topics through the real engine: a candidate's device as Web Chat or Teams
 * reports it, then what they type. Assertions name the key words of the steps, not whole texts.
 */
const flow = loadFlow(join(__dirname, '../flows'));
const engine: Engine = { flow, understanding: createUnderstanding(flow) };
const TOPICS = ['camera-microphone', 'page-wont-load'];

const deviceOf = (name: UserAgentName): DeviceFacts => toFacts(parseUserAgent(USER_AGENTS[name]));
const teamsOn = (platform: string): DeviceFacts => toFacts(parseTeamsClientInfo([{ type: 'clientInfo', platform }])!);

/** Opens the chat on `device` (or an unknown one), then sends each message; returns the last turn. */
function converse(device: DeviceFacts | undefined, messages: string[]) {
  let saved: SavedConversation | undefined;
  let replies: { text: string; choices?: { label: string }[] }[] = [];
  const inputs: CandidateInput[] = [device ? { kind: 'start', device } : { kind: 'start' }, ...messages.map((text) => ({ kind: 'text' as const, text }))];
  for (const input of inputs) {
    const result = decideTurn(engine, saved, input);
    saved = result.state;
    replies = result.replies;
  }
  return {
    at: positionOf(saved!.snapshot.value).node,
    text: replies.map((r) => r.text).join('\n'),
    buttons: replies.flatMap((r) => r.choices?.map((c) => c.label) ?? []),
    path: saved!.snapshot.context.path,
  };
}

const CAMERA = 'my camera is not working';
const PAGE = 'the page wont load';

describe('camera or microphone: the steps for the candidate\'s own browser and system', () => {
  test.each<[string, UserAgentName, RegExp[], RegExp | null, RegExp[]]>([
    [
      "a candidate in Instagram's in-app browser on an iPhone is told to open the link in Safari first",
      'instagramIphone',
      [/Instagram/, /can't use the camera/, /open the interview link in Safari/],
      /Chrome/,
      [/Safari on iPhone/, /Website Settings/],
    ],
    [
      "a candidate in Instagram's in-app browser on Android is told to open the link in Chrome first",
      'instagramAndroid',
      [/can't use the camera/, /open the interview link in Chrome/],
      /Safari/,
      [/Chrome on Android/, /Permissions/],
    ],
    [
      "a Chrome user on Windows gets Chrome's site settings and Windows' camera privacy switch",
      'chromeWindows',
      [/Chrome/, /View site information/, /Site settings/, /Allow/, /Reload/],
      /Safari|Firefox|Edge/,
      [/Windows/, /Privacy & security/, /Let desktop apps access your camera/],
    ],
    [
      "a Chrome user on a Mac gets Chrome's site settings and macOS Privacy & Security",
      'chromeMac',
      [/View site information/, /Site settings/],
      /Safari|Firefox|Edge/,
      [/System Settings/, /Privacy & Security/, /Camera/, /Microphone/],
    ],
    [
      "Safari on a Mac gets Safari's Websites settings and macOS Privacy & Security",
      'safariMac',
      [/Safari on a Mac/, /Settings for/, /Websites/, /Allow/],
      /Chrome|Firefox|Edge/,
      [/System Settings/, /Privacy & Security/],
    ],
    [
      "Safari on iPhone gets Safari's Website Settings, then the iPhone's settings for Safari",
      'safariIphone',
      [/Safari on iPhone/, /Website Settings/, /Allow/],
      /Chrome|Firefox|Edge/,
      [/Settings\*\* › \*\*Apps\*\* › \*\*Safari/, /Camera/, /Microphone/],
    ],
    [
      "Chrome on Android gets the site's permissions, then Android's app permissions",
      'chromeAndroid',
      [/Chrome on Android/, /Permissions/, /Site settings/],
      /Safari|Firefox|Edge/,
      [/Settings\*\* › \*\*Apps\*\* › \*\*Chrome/, /Allow only while using the app/],
    ],
    [
      "Edge on Windows gets Edge's site permissions and Windows' camera privacy switch",
      'edgeWindows',
      [/Microsoft Edge/, /Permissions for this site/, /Allow/],
      /Safari|Firefox|Chrome/,
      [/Let desktop apps access your camera/],
    ],
    [
      "Firefox gets Firefox's address-bar permissions, then every system's privacy settings",
      'firefoxLinux',
      [/Firefox/, /Blocked Temporarily/, /Privacy & Security/],
      /Safari|Chrome|Edge/,
      [/Windows/, /Mac/],
    ],
    [
      'Chrome on an iPhone is told Safari is the most reliable browser there',
      'chromeIphone',
      [/Safari is the most reliable/],
      null,
      [/Website Settings/],
    ],
  ])('%s', (_name, userAgent, firstStep, otherBrowsers, nextStep) => {
    const device = deviceOf(userAgent);

    const asked = converse(device, [CAMERA]);
    expect(asked.text).toMatch(/allow access in your browser/);
    expect(asked.text).toMatch(/You're chatting on/);
    expect(asked.buttons).toEqual(['Yes, the same one', 'No, another one', 'Check my camera and mic']);

    const first = converse(device, [CAMERA, 'yes']);
    for (const words of firstStep) expect(first.text).toMatch(words);
    if (otherBrowsers) expect(first.text.split('Did that help?')[0]).not.toMatch(otherBrowsers);
    expect(first.buttons).toEqual(['Yes, that worked', 'No, still stuck']);

    const second = converse(device, [CAMERA, 'yes', 'no']);
    for (const words of nextStep) expect(second.text).toMatch(words);
  });

  test('the confirmation names the device the candidate is chatting on', () => {
    expect(converse(deviceOf('instagramIphone'), [CAMERA]).text).toMatch(/Instagram in-app browser on iPhone \(iOS 17\.5\)/);
  });

  test('an unknown device is asked which browser', () => {
    const chat = converse(undefined, [CAMERA]);
    expect(chat.text).toMatch(/allow access in your browser/);
    expect(chat.text).toMatch(/Which browser/);
    expect(chat.buttons).toEqual([
      'Chrome on a computer',
      'Safari on iPhone or iPad',
      'Safari on a Mac',
      'Edge',
      'Firefox',
      'Chrome on Android',
      "Other / an app's browser",
      'Check my camera and mic',
    ]);
  });

  test.each([
    ['Chrome on a computer', /View site information/],
    ['Safari on iPhone or iPad', /Website Settings/],
    ['Safari on a Mac', /Websites/],
    ['Edge', /Permissions for this site/],
    ['Firefox', /Blocked Temporarily/],
    ['Chrome on Android', /Site settings/],
    ["Other / an app's browser", /open it in \*\*Safari\*\* \(iPhone or iPad\) or \*\*Chrome\*\* \(Android\)/],
  ])('a candidate who answers "%s" gets that browser\'s steps', (answer, words) => {
    const chat = converse(undefined, [CAMERA, answer]);
    expect(chat.text).toMatch(words);
    expect(chat.buttons).toEqual(['Yes, that worked', 'No, still stuck']);
  });

  test('a candidate who says the chat device is not the interview device is asked which browser', () => {
    const asked = converse(deviceOf('safariIphone'), [CAMERA, 'no']);
    expect(asked.text).toMatch(/Which browser/);
    expect(converse(deviceOf('safariIphone'), [CAMERA, 'no', 'Chrome on a computer']).text).toMatch(/View site information/);
  });

  test('after "No, another one", later steps no longer assume the chat device: a Mac chatter on a Windows laptop is not sent to macOS settings', () => {
    const chat = converse(deviceOf('safariMac'), [CAMERA, 'No, another one', 'Edge', 'no']);
    // Without the Mac's facts the bot doesn't know the laptop's system, so it lists each system's switch.
    expect(chat.text).toMatch(/\*\*Windows:\*\*.*Let desktop apps access/);
    expect(chat.text).not.toMatch(/^Your Mac/m);
  });

  test('a Teams user on Windows who confirms gets the general browser steps, then Windows\' privacy switch', () => {
    const teams = teamsOn('Windows');
    expect(converse(teams, [CAMERA]).text).toMatch(/You're chatting on/);
    expect(converse(teams, [CAMERA, 'yes']).text).toMatch(/camera or lock icon in the address bar/);
    expect(converse(teams, [CAMERA, 'yes', 'no']).text).toMatch(/Let desktop apps access your camera/);
  });

  test('a candidate whose browser sees no camera is told to check the camera itself first', () => {
    const device: DeviceFacts = { ...deviceOf('chromeWindows'), videoInputs: 0 };
    expect(converse(device, [CAMERA, 'yes']).text).toMatch(/can't find a camera/);
    expect(converse(device, [CAMERA, 'yes', 'no']).text).toMatch(/View site information/);
  });

  test('a candidate who already described their interview device is not asked again', () => {
    const described = toFacts(fromAnswers({ deviceType: 'phone', browser: 'Safari', sameDeviceAsInterview: true }));
    const chat = converse(described, [CAMERA]);
    expect(chat.text).toMatch(/Website Settings/);
    expect(chat.text).not.toMatch(/Which browser|You're chatting on/);
  });

  test.each<[string, DeviceFacts | undefined]>([
    ['an unknown device', undefined],
    ['Instagram on an iPhone', deviceOf('instagramIphone')],
    ['Chrome on Windows', deviceOf('chromeWindows')],
    ['Safari on a Mac', deviceOf('safariMac')],
    ['Chrome on Android', deviceOf('chromeAndroid')],
    ['Samsung Internet', deviceOf('samsungInternet')],
  ])('on %s, a candidate who keeps saying "still stuck" ends with the recruiter after closing other apps', (_name, device) => {
    const answers = [CAMERA, device ? 'yes' : 'Other'];
    let chat = converse(device, answers);
    for (let turn = 0; turn < 8 && chat.at.startsWith('camera-microphone/'); turn += 1) {
      answers.push('still stuck');
      chat = converse(device, answers);
    }
    expect(chat.at).toMatch(/^contact-recruiter\//);
    expect(chat.path).toContain('camera-microphone/close-other-apps');
  });
});

describe('page won\'t load: "try a different browser" names the right one', () => {
  test.each<[string, UserAgentName | undefined, RegExp[], RegExp | null]>([
    ["a candidate in Instagram's in-app browser on an iPhone is told to open the link in Safari", 'instagramIphone', [/Instagram in-app browser/, /built-in browser/, /Open in Safari/], /into \*\*Chrome/],
    ["a candidate in Instagram's in-app browser on Android is told to open the link in Chrome", 'instagramAndroid', [/built-in browser/, /Open in Chrome/], /Safari\*\*\./],
    ['Chrome on an iPhone is told Safari works best there', 'chromeIphone', [/Safari works best/, /into \*\*Safari/], /into \*\*Chrome/],
    ['Safari on a Mac is told to try Chrome', 'safariMac', [/into \*\*Chrome/], /into \*\*Safari/],
    ['Safari on an iPhone is told to try Chrome', 'safariIphone', [/into \*\*Chrome/], /into \*\*Safari/],
    ['Chrome on a Mac is told to try Safari', 'chromeMac', [/into \*\*Safari/], /into \*\*Chrome/],
    ['Chrome on Windows is told to try Edge or Firefox', 'chromeWindows', [/\*\*Edge\*\* or \*\*Firefox/], /into \*\*Chrome|Safari/],
    ['Chrome on Android is told to try another browser than Chrome', 'chromeAndroid', [/\*\*Edge\*\* or \*\*Firefox/], /into \*\*Chrome/],
    ['Edge is told Chrome and Safari work best', 'edgeWindows', [/Chrome and Safari work best/, /into \*\*Chrome/], null],
    ['Firefox is told Chrome and Safari work best', 'firefoxLinux', [/Chrome and Safari work best/, /into \*\*Chrome/], null],
    ['Samsung Internet is told Chrome and Safari work best', 'samsungInternet', [/Samsung Internet/, /different browser/, /Chrome and Safari work best/], null],
    ['an out-of-date Chrome is told to update it first', 'chrome80Windows', [/out of date/, /Update it first/, /About Google Chrome/], null],
    ['an unknown device gets the guide\'s advice', undefined, [/different browser/, /Chrome and Safari work best/, /paste it into another browser/], null],
  ])('%s', (_name, userAgent, words, notSuggested) => {
    const chat = converse(userAgent && deviceOf(userAgent), [PAGE, 'no']);
    expect(chat.at).toMatch(/^page-wont-load\//);
    for (const w of words) expect(chat.text).toMatch(w);
    if (notSuggested) expect(chat.text).not.toMatch(notSuggested);
  });

  test('an out-of-date browser that still fails after updating is told which other browser to try', () => {
    expect(converse(deviceOf('chrome80Windows'), [PAGE, 'no', 'no']).text).toMatch(/\*\*Edge\*\* or \*\*Firefox/);
  });

  test('an out-of-date iPhone is told its browsers update with iOS', () => {
    expect(converse(deviceOf('chromeIphoneOnIos14'), [PAGE, 'no']).text).toMatch(/Software Update/);
  });

  test('a candidate already on a phone is told to try a computer or another device, not their phone', () => {
    const chat = converse(deviceOf('safariIphone'), [PAGE, 'no', 'no']);
    expect(chat.text).toMatch(/another device, such as a computer/);
    expect(chat.text).not.toMatch(/Try your phone/);
  });

  test.each<[string, DeviceFacts | undefined]>([
    ['a candidate on a computer', deviceOf('chromeWindows')],
    ['a candidate on an unknown device', undefined],
  ])('%s is told to try their phone, which the interview is designed for', (_name, device) => {
    const chat = converse(device, [PAGE, 'no', 'no']);
    expect(chat.text).toMatch(/Try your phone/);
    expect(chat.text).toMatch(/designed to work on phones and tablets/);
  });

  test('whatever the browser, the guide\'s order holds: link, browser, device, connection, recruiter', () => {
    for (const device of [undefined, deviceOf('instagramIphone'), deviceOf('chrome80Windows'), deviceOf('safariMac')]) {
      const answers = [PAGE];
      let chat = converse(device, answers);
      while (chat.at.startsWith('page-wont-load/') && answers.length < 10) {
        answers.push('no');
        chat = converse(device, answers);
      }
      const shown = chat.path.filter((id) => engine.flow.nodes.get(id)?.node.type === 'advice');
      expect(shown[0]).toBe('page-wont-load/check-link');
      expect(shown.at(-1)).toBe('page-wont-load/check-connection');
      expect(shown.at(-2)).toMatch(/try-phone|try-computer/);
      expect(chat.at).toMatch(/^contact-recruiter\//);
    }
  });
});

describe('every step of these topics is shown to some candidate, and every path ends solved or with the recruiter', () => {
  const devices: (DeviceFacts | undefined)[] = [
    undefined,
    ...(Object.keys(USER_AGENTS) as UserAgentName[]).map(deviceOf),
    teamsOn('Windows'),
    teamsOn('iOS'),
    { ...deviceOf('chromeWindows'), videoInputs: 0 },
  ];

  /** What a candidate can click, kept inside these topics: other topics have their own tests. */
  function clickable(snapshot: AnyMachineSnapshot): EventObject[] {
    const state = snapshot.value as string;
    if (state === 'menu') return TOPICS.map((id) => ({ type: topicEvent(id) }));
    const found = engine.flow.nodes.get(state);
    if (!found || !TOPICS.includes(found.topic)) return [];
    if (found.node.type === 'advice') return [YES, NO].map((answer) => ({ type: choiceEvent(answer) }));
    if (found.node.type === 'question') return found.node.choices.map((c) => ({ type: choiceEvent(c.id) }));
    if (found.node.type === 'check') {
      const device = snapshot.context.device ?? { source: 'webchat' };
      return [{ type: choiceEvent('skip') }, ...(['ok', 'blocked', 'no-device', 'in-use', 'failed'] as const).map((check) => ({ type: 'check.done', check, device }))];
    }
    return [];
  }
  /** Where the candidate is and what the last check found; the growing path log would make every state unique. */
  const serializeState = (snapshot: AnyMachineSnapshot) => JSON.stringify([snapshot.value, (snapshot.context as ConversationContext).check]);

  const paths = devices.flatMap((device) => {
    const start = getInitialSnapshot(engine.flow.machine);
    const [fromState] = device ? transition(engine.flow.machine, start, { type: 'device.update', device }) : [start];
    return getSimplePaths(engine.flow.machine, { events: clickable, fromState, serializeState });
  });

  test('every node, branches included, is on some candidate\'s path', () => {
    const visited = new Set(paths.flatMap((p) => (p.state.context as ConversationContext).path));
    const nodes = TOPICS.flatMap((topic) => Object.keys(engine.flow.topics.get(topic)!.nodes).map((node) => `${topic}/${node}`));
    expect(nodes.filter((id) => !visited.has(id))).toEqual([]);
  });

  test('every path ends resolved or in "contact the recruiter"', () => {
    const ends = paths.filter((p) => clickable(p.state).length === 0).map((p) => p.state.value as string);
    expect(ends.length).toBeGreaterThan(100);
    expect(ends.filter((state) => state !== RESOLVED && !state.startsWith('contact-recruiter/'))).toEqual([]);
  });
});
