/** The page a device-check link shows when it is not valid any more: what happened and what to do. */
export function linkProblemPage(message: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="referrer" content="no-referrer">
  <title>This link doesn't work any more</title>
  <link rel="stylesheet" href="/assets/styles.css">
</head>
<body>
  <main class="check-page">
    <h1>This link doesn't work any more</h1>
    <p>${escapeHtml(message)}</p>
  </main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
