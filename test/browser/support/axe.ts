import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';

/** The WCAG 2.0, 2.1 and 2.2 rules of levels A and AA, the ones our pages promise to meet. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export interface AccessibilityOptions {
  /** How many of a violation's elements to name (default 3). */
  targets?: number;
}

// What the in-page callbacks use; the project compiles without the DOM library, on purpose.
interface AxeResult {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}
declare const window: { axe?: { run(context: unknown, options: unknown): Promise<{ violations: AxeResult[] }> } };
declare const document: unknown;

let source: string | undefined;

/** axe-core's browser build, read once. */
function axeSource(): string {
  source ??= readFileSync(join(dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
  return source;
}

/**
 * Runs axe-core's WCAG 2.2 A and AA rules on the page as it is now and returns one readable line per
 * violation (rule, impact, what it checks, the first elements and what is wrong with them), so that
 * `expect(await accessibilityViolations(page)).toEqual([])` says what to fix.
 *
 * axe goes in through `page.evaluate`, i.e. CDP's Runtime.evaluate, which the page's
 * Content-Security-Policy (`script-src 'self'`) does not apply to: no `bypassCSP`, and no CSP
 * violation is reported. Nothing on a page is left out: an `exclude` would be only for a third-party
 * widget's own markup breaking a rule we can't fix, and none has needed one (Web Chat's included).
 */
export async function accessibilityViolations(page: Page, { targets = 3 }: AccessibilityOptions = {}): Promise<string[]> {
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.evaluate(axeSource());
  const violations = await page.evaluate(
    async (tags) => {
      const { violations } = await window.axe!.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }));
    },
    WCAG_22_AA,
  );
  return violations.map(({ id, impact, help, nodes }) => {
    const shown = nodes.slice(0, targets).map(({ target }) => target.map(String).join(' > '));
    const more = nodes.length > targets ? ` and ${nodes.length - targets} more` : '';
    const summary = (nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').trim();
    return `${id} (${impact ?? 'no impact given'}): ${help}, on ${shown.join(', ')}${more}. ${summary}`;
  });
}
