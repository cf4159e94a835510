/**
 * The import rules of src/ (docs/ARCHITECTURE.md, "Layers"). test/architecture.test.ts runs
 * `npx depcruise src` with this file and fails listing every violation; run it by hand the same way.
 *
 * LAYERS is the "depends on" column of the layer table: each folder (or top-level file) may import
 * only itself and the ones it lists. The order it encodes, lowest first:
 *   log, lruCache, clip, yamlFile < languages < device, understanding < links, flow < engine < insights
 *   log < storage, server (the HTTP toolkit) < tickets, deviceCheck, directline < web
 *   engine, storage, tickets < conversation;  tickets, web, server < config (it composes their shapes)
 *   insights, tickets, server < metrics (fed by hooks the wiring passes down: nothing imports it but app.ts)
 *   insights, tickets, server, web < insightsPage (the operators' /insights page and its API: nothing imports it but app.ts)
 *   conversation, config < bot;  everything < app.ts, index.ts, openStores.ts, postgresMigrations.ts, retention.ts, cli/
 */
const LAYERS = {
  log: [],
  lruCache: [],
  clip: [],
  yamlFile: [],
  languages: ['yamlFile'],
  links: ['understanding'],
  device: ['lruCache'],
  understanding: ['lruCache'],
  flow: ['device', 'understanding', 'languages', 'yamlFile'],
  engine: ['flow', 'device', 'understanding', 'languages', 'links'],
  insights: ['engine', 'flow', 'clip'],
  storage: ['log'],
  server: ['log'],
  tickets: ['storage', 'server', 'device', 'log', 'clip', 'languages'],
  deviceCheck: ['server', 'device', 'log'],
  directline: ['server', 'log'],
  web: ['deviceCheck', 'server', 'log', 'languages', 'lruCache'],
  conversation: ['engine', 'flow', 'device', 'storage', 'tickets', 'log', 'clip', 'links', 'insights'],
  config: ['tickets', 'web', 'server'],
  metrics: ['insights', 'tickets', 'server', 'log'],
  insightsPage: ['insights', 'tickets', 'server', 'web'],
  bot: ['conversation', 'config', 'engine', 'flow', 'device', 'deviceCheck', 'tickets', 'log', 'lruCache'],
  teams: [],
};

/** `src/<name>/…` for a folder, `src/<name>.ts` for a top-level file. */
const pathOf = (names) => `^src/(${names.join('|')})(/|\\.ts$)`;

const layerRules = Object.entries(LAYERS).map(([layer, allowed]) => ({
  name: `layer-${layer}`,
  comment: `src/${layer} may import only ${allowed.length ? allowed.join(', ') : 'itself'} within src/ (see docs/ARCHITECTURE.md)`,
  severity: 'error',
  // Tests may reach for any helper; the layers are about what ships.
  from: { path: pathOf([layer]), pathNot: '\\.test\\.ts$' },
  to: { path: '^src/', pathNot: pathOf([layer, ...allowed]) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle, type-only imports included: split the shared part out, or invert the dependency.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'A file nothing imports: dead code, or an entry point missing from this list.',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: ['\\.test\\.ts$', '/fixtures/', '\\.contract\\.ts$', '\\.d\\.ts$', '^src/web/public/', '^src/index\\.ts$', '^src/cli/', '^src/teams/writeIcons\\.ts$'],
      },
      to: {},
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/web/public/' },
    // Type-only imports are dependencies too: a cycle through types still ties the layers together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
