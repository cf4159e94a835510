import type { DeviceCheckTokenProblem } from '../deviceCheck/links';
import type { Texts } from '../languages';
import { htmlPage } from './htmlPage';
import { escapeHtml } from './localizedPages';

/** The text of flows/page.yaml that explains each problem. */
const EXPLANATION: Record<DeviceCheckTokenProblem, string> = {
  missing: 'linkProblem.incomplete',
  malformed: 'linkProblem.invalid',
  'bad-signature': 'linkProblem.invalid',
  expired: 'linkProblem.expired',
};

/** The page a device-check link shows when it is not valid any more: what happened and what to do. */
export function linkProblemPage(problem: DeviceCheckTokenProblem, language: string, texts: Texts, styleUrl: string): string {
  const title = texts['linkProblem.title'] ?? '';
  return htmlPage({
    language,
    title,
    styleUrl,
    bodyClass: 'link-problem-page',
    body: `  <main class="check-page">
    <h1>${escapeHtml(title)}</h1>
    <p>${escapeHtml(texts[EXPLANATION[problem]] ?? '')}</p>
  </main>`,
  });
}
