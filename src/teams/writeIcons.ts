import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { drawColorIcon, drawOutlineIcon } from './icons';
import { manifestDir } from './paths';

/**
 * Redraws manifest/color.png and manifest/outline.png (committed, so packaging needs no drawing):
 * `npm run build && node dist/src/teams/writeIcons.js`.
 */
export function writeIcons(dir = manifestDir()): string[] {
  const files = { 'color.png': drawColorIcon(), 'outline.png': drawOutlineIcon() };
  return Object.entries(files).map(([name, png]) => {
    const path = join(dir, name);
    writeFileSync(path, PNG.sync.write(png, { colorType: 6 }));
    return path;
  });
}

if (require.main === module) {
  for (const path of writeIcons()) console.log(path);
}
