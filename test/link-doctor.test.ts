import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Candidate } from './support/candidate';
import { eventually, startWebhookReceiver } from './support/receivers';
import { startTestBot, type TestBot } from './support/testBot';

/**
 * The link doctor in real conversations over HTTP: what a candidate reads after pasting their
 * interview link, what the recruiter's ticket says about it, and the live check against a
 * stand-in for the interview platform on loopback (reachable only through the test-only setting).
 */

const HOSTS = 'app.hirevire.com,hirevire.com';
const secret = 'a-webhook-secret-of-some-length';
/** How Outlook's Safe Links hands the candidate their link: wrapped in its own address. */
const safeLinks = (url: string) =>
  `https://nam02.safelinks.protection.outlook.com/?url=${encodeURIComponent(url)}&data=05%7C02%7Cpriya%40example.com%7C1a2b%7C0%7C0%7C638%7CUnknown&sdata=Zm9vYmFy%3D&reserved=0`;

interface Asked {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
}

let platform: Server;
const asked: Asked[] = [];
let platformPort: number;
let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let bot: TestBot;
let checking: TestBot;

beforeAll(async () => {
  // The interview platform, as far as a HEAD request can tell: one link it no longer knows, one that works.
  platform = createServer((req, res) => {
    asked.push({ method: req.method, url: req.url, headers: req.headers });
    res.statusCode = req.url?.startsWith('/i/gone') ? 404 : 200;
    res.end(req.method === 'HEAD' ? undefined : 'interview page');
  });
  await new Promise<void>((r) => platform.listen(0, '127.0.0.1', r));
  platformPort = (platform.address() as AddressInfo).port;
  webhook = await startWebhookReceiver(secret);
  bot = await startTestBot({ INTERVIEW_LINK_HOSTS: HOSTS, TICKET_WEBHOOK_URL: webhook.url, TICKET_WEBHOOK_SECRET: secret });
  // The platform's host resolves to the stand-in on loopback, which only the test-only setting lets a check reach.
  checking = await startTestBot(
    { INTERVIEW_LINK_HOSTS: HOSTS, LINK_CHECK: 'on' },
    { linkCheck: { allowLoopback: true, resolve: async () => [{ address: '127.0.0.1', family: 4 }] } },
  );
});
afterAll(async () => {
  await Promise.all([bot.close(), checking.close()]);
  await webhook.close();
  await new Promise<void>((r) => platform.close(() => r()));
});

