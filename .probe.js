const { chromium } = require('playwright-core');
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox'] });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('http://127.0.0.1:3998/');
  await page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name: 'Page shows 404 / not found' }).waitFor();
  console.log(await page.evaluate(() => [...document.querySelectorAll('[class*=webchat__], input, textarea, button, [role]')].map(e => e.tagName + '.' + [...e.classList].filter(c => c.startsWith('webchat__')).join('.') + (e.getAttribute('role') ? '[role=' + e.getAttribute('role') + ']' : '') + (e.getAttribute('aria-label') ? '[aria-label=' + e.getAttribute('aria-label').slice(0,40) + ']' : '')+ (e.getAttribute('tabindex') ? '[tabindex=' + e.getAttribute('tabindex') + ']' : '')).filter((v, i, a) => a.indexOf(v) === i).join('\n')));
  await browser.close();
})();
