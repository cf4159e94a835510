/**
 * What the candidate typed, shown back (the form's review) as they typed it, on every channel.
 * Web Chat reads Markdown with backslash escapes; Teams cards read a Markdown subset without them,
 * so a backslash would show there ("Dev \(Backend\)"). Instead, the few characters that could
 * format are swapped for look-alikes or split by an invisible space, and braces can't form a
 * `{placeholder}` the turn would fill. The ticket keeps the answer exactly as typed.
 */
export function shownAsTyped(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\*/g, '\u2217') // ∗: no bold or italics
    .replace(/`/g, '\u02cb') // ˋ: no code
    .replace(/~/g, '\u223c') // ∼: no strikethrough
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\uff3f') // ＿ at a word's edge: no italics; "jo_marsh@" keeps its own
    .replace(/\](?=\()/g, ']\u200b') // "[text](url)" and images are no link
    .replace(/\{/g, '{\u200b'); // never a {placeholder}
}
