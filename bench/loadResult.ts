import { performance } from 'node:perf_hooks';
import type { TurnLog } from './driver';
import type { ServerProcess } from './processes';
import { machineBusyMs, ownCpuMs } from './procStats';
import { round, summarize, type LatencySummary } from './stats';

/** What a load scenario reports for one server. */
export interface LoadResult {
  turns: number;
  seconds: number;
  turnsPerSecond: number;
  latencyMs: LatencySummary;
  /** The server's CPU time (user + system) per turn answered. */
  cpuMsPerTurn: number;
  /** The driver's (this process's) CPU time per turn: if it nears 1 core, the driver is the limit. */
  driverCpuMsPerTurn: number;
  /**
   * Cores busy with everything else on the machine meanwhile (other processes, the idle server):
   * the noise in these numbers. The machine has os.cpus().length cores in all.
   */
  otherCores: number;
  errors: number;
  divergences: number;
  tickets: number;
  ticketsPerSecond: number;
  ticketLatencyMs?: LatencySummary;
  problems: string[];
}

/** Measures a stretch of load on one server: wall time, its CPU time, and the turns logged meanwhile. */
export function startMeasuring(server: ServerProcess, log: TurnLog) {
  const started = performance.now();
  const cpuBefore = server.cpuMs();
  const driverBefore = ownCpuMs();
  const machineBefore = machineBusyMs();
  const turnsBefore = log.latencies.length;
  const ticketsBefore = log.tickets;
  return function stopMeasuring(): Measured {
    const cpuMs = server.cpuMs() - cpuBefore;
    const driverCpuMs = ownCpuMs() - driverBefore;
    return {
      seconds: (performance.now() - started) / 1000,
      cpuMs,
      driverCpuMs,
      otherCpuMs: Math.max(0, machineBusyMs() - machineBefore - cpuMs - driverCpuMs),
      latencies: log.latencies.slice(turnsBefore),
      tickets: log.tickets - ticketsBefore,
    };
  };
}

export interface Measured {
  seconds: number;
  cpuMs: number;
  driverCpuMs: number;
  otherCpuMs: number;
  latencies: number[];
  tickets: number;
}

/** Adds up stretches (slices, rounds) of one server's load into one result. */
export function combine(parts: readonly Measured[], log: TurnLog): LoadResult {
  const seconds = parts.reduce((sum, p) => sum + p.seconds, 0);
  const cpu = parts.reduce((sum, p) => sum + p.cpuMs, 0);
  const driverCpu = parts.reduce((sum, p) => sum + p.driverCpuMs, 0);
  const otherCpu = parts.reduce((sum, p) => sum + p.otherCpuMs, 0);
  const latencies = parts.flatMap((p) => p.latencies);
  const tickets = parts.reduce((sum, p) => sum + p.tickets, 0);
  return {
    turns: latencies.length,
    seconds: round(seconds),
    turnsPerSecond: round(latencies.length / seconds),
    latencyMs: roundAll(summarize(latencies)),
    cpuMsPerTurn: round(cpu / Math.max(1, latencies.length)),
    driverCpuMsPerTurn: round(driverCpu / Math.max(1, latencies.length)),
    otherCores: round(otherCpu / 1000 / seconds, 2),
    errors: log.errors,
    divergences: log.divergences,
    tickets,
    ticketsPerSecond: round(tickets / seconds),
    ...(log.ticketLatencies.length > 0 && { ticketLatencyMs: roundAll(summarize(log.ticketLatencies)) }),
    problems: log.problems,
  };
}

export const roundAll = (summary: LatencySummary): LatencySummary => ({
  p50: round(summary.p50),
  p95: round(summary.p95),
  p99: round(summary.p99),
  max: round(summary.max),
});

/** One slice's headline numbers, kept in the JSON so the spread between slices shows the noise. */
export function sliceSummary(target: string, part: Measured) {
  const { p50, p99 } = summarize(part.latencies);
  return {
    target,
    turnsPerSecond: round(part.latencies.length / part.seconds),
    p50: round(p50),
    p99: round(p99),
    cpuMsPerTurn: round(part.cpuMs / Math.max(1, part.latencies.length)),
    otherCores: round(part.otherCpuMs / 1000 / part.seconds, 2),
  };
}
