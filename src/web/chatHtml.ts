import type { Texts } from '../languages';
import { escapeHtml } from './localizedPages';
import { markdownToHtml } from './markdown';

/** A bot reply as the pages show it: the engine's Reply, by shape (this layer doesn't import the engine). */
export interface PageReply {
  text: string;
  choices?: readonly { label: string }[];
}

/**
 * The chat as plain HTML, usable before any script runs and with JavaScript off: the bot's
 * messages, its choices as buttons of a form, and a message box. Both forms post to /chat (the
 * plain chat, ./plainChat.ts); with JavaScript, chat.js catches them and hands them to Web Chat.
 * Choices and typed messages are separate forms, so Enter in the box never sends the first choice.
 * The page's language rides in the forms' address (`?lang=`), as in any link to the page.
 */
export function chatHtml({ replies, said, draft, language, texts }: { replies: readonly PageReply[]; said?: string; draft?: string; language: string; texts: Texts }): string {
  const choices = [...replies].reverse().find((reply) => reply.choices && reply.choices.length > 0)?.choices ?? [];
  const action = `/chat?lang=${encodeURIComponent(language)}`;
  return [
    said === undefined ? '' : `<div class="bubble from-candidate"><span class="visually-hidden">${escapeHtml(texts['chat.youSaid'] ?? '')} </span>${escapeHtml(said)}</div>`,
    `<div class="welcome-text">${replies.map((reply) => `<div class="bubble from-bot">${markdownToHtml(reply.text)}</div>`).join('')}</div>`,
    choices.length === 0
      ? ''
      : `<form method="post" action="${action}" class="choices" aria-label="${escapeHtml(texts['chat.choicesLabel'] ?? '')}">${choices
          .map((choice) => `<button type="submit" name="choice" value="${escapeHtml(choice.label)}" class="choice">${escapeHtml(choice.label)}</button>`)
          .join('')}</form>`,
    `<form method="post" action="${action}" class="send-box" id="welcome-send">` +
      `<label for="welcome-message" class="visually-hidden">${escapeHtml(texts['chat.messageLabel'] ?? '')}</label>` +
      `<input id="welcome-message" name="text" type="text" required maxlength="${MAX_MESSAGE_LENGTH}" autocomplete="off" placeholder="${escapeHtml(texts['chat.messagePlaceholder'] ?? '')}"${draft ? ` value="${escapeHtml(draft)}"` : ''}>` +
      `<button type="submit" class="button">${escapeHtml(texts['chat.send'] ?? '')}</button></form>`,
  ].join('\n');
}

/** What the message box takes (a Web Chat message is bounded by the activity guard; this is well under it). */
export const MAX_MESSAGE_LENGTH = 2000;
