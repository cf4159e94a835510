import {
  BotFrameworkAuthentication,
  ConnectorFactory,
  JwtTokenValidation,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { LruCache } from '../lruCache';

/** Distinct (app, channel endpoint, audience) triples: a handful in practice (Teams regions, Direct Line). */
const MAX_CLIENTS = 64;

/**
 * Bot Framework authentication whose HTTP clients are built once and reused.
 *
 * CloudAdapter asks for a new ConnectorClient and UserTokenClient on every incoming activity, and
 * building one assembles a whole HTTP pipeline: about a sixth of a turn's CPU, even when the
 * replies go back in the HTTP response and neither client is ever used. The clients hold no
 * per-turn state (credentials cache their own tokens), so they are kept per app id, service URL
 * and audience, as botbuilder's older BotFrameworkAdapter did.
 */
export class ReusedClientsAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new LruCache<string, Promise<ConnectorClient>>(MAX_CLIENTS);
  private readonly userTokenClients = new LruCache<string, Promise<UserTokenClient>>(MAX_CLIENTS);

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateRequest(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) } : result;
  }

  authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return reuse(this.userTokenClients, appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(factory, appIdOf(claimsIdentity), this.connectors);
  }
}

/** Hands out the cached connector client for an endpoint, building it with `factory` the first time. */
class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly factory: ConnectorFactory,
    private readonly appId: string,
    private readonly connectors: LruCache<string, Promise<ConnectorClient>>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = JSON.stringify([this.appId, serviceUrl, audience ?? null]);
    return reuse(this.connectors, key, () => this.factory.create(serviceUrl, audience));
  }
}

function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return JwtTokenValidation.getAppIdFromClaims(claimsIdentity.claims) ?? '';
}

/** The cached client, or a new one; a creation that fails is forgotten, so the next turn tries again. */
function reuse<T>(cache: LruCache<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  return cache.getOrCompute(key, () => {
    const created = create();
    created.catch(() => cache.get(key) === created && cache.delete(key));
    return created;
  });
}
