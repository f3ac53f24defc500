import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors.js';
import type { SessionOwner } from '../conversation/state.js';
import { type OauthStateRecord, SessionStore } from '../conversation/store/session-store.js';
import { type CallbackReceipt, CallbackReceipts } from './callback-receipts.js';
import { CredentialStore } from './credential-store.js';
import { DevOauthServer } from './dev-oauth-server.js';
import { type CatalogIntegration, findIntegration } from './integration-catalog.js';
import { type OauthProvider, OauthProviderRegistry } from './oauth-provider.registry.js';
import { codeChallengeS256, createCodeVerifier } from './pkce.js';
import { createOauthState, isOauthStateFormat } from './state.js';
import { parseTokenAnswer, requestToken, type TokenEndpointAnswer } from './token-endpoint.js';

export interface AuthorizationStart {
  /** The `state` of the authorization request (also the key of its pending record). */
  state: string;
  /** Where to send the user's browser. */
  authorizationUrl: string;
  /** Epoch ms after which the callback is refused. */
  expiresAt: number;
  /** The OAuth provider id. */
  provider: string;
}

/** An authorization request built but not yet usable: `register()` stores its state record. */
export interface PreparedAuthorization {
  start: AuthorizationStart;
  /** Stores the pending record; idempotent (the same record again). */
  register(): Promise<void>;
}

/** `reason` is a short code for logs and events (`issuer_mismatch`, `token_endpoint_timeout`, …); it holds no secret. */
export type ExchangeOutcome = { status: 'connected' } | { status: 'failed'; reason: string };

/**
 * What taking a callback's `state` found: the record to complete (`claimed`), a real state past its
 * expiry (`expired`, now spent), a state some earlier callback took (`used`, with what became of it),
 * or nothing we issued (`unknown`).
 */
export type CallbackClaim =
  | { kind: 'claimed'; record: OauthStateRecord }
  | { kind: 'expired'; record: OauthStateRecord }
  | { kind: 'used'; receipt: CallbackReceipt }
  | { kind: 'unknown' };

const MAX_CODE_LENGTH = 2_048;
/** Pauses while a duplicate looks for the receipt that the callback which took its state is writing. */
const RECEIPT_POLL_MS = [0, 20, 40, 60, 80];
/** Receipts outlive their state: a reload of the callback page an hour later still gets a clear answer. */
const MIN_RECEIPT_TTL_MS = 3_600_000;

/**
 * Connecting accounts: the authorization URL with `state` and PKCE, the code exchange and the
 * credentials it yields. Secrets (verifier, code, tokens, client secret) go only to the session
 * store's pending record, the token endpoint and the credential store: never to a log or a result.
 */
@Injectable()
export class OauthService {
  private readonly logger = new Logger(OauthService.name);

  constructor(
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(CredentialStore) private readonly credentials: CredentialStore,
    @Inject(CallbackReceipts) private readonly receipts: CallbackReceipts,
    @Inject(Clock) private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly providers: OauthProviderRegistry,
    private readonly devServer: DevOauthServer,
  ) {}

  /** The OAuth provider id of a catalog integration; `VALIDATION_FAILED` for an unknown one. */
  providerOf(integration: string): string {
    return this.integration(integration).provider;
  }

  /** Whether the integration can be connected here (its provider is configured, or development serves it). */
  isAvailable(integration: string): boolean {
    const known = findIntegration(integration);
    return known !== undefined && this.providers.isAvailable(known.provider);
  }

  async isConnected(owner: SessionOwner, provider: string): Promise<boolean> {
    return this.credentials.has({ tenantId: owner.tenantId, userId: owner.userId, provider });
  }

  /** `prepareAuthorization`, then its record stored at once (callers outside a turn). */
  async startAuthorization(input: {
    sessionId: string;
    owner: SessionOwner;
    integration: string;
    integrations?: readonly string[];
  }): Promise<AuthorizationStart> {
    const prepared = await this.prepareAuthorization(input);
    await prepared.register();
    return prepared.start;
  }

