import { decideTurnInLanguage, type Engines } from './decideTurnInLanguage';
import type { Reply } from './types';

/**
 * What the bot says when a conversation starts in `language`, before the candidate says anything:
 * the same step every conversation takes first, so a page that shows it (src/web's greeting)
 * can never drift from the flow.
 */
export function greeting(engines: Engines, language: string): Reply[] {
  return decideTurnInLanguage(engines, undefined, { kind: 'start' }, { locale: language }).replies;
}
