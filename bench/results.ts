import type { PostgresScaleRow } from './postgres';
import type { ColdStartResult } from './scenarios/coldStart';
import type { AlternatingResult } from './scenarios/alternate';
import type { BurstResult } from './scenarios/burst';
import type { SoakResult } from './scenarios/soak';
import type { LoadResult } from './loadResult';
import type { BenchOptions } from './options';
import type { StoredSize } from './storedSize';
import type { LatencySummary } from './stats';

export interface MemoryReading {
  rssMB: number;
  heapUsedMB?: number;
}

/** Everything one run measured: written as bench/results/latest.json, summarised in latest.md. */
export interface BenchResults {
  /** One vs two bot instances on one PostgreSQL database (only when BENCH_DATABASE_URL is set). */
  postgres?: PostgresScaleRow[];
  mode: BenchOptions['mode'];
  startedAt: string;
  durationSeconds: number;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; memoryMB: number };
  settings: BenchOptions;
  engine: { buildMs: number; stepMs: LatencySummary; stepTurns: number };
  classification: { utterances: number; calls: number; ms: LatencySummary; allCallsMs: LatencySummary };
  plans: { count: number; meanTurns: number; outcomes: Record<string, number> };
  coldStart: ColdStartResult;
  steady: AlternatingResult & { ratio: { turnsPerSecond: number; p99: number } };
  burst: Record<string, BurstResult>;
  escalations: LoadResult;
  soak: SoakResult;
  memory: Record<'bot' | 'echo', { before: MemoryReading; after: MemoryReading }>;
  storage: { live: StoredSize; prepopulated: StoredSize };
  largeStore: AlternatingResult & { conversations: number; populateSeconds: number; ratio: { turnsPerSecond: number; p50: number; p99: number } };
  targets: TargetCheck[];
}

export interface TargetCheck {
  id: string;
  target: string;
  measured: string;
  pass: boolean;
}
