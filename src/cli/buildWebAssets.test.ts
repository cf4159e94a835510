import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { asset } from '../web/assets';
import { attachBuiltBodies } from '../web/compressedBodies';
import { pageAssetPaths } from '../web/pageFiles';
import { buildWebAssets } from './buildWebAssets';

// Two of the page's own files: Web Chat's bundle takes seconds at Brotli's best.
const paths = pageAssetPaths();
const files = { 'chat.js': paths['chat.js'], 'styles.css': paths['styles.css'] };

test('the build compresses each page file once, named by its hash, and a second build keeps what it made', async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'web-assets-'));
  writeFileSync(join(outDir, 'AAAAAAAAAAAAAAAA.br'), 'an old version');
  const first: string[] = [];
  await buildWebAssets({ files, outDir, out: (line) => first.push(line) });

  const chat = asset(readFileSync(files['chat.js']), 'chat.js');
  expect(readdirSync(outDir).sort()).toEqual([...[chat.hash, asset(readFileSync(files['styles.css']), 'styles.css').hash].flatMap((hash) => [`${hash}.br`, `${hash}.gz`])].sort());
  expect(brotliDecompressSync(readFileSync(join(outDir, `${chat.hash}.br`))).equals(chat.body)).toBe(true);
  expect(gunzipSync(readFileSync(join(outDir, `${chat.hash}.gz`))).equals(chat.body)).toBe(true);
  expect(first.find((line) => line.startsWith('chat.js:'))).toMatch(/^chat\.js: [\d.]+ KB -> br [\d.]+ KB, gzip [\d.]+ KB \(.{16}, made in \d+ ms\)$/);

  const written = statSync(join(outDir, `${chat.hash}.br`)).mtimeMs;
  const second: string[] = [];
  await buildWebAssets({ files, outDir, out: (line) => second.push(line) });
  expect(second.every((line) => line.endsWith(', kept)'))).toBe(true);
  expect(statSync(join(outDir, `${chat.hash}.br`)).mtimeMs).toBe(written);
});

test('the server sends the build\'s copy of a file, and never a copy that isn\'t of that very file', async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'web-assets-'));
  await buildWebAssets({ files, outDir, out: () => {} });
  const chat = asset(readFileSync(files['chat.js']), 'chat.js');
  attachBuiltBodies(chat, outDir);
  expect((await chat.encoded!.br!).equals(readFileSync(join(outDir, `${chat.hash}.br`)))).toBe(true);

  // A copy under the right name whose bytes are another file's (damaged, or written by hand).
  const styles = asset(readFileSync(files['styles.css']), 'styles.css');
  writeFileSync(join(outDir, `${styles.hash}.br`), readFileSync(join(outDir, `${chat.hash}.br`)));
  attachBuiltBodies(styles, outDir);
  const sent = await styles.encoded!.br!;
  expect(sent.equals(readFileSync(join(outDir, `${chat.hash}.br`)))).toBe(false);
  expect(brotliDecompressSync(sent).equals(styles.body)).toBe(true);
  expect((await styles.encoded!.gzip!).equals(readFileSync(join(outDir, `${styles.hash}.gz`)))).toBe(true);
});
