import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledSchemaPath, validateAgainst } from './validateManifest';

/** A translation of the manifest's words, at the package's root beside manifest.json. */
export interface LocalizationFile {
  name: string;
  body: Buffer;
}

interface LocalizationInfo {
  additionalLanguages?: Array<{ languageTag?: unknown; file?: unknown }>;
}

/**
 * The files `localizationInfo.additionalLanguages` names, each read from the manifest's folder and
 * checked against the official localization schema of the manifest's version, and each of its
 * keys ("bots[0].commandLists[0].commands[1].title") against the manifest: a translation of a
 * command the manifest doesn't have would never show. Problems name the file.
 */
export async function readLocalizations(manifestDir: string, manifest: Record<string, unknown>): Promise<{ files: LocalizationFile[]; problems: string[] }> {
  const info = manifest.localizationInfo as LocalizationInfo | undefined;
  const files: LocalizationFile[] = [];
  const problems: string[] = [];
  const schemaPath = bundledSchemaPath(String(manifest.manifestVersion)).replace(/MicrosoftTeams\.schema\.json$/, 'MicrosoftTeams.Localization.schema.json');
  for (const { file } of info?.additionalLanguages ?? []) {
    if (typeof file !== 'string' || !/^[\w.-]+\.json$/.test(file)) {
      problems.push(`manifest.json /localizationInfo: "${String(file)}" must be a .json file beside manifest.json`);
      continue;
    }
    let body: Buffer;
    let translation: Record<string, unknown>;
    try {
      body = readFileSync(join(manifestDir, file));
      translation = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
      continue;
    }
    // Without a schema for the manifest's version, validateManifest has said so already.
    if (existsSync(schemaPath)) problems.push(...(await validateAgainst(translation, localizationSchema(schemaPath), file)));
    for (const key of Object.keys(translation).filter((k) => k !== '$schema')) {
      if (valueAt(manifest, key) === undefined) problems.push(`${file} ${key}: the manifest has nothing there to translate`);
    }
    files.push({ name: file, body });
  }
  return { files, problems };
}

/** "bots[0].commandLists[1].commands[2].title" in the manifest, or undefined. */
function valueAt(manifest: unknown, key: string): unknown {
  const steps = key.match(/[^.[\]]+/g) ?? [];
  let here: unknown = manifest;
  for (const step of steps) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<string, unknown>)[step];
  }
  return here;
}

/**
 * The official localization schema, with its patterns made valid for the validator: a few keys
 * (`activities.activityTypes[…]`) have a lone `]` that Ajv's Unicode regular expressions refuse,
 * which would fail every check. Escaped (`\\]`) they mean what they meant; a pattern still refused
 * is left out (it is for parts of a manifest this app has none of).
 */
export function localizationSchema(schemaPath: string): Record<string, unknown> {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { patternProperties?: Record<string, unknown> };
  if (schema.patternProperties) {
    schema.patternProperties = Object.fromEntries(
      Object.entries(schema.patternProperties).flatMap(([pattern, rule]) => {
        const fixed = [pattern, pattern.replace(/\\b\]/g, '\\b\\]')].find(compiles);
        return fixed === undefined ? [] : [[fixed, rule]];
      }),
    );
  }
  return schema as Record<string, unknown>;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
