/**
 * The one of our languages (the folders of flows/locales, and English) a BCP-47 tag asks for:
 * the same tag ("pt-BR"), else the same language in another region ("es-MX" → "es",
 * "pt" or "pt-PT" → "pt-BR", "en-GB" → "en"). Undefined when none is close.
 */
export function matchLanguage(tag: string, available: readonly string[]): string | undefined {
  const wanted = tag.trim().toLowerCase().replace(/_/g, '-');
  if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(wanted)) return undefined;
  const exact = available.find((language) => language.toLowerCase() === wanted);
  if (exact) return exact;
  const primary = wanted.split('-')[0];
  // The plain language first ("es" before "es-419"), then the first regional one.
  const sameLanguage = available.filter((language) => language.toLowerCase().split('-')[0] === primary);
  return sameLanguage.find((language) => !language.includes('-')) ?? sameLanguage[0];
}