  /**
   * Creates a single-use `state` and a PKCE pair and builds the authorization URL; `register()` stores
   * the pending record (the verifier's only home). Nothing is stored until then, so a turn keeps the URL
   * before its commit and registers the state after it: a turn whose commit failed leaves no usable link. The state is accepted for `OAUTH_STATE_TTL_MS`; the record
   * is kept as long again so that a late callback is told "expired" rather than "unknown". `integrations`
   * (default: just `integration`, all of the same provider) are covered by the one grant: their scopes
   * are joined. Throws `VALIDATION_FAILED` for an unknown integration or an unavailable provider.
   */
  async prepareAuthorization(input: {
    sessionId: string;
    owner: SessionOwner;
    integration: string;
    integrations?: readonly string[];
  }): Promise<PreparedAuthorization> {
    const integration = this.integration(input.integration);
    const covered = (input.integrations ?? [input.integration]).map((id) => this.integration(id));
    const provider = this.providers.get(integration.provider);
    if (covered.some((other) => other.provider !== integration.provider)) {
      throw new DomainError('VALIDATION_FAILED', 'One authorization covers integrations of one provider only.');
    }
    const ttlMs = this.config.env.OAUTH_STATE_TTL_MS;
    const state = createOauthState();
    const codeVerifier = createCodeVerifier();
    const record: OauthStateRecord = {
      state,
      sessionId: input.sessionId,
      userId: input.owner.userId,
      tenantId: input.owner.tenantId,
      provider: provider.id,
      integration: integration.id,
      codeVerifier,
      redirectUri: this.config.oauthRedirectUrl,
      expiresAt: this.clock.now() + ttlMs,
    };

    const url = new URL(provider.authorizeUrl);
    const scopes = provider.scopes ?? [...new Set([integration, ...covered].flatMap((each) => each.scopes))];
    const params: Record<string, string> = {
      ...provider.authorizeParams,
      response_type: 'code',
      client_id: provider.clientId,
      redirect_uri: record.redirectUri,
      ...(scopes.length > 0 ? { scope: scopes.join(provider.scopeSeparator) } : {}),
      state,
      code_challenge: codeChallengeS256(codeVerifier),
      code_challenge_method: 'S256',
      // Only to name the integration on the development consent page.
      ...(provider.kind === 'development' ? { integration: integration.id } : {}),
    };
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return {
      start: { state, authorizationUrl: url.href, expiresAt: record.expiresAt, provider: provider.id },
      register: () => this.sessions.putOauthState(record, 2 * ttlMs),
    };
  }

  /** Consumes a pending record (single use); null when unknown, used or expired. */
  async takeState(state: string): Promise<OauthStateRecord | null> {
    if (!isOauthStateFormat(state)) return null;
    const record = await this.sessions.takeOauthState(state);
    return record && record.expiresAt > this.clock.now() ? record : null;
  }

  /**
   * Takes a callback's `state` (single use, atomic across replicas) and leaves a receipt for its
   * duplicates. Exactly one caller per state gets `claimed` (or `expired`); a duplicate gets `used`
   * with what the first one reported through `settleCallback`.
   */
  async claimCallback(state: string): Promise<CallbackClaim> {
    if (!isOauthStateFormat(state)) return { kind: 'unknown' };
    const record = await this.sessions.takeOauthState(state);
    if (record) {
      const expired = record.expiresAt <= this.clock.now();
      await this.putReceipt(state, {
        sessionId: record.sessionId,
        integration: record.integration,
        provider: record.provider,
        status: expired ? 'expired' : 'exchanging',
      });
      return expired ? { kind: 'expired', record } : { kind: 'claimed', record };
    }
    // The state is gone; if a concurrent callback took it, its receipt follows within a round trip.
    for (const pause of RECEIPT_POLL_MS) {
      if (pause > 0) await sleep(pause);
      const receipt = await this.receipts.get(state);
      if (receipt) return { kind: 'used', receipt };
    }
    return { kind: 'unknown' };
  }

