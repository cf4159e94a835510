/** How long and how hard each scenario runs: the full run (≈10 min) or `--quick` (≈2 min). */
export interface BenchOptions {
  mode: 'full' | 'quick';
  /** Planned conversations, reused round-robin with fresh conversation ids. */
  plans: number;
  escalationShare: number;
  coldStartRuns: number;
  classificationRepetitions: number;
  steady: AlternatingLoad;
  burst: { conversations: number; rounds: number };
  /** Conversations that all end in a ticket, started together. */
  escalations: { conversations: number };
  soak: { candidates: number; ms: number; sampleMs: number };
  largeStore: AlternatingLoad & { conversations: number };
}

export interface AlternatingLoad {
  candidates: number;
  /**
   * Slices per server: bot, echo, echo, bot, bot, echo… so drift and ordering hit both alike. Short
   * slices, because what disturbs a shared machine (a test run next door) comes and goes in seconds.
   */
  slices: number;
  sliceMs: number;
  /** Per server, before the first measured slice: JIT, SQLite cache, connections. */
  warmupMs: number;
}

const FULL: BenchOptions = {
  mode: 'full',
  plans: 2000,
  escalationShare: 0.1,
  coldStartRuns: 5,
  classificationRepetitions: 20,
  steady: { candidates: 200, slices: 10, sliceMs: 5_000, warmupMs: 5_000 },
  burst: { conversations: 1000, rounds: 3 },
  escalations: { conversations: 600 },
  soak: { candidates: 200, ms: 300_000, sampleMs: 1_000 },
  largeStore: { conversations: 100_000, candidates: 200, slices: 6, sliceMs: 5_000, warmupMs: 3_000 },
};

const QUICK: BenchOptions = {
  mode: 'quick',
  plans: 1000,
  escalationShare: 0.1,
  coldStartRuns: 3,
  classificationRepetitions: 5,
  steady: { candidates: 200, slices: 2, sliceMs: 3_000, warmupMs: 1_000 },
  burst: { conversations: 1000, rounds: 1 },
  escalations: { conversations: 150 },
  // Not shorter: V8 sizes the heap over the first half-minute of load, and the soak judges what comes after.
  soak: { candidates: 200, ms: 60_000, sampleMs: 1_000 },
  largeStore: { conversations: 20_000, candidates: 200, slices: 2, sliceMs: 3_000, warmupMs: 1_000 },
};

export function readOptions(argv: readonly string[]): BenchOptions {
  const unknown = argv.filter((arg) => arg !== '--quick');
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown.join(' ')}\nusage: npm run bench [-- --quick]`);
  return argv.includes('--quick') ? QUICK : FULL;
}
