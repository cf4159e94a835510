import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { checkIcons } from './checkIcons';
import { fillPlaceholders } from './fillPlaceholders';
import { readLocalizations } from './localizations';
import { readPackageSettings } from './packageSettings';
import { validateManifest } from './validateManifest';

export interface PackageOptions {
  /** The folder with manifest.json (with {{placeholders}}) and its icons. */
  manifestDir: string;
  env: NodeJS.ProcessEnv;
  /** The app version, from package.json: Teams wants it raised with every upload of a changed app. */
  appVersion: string;
}

export type PackageResult = { ok: true; zip: Buffer; manifest: Record<string, unknown> } | { ok: false; problems: string[] };

/**
 * The Teams app package: manifest.json with its placeholders filled, checked against the official
 * schema, its translations (localizationInfo, checked against theirs), and the two icons, all at
 * the zip's root. Every problem is collected before giving up.
 */
export async function buildPackage({ manifestDir, env, appVersion }: PackageOptions): Promise<PackageResult> {
  const settings = readPackageSettings(env, appVersion);
  let template: unknown;
  try {
    template = JSON.parse(readFileSync(join(manifestDir, 'manifest.json'), 'utf8'));
  } catch (error) {
    return { ok: false, problems: [...settings.problems, `manifest.json: ${(error as Error).message}`] };
  }
  const filled = fillPlaceholders(template, settings.values);
  const manifest = filled.manifest as Record<string, unknown>;
  const icons = manifest.icons as { color?: unknown; outline?: unknown } | undefined;
  const localizations = await readLocalizations(manifestDir, manifest);
  const problems = [...settings.problems, ...filled.problems, ...(await validateManifest(manifest)), ...localizations.problems, ...checkIcons(manifestDir, icons)];
  if (problems.length > 0) return { ok: false, problems };

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  for (const icon of [icons!.color, icons!.outline] as string[]) zip.addFile(icon, readFileSync(join(manifestDir, icon)));
  // The name, description and candidates' commands in each language Teams shows the app in.
  for (const { name, body } of localizations.files) zip.addFile(name, body);
  return { ok: true, zip: zip.toBuffer(), manifest };
}
