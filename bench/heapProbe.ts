/**
 * Preloaded into a server under test (`node -r dist/bench/heapProbe.js …`) when the benchmark spawns
 * it with an IPC channel: reports the process's own memory twice a second, so the soak can follow
 * the V8 heap as well as RSS without changing the server. Does nothing when there is no channel.
 */
if (process.send) {
  const report = () => {
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    process.send?.({ type: 'memory', rss, heapUsed, heapTotal, external, arrayBuffers });
  };
  setInterval(report, 500).unref();
  process.channel?.unref();
}
