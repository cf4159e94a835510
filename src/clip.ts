/**
 * Cuts text to at most `max` characters, marking the cut with "…". Never splits an emoji or
 * other astral character in half (a lone surrogate shows as "�" and breaks some JSON readers).
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
