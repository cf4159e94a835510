import { diagnose, type Diagnosis, type DiagnoseOptions } from './diagnoseLink';
import { checkLinkLive, type LiveCheck, type LiveCheckOptions } from './liveCheck';
import { normalHost } from './judgeLink';

export interface LinkReaderOptions extends DiagnoseOptions {
  /** LINK_CHECK=on: a platform link is also asked with a HEAD request; absent, nothing is ever opened. */
  live?: Omit<LiveCheckOptions, 'hosts'>;
  /** The live check itself (tests count its calls). */
  checkLive?: (url: string, options: LiveCheckOptions) => Promise<LiveCheck>;
  /** Told how each live check went, without the link (operators' logs never carry candidate data). */
  onChecked?: (check: LiveCheck) => void;
}

/**
 * Reads the interview link in a candidate's message: `diagnose` (pure), then, with the live check
 * on, one HEAD request for a whole link on a platform host, its answer a `checked` finding. A look-alike
 * is never asked: it isn't the platform's, whatever it resolves to.
 */
export function createLinkReader({ live, checkLive = checkLinkLive, onChecked, ...options }: LinkReaderOptions) {
  const platformHosts = options.hosts.map(normalHost);
  return async function readLink(message: string): Promise<Diagnosis | undefined> {
    const diagnosis = diagnose(message, options);
    if (diagnosis.url === null) return undefined;
    const onPlatform = diagnosis.host !== null && platformHosts.includes(normalHost(diagnosis.host));
    // Still wrapped, it isn't the platform's link; cut short, a 404 would only say so again, and wrongly blame the company.
    const unfit = diagnosis.findings.some((finding) => ['cannot-unwrap', 'wrapped-too-deep', 'cut-short'].includes(finding.kind));
    if (!live || !onPlatform || unfit) return diagnosis;
    const check = await checkLive(diagnosis.url, { ...live, hosts: options.hosts });
    onChecked?.(check);
    return { ...diagnosis, findings: [...diagnosis.findings, { kind: 'checked', outcome: check.outcome, ...(check.status !== undefined && { status: check.status }) }] };
  };
}

export type ReadLink = ReturnType<typeof createLinkReader>;
