/**
 * The bot's own words (flows/ is Markdown, for Teams and Web Chat) as a recruiter reads them on a
 * ticket: emphasis markers, code ticks and backslash escapes dropped, a link as "text (address)".
 * List markers and line breaks stay, since they read as plain text too. Only for text the bot
 * wrote: what the candidate typed is never Markdown to us, and is neutralised instead.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(?<![\w*])([*_])(?=\S)([^\n*_]*?\S)\1(?![\w*])/g, '$2')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1')
    .replace(/\*\*/g, ''); // a bold cut open by clipping (the transcript keeps a reply's opening only)
}
