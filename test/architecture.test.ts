import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: { name: string }[];
}

/** Runs dependency-cruiser's CLI (ESM-only, so not imported) with .dependency-cruiser.cjs; returns its violations as lines. */
function cruise(path: string): string[] {
  const run = spawnSync('npx', ['--no-install', 'depcruise', path, '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!run.stdout) throw new Error(`depcruise did not run: ${run.stderr || run.error?.message}`);
  const { summary } = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  return summary.violations.map(({ rule, from, to, cycle }) =>
    cycle ? `${rule.name}: ${from} → ${cycle.map((step) => step.name).join(' → ')}` : `${rule.name}: ${from} → ${to}`,
  );
}

test('no import cycle and no import that runs against the layers (docs/ARCHITECTURE.md, .dependency-cruiser.cjs)', () => {
  expect(cruise('src')).toEqual([]);
});

test('a cycle made only of type imports is reported, so a new one fails the previous test', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-cycle-'));
  try {
    writeFileSync(join(dir, 'a.ts'), "import type { B } from './b';\nexport interface A { b?: B }\n");
    writeFileSync(join(dir, 'b.ts'), "import type { A } from './a';\nexport interface B { a?: A }\n");
    expect(cruise(dir)).toEqual(expect.arrayContaining([expect.stringMatching(/^no-circular: .*a\.ts → .*b\.ts → .*a\.ts$/)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
