import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { LoadedTexts, Texts } from '../languages';
import type { Logger } from '../log';
import { LruCache } from '../lruCache';
import { clientAddress } from '../server/clientAddress';
import type { RateLimit } from '../server/rateLimit';
import { chatHtml, MAX_MESSAGE_LENGTH, type PageReply } from './chatHtml';
import { htmlPage } from './htmlPage';
import { escapeHtml } from './localizedPages';
import { pageLanguage } from './pageLanguage';

/** The channel the plain chat's conversations are stored under (and counted by, in insights). */
export const PLAIN_CHAT_CHANNEL = 'webpage';

/**
 * One turn of a plain-chat conversation, done by the conversation layer (the wiring passes it in):
 * a new conversation starts first (its greeting is already on the page, so only the answer to the
 * message comes back).
 */
export type PlainChatTurn = (turn: { conversationId: string; isNew: boolean; text: string; language: string; userAgent: string }) => Promise<PageReply[]>;

export interface PlainChatOptions {
  turn: PlainChatTurn;
  texts: Pick<LoadedTexts, 'languages' | 'texts'>;
  /** The chat page's security headers (its CSP lets forms post to this server only). */
  pageHeaders: (req: Request, res: Response) => void;
  /** The page's stylesheet, as the pages link it. */
  styleUrl: string;
  rateLimit: RateLimit;
  /** The cookie says `Secure` when candidates reach the server over https (PUBLIC_URL). */
  secureCookie: boolean;
  log: Logger;
}

const COOKIE = 'plain-chat';
const CONVERSATION_ID = /^[A-Za-z0-9_-]{22}$/;
/** How long a reload (or Back) still shows the last answer; then it's the greeting again. */
const EXCHANGE_TTL_MS = 60 * 60 * 1000;

/** What the candidate last said and the bot's answer: what GET /chat shows after a post. */
interface Exchange {
  said: string;
  replies: PageReply[];
  draft?: string;
  at: number;
}

/** What the page's forms send: a choice's label, a typed message, or Start over. Anything else is a 400. */
const PlainChatForm = z.object({
  choice: z.string().max(MAX_MESSAGE_LENGTH).optional(),
  text: z.string().max(MAX_MESSAGE_LENGTH * 2).optional(),
  command: z.literal('start-over').optional(),
  /** What the candidate had typed next when the page fell back to this chat: shown in the box, not sent. */
  draft: z.string().max(MAX_MESSAGE_LENGTH).optional(),
});

/**
 * POST /chat: the chat without JavaScript. The page's greeting, choices and message box are forms
 * (./chatHtml.ts); when no script takes them over (JavaScript off, Web Chat blocked or failed to
 * load), the browser posts them here and is sent on to GET /chat: the bot's answer as a page, with
 * the next choices and the box again. The conversation is a random id in an HttpOnly, SameSite cookie: no other
 * site can post into it, and no script can read it.
 */
export function registerPlainChat(server: Server, { turn, texts, pageHeaders, styleUrl, rateLimit, secureCookie, log }: PlainChatOptions): void {
  // The last exchange of each conversation, in this process: posts redirect to GET /chat (post,
  // redirect, get), so a reload or Back never sends an answer twice (the ticket number stays on screen).
  const exchanges = new LruCache<string, Exchange>(5_000);
  const renderPage = (req: Request, res: Response) => {
    pageHeaders(req, res);
    res.setHeader('Cache-Control', 'no-store');
    const language = pageLanguage(req.url, req.headers['accept-language'], texts.languages);
    res.header('Content-Language', language);
    const words = texts.texts[language]!;
    return { language, words, send: (status: number, body: string): void => void res.sendRaw(status, plainChatPage({ language, texts: words, styleUrl, body }), { 'Content-Type': 'text/html; charset=utf-8' }) };
  };

  server.get('/chat', async function plainChatAnswer(req: Request, res: Response) {
    const id = cookieOf(req.headers.cookie, COOKIE);
    const exchange = id === undefined ? undefined : exchanges.get(id);
    if (!exchange || Date.now() - exchange.at > EXCHANGE_TTL_MS) {
      // Nothing to show: back to the page's greeting, in the same language.
      res.header('Location', `/${new URL(req.url ?? '/', 'http://localhost').search}`);
      res.send(303);
      return;
    }
    const { language, words, send } = renderPage(req, res);
    send(200, chatHtml({ replies: exchange.replies, said: exchange.said, draft: exchange.draft, language, texts: words }));
    exchange.draft = undefined; // once: a reload later shows an empty box
  });

  server.post('/chat', async function plainChatTurn(req: Request, res: Response) {
    const { language, words, send } = renderPage(req, res);
    const client = clientAddress(req);
    if (!rateLimit.allow(client)) {
      res.header('Retry-After', String(rateLimit.retryAfter(client)));
      send(429, notice(words['chat.tooFast'], language, words));
      return;
    }
    const form = PlainChatForm.safeParse(req.body ?? {});
    const said = !form.success ? '' : form.data.command ? words['chat.startOver']! : (form.data.choice ?? form.data.text ?? '').trim().slice(0, MAX_MESSAGE_LENGTH);
    if (said === '') {
      send(400, notice(words['chat.emptyMessage'], language, words));
      return;
    }
    const text = form.success && form.data.command ? 'start over' : said;

    const cookieId = cookieOf(req.headers.cookie, COOKIE);
    const conversationId = cookieId && CONVERSATION_ID.test(cookieId) ? cookieId : randomBytes(16).toString('base64url');
    let replies: PageReply[];
    try {
      replies = await turn({ conversationId, isNew: conversationId !== cookieId, text, language, userAgent: String(req.headers['user-agent'] ?? '') });
    } catch (error) {
      log.error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'plain chat turn failed');
      send(503, notice(words['chat.couldNotAnswer'], language, words, said));
      return;
    }
    exchanges.set(conversationId, { said, replies, draft: form.success ? form.data.draft?.trim() || undefined : undefined, at: Date.now() });
    if (conversationId !== cookieId) {
      res.header('Set-Cookie', `${COOKIE}=${conversationId}; Path=/chat; HttpOnly; SameSite=Lax${secureCookie ? '; Secure' : ''}`);
    }
    res.header('Location', `/chat?lang=${encodeURIComponent(language)}`);
    res.send(303);
  });
}

/** A sentence in the bot's place (a problem with the message itself) and the box to try again. */
function notice(sentence: string | undefined, language: string, texts: Texts, said?: string): string {
  return chatHtml({ replies: [{ text: sentence ?? '' }], said, language, texts });
}

/** The whole page around an exchange: the same header, Start over as a form button, no script. */
function plainChatPage({ language, texts, styleUrl, body }: { language: string; texts: Texts; styleUrl: string; body: string }): string {
  const say = (key: string) => escapeHtml(texts[key] ?? '');
  return htmlPage({
    language,
    title: texts['chat.title'] ?? '',
    styleUrl,
    bodyClass: 'plain-chat-page',
    body: `  <header class="top-bar">
    <h1>${say('chat.heading')}</h1>
    <form method="post" action="/chat?lang=${encodeURIComponent(language)}"><button type="submit" name="command" value="start-over" class="button" aria-describedby="start-over-hint">${say('chat.startOver')}</button></form>
    <span id="start-over-hint" class="visually-hidden">${say('chat.startOverHint')}</span>
  </header>
  <main class="plain-chat" aria-label="${say('chat.chatLabel')}">
${body}
  </main>`,
  });
}

/** One cookie's value from a Cookie header, or undefined. */
function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
