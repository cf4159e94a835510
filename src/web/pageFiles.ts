import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { asset, packageRoot, type Asset } from './assets';
import { attachBuiltBodies, BUILT_BODIES_DIR } from './compressedBodies';

/** The HTML pages, templates localized at start-up (localizedPages.ts). */
export const PAGE_TEMPLATES = ['index.html', 'check.html'] as const;
export type PageTemplate = (typeof PAGE_TEMPLATES)[number];

/** What the pages load, by the name a template gives it in `{{asset chat.js}}`: nothing else is served. */
export const PAGE_ASSETS = ['chat.js', 'checkPage.js', 'deviceCheck.js', 'styles.css', 'webchat-minimal.js', 'markdown-it.min.js'] as const;
export type PageAsset = (typeof PAGE_ASSETS)[number];

export interface PageFiles {
  templates: Record<PageTemplate, string>;
  assets: Record<PageAsset, Asset>;
}

/**
 * Where each page asset is: ours in src/web/public (not compiled, so found from the package root
 * whether this runs from src/ or dist/src/), the vendors' in node_modules at the versions
 * package-lock.json pins, never a CDN (the page works where one is blocked). Web Chat's minimal
 * bundle is half the full one's bytes: it lacks Adaptive Cards and speech, which the web
 * conversation doesn't use, and markdown, which chat.js renders with markdown-it.
 */
export function pageAssetPaths(root = packageRoot()): Record<PageAsset, string> {
  const ours = (name: string) => join(root, 'src/web/public', name);
  const webChat = join(dirname(require.resolve('botframework-webchat')), '../dist');
  const markdownIt = join(dirname(require.resolve('markdown-it/package.json')), 'dist');
  return {
    'chat.js': ours('chat.js'),
    'checkPage.js': ours('checkPage.js'),
    'deviceCheck.js': ours('deviceCheck.js'),
    'styles.css': ours('styles.css'),
    'webchat-minimal.js': join(webChat, 'webchat-minimal.js'),
    'markdown-it.min.js': join(markdownIt, 'markdown-it.min.js'),
  };
}

/**
 * Read once at start-up, with the build's compressed copies when it made them: a missing file
 * stops the server rather than a candidate's page.
 */
export function loadPageFiles(root = packageRoot(), builtBodies = join(root, BUILT_BODIES_DIR)): PageFiles {
  const paths = pageAssetPaths(root);
  const assets = Object.fromEntries(
    PAGE_ASSETS.map((name) => {
      const file = asset(readFileSync(paths[name]), name);
      attachBuiltBodies(file, builtBodies);
      return [name, file];
    }),
  ) as Record<PageAsset, Asset>;
  const templates = Object.fromEntries(PAGE_TEMPLATES.map((name) => [name, readFileSync(join(root, 'src/web/public', name), 'utf8')])) as Record<PageTemplate, string>;
  return { templates, assets };
}
