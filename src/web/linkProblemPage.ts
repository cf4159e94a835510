import type { DeviceCheckTokenProblem } from '../deviceCheck/links';
import type { Texts } from '../languages';
import { escapeHtml } from './localizedPages';


/** The text of flows/page.yaml that explains each problem. */
const EXPLANATION: Record<DeviceCheckTokenProblem, string> = {
  missing: 'linkProblem.incomplete',
  malformed: 'linkProblem.invalid',
  'bad-signature': 'linkProblem.invalid',
  expired: 'linkProblem.expired',
};

/** The page a device-check link shows when it is not valid any more: what happened and what to do. */
export function linkProblemPage(problem: DeviceCheckTokenProblem, language: string, texts: Texts): string {
  const title = escapeHtml(texts['linkProblem.title'] ?? '');
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="referrer" content="no-referrer">
  <title>${title}</title>
  <link rel="stylesheet" href="/assets/styles.css">
</head>
<body>
  <main class="check-page">
    <h1>${title}</h1>
    <p>${escapeHtml(texts[EXPLANATION[problem]] ?? '')}</p>
  </main>
</body>
</html>
`;
}
