import type { ConversationState, IntegrationConnection, PendingOauth } from '../state.js';
import type { OauthConnector } from './oauth-connector.js';
import type { Turn } from './turn.js';
import { isUnresolved } from '../machine/transitions.js';

/**
 * Brings the connection checklist in line with the requirements' integrations: keeps connected ones,
 * marks any other the user has meanwhile connected (here or in another session) as connected, keeps
 * the status of the rest, and adds new ones as pending. Returns whether any is still unresolved.
 */
export async function syncConnections(turn: Turn, oauth: OauthConnector): Promise<boolean> {
  const wanted = turn.state.context.requirements.integrations.value ?? [];
  const known = new Map(turn.state.context.integrations.map((connection) => [connection.id, connection]));
  const integrations: IntegrationConnection[] = [];
  for (const id of wanted) {
    const existing = known.get(id);
    if (existing?.status === 'connected') {
      integrations.push(existing);
      continue;
    }
    const provider = existing?.provider ?? oauth.providerOf(id);
    const connected = await oauth.isConnected(turn.owner, provider);
    integrations.push({ id, provider, status: connected ? 'connected' : (existing?.status ?? 'pending') });
  }
  turn.updateContext({ integrations });
  return integrations.some(isUnresolved);
}

/** The unresolved connections whose provider the user has connected by now (another tab, another session). */
export async function connectedElsewhere(turn: Turn, oauth: OauthConnector): Promise<IntegrationConnection[]> {
  const found: IntegrationConnection[] = [];
  for (const connection of turn.state.context.integrations.filter(isUnresolved)) {
    if (await oauth.isConnected(turn.owner, connection.provider)) found.push(connection);
  }
  return found;
}

/** The first connection still to make, in the order the integrations were named. */
export function nextUnresolved(turn: Turn): IntegrationConnection | undefined {
  return turn.state.context.integrations.find(isUnresolved);
}

export function connectionOf(turn: Turn, id: string): IntegrationConnection | undefined {
  return turn.state.context.integrations.find((connection) => connection.id === id);
}

export function setConnectionStatus(turn: Turn, id: string, status: IntegrationConnection['status']): void {
  turn.updateContext({
    integrations: turn.state.context.integrations.map((connection) =>
      connection.id === id ? { ...connection, status } : connection,
    ),
  });
}

/** The session's open authorization requests; `pendingOauth` alone for a session saved before the checklist. */
export function requestsOf(state: ConversationState): PendingOauth[] {
  return state.oauthRequests ?? (state.pendingOauth ? [state.pendingOauth] : []);
}

export function requestFor(turn: Turn, integration: string): PendingOauth | undefined {
  return requestsOf(turn.state).find((request) => request.integration === integration);
}

/** Replaces the requests of `integrations` (or adds them), keeping the others. */
export function putRequests(turn: Turn, requests: readonly PendingOauth[]): void {
  const replaced = new Set(requests.map((request) => request.integration));
  const kept = requestsOf(turn.state).filter((request) => !replaced.has(request.integration));
  turn.state = { ...turn.state, oauthRequests: [...kept, ...requests] };
}

export function dropRequest(turn: Turn, integration: string): void {
  turn.state = { ...turn.state, oauthRequests: requestsOf(turn.state).filter((request) => request.integration !== integration) };
}

/** Makes the request of `integration` the current one (`pendingOauth`: what skip and retry act on). */
export function makeCurrent(turn: Turn, integration: string): void {
  const request = requestFor(turn, integration);
  if (request) turn.state = { ...turn.state, pendingOauth: request };
}
