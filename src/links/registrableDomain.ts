/**
 * Second-level suffixes under which a name is registered one level deeper (`acme.co.uk`). A short
 * list, not the Public Suffix List: enough to compare a host with the platform's, not to set cookies.
 */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'or', 'ne', 'go']);

export interface HostParts {
  /** The name someone registered, with its suffix: `hirevire.com` for `app.hirevire.com`. */
  registrable: string;
  /** That name without its suffix: `hirevire`. */
  name: string;
  /** The public suffix: `com`, `co.uk`. */
  suffix: string;
  /** The labels in front of the registrable name: `app`. */
  subdomain: string;
}

export function hostParts(host: string): HostParts {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  const last = labels.at(-1) ?? '';
  const secondLast = labels.at(-2) ?? '';
  const suffixLabels = labels.length > 2 && last.length === 2 && SECOND_LEVEL.has(secondLast) ? 2 : 1;
  const suffix = labels.slice(-suffixLabels).join('.');
  const name = labels.at(-suffixLabels - 1) ?? '';
  return {
    registrable: name ? `${name}.${suffix}` : suffix,
    name,
    suffix,
    subdomain: labels.slice(0, -suffixLabels - 1).join('.'),
  };
}