  /** Records what became of a claimed callback, for its duplicates. */
  async settleCallback(record: OauthStateRecord, status: CallbackReceipt['status']): Promise<void> {
    await this.putReceipt(record.state, {
      sessionId: record.sessionId,
      integration: record.integration,
      provider: record.provider,
      status,
    });
  }

  /**
   * Whether a callback's `iss` is acceptable for the record's provider (RFC 9207): absent, or equal to
   * the provider's issuer when one is known. Applies to error responses as well as to codes.
   */
  issuerMatches(record: OauthStateRecord, iss: string | undefined): boolean {
    const issuer = this.providers.find(record.provider)?.issuer;
    return iss === undefined || issuer === undefined || iss === issuer;
  }

  /**
   * Exchanges the callback's code for tokens and stores them for the record's owner. Checks the
   * callback's `iss` against the provider's issuer when it carries one (RFC 9207, mix-up defence).
   */
  async exchangeCode(record: OauthStateRecord, code: string, iss?: string): Promise<ExchangeOutcome> {
    const provider = this.providers.find(record.provider);
    if (!provider) return this.failed(record, 'provider_unavailable');
    if (record.expiresAt <= this.clock.now()) return this.failed(record, 'state_expired');
    if (iss !== undefined && provider.issuer !== undefined && iss !== provider.issuer)
      return this.failed(record, 'issuer_mismatch');
    if (typeof code !== 'string' || code.length === 0 || code.length > MAX_CODE_LENGTH)
      return this.failed(record, 'invalid_code');

    const answer = await this.callTokenEndpoint(provider, record, code);
    const parsed = parseTokenAnswer(answer, this.clock.now());
    if ('reason' in parsed) return this.failed(record, parsed.reason);
    try {
      await this.credentials.put({ tenantId: record.tenantId, userId: record.userId, provider: provider.id }, parsed.credential);
    } catch (error) {
      this.logger.error(
        `Storing credentials failed: provider=${provider.id} error=${error instanceof Error ? error.name : 'unknown'}`,
      );
      return this.failed(record, 'credential_store_failed');
    }
    this.logger.log(`Connected: provider=${provider.id} integration=${record.integration} session=${record.sessionId}`);
    return { status: 'connected' };
  }

  /** The development provider lives in this process: its token endpoint is called directly. */
  private async callTokenEndpoint(provider: OauthProvider, record: OauthStateRecord, code: string): Promise<TokenEndpointAnswer> {
    const grant = { code, redirectUri: record.redirectUri, codeVerifier: record.codeVerifier };
    if (provider.kind === 'development') {
      return this.devServer.exchange({
        grant_type: 'authorization_code',
        code,
        redirect_uri: grant.redirectUri,
        client_id: provider.clientId,
        code_verifier: grant.codeVerifier,
      });
    }
    return requestToken(provider, grant, this.config.env.OAUTH_TOKEN_TIMEOUT_MS);
  }

  private async putReceipt(state: string, receipt: CallbackReceipt): Promise<void> {
    const ttlMs = Math.max(2 * this.config.env.OAUTH_STATE_TTL_MS, MIN_RECEIPT_TTL_MS);
    await this.receipts.put(state, receipt, ttlMs);
  }

  private failed(record: OauthStateRecord, reason: string): ExchangeOutcome {
    this.logger.warn(
      `Connection failed: provider=${record.provider} integration=${record.integration} session=${record.sessionId} reason=${reason}`,
    );
    return { status: 'failed', reason };
  }

  private integration(id: string): CatalogIntegration {
    const integration = findIntegration(id);
    if (!integration) throw new DomainError('VALIDATION_FAILED', `Unknown integration "${id}".`);
    return integration;
  }
}
