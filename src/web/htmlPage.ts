import { escapeHtml } from './localizedPages';

/**
 * A page the server makes per request, around its body: the plain chat's answers, what a device-check
 * link that can't be used says. The same head as the templates in src/web/public: language, phone
 * viewport, light colours, no favicon request, no referrer, the versioned stylesheet, no script.
 */
export function htmlPage({ language, title, styleUrl, bodyClass, body }: { language: string; title: string; styleUrl: string; bodyClass: string; body: string }): string {
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
  <meta name="color-scheme" content="light">
  <meta name="referrer" content="no-referrer">
  <title>${escapeHtml(title)}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${escapeHtml(styleUrl)}">
</head>
<body class="${escapeHtml(bodyClass)}">
${body}
</body>
</html>
`;
}
