import { inPool } from '../lib/pool.js';
import { FIRST_MESSAGE } from '../lib/turn-mix.js';

/** A session of the turn mix, as the load runner tracks it. */
export interface MixSession {
  id: string;
  userId: string;
  tenantId: string;
  /** Index of the next step of the turn mix. */
  step: number;
}

/** Next mix step for a session in a phase (any step valid in that phase keeps the loop going). */
export const STEP_IN_PHASE: Readonly<Record<string, number>> = { REQUIREMENTS: 0, TESTING: 2, ACTIVATION: 5 };

const tenantId = 'bench-tenant';

function identity(userId: string): Record<string, string> {
  return { 'x-user-id': userId, 'x-tenant-id': tenantId };
}

async function json<T>(response: Response, expected: number, what: string): Promise<T> {
  if (response.status !== expected) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The development provider's consent, followed with plain HTTP as a browser would (Allow). */
async function consent(authorizationUrl: string): Promise<void> {
  const page = await fetch(authorizationUrl);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`consent page: HTTP ${page.status}`);
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(match[1]!, match[2]!.replace(/&(amp|lt|gt|quot|#39);/g, (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity]!));
  }
  form.set('decision', 'allow');
  const decided = await fetch(new URL('decision', authorizationUrl), { method: 'POST', body: form, redirect: 'manual' });
  const callback = decided.headers.get('location');
  if (decided.status !== 303 || !callback) throw new Error(`consent decision: HTTP ${decided.status}`);
  const answer = await fetch(callback, { redirect: 'manual' });
  await answer.arrayBuffer();
  if (answer.status !== 303) throw new Error(`OAuth callback: HTTP ${answer.status} ${callback}`);
}

interface View {
  sessionId: string;
  phase: string;
  pendingOauth: { authorizationUrl: string } | null;
}

/** The session's phase over HTTP. */
export async function sessionPhase(baseUrl: string, session: Pick<MixSession, 'id' | 'userId'>): Promise<string> {
  const view = await json<View>(await fetch(`${baseUrl}/v1/sessions/${session.id}`, { headers: identity(session.userId) }), 200, 'session');
  return view.phase;
}

/**
 * One session brought to where the turn mix starts, over HTTP as a client would: start it, send the
 * README's first message, and allow Gmail and Slack on the development provider's consent page.
 */
export async function prepareSession(baseUrl: string, userId: string): Promise<MixSession> {
  const headers = identity(userId);
  const started = await json<View>(await fetch(`${baseUrl}/v1/sessions`, { method: 'POST', headers }), 201, 'start session');
  const first = await fetch(`${baseUrl}/v1/sessions/${started.sessionId}/messages`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ message: FIRST_MESSAGE }),
  });
  await json(first, 200, 'first message');
  const session = { id: started.sessionId, userId, tenantId, step: 0 };
  for (let connections = 0; connections < 4; connections++) {
    const view = await json<View>(await fetch(`${baseUrl}/v1/sessions/${session.id}`, { headers }), 200, 'session');
    if (view.phase === 'REQUIREMENTS') return session;
    if (!view.pendingOauth) throw new Error(`session in ${view.phase} without a pending OAuth step`);
    await consent(view.pendingOauth.authorizationUrl);
  }
  throw new Error('session did not reach REQUIREMENTS after the consents');
}

/** `count` sessions prepared `concurrency` at a time, users `${userPrefix}-<n>`. */
export function prepareSessions(baseUrl: string, count: number, userPrefix: string, concurrency = 16): Promise<MixSession[]> {
  return inPool(count, concurrency, (index) => prepareSession(baseUrl, `${userPrefix}-${index}`));
}

/** Plain session records for the bare endpoint, which keeps no state. */
export function fakeSessions(count: number): MixSession[] {
  return Array.from({ length: count }, (_, index) => ({ id: `bare-${index}`, userId: `bare-${index}`, tenantId, step: index % 7 }));
}