describe('a candidate who pastes their interview link', () => {
  it('wrapped by Safe Links, with a 404: reads the real link, what had wrapped it, and the 404 advice', async () => {
    const candidate = new Candidate(bot.url);
    await candidate.says(`my interview link gives me a 404 ${safeLinks('https://app.hirevire.com/i/7Gx2QkAb12?invite=ab12cd34')}`);
    expect(candidate.text).toContain('This is your real interview link: https://app.hirevire.com/i/7Gx2QkAb12?invite=ab12cd34');
    expect(candidate.text).toContain('Microsoft Safe Links');
    expect(candidate.text).toMatch(/Ask the company for a new link/);
    expect(candidate.buttons).toEqual(['Yes, pass it on', "No, I'll write to them"]);
    // The link is in hand: the advice doesn't ask for it.
    expect(candidate.text).not.toMatch(/paste it here/);
  });

  it('on a look-alike of the platform: is warned not to enter personal or bank details, with the real site named', async () => {
    const candidate = new Candidate(bot.url);
    await candidate.says('got this invite, the page wants my bank details https://app.hirewire.com/i/7Gx2QkAb12');
    expect(candidate.last[0]?.text).toMatch(/^⚠️ \*\*Be careful:\*\* `app\.hirewire\.com` only looks like \*\*app\.hirevire\.com\*\*/);
    expect(candidate.text).toMatch(/don't enter personal or bank details/i);
    expect(candidate.text).not.toMatch(/This is your real interview link/);
  });

  it('on its own, at the start: reads what was found, then is asked what happens when they open it', async () => {
    const candidate = new Candidate(bot.url);
    await candidate.says(`${safeLinks('https://app.hirevire.com/i/7Gx2QkAb12')}`);
    expect(candidate.text).toContain('This is your real interview link: https://app.hirevire.com/i/7Gx2QkAb12');
    expect(candidate.text).toMatch(/What happens when you open it\?/);
    expect(candidate.buttons).toContain('Page shows 404 / not found');
    expect(candidate.text).not.toMatch(/didn't quite get that/);
  });

  it('cut short, after the page-won\'t-load advice invited it: is told to copy the whole link, and asked the same question again', async () => {
    const candidate = new Candidate(bot.url);
    await candidate.says("the interview page won't load");
    expect(candidate.text).toMatch(/paste it here and I'll check it/);
    await candidate.says('here it is: https://app.hirevire.com/');
    expect(candidate.text).toMatch(/cut short/);
    expect(candidate.buttons).toEqual(['Yes, that worked', 'No, still stuck']);
    await candidate.says('no');
    expect(candidate.text).not.toMatch(/paste it here/);
  });

  it('"expired" about a link Safe Links wrapped: hears a scanner may have used it up first', async () => {
    const candidate = new Candidate(bot.url);
    await candidate.says('it says my link has expired');
    await candidate.says(safeLinks('https://app.hirevire.com/i/7Gx2QkAb12'));
    expect(candidate.text).toMatch(/may have opened the link to check it before you did/);
  });

  it('in Spanish: hears about the link in Spanish, the link\'s letters never switching the language', async () => {
    const candidate = new Candidate(bot.url, undefined, 'es-ES');
    await candidate.says(safeLinks('https://app.hirevire.com/i/7Gx2QkAb12'));
    expect(candidate.text).toContain('https://app.hirevire.com/i/7Gx2QkAb12');
    expect(candidate.text).toContain('¿Qué pasa cuando lo abre?');
    expect(candidate.text).toMatch(/Esta es la dirección real|enlace real/);
  });
});

test('the recruiter\'s ticket carries the clean link and what was found about it', async () => {
  const candidate = new Candidate(bot.url);
  await candidate.says(`404 on my link ${safeLinks('https://app.hirevire.com/i/7Gx2QkAb12')}`);
  const id = await candidate.filesTicket(['Priya Shah', 'priya@example.com', 'Designer', 'Acme', 'a 404 page']);
  expect(id).toMatch(/CS-\d{6,}/);
  const delivery = await eventually(() => webhook.deliveries.find((d) => d.body.ticket?.id === id));
  expect(delivery.body.ticket.interviewLink).toEqual({
    url: 'https://app.hirevire.com/i/7Gx2QkAb12',
    host: 'app.hirevire.com',
    findings: [{ kind: 'wrapped', by: 'Microsoft Safe Links' }],
  });
});

describe('with LINK_CHECK=on, the bot asks the platform about a pasted link', () => {
  const link = (path: string) => `http://app.hirevire.com:${platformPort}${path}`;

  it('a link the platform no longer knows: the candidate hears it is gone and to ask for a new one (one HEAD, no cookie, no GET)', async () => {
    asked.length = 0;
    const candidate = new Candidate(checking.url);
    await candidate.says(link('/i/gone-7Gx2Qk'));
    expect(candidate.text).toMatch(/no longer exists/);
    expect(candidate.text).toMatch(/Ask the company for a new link/);
    expect(asked).toEqual([expect.objectContaining({ method: 'HEAD', url: '/i/gone-7Gx2Qk' })]);
    expect(asked[0]?.headers.cookie).toBeUndefined();
  });

  it('a link that opens from here: the candidate is led to the page-won\'t-load steps', async () => {
    asked.length = 0;
    const candidate = new Candidate(checking.url);
    await candidate.says('404');
    await candidate.says(link('/i/live-7Gx2Qk'));
    expect(candidate.text).toMatch(/opens fine from here/);
    expect(candidate.text).toMatch(/check the link for typos/);
    expect(asked.map((a) => a.method)).toEqual(['HEAD']);
  });

  it('a look-alike is never asked, whatever it resolves to', async () => {
    asked.length = 0;
    const candidate = new Candidate(checking.url);
    await candidate.says(`http://app.hirewire.com:${platformPort}/i/gone-7Gx2Qk`);
    expect(candidate.text).toMatch(/only looks like/);
    expect(asked).toEqual([]);
  });
});
