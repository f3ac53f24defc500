import { Inject, Injectable } from '@nestjs/common';
import type { ChatAction } from '../chat-response.js';
import { isUnresolved } from '../machine/transitions.js';
import { ConversationPhase, type IntegrationConnection, type IntegrationStatus, type PendingOauth } from '../state.js';
import { displayName } from '../requirements/edit-words.js';
import { listWords } from '../requirements/schedule-words.js';
import { UNDO, applyTurnEdits, changedWords, changesReport, emitRequirements, hasEdits, takeBack } from './requirement-edits.js';
import { OauthConnector } from './oauth-connector.js';
import type { PhaseHandler } from './phase-handler.js';
import {
  connectedElsewhere,
  connectionOf,
  dropRequest,
  makeCurrent,
  nextUnresolved,
  putRequests,
  requestFor,
  requestsOf,
  setConnectionStatus,
  syncConnections,
} from './connections.js';
import { RETRY, SKIP } from './replies.js';
import type { Turn } from './turn.js';

/** The outcome of one connection attempt, as `oauth_result` reports it. */
export type ConnectionOutcome = Extract<IntegrationStatus, 'connected' | 'denied' | 'failed' | 'expired'>;

const WHY: Record<Exclude<ConnectionOutcome, 'connected'>, string> = {
  denied: 'access was denied',
  failed: 'the connection failed',
  expired: 'the sign-in link expired',
};

/**
 * The connection checklist. Entering OAUTH_FLOW opens an authorization request for every unresolved
 * integration (one per provider), so they can be connected in any order; each ends as connected,
 * denied, failed or expired with an `oauth_result`, or skipped. `pendingOauth` is the current one: the
 * one `skip` and `retry` act on. The conversation moves on by itself once none is unresolved.
 */
@Injectable()
export class OauthFlowHandler implements PhaseHandler {
  readonly phase = ConversationPhase.OAUTH_FLOW;

  constructor(@Inject(OauthConnector) private readonly oauth: OauthConnector) {}

  async enter(turn: Turn): Promise<void> {
    if (!nextUnresolved(turn)) {
      turn.goTo(ConversationPhase.REQUIREMENTS, 'oauth_complete');
      return;
    }
    const unresolved = turn.state.context.integrations.filter(isUnresolved);
    if (turn.state.history.at(-1)?.from !== ConversationPhase.OAUTH_FLOW) {
      // A new visit: every integration still to connect gets a fresh request, whatever happened before.
      turn.state = { ...turn.state, oauthRequests: [] };
      for (const connection of unresolved) setConnectionStatus(turn, connection.id, 'pending');
      await this.open(turn, unresolved.map((connection) => connection.id));
    } else {
      // The next step of the same visit: requests still open stay valid (their links may be open in a tab).
      this.expireStale(turn, { say: false });
      const missing = turn.state.context.integrations.filter(
        (connection) => connection.status === 'pending' && !requestFor(turn, connection.id),
      );
      await this.open(turn, missing.map((connection) => connection.id));
    }
    makeCurrent(turn, nextUnresolved(turn)!.id);
    this.announce(turn);
  }

  async handle(turn: Turn): Promise<void> {
    const changed = await this.catchUp(turn);
    if (!nextUnresolved(turn)) {
      turn.goTo(ConversationPhase.REQUIREMENTS, 'oauth_complete');
      return;
    }
    switch (turn.intent) {
      case 'skip': {
        const current = this.current(turn);
        setConnectionStatus(turn, current.id, 'skipped');
        dropRequest(turn, current.id);
        turn.say(`Skipped ${displayName(current.id)}; you can connect it later.`);
        this.advance(turn, 'oauth_skipped');
        return;
      }
      case 'retry':
        await this.retry(turn);
        return;
      case 'undo':
      case 'dismiss': {
        const taken = takeBack(turn);
        if (!taken.undone) {
          turn.say(taken.say);
        } else {
          turn.say(`Undone: ${taken.undone.said.join('; ')}.`);
          emitRequirements(turn, taken.undone);
          if (await this.followRequirements(turn)) return;
        }
        this.remind(turn);
        return;
      }
      case 'review_changes':
        turn.say(changesReport(turn));
        this.remind(turn);
        return;
      default: {
        const applied = hasEdits(turn.interpretation) ? applyTurnEdits(turn) : null;
        if (applied) {
          turn.say(`Noted: ${changedWords(applied).join('; ')}.`, [UNDO]);
          emitRequirements(turn, applied);
          if (await this.followRequirements(turn)) return;
        }
        if (!changed) this.remind(turn);
      }
    }
  }

