import { conversationKey } from '../../src/conversation/turns';
import { parseDeviceCheck } from '../../src/device/checkResult';
import type { StoredActivity } from '../../src/directline/conversations';
import { accessibilityViolations } from './support/axe';
import { CandidateChat } from './support/candidateChat';
import { screenshot } from './support/chromium';
import { useChromiumAndBot } from './support/useChromiumAndBot';

/**
 * Chromium's fake camera and microphone stand in for real ones. Whether the candidate allows them
 * is the context's permission: granted, or (Playwright's default) the prompt is refused.
 */
const ALLOWED = { permissions: ['camera', 'microphone'] };
const REFUSED = {};

const live = useChromiumAndBot(['--use-fake-device-for-media-stream']);

/** What the bot does when its flow wants a check: an event to the page, through Direct Line. */
async function botAsksForDeviceCheck(conversationId: string): Promise<void> {
  const serviceUrl = live.bot.app.webChat.localDirectLine!.serviceUrl;
  const response = await fetch(`${serviceUrl}v3/conversations/${conversationId}/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'event', name: 'webchat/device-check/run', from: { id: 'candidate-support-bot' } }),
  });
  expect(response.status).toBe(200);
}

/** The `webchat/device-check` events the page sent (each one was delivered to the bot). */
function checkResults(conversationId: string): StoredActivity[] {
  const { activities } = live.bot.app.webChat.localDirectLine!.conversations.after(conversationId, '');
  return activities.filter((a) => a.type === 'event' && a.name === 'webchat/device-check' && a.from.role === 'user');
}

async function firstCheckResult(conversationId: string, ms = 10_000): Promise<StoredActivity> {
  const until = Date.now() + ms;
  for (;;) {
    const [result] = checkResults(conversationId);
    if (result) return result;
    if (Date.now() > until) throw new Error('the page sent no device-check result');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the device check the bot asks the chat page for', () => {
  test('with the camera and microphone allowed: getUserMedia works and the devices are counted', async () => {
    const watched = await live.context(ALLOWED);
    const chat = await CandidateChat.open(await watched.newPage(), live.bot.url);
    const conversationId = await chat.conversationId();
    await botAsksForDeviceCheck(conversationId);

    const result = parseDeviceCheck((await firstCheckResult(conversationId)).value);
    expect(result).toMatchObject({ getUserMedia: 'ok', camera: 'granted', microphone: 'granted' });
    expect(result!.videoInputs).toBeGreaterThanOrEqual(1);
    expect(result!.audioInputs).toBeGreaterThanOrEqual(1);
    expect(Date.parse(result!.checkedAt)).not.toBeNaN();
  });

  test('with the permission refused: the bot hears NotAllowedError and that access is denied', async () => {
    const watched = await live.context(REFUSED);
    const chat = await CandidateChat.open(await watched.newPage(), live.bot.url);
    const conversationId = await chat.conversationId();
    await botAsksForDeviceCheck(conversationId);

    const result = parseDeviceCheck((await firstCheckResult(conversationId)).value);
    expect(result).toMatchObject({ getUserMedia: 'NotAllowedError', camera: 'denied', microphone: 'denied' });
  });

  test('a reload replays the conversation but does not run the same check again', async () => {
    const watched = await live.context(ALLOWED);
    const chat = await CandidateChat.open(await watched.newPage(), live.bot.url);
    const conversationId = await chat.conversationId();
    await botAsksForDeviceCheck(conversationId);
    await firstCheckResult(conversationId);

    await chat.page.reload();
    await chat.waitForText(/What happens when you click your interview link\?/);
    // A replayed request would be answered within a few hundred milliseconds (see the tests above).
    await chat.page.waitForTimeout(1500);
    expect(checkResults(conversationId)).toHaveLength(1);
  });
});

const CAMERA_QUESTION = /device and browser you use for the interview|Which browser are you using for the interview/;

describe('a candidate with a camera problem runs the check from the chat', () => {
  test('allowed: the bot says the camera and microphone work in this browser and what to do on the interview page', async () => {
    const watched = await live.context(ALLOWED);
    const chat = await CandidateChat.open(await watched.newPage(), live.bot.url);
    // Either camera question offers the check: which one depends on whether the page's join event
    // (the browser it runs in) reached the bot before this first message, a race on a loaded machine.
    await chat.says('my camera is not working', CAMERA_QUESTION);
    await chat.clicks('Check my camera and mic', /work in this browser/);
    await screenshot(chat.page, 'chat-device-check-allowed');
  });

  test('refused: the bot says the browser is blocking them and how to allow access', async () => {
    const watched = await live.context(REFUSED);
    const chat = await CandidateChat.open(await watched.newPage(), live.bot.url);
    await chat.says('my microphone does not work', CAMERA_QUESTION);
    await chat.clicks('Check my camera and mic', /blocking/);
  });
});

describe('the check page opened from a link (Teams, or the phone used for the interview)', () => {
  const key = conversationKey('msteams', 'a:1teams-conversation');

  test('with the camera and microphone allowed, the page says they work and sends the result for its conversation', async () => {
    const watched = await live.context(ALLOWED);
    const page = await watched.newPage();
    await page.goto(live.bot.app.deviceCheckLinks.linkFor(key));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your camera and microphone');

    const sent = page.waitForResponse((response) => response.url().includes('/api/device-check'));
    await page.getByRole('button', { name: 'Check my camera and microphone' }).click();
    const response = await sent;
    expect(response.status()).toBe(200);
    const result = parseDeviceCheck(response.request().postDataJSON());
    expect(result).toMatchObject({ getUserMedia: 'ok', camera: 'granted', microphone: 'granted' });
    expect(result!.videoInputs).toBeGreaterThanOrEqual(1);

    const status = page.getByRole('status');
    await status.getByText(/go back to it/).waitFor();
    expect(await status.textContent()).toMatch(/Your camera and microphone work in this browser[\s\S]*Cameras found: [1-9]/);
    await screenshot(page, 'check-page-allowed');
  });

  test('with the permission refused, the page says the browser is blocking them, and the result says NotAllowedError', async () => {
    const watched = await live.context(REFUSED);
    const page = await watched.newPage();
    await page.goto(live.bot.app.deviceCheckLinks.linkFor(key));

    const sent = page.waitForResponse((response) => response.url().includes('/api/device-check'));
    await page.getByRole('button', { name: 'Check my camera and microphone' }).click();
    const response = await sent;
    expect(parseDeviceCheck(response.request().postDataJSON())).toMatchObject({ getUserMedia: 'NotAllowedError', camera: 'denied' });

    const status = page.getByRole('status');
    await status.getByText(/blocking/).waitFor();
    expect(await status.textContent()).toMatch(/Camera access: blocked/);
    await screenshot(page, 'check-page-refused');
  });

  test("the device-check page passes axe's WCAG 2.2 A and AA rules, before and after the check ran", async () => {
    const watched = await live.context(ALLOWED);
    const page = await watched.newPage();
    await page.goto(live.bot.app.deviceCheckLinks.linkFor(key));
    await page.getByRole('button', { name: 'Check my camera and microphone' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Check my camera and microphone' }).click();
    await page.getByRole('status').getByText(/go back to it/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test("a link that doesn't work any more: the page saying so passes axe's WCAG 2.2 A and AA rules", async () => {
    const watched = await live.context();
    const page = await watched.newPage();
    await page.goto(`${live.bot.url}/check?t=not-a-real-token`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe("This link doesn't work any more");
    expect(await accessibilityViolations(page)).toEqual([]);
    // The refused link is logged by the browser as the page's status; nothing else went wrong.
    expect(watched.errors).toEqual(['Failed to load resource: the server responded with a status of 401 (Unauthorized)']);
    watched.errors.length = 0;
  });
});
