import type { PlaceholderValues } from './packageSettings';

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/**
 * Replaces `{{NAME}}` in every string of the parsed manifest. Working on parsed JSON, not text, means
 * a value can never break the JSON. A placeholder without a value is a problem, named by its path.
 */
export function fillPlaceholders(template: unknown, values: PlaceholderValues): { manifest: unknown; problems: string[] } {
  const problems: string[] = [];
  const fill = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (placeholder, name: string) => {
        if (values[name] !== undefined) return values[name];
        problems.push(`manifest.json ${path || '/'}: ${placeholder} has no value`);
        return placeholder;
      });
    }
    if (Array.isArray(node)) return node.map((item, i) => fill(item, `${path}/${i}`));
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value, `${path}/${key}`)]));
    }
    return node;
  };
  return { manifest: fill(template, ''), problems };
}
