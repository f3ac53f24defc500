import type { IntegrationConnection } from '../state.js';
import type { OauthConnector } from './oauth-connector.js';
import type { Turn } from './turn.js';
import { isUnresolved } from '../machine/transitions.js';

/**
 * Brings the connection checklist in line with the requirements' integrations: keeps known statuses,
 * marks ones the user already connected earlier as connected, and new ones as pending.
 * Returns whether any connection is still unresolved.
 */
export async function syncConnections(turn: Turn, oauth: OauthConnector): Promise<boolean> {
  const wanted = turn.state.context.requirements.integrations.value ?? [];
  const known = new Map(turn.state.context.integrations.map((connection) => [connection.id, connection]));
  const integrations: IntegrationConnection[] = [];
  for (const id of wanted) {
    const existing = known.get(id);
    if (existing && existing.status !== 'pending') {
      integrations.push(existing);
      continue;
    }
    const provider = oauth.providerOf(id);
    const connected = await oauth.isConnected(turn.owner, provider);
    integrations.push({ id, provider, status: connected ? 'connected' : 'pending' });
  }
  turn.updateContext({ integrations });
  return integrations.some(isUnresolved);
}

/** The first connection still to make, in the order the integrations were named. */
export function nextUnresolved(turn: Turn): IntegrationConnection | undefined {
  return turn.state.context.integrations.find(isUnresolved);
}

export function setConnectionStatus(turn: Turn, id: string, status: IntegrationConnection['status']): void {
  turn.updateContext({
    integrations: turn.state.context.integrations.map((connection) =>
      connection.id === id ? { ...connection, status } : connection,
    ),
  });
}
