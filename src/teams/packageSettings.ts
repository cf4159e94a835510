/** The values the manifest's {{placeholders}} take, by placeholder name. */
export type PlaceholderValues = Record<string, string>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A public DNS name: labels of letters, digits and inner hyphens, and a top-level domain. */
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const SEMVER = /^\d+\.\d+\.\d+$/;

/** What `npm run teams:package` reads besides MicrosoftAppId (documented in .env.example). */
export const PACKAGE_SETTING_NAMES = ['TEAMS_APP_ID', 'BOT_DOMAIN', 'TEAMS_WEBSITE_URL', 'TEAMS_PRIVACY_URL', 'TEAMS_TERMS_URL'] as const;

const NEW_GUID = 'node -e "console.log(crypto.randomUUID())"';

/**
 * Reads what the app package needs from the environment (or .env), with every problem at once and
 * what to do about it. Empty values count as unset, as in .env.example.
 */
export function readPackageSettings(env: NodeJS.ProcessEnv, appVersion: string): { values: PlaceholderValues; problems: string[] } {
  const problems: string[] = [];
  const read = (name: string) => env[name]?.trim() || undefined;

  const guid = (name: string, whereFrom: string) => {
    const value = read(name);
    if (!value) problems.push(`${name} is not set: ${whereFrom}`);
    else if (!GUID.test(value)) problems.push(`${name} must be a GUID like 00000000-0000-0000-0000-000000000000 (got "${value}")`);
    return value ?? '';
  };
  const appId = guid('MicrosoftAppId', "the bot's Microsoft App ID (Azure Bot resource › Configuration, or Teams Developer Portal › Bot management)");
  const teamsAppId = guid(
    'TEAMS_APP_ID',
    `the Teams app's own id: a GUID you make once (${NEW_GUID}) and keep for every later version, or the one the Teams Developer Portal shows`,
  );

  const domain = read('BOT_DOMAIN') ?? '';
  if (!domain) problems.push('BOT_DOMAIN is not set: the host name of the messaging endpoint, e.g. bot.contoso.com for https://bot.contoso.com/api/messages');
  else problems.push(...domainProblems(domain));

  const site = `https://${domain || 'BOT_DOMAIN'}/`;
  const url = (name: string) => {
    const value = read(name) ?? site;
    if (!/^https:\/\/[^\s/]+/i.test(value)) problems.push(`${name} must be an https:// URL (got "${value}")`);
    return value;
  };
  const values = {
    MicrosoftAppId: appId,
    TEAMS_APP_ID: teamsAppId,
    BOT_DOMAIN: domain,
    WEBSITE_URL: url('TEAMS_WEBSITE_URL'),
    PRIVACY_URL: url('TEAMS_PRIVACY_URL'),
    TERMS_OF_USE_URL: url('TEAMS_TERMS_URL'),
    APP_VERSION: appVersion,
  };
  if (!SEMVER.test(appVersion)) problems.push(`package.json "version" must be MAJOR.MINOR.PATCH, as Teams requires (got "${appVersion}")`);
  return { values, problems };
}

function domainProblems(domain: string): string[] {
  if (/^[a-z]+:\/\/|[/:?#]/i.test(domain)) {
    return [`BOT_DOMAIN must be a host name only, without https://, a port or a path, e.g. bot.contoso.com (got "${domain}")`];
  }
  if (/^localhost$|^[\d.]+$/i.test(domain)) {
    return [`BOT_DOMAIN "${domain}" can't be reached by Teams: use a public host name with HTTPS, e.g. a dev tunnel's (…devtunnels.ms)`];
  }
  return HOST_NAME.test(domain) ? [] : [`BOT_DOMAIN is not a valid host name, e.g. bot.contoso.com (got "${domain}")`];
}
