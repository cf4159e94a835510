import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants, gunzip, gzip } from 'node:zlib';
import { contentHash, packageRoot, type Asset, type Coding } from './assets';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Where `npm run build` (src/cli/buildWebAssets.ts) leaves the compressed copies, named by content hash. */
export const BUILT_BODIES_DIR = 'dist/web-assets';

export function builtBodyName(hash: string, coding: Coding): string {
  return `${hash}.${coding === 'br' ? 'br' : 'gz'}`;
}

const brotliAt = (quality: number, body: Buffer) => ({
  params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
});

/**
 * The smallest bodies, made once at build time: Brotli's quality 11 takes 4-8 s for Web Chat's
 * 1.9 MB bundle (374 KB, against 426 KB at quality 5), far too slow for a request or a start-up.
 */
export const BUILD_COMPRESSION: Record<Coding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) => brotliAsync(body, brotliAt(11, body)),
  gzip: (body) => gzipAsync(body, { level: 9 }),
};

/**
 * Without a build (a run from src/), compressed on first request, off the event loop. Brotli at
 * quality 5: ~110 ms for the 1.9 MB bundle and 426 KB, still smaller than gzip's 484 KB; 6 or 7
 * save another 2% for 1.5-3x the time.
 */
const LAZY_COMPRESSION: Record<Coding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) => brotliAsync(body, brotliAt(5, body)),
  gzip: (body) => gzipAsync(body, { level: 9 }),
};

const DECOMPRESS: Record<Coding, (body: Buffer) => Promise<Buffer>> = { br: promisify(brotliDecompress), gzip: promisify(gunzip) };

/**
 * Attaches the build's compressed copies of this very body, when there are. Each is read,
 * decompressed and hashed off the event loop while the server starts (~50 ms in all, which a
 * start-up shouldn't wait for); a stale or damaged copy would break every candidate's page, so
 * one that doesn't match is made again instead. A request that comes first waits for the check.
 */
export function attachBuiltBodies(file: Asset, folder = join(packageRoot(), BUILT_BODIES_DIR)): void {
  for (const coding of Object.keys(DECOMPRESS) as Coding[]) {
    const path = join(folder, builtBodyName(file.hash, coding));
    if (!existsSync(path)) continue;
    (file.encoded ??= {})[coding] = checkedCopy(path, coding, file);
  }
}

async function checkedCopy(path: string, coding: Coding, file: Asset): Promise<Buffer> {
  try {
    const body = await readFile(path);
    if (contentHash(await DECOMPRESS[coding](body)) === file.hash) return body;
  } catch {
    // Unreadable or not what its name says: made again below.
  }
  return LAZY_COMPRESSION[coding](file.body);
}

/** Compresses a small body as well as the build would (~5 ms a page), in the background: start-up doesn't wait. */
export function compressInBackground(file: Asset): void {
  file.encoded = {
    br: brotliAsync(file.body, brotliAt(11, file.body)),
    gzip: gzipAsync(file.body, { level: 9 }),
  };
}

/** The body in this coding: the copy made before, or one made now and kept. */
export function encodedBody(file: Asset, coding: Coding): Promise<Buffer> {
  const encoded = (file.encoded ??= {});
  encoded[coding] ??= LAZY_COMPRESSION[coding](file.body);
  return encoded[coding];
}
