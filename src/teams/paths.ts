import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project folder: the nearest one up with a package.json, from src/teams or dist/src/teams alike. */
export function projectRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** manifest/: the manifest template and the icons. */
export const manifestDir = () => join(projectRoot(), 'manifest');

/** Where `npm run teams:package` writes the app package. */
export const defaultPackagePath = () => join(projectRoot(), 'dist/teams/candidate-support-bot.zip');
