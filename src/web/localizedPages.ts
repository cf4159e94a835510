import type { Texts } from '../languages';

/**
 * An HTML page of src/web/public in one language. The templates mark their words by key, filled
 * here once per language at start-up (no request for strings, nothing inline that runs):
 * - `{{chat.heading}}`: the text, HTML-escaped, `**bold**` as <strong>;
 * - `{{lang}}`: the language, for `<html lang>` (screen readers pronounce the page by it);
 * - `{{json chat}}`: every text under `chat.` as JSON, for a `<script type="application/json">`
 *   data block the page's script reads (data, not code: the CSP's script-src is untouched);
 * - `{{asset chat.js}}`: that file's URL, which names its version (`assetUrl`, pages.ts);
 * - `{{html welcome}}`: HTML made by the server for this language (`fragments`: the greeting, chatHtml.ts).
 */
export function localizePage(
  template: string,
  language: string,
  texts: Texts,
  assetUrl: (name: string) => string | undefined = () => undefined,
  fragments: Record<string, string> = {},
): string {
  return template.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (_marker, name: string) => {
    if (name === 'lang') return escapeHtml(language);
    const fragment = /^html\s+(\S+)$/.exec(name)?.[1];
    if (fragment) {
      if (!(fragment in fragments)) throw new Error(`a page template asks for the HTML "${fragment}", which the server doesn't make`);
      return fragments[fragment]!;
    }
    const assetName = /^asset\s+(\S+)$/.exec(name)?.[1];
    if (assetName) {
      const url = assetUrl(assetName);
      if (url === undefined) throw new Error(`a page template names the asset "${assetName}", which isn't in PAGE_ASSETS (src/web/pageFiles.ts)`);
      return escapeHtml(url);
    }
    const json = /^json\s+([\w.-]+)$/.exec(name);
    if (json) return scriptData(textsUnder(`${json[1]}.`, texts));
    const text = texts[name];
    if (text === undefined) throw new Error(`a page template names "${name}", which flows/page.yaml doesn't have`);
    return withBold(escapeHtml(text));
  });
}

/** The texts whose key starts with `prefix`, keyed by the rest: "check.outcome.ok" → "outcome.ok". */
function textsUnder(prefix: string, texts: Texts): Record<string, string> {
  const under = Object.entries(texts).filter(([key]) => key.startsWith(prefix));
  if (under.length === 0) throw new Error(`a page template asks for the texts under "${prefix}", and flows/page.yaml has none`);
  return Object.fromEntries(under.map(([key, text]) => [key.slice(prefix.length), text]));
}

/** JSON that can't end its <script> element or start a comment in it. */
function scriptData(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function withBold(html: string): string {
  return html.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
}
