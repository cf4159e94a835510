import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, brotliDecompressSync, constants, gzip, gzipSync, gunzipSync } from 'node:zlib';
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

const DECOMPRESS: Record<Coding, (body: Buffer) => Buffer> = { br: brotliDecompressSync, gzip: gunzipSync };

/**
 * Attaches the build's compressed copies of this very body, when there are. Each is decompressed
 * and hashed first (a few ms per file): a stale or damaged copy would break every candidate's page.
 */
export function attachBuiltBodies(file: Asset, folder = join(packageRoot(), BUILT_BODIES_DIR)): void {
  for (const coding of Object.keys(DECOMPRESS) as Coding[]) {
    const path = join(folder, builtBodyName(file.hash, coding));
    if (!existsSync(path)) continue;
    const body = readFileSync(path);
    if (contentHash(DECOMPRESS[coding](body)) !== file.hash) continue;
    (file.encoded ??= {})[coding] = Promise.resolve(body);
  }
}

/** Compresses a small body now, as well as the build would (a 5 KB page takes ~5 ms). */
export function compressNow(file: Asset): void {
  file.encoded = {
    br: Promise.resolve(brotliCompressSync(file.body, brotliAt(11, file.body))),
    gzip: Promise.resolve(gzipSync(file.body, { level: 9 })),
  };
}

/** The body in this coding: the copy made before, or one made now and kept. */
export function encodedBody(file: Asset, coding: Coding): Promise<Buffer> {
  const encoded = (file.encoded ??= {});
  encoded[coding] ??= LAZY_COMPRESSION[coding](file.body);
  return encoded[coding];
}
