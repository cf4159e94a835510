import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TeamsManifest } from '@microsoft/app-manifest';

/**
 * Where @microsoft/app-manifest keeps Microsoft's official schema for a manifest version: it ships
 * them all (1.0 to 1.30 in 1.1.x), so validation works offline.
 */
export function bundledSchemaPath(manifestVersion: string): string {
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return join(root, 'build/json-schemas/teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

/**
 * Checks the filled manifest against the official JSON Schema of its manifestVersion. Returns the
 * problems, each starting with its JSON path ("/bots/0/botId must match pattern …").
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof version !== 'string') return ['manifest.json /manifestVersion: missing; set it to a schema version, e.g. "1.30"'];
  const schemaPath = bundledSchemaPath(version);
  if (!existsSync(schemaPath)) {
    return [`manifest.json /manifestVersion: no schema for "${version}" in @microsoft/app-manifest; use a version it ships, or update the package`];
  }
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  return validateAgainst(manifest, schema, 'manifest.json');
}

/** `document` checked against `schema` (the manifest's, or its localization files'), problems prefixed with `file`. */
export async function validateAgainst(document: unknown, schema: unknown, file: string): Promise<string[]> {
  // Passing the schema keeps the package from fetching the document's $schema URL.
  const errors = await manifestUtils().validateAgainstSchema(document as TeamsManifest, schema as never);
  return errors.map((error) => readable(error, file));
}

/**
 * Loaded on first use, not with this module: the package requires an ES module (strip-bom), which
 * Node.js only allows from 20.19 on; older versions get a message that says so.
 */
function manifestUtils(): typeof import('@microsoft/app-manifest').AppManifestUtils {
  try {
    return (require('@microsoft/app-manifest') as typeof import('@microsoft/app-manifest')).AppManifestUtils;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_REQUIRE_ESM') throw error;
    throw new Error(`checking the manifest needs Node.js 20.19 or later (this is ${process.version})`);
  }
}

/**
 * "/bots/0/scopes/1 must be equal to one of the allowed values. Details: {…}" as one line that says
 * what is allowed or unknown; the details otherwise repeat the message.
 */
function readable(error: string, file: string): string {
  const [, path = '', message = error, details = '{}'] = /^(\S*) (.*?)(?:\. Details: (.*))?$/s.exec(error) ?? [];
  let params: { allowedValues?: unknown[]; additionalProperty?: string } = {};
  try {
    params = JSON.parse(details);
  } catch {
    /* keep the message alone */
  }
  const extra = params.allowedValues
    ? `: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
    : params.additionalProperty
      ? `: "${params.additionalProperty}"`
      : '';
  return `${file} ${path || '/'}: ${message}${extra}`;
}
