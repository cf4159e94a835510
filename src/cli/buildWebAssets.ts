import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODINGS, contentHash, packageRoot } from '../web/assets';
import { BUILD_COMPRESSION, BUILT_BODIES_DIR, builtBodyName } from '../web/compressedBodies';
import { pageAssetPaths } from '../web/pageFiles';

export interface BuildWebAssetsOptions {
  /** The files to compress, by the name printed for each. */
  files: Record<string, string>;
  /** Where the copies go, named `<content hash>.br` and `.gz` (the server looks there by hash). */
  outDir: string;
  out: (line: string) => void;
}

/**
 * `npm run build`, after tsc: each page asset compressed as small as Brotli and gzip go, once, so
 * neither a request nor a start-up pays for it (src/web/compressedBodies.ts). A file whose copies
 * exist is skipped: its hash names its content, so they are that file's. Copies of versions no
 * longer there are removed, so edits don't pile up (a running server holds its own in memory).
 */
export async function buildWebAssets({ files, outDir, out }: BuildWebAssetsOptions): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const bodies = Object.entries(files).map(([name, path]) => {
    const body = readFileSync(path);
    return { name, body, hash: contentHash(body) };
  });
  const current = new Set(bodies.flatMap(({ hash }) => CODINGS.map((coding) => builtBodyName(hash, coding))));
  const stale = readdirSync(outDir).filter((file) => /^[\w-]{16}\.(br|gz)$/.test(file) && !current.has(file));
  for (const file of stale) rmSync(join(outDir, file));
  await Promise.all(
    bodies.map(async ({ name, body, hash }) => {
      const started = performance.now();
      let made = 0;
      for (const coding of CODINGS) {
        const target = join(outDir, builtBodyName(hash, coding));
        if (existsSync(target)) continue;
        // Written aside, then renamed: a build stopped halfway leaves no half file to serve.
        const partial = `${target}.${process.pid}.partial`;
        writeFileSync(partial, await BUILD_COMPRESSION[coding](body));
        renameSync(partial, target);
        made++;
      }
      const sizes = CODINGS.map((coding) => `${coding} ${kb(statSync(join(outDir, builtBodyName(hash, coding))).size)}`).join(', ');
      const what = made === 0 ? 'kept' : `made in ${Math.round(performance.now() - started)} ms`;
      out(`${name}: ${kb(body.length)} -> ${sizes} (${hash}, ${what})`);
    }),
  );
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

if (require.main === module) {
  const root = packageRoot();
  buildWebAssets({ files: pageAssetPaths(root), outDir: join(root, BUILT_BODIES_DIR), out: (line) => process.stdout.write(`${line}\n`) }).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
