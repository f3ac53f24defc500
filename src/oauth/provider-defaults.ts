export const CLIENT_AUTH_METHODS = ['client_secret_post', 'client_secret_basic'] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/** What is known about a provider's authorization server without any configuration. */
export interface ProviderDefaults {
  authorizeUrl: string;
  tokenUrl: string;
  /** The `iss` its authorization responses carry (RFC 9207), when it sends one. */
  issuer?: string;
  /** How a client with a secret authenticates; `client_secret_post` when omitted. */
  clientAuth?: ClientAuthMethod;
  /** How `scope` is joined; RFC 6749 says space, a few providers want commas. */
  scopeSeparator?: ' ' | ',';
  /** Fixed parameters added to every authorization URL. */
  authorizeParams?: Readonly<Record<string, string>>;
  /** Body encoding of the token request; RFC 6749 says form, Notion documents JSON. */
  tokenRequestFormat?: 'form' | 'json';
}

/**
 * The real endpoints of the providers we know. Not here, because they have no global endpoint or no
 * OAuth 2.0 at all, so they need `OAUTH_<PROVIDER>_AUTHORIZE_URL`/`TOKEN_URL` (or the development
 * provider): trello (OAuth 1.0a), zendesk (per subdomain), shopify (per shop).
 */
export const PROVIDER_DEFAULTS: Readonly<Record<string, ProviderDefaults>> = {
  google: {
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    issuer: 'https://accounts.google.com',
    // A refresh token is only issued with offline access, and again only when consent is shown.
    authorizeParams: { access_type: 'offline', prompt: 'consent' },
  },
  slack: {
    authorizeUrl: 'https://slack.com/oauth/v2/authorize',
    tokenUrl: 'https://slack.com/api/oauth.v2.access',
    scopeSeparator: ',',
  },
  microsoft: {
    authorizeUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    tokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
  },
  github: {
    authorizeUrl: 'https://github.com/login/oauth/authorize',
    tokenUrl: 'https://github.com/login/oauth/access_token',
  },
  notion: {
    authorizeUrl: 'https://api.notion.com/v1/oauth/authorize',
    tokenUrl: 'https://api.notion.com/v1/oauth/token',
    clientAuth: 'client_secret_basic',
    authorizeParams: { owner: 'user' },
    tokenRequestFormat: 'json',
  },
  atlassian: {
    authorizeUrl: 'https://auth.atlassian.com/authorize',
    tokenUrl: 'https://auth.atlassian.com/oauth/token',
    authorizeParams: { audience: 'api.atlassian.com', prompt: 'consent' },
  },
  hubspot: {
    authorizeUrl: 'https://app.hubspot.com/oauth/authorize',
    tokenUrl: 'https://api.hubapi.com/oauth/v1/token',
  },
  salesforce: {
    authorizeUrl: 'https://login.salesforce.com/services/oauth2/authorize',
    tokenUrl: 'https://login.salesforce.com/services/oauth2/token',
  },
  asana: {
    authorizeUrl: 'https://app.asana.com/-/oauth_authorize',
    tokenUrl: 'https://app.asana.com/-/oauth_token',
  },
  linear: {
    authorizeUrl: 'https://linear.app/oauth/authorize',
    tokenUrl: 'https://api.linear.app/oauth/token',
    scopeSeparator: ',',
  },
  stripe: {
    authorizeUrl: 'https://connect.stripe.com/oauth/authorize',
    tokenUrl: 'https://connect.stripe.com/oauth/token',
  },
  discord: {
    authorizeUrl: 'https://discord.com/oauth2/authorize',
    tokenUrl: 'https://discord.com/api/oauth2/token',
  },
  dropbox: {
    authorizeUrl: 'https://www.dropbox.com/oauth2/authorize',
    tokenUrl: 'https://api.dropboxapi.com/oauth2/token',
    authorizeParams: { token_access_type: 'offline' },
  },
  airtable: {
    authorizeUrl: 'https://airtable.com/oauth2/v1/authorize',
    tokenUrl: 'https://airtable.com/oauth2/v1/token',
    clientAuth: 'client_secret_basic',
  },
  twitter: {
    authorizeUrl: 'https://x.com/i/oauth2/authorize',
    tokenUrl: 'https://api.x.com/2/oauth2/token',
    clientAuth: 'client_secret_basic',
  },
};