  /**
   * Keeps the checklist in line with the requirements after a change in this phase: an integration no
   * longer wanted leaves it (its request is dropped), a new one gets its own request. Returns true when
   * it moved the conversation on because nothing is left to connect.
   */
  private async followRequirements(turn: Turn): Promise<boolean> {
    const before = new Set(turn.state.context.integrations.map((connection) => connection.id));
    await syncConnections(turn, this.oauth);
    const kept = new Set(turn.state.context.integrations.map((connection) => connection.id));
    for (const request of requestsOf(turn.state)) if (!kept.has(request.integration)) dropRequest(turn, request.integration);
    if (!nextUnresolved(turn)) {
      turn.goTo(ConversationPhase.REQUIREMENTS, 'oauth_complete');
      return true;
    }
    const added = turn.state.context.integrations.filter((connection) => connection.status === 'pending' && !before.has(connection.id));
    const opened = await this.open(turn, added.map((connection) => connection.id));
    makeCurrent(turn, this.current(turn).id);
    if (opened.length > 0) this.announce(turn, new Set(opened.map((request) => request.state)));
    return false;
  }

  /**
   * Applies the end of the authorization request `state` (callback, denial, failure, late expiry) to
   * the integrations it was opened for that are still pending, and moves on when it connected them.
   * Returns false, changing nothing, when none of them is waiting for it any more.
   */
  async onConnectionResult(turn: Turn, state: string, outcome: ConnectionOutcome): Promise<boolean> {
    const group = requestsOf(turn.state).filter(
      (request) => request.state === state && connectionOf(turn, request.integration)?.status === 'pending',
    );
    if (group.length === 0) return false;
    for (const request of group) this.report(turn, request, outcome);
    const names = joinNames(group.map((request) => request.integration));
    if (outcome === 'connected') {
      for (const request of group) dropRequest(turn, request.integration);
      turn.say(`${names} ${group.length > 1 ? 'are' : 'is'} connected.`);
      this.advance(turn, 'oauth_complete');
      return true;
    }
    makeCurrent(turn, group[0]!.integration);
    turn.say(`${names} wasn't connected: ${WHY[outcome]}. Try again, or skip it for now?`, [RETRY, SKIP]);
    return true;
  }

  /** Opens one authorization request per provider among `integrations` (in their order). */
  private async open(turn: Turn, integrations: readonly string[]): Promise<PendingOauth[]> {
    const byProvider = new Map<string, string[]>();
    for (const id of integrations) {
      const provider = connectionOf(turn, id)?.provider ?? this.oauth.providerOf(id);
      byProvider.set(provider, [...(byProvider.get(provider) ?? []), id]);
    }
    const opened: PendingOauth[] = [];
    for (const group of byProvider.values()) {
      const { start, register } = await this.oauth.prepareAuthorization({
        sessionId: turn.state.sessionId,
        owner: turn.owner,
        integration: group[0]!,
        integrations: group,
      });
      // A usable link only once the session that waits for it is saved.
      turn.afterCommit(register);
      for (const integration of group) {
        opened.push({
          integration,
          provider: start.provider,
          authorizationUrl: start.authorizationUrl,
          expiresAt: start.expiresAt,
          state: start.state,
        });
      }
    }
    putRequests(turn, opened);
    return opened;
  }

  /** `oauth_required` for each open request of a pending integration (one per request); skip goes with the current one. */
  private announce(turn: Turn, only?: ReadonlySet<string>): void {
    const current = turn.state.pendingOauth?.integration;
    const waiting = this.pendingRequests(turn).filter((request) => !only || only.has(request.state));
    for (const group of groupByState(waiting).values()) {
      const first = group[0]!;
      const names = joinNames(group.map((request) => request.integration));
      const actions: ChatAction[] = [{ type: 'oauth', label: `Connect ${names}`, value: first.authorizationUrl }];
      if (group.some((request) => request.integration === current)) actions.push(SKIP);
      turn.emit({
        type: 'oauth_required',
        content: `Please connect ${names} so the agent can use ${group.length > 1 ? 'them' : 'it'}.`,
        oauthUrl: first.authorizationUrl,
        data: { integration: (group.find((request) => request.integration === current) ?? first).integration, provider: first.provider },
        actions,
      });
    }
    const stuck = turn.state.context.integrations.filter((connection) => isUnresolved(connection) && connection.status !== 'pending');
    if (stuck.length > 0) {
      const list = stuck.map((connection) => `${displayName(connection.id)} (${WHY[connection.status as keyof typeof WHY]})`).join(', ');
      turn.say(`Not connected yet: ${list}. Try again, or skip ${displayName(current ?? stuck[0]!.id)} for now?`, [RETRY, SKIP]);
    }
  }

