/*
 * markdown-it's single-file build: the very file the page gives Web Chat (one renderer for both),
 * and a third of the start-up time of requiring its CommonJS modules one by one (12 ms, not 43).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it/dist/markdown-it.min.js') as typeof import('markdown-it');

/**
 * The bot's markdown as HTML for pages the server renders (the greeting, the plain chat), with the
 * same library and settings the page gives Web Chat (chat.js), so a reply reads the same either
 * way. `html: false`: a recruiter's reply is markdown too, and no tag in it may reach the page.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: false });

// Links leave the chat in a new tab, and the page it opens learns nothing about where it came from.
const renderLink = markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  tokens[index]!.attrSet('target', '_blank');
  tokens[index]!.attrSet('rel', 'noopener noreferrer');
  return renderLink(tokens, index, options, env, self);
};

export function markdownToHtml(text: string): string {
  return markdown.render(text);
}
