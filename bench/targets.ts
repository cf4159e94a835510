import type { BenchResults, TargetCheck } from './results';
import { round } from './stats';

/** "Unchanged within noise" for the large store: the spread we see between slices of one server. */
export const LARGE_STORE_TOLERANCE = 0.15;

/** The targets of the benchmark issue (for a 2-core machine), checked against one run. */
export function checkTargets(r: Omit<BenchResults, 'targets'>): TargetCheck[] {
  const loads = [
    ...Object.values(r.steady.results),
    ...Object.values(r.burst),
    r.escalations,
    r.soak.load,
    ...Object.values(r.largeStore.results),
  ];
  const failed = loads.reduce((sum, load) => sum + load.errors, 0);
  const diverged = loads.reduce((sum, load) => sum + load.divergences, 0);
  const perConversation = r.storage.live.bytesPerConversation;
  const large = r.largeStore.ratio;
  return [
    {
      id: 'throughput',
      target: 'bot turns/s ≥ 0.7 × echo',
      measured: `${r.steady.ratio.turnsPerSecond} × echo`,
      pass: r.steady.ratio.turnsPerSecond >= 0.7,
    },
    {
      id: 'tail-latency',
      target: 'bot p99 ≤ 2 × echo p99',
      measured: `${r.steady.ratio.p99} × echo`,
      pass: r.steady.ratio.p99 <= 2,
    },
    {
      id: 'storage',
      target: '≤ 4 KB stored per conversation',
      measured: `${round(perConversation / 1024)} KB (finished conversations: ${round(r.storage.prepopulated.bytesPerConversation / 1024)} KB)`,
      pass: perConversation <= 4096,
    },
    {
      id: 'memory',
      target: 'soak: RSS growth < 5 % (last third vs second third)',
      measured: `${round(r.soak.rssGrowth * 100, 2)} %`,
      pass: r.soak.rssGrowth < 0.05,
    },
    {
      id: 'cold-start',
      target: 'cold start ≤ 1.5 s',
      measured: `${r.coldStart.listeningMs} ms`,
      pass: r.coldStart.listeningMs <= 1500,
    },
    {
      id: 'classification',
      target: 'classification p99 ≤ 2 ms',
      measured: `${r.classification.ms.p99} ms`,
      pass: r.classification.ms.p99 <= 2,
    },
    {
      id: 'large-store',
      target: `large store: turns/s and p50 within ${LARGE_STORE_TOLERANCE * 100} % of an empty store`,
      measured: `turns/s × ${large.turnsPerSecond}, p50 × ${large.p50}`,
      pass: large.turnsPerSecond >= 1 - LARGE_STORE_TOLERANCE && large.p50 <= 1 + LARGE_STORE_TOLERANCE,
    },
    {
      id: 'correctness',
      target: 'no failed turns; the bot follows the planned path',
      measured: `${failed} failed, ${diverged} diverged`,
      pass: failed === 0 && diverged === 0,
    },
  ];
}
