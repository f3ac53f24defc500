import { createHash } from 'node:crypto';
import type { DevAuthorizationRequest } from './dev-oauth-server.js';

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1f2328}' +
  'h1{font-size:1.4rem}ul{padding-left:1.2rem}code{font-size:.9rem}' +
  '.actions{display:flex;gap:.75rem;margin-top:1.5rem}button{font-size:1rem;padding:.5rem 1.25rem;border-radius:6px;border:1px solid #8c959f;cursor:pointer}' +
  'button[value=allow]{background:#1f883d;border-color:#1f883d;color:#fff}.note{color:#59636e;font-size:.85rem}';
/** The page's one inline style, allowed by its hash: the page needs no `unsafe-inline` and no script. */
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/**
 * The Content-Security-Policy of the development pages: nothing but the hashed style; forms may post
 * to this origin and, because browsers check the redirect after a form post too, to the callback's.
 */
export function devPageCsp(redirectUri: string): string {
  return [
    "default-src 'none'",
    `style-src ${STYLE_HASH}`,
    `form-action 'self' ${new URL(redirectUri).origin}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** The consent page: what is asked, an Allow and a Deny button posting the request back. */
export function renderConsentPage(request: DevAuthorizationRequest, integrationName: string): string {
  const hidden = {
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
    scope: request.scopes.join(' '),
    ...(request.integration ? { integration: request.integration } : {}),
  };
  const fields = Object.entries(hidden)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('\n      ');
  const scopes =
    request.scopes.length > 0
      ? `<p>It asks for:</p>\n    <ul>${request.scopes.map((scope) => `<li><code>${escapeHtml(scope)}</code></li>`).join('')}</ul>`
      : '<p>It asks for no specific permission.</p>';
  const title = `Connect ${escapeHtml(integrationName)} to Agent Builder?`;
  return page(
    title,
    `<h1>${title}</h1>
    <p>Agent Builder wants to use your ${escapeHtml(integrationName)} account.</p>
    ${scopes}
    <form method="post" action="decision">
      ${fields}
      <div class="actions">
        <button type="submit" name="decision" value="allow">Allow</button>
        <button type="submit" name="decision" value="deny">Deny</button>
      </div>
    </form>
    <p class="note">Development sign-in: no real account is connected and the tokens are made up.</p>`,
  );
}

/** A page for a request that cannot be answered with a redirect. */
export function renderErrorPage(message: string): string {
  return page('Invalid authorization request', `<h1>Invalid authorization request</h1>\n    <p>${escapeHtml(message)}</p>`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title}</title>
    <style>${STYLE}</style>
  </head>
  <body>
    ${body}
  </body>
</html>
`;
}
