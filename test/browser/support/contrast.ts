import type { Locator } from 'playwright-core';

// What the in-page callback uses; the project compiles without the DOM library, on purpose.
interface StyledNode {
  parentElement: StyledNode | null;
}
declare function getComputedStyle(node: StyledNode, pseudo: string | null): { color: string; backgroundColor: string };

/** WCAG 2.x contrast ratio of two CSS colours (rgb()/rgba(); alpha blended onto white). */
export function contrastRatio(foreground: string, background: string): number {
  const [l1, l2] = [luminance(parse(foreground)), luminance(parse(background))].sort((a, b) => b - a) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

/**
 * An element's text colour against the first opaque background behind it (walking up the DOM),
 * or its ::placeholder colour when asked.
 */
export async function textContrast(element: Locator, pseudo?: '::placeholder'): Promise<number> {
  const { color, background } = await element.evaluate((el, pseudoElement) => {
    const color = getComputedStyle(el as StyledNode, pseudoElement ?? null).color;
    let node: StyledNode | null = el as StyledNode;
    let background = 'rgb(255, 255, 255)';
    while (node) {
      const value = getComputedStyle(node, null).backgroundColor;
      if (value && value !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(value)) {
        background = value;
        break;
      }
      node = node.parentElement;
    }
    return { color, background };
  }, pseudo);
  return contrastRatio(color, background);
}

function parse(css: string): [number, number, number] {
  const match = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(css);
  if (!match) throw new Error(`not an rgb() colour: ${css}`);
  const alpha = match[4] === undefined ? 1 : Number(match[4]);
  return [1, 2, 3].map((i) => Number(match[i]) * alpha + 255 * (1 - alpha)) as [number, number, number];
}

function luminance([r, g, b]: [number, number, number]): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