  /** Fresh requests for the current integration and every one that was denied, failed or expired. */
  private async retry(turn: Turn): Promise<void> {
    const current = this.current(turn);
    const targets = turn.state.context.integrations.filter(
      (connection) => isUnresolved(connection) && (connection.id === current.id || connection.status !== 'pending'),
    );
    targets.sort((a, b) => Number(b.id === current.id) - Number(a.id === current.id));
    for (const connection of targets) setConnectionStatus(turn, connection.id, 'pending');
    const opened = await this.open(turn, targets.map((connection) => connection.id));
    makeCurrent(turn, current.id);
    this.announce(turn, new Set(opened.map((request) => request.state)));
  }

  /**
   * Before a turn is handled: integrations the user connected elsewhere meanwhile are connected, and
   * pending requests past their expiry are expired (each with its `oauth_result`). Returns whether any changed.
   */
  private async catchUp(turn: Turn): Promise<boolean> {
    const connected = await connectedElsewhere(turn, this.oauth);
    for (const connection of connected) {
      const request = requestFor(turn, connection.id);
      this.report(turn, request ?? { integration: connection.id, provider: connection.provider }, 'connected');
      dropRequest(turn, connection.id);
    }
    if (connected.length > 0) {
      turn.say(`${joinNames(connected.map((connection) => connection.id))} ${connected.length > 1 ? 'are' : 'is'} connected.`);
    }
    const expired = this.expireStale(turn);
    const current = turn.state.pendingOauth && connectionOf(turn, turn.state.pendingOauth.integration);
    if ((!current || !isUnresolved(current)) && nextUnresolved(turn)) makeCurrent(turn, nextUnresolved(turn)!.id);
    return connected.length > 0 || expired;
  }

  /** Expires pending requests past their `expiresAt`; unless told not to, says so and offers retry. */
  private expireStale(turn: Turn, options: { say: boolean } = { say: true }): boolean {
    const stale = this.pendingRequests(turn).filter((request) => request.expiresAt <= turn.settings.now);
    if (stale.length === 0) return false;
    for (const request of stale) this.report(turn, request, 'expired');
    if (!options.say) return true;
    makeCurrent(turn, stale[0]!.integration);
    const names = joinNames(stale.map((request) => request.integration));
    turn.say(`The sign-in link for ${names} expired before it was used. Try again, or skip it for now?`, [RETRY, SKIP]);
    return true;
  }

  private remind(turn: Turn): void {
    const waiting = this.pendingRequests(turn);
    const current = this.current(turn);
    const actions: ChatAction[] = [];
    for (const group of groupByState(waiting).values()) {
      actions.push({ type: 'oauth', label: `Connect ${joinNames(group.map((request) => request.integration))}`, value: group[0]!.authorizationUrl });
    }
    if (current.status !== 'pending') actions.push(RETRY);
    actions.push(SKIP);
    const names = joinNames(turn.state.context.integrations.filter(isUnresolved).map((connection) => connection.id));
    turn.say(`We're waiting for ${names} to be connected. Use the Connect button, or skip ${displayName(current.id)} for now.`, actions);
  }

  private advance(turn: Turn, reason: 'oauth_complete' | 'oauth_skipped'): void {
    if (nextUnresolved(turn)) turn.goTo(ConversationPhase.OAUTH_FLOW, 'next_integration');
    else turn.goTo(ConversationPhase.REQUIREMENTS, reason);
  }

  private report(turn: Turn, request: Pick<PendingOauth, 'integration' | 'provider'>, status: ConnectionOutcome): void {
    setConnectionStatus(turn, request.integration, status);
    turn.emit({ type: 'oauth_result', data: { integration: request.integration, provider: request.provider, status } });
  }

  /** Open requests of integrations that are pending, in checklist order. */
  private pendingRequests(turn: Turn): PendingOauth[] {
    return turn.state.context.integrations
      .filter((connection) => connection.status === 'pending')
      .map((connection) => requestFor(turn, connection.id))
      .filter((request) => request !== undefined);
  }

  /** The integration `pendingOauth` points at while it is unresolved, else the first unresolved one. */
  private current(turn: Turn): IntegrationConnection {
    const pending = turn.state.pendingOauth;
    const current = pending ? connectionOf(turn, pending.integration) : undefined;
    return current && isUnresolved(current) ? current : nextUnresolved(turn)!;
  }
}

function groupByState(requests: readonly PendingOauth[]): Map<string, PendingOauth[]> {
  const groups = new Map<string, PendingOauth[]>();
  for (const request of requests) groups.set(request.state, [...(groups.get(request.state) ?? []), request]);
  return groups;
}

function joinNames(integrations: readonly string[]): string {
  return listWords(integrations.map(displayName));
}
