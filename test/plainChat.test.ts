import { startTestBot, type TestBot } from './support/testBot';

/**
 * The chat without JavaScript (src/web/plainChat.ts): the page's greeting and topics are forms, and
 * a browser that runs no script posts them to /chat and reads the bot's answer as a page. Real HTTP,
 * as a browser with scripts off sends it: form bodies, a cookie, following the page's own forms.
 */
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(() => bot.close());

/** A browser with JavaScript off: keeps the cookie the server sets, posts what the page's forms post. */
class ScriptlessBrowser {
  cookie: string | undefined;
  constructor(readonly language?: string) {}

  async open(): Promise<string> {
    const response = await fetch(`${bot.url}/${this.language ? `?lang=${this.language}` : ''}`);
    expect(response.status).toBe(200);
    return response.text();
  }

  /** Posts a form and, like a browser, follows the 303 to the answer's page with the cookie it was given. */
  async post(fields: Record<string, string | string[]>, path = `/chat${this.language ? `?lang=${this.language}` : ''}`): Promise<{ status: number; html: string; setCookie: string | null }> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
    const response = await fetch(`${bot.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body,
      redirect: 'manual',
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    if (response.status !== 303) return { status: response.status, html: await response.text(), setCookie };
    await response.body?.cancel();
    const page = await this.get(response.headers.get('location')!);
    return { ...page, setCookie };
  }

  async get(path: string): Promise<{ status: number; html: string }> {
    const response = await fetch(`${bot.url}${path}`, { headers: this.cookie ? { cookie: this.cookie } : {}, redirect: 'manual' });
    return { status: response.status, html: await response.text() };
  }
}

/** The page's text as a reader sees it, tags dropped and entities read. */
function words(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}

/** The choice buttons a page offers, by label. */
function choices(html: string): string[] {
  return [...html.matchAll(/<button type="submit" name="choice" value="([^"]*)"/g)].map((match) => words(match[1]!).trim());
}

describe('a candidate whose browser runs no script', () => {
  test('sees the greeting and the topics in the page itself, as buttons of a form that posts to the chat', async () => {
    const html = await new ScriptlessBrowser().open();
    expect(words(html)).toMatch(/Hi! I help when your video interview link isn.t working/);
    expect(choices(html)).toEqual(expect.arrayContaining(['Page shows 404 / not found', 'Camera or microphone not working', 'Something else']));
    expect(html).toMatch(/<form method="post" action="\/chat\?lang=en" class="send-box"/);
    expect(html).toMatch(/<label for="welcome-message"[^>]*>Your message<\/label>/);
  });

  test('picks a topic, reads the guide\'s steps, answers the next question and is remembered between pages', async () => {
    const browser = new ScriptlessBrowser();
    const topic = await browser.post({ choice: 'Page shows 404 / not found' });
    expect(topic.status).toBe(200);
    expect(topic.setCookie).toMatch(/^plain-chat=[A-Za-z0-9_-]{22}; Path=\/chat; HttpOnly; SameSite=Lax$/);
    expect(words(topic.html)).toMatch(/You said: Page shows 404 \/ not found/);
    expect(words(topic.html)).toMatch(/Ask the company for a new link/);
    expect(choices(topic.html)).toContain('Yes, pass it on');

    const next = await browser.post({ choice: "No, I'll write to them" });
    expect(next.status).toBe(200);
    expect(next.setCookie).toBeNull();
    expect(words(next.html)).toMatch(/position you applied for/);
  });

  test('types a problem in its own words and gets the same answer as a click', async () => {
    const browser = new ScriptlessBrowser();
    const typed = await browser.post({ text: '  my link says 404  ' });
    expect(words(typed.html)).toMatch(/You said: my link says 404 /);
    expect(words(typed.html)).toMatch(/Ask the company for a new link/);
  });

  test('on the Spanish page, is answered in Spanish', async () => {
    const browser = new ScriptlessBrowser('es');
    expect(words(await browser.open())).toMatch(/Escriba su mensaje|Su mensaje/);
    const typed = await browser.post({ text: 'la cámara no funciona' });
    expect(typed.status).toBe(200);
    expect(typed.html).toMatch(/<html lang="es">/);
    expect(words(typed.html)).toMatch(/cámara/i);
    expect(words(typed.html)).not.toMatch(/Your message/);
  });

  test('Start over brings back the first question, in the same conversation', async () => {
    const browser = new ScriptlessBrowser();
    await browser.post({ choice: 'Camera or microphone not working' });
    const again = await browser.post({ command: 'start-over' });
    expect(again.status).toBe(200);
    expect(again.setCookie).toBeNull();
    expect(words(again.html)).toMatch(/You said: Start over/);
    expect(choices(again.html)).toContain('Page shows 404 / not found');
  });

  test('an empty message is asked for again, and the conversation is kept', async () => {
    const browser = new ScriptlessBrowser();
    await browser.post({ choice: 'Camera or microphone not working' });
    const cookie = browser.cookie;
    const empty = await browser.post({ text: '   ' });
    expect(empty.status).toBe(400);
    expect(words(empty.html)).toMatch(/Please type a message, or pick one of the choices/);
    expect(empty.html).toMatch(/id="welcome-message"/);
    expect(browser.cookie).toBe(cookie);
  });

  test('what the candidate typed is shown as text, never as markup', async () => {
    const typed = await new ScriptlessBrowser().post({ text: '<img src=x onerror=alert(1)> it says 404' });
    expect(typed.html).not.toMatch(/<img src=x/);
    expect(typed.html).toMatch(/&#60;img src=x onerror=alert\(1\)&#62; it says 404/);
  });

  test('a cookie it did not get from us starts a conversation of its own', async () => {
    const browser = new ScriptlessBrowser();
    browser.cookie = 'plain-chat=../../conversation/msteams/x';
    const forged = await browser.post({ choice: 'Page shows 404 / not found' });
    expect(forged.status).toBe(200);
    expect(forged.setCookie).toMatch(/^plain-chat=[A-Za-z0-9_-]{22};/);
  });

  test('a form of the wrong shape gets 400 with the message box, never a 500', async () => {
    const browser = new ScriptlessBrowser();
    const shapes: Record<string, string | string[]>[] = [{ choice: ['a', 'b'] }, { command: 'delete-everything' }, { text: 'x'.repeat(5000) }];
    for (const fields of shapes) {
      const { status, html } = await browser.post(fields);
      expect(status).toBe(400);
      expect(html).toMatch(/id="welcome-message"/);
    }
  });

  test('the pages let their forms post to this server only, and the plain chat is never cached', async () => {
    const page = await fetch(`${bot.url}/`);
    expect(page.headers.get('content-security-policy')).toMatch(/form-action 'self'/);
    const browser = new ScriptlessBrowser();
    await browser.post({ text: 'hello' });
    const response = await fetch(`${bot.url}/chat`, { headers: { cookie: browser.cookie! } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toMatch(/form-action 'self'/);
  });

  test('a reload shows the same answer (the ticket number stays) and sends nothing again', async () => {
    const browser = new ScriptlessBrowser();
    const answer = await browser.post({ choice: 'Page shows 404 / not found' });
    const reload = await browser.get('/chat?lang=en');
    expect(reload.status).toBe(200);
    expect(reload.html).toBe(answer.html);
    // Had the reload posted again, the next answer would be to "Page shows 404" a second time.
    const next = await browser.post({ choice: "No, I'll write to them" });
    expect(words(next.html)).toMatch(/position you applied for/);
  });

  test('what they had typed next when the page fell back comes along in the box, unsent, once', async () => {
    const browser = new ScriptlessBrowser();
    const answer = await browser.post({ choice: 'Page shows 404 / not found', draft: 'and the camera is black' });
    expect(answer.html).toMatch(/<input id="welcome-message"[^>]* value="and the camera is black">/);
    expect(words(answer.html)).not.toMatch(/You said: and the camera/);
    const reload = await browser.get('/chat?lang=en');
    expect(reload.html).not.toMatch(/value="and the camera is black"/);
  });

  test('GET /chat without a conversation (a bookmark, another browser) goes back to the page in its language', async () => {
    const response = await fetch(`${bot.url}/chat?lang=fr`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/?lang=fr');
  });
});
