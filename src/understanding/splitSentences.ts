/**
 * The readings of a message: the whole of it, then each sentence when there are several, so a
 * problem stated in one sentence of a long message is not drowned out by the rest.
 */
export function splitSentences(text: string): string[] {
  const sentences = text
    .split(/[.!?;\n]+|\s+(?:but|however|although|though)\s+/i)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
  return sentences.length > 1 ? [text, ...sentences] : [text];
}
