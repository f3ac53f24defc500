import { ActionBar, connectAction } from './actions.js';
import { ApiError, createSession, getSession, postTurn, readEvents, stopTurn } from './api.js';
import { byId } from './dom.js';
import { EventLedger } from './event-ledger.js';
import { integrationName, timeText } from './format.js';
import { Page } from './page.js';
import { AgentPanels } from './panels.js';
import { isReturningPopup, onPopupReturn, openAuthorization } from './popup.js';
import { SessionEvents } from './session-events.js';
import { Transcript } from './transcript.js';
import type { ChatAction, ChatResponse, Connection, DraftAgent, Requirements, SessionView, TestResult, TurnBody } from './types.js';
import { UserLines } from './user-lines.js';

interface Turn {
  body: TurnBody;
  label: string;
  key: string;
  /** An `error` came: the turn committed nothing. */
  failed?: boolean;
  /** The user's line as recorded for reloads (see UserLines). */
  line?: object;
}

function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

class App {
  private sessionId: string | null = null;
  private events: SessionEvents | null = null;
  private lines: UserLines | null = null;
  private readonly ledger = new EventLedger();
  private inFlight: Turn | null = null;
  private refreshTimer: number | undefined;

  private readonly page = new Page();
  private readonly transcript = new Transcript();
  private readonly panels = new AgentPanels();
  private readonly actions = new ActionBar(
    byId('actions'),
    (action) => this.act(action),
    (url) => openAuthorization(url),
  );
  private readonly input = this.page.input;

  async start(): Promise<void> {
    this.page.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      } else if (event.key === 'Escape' && this.inFlight) void this.stop();
    });
    this.page.stopButton.addEventListener('click', () => void this.stop());
    byId('new-session').addEventListener('click', () => this.fresh());
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-example]')) {
      button.addEventListener('click', () => void this.send({ message: button.textContent ?? '' }, button.textContent ?? ''));
    }
    window.addEventListener('online', () => this.events?.reconnectNow());
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && this.events?.reconnectNow());
    onPopupReturn(
      () => this.sessionId,
      () => this.scheduleRefresh(),
    );
    if (matchMedia('(max-width: 720px)').matches) for (const d of document.querySelectorAll('.panel details')) d.removeAttribute('open');

    const id = new URLSearchParams(location.search).get('sessionId');
    if (!id) return this.fresh();
    if (await isReturningPopup(id, new URL(location.href))) return this.popupDone();
    try {
      this.adopt(await getSession(id));
      this.follow();
    } catch (error) {
      this.failed(error, null);
      if (!(error instanceof ApiError)) this.page.notice('Could not load the conversation.', { label: 'Try again', run: () => location.reload() });
    }
  }

  /** A clean page; the session itself is created with the first message. */
  private fresh(): void {
    this.events?.stop();
    this.events = null;
    this.sessionId = null;
    this.lines = null;
    this.ledger.reset();
    this.inFlight = null;
    history.replaceState(null, '', location.pathname);
    this.transcript.clear();
    byId('examples').hidden = false;
    this.actions.clear();
    this.page.hideNotice();
    this.page.setPhase('IDLE');
    this.panels.reset();
    this.page.setEnabled(true);
    this.setBusy(false);
  }

  private adopt(view: SessionView): void {
    this.sessionId = view.sessionId;
    this.lines = new UserLines(view.sessionId);
    byId('examples').hidden = true;
    const url = new URL(location.href);
    url.searchParams.set('sessionId', view.sessionId);
    url.searchParams.delete('connected'); // the OAuth callback's note: /events tells the outcome
    history.replaceState(null, '', url);
    this.absorb(view);
  }

  /** Takes the phase and the panels from a SessionView (on load and after a turn). */
  private absorb(view: SessionView): void {
    this.page.setPhase(view.phase);
    this.panels.absorb(view);
    // Normally the replayed `oauth_required` events bring the Connect links; this covers one that
    // left the capped event log. Only while that request still waits: a denied one's link is dead.
    const pending = view.pendingOauth;
    const waiting = view.context?.integrations?.find((c) => c.id === pending?.integration)?.status === 'pending';
    if (pending && waiting && view.phase === 'OAUTH_FLOW' && !this.inFlight && !this.actions.hasLink(pending.provider)) {
      this.actions.putLink(pending.provider, connectAction(pending.integration, pending.authorizationUrl));
    }
  }

  private follow(): void {
    if (!this.sessionId || this.events) return;
    this.events = new SessionEvents(this.sessionId, {
      onEvent: (response, durable) => this.apply(response, false, durable),
      onGone: (status) => this.closed(status === 410 ? 'This conversation expired.' : 'This conversation does not exist any more.'),
      onConnected: (connected) => this.page.setConnected(connected),
    });
    this.events.start();
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (!text || this.inFlight) {
      if (this.inFlight) this.page.notice('A turn is still running: wait for it to finish or press Stop.');
      return;
    }
    this.input.value = '';
    void this.send({ message: text }, text, newKey(), text);
  }

  private act(action: ChatAction): void {
    this.input.focus(); // the clicked button is about to be re-rendered away
    if (action.type === 'reply') void this.send({ message: action.value ?? action.label }, action.label);
    else if (action.type !== 'oauth') void this.send({ action: { type: action.type } }, action.label);
  }

  /** One turn: POST, then read its stream. `draft` is typed text to give back if the turn is refused. */
  private async send(body: TurnBody, label: string, key = newKey(), draft?: string): Promise<void> {
    if (this.inFlight) return;
    const turn: Turn = { body, label, key };
    this.inFlight = turn;
    this.setBusy(true);
    this.page.hideNotice();
    const bubble = this.transcript.user(label);
    const after = this.ledger.maxSeq;
    let accepted = false;
    try {
      if (!this.sessionId) {
        this.adopt(await createSession());
        this.follow();
      }
      const res = await postTurn(this.sessionId!, body, key);
      accepted = true;
      turn.line = this.lines?.add(after, label);
      // The old replies go, unless this turn's events came first over /events (under load they can):
      // clearing then would drop the replies they brought (the Connect links would stay).
      if (this.ledger.maxSeq === after) this.actions.set([]);
      await readEvents(res, (response, raw) => this.apply(response, true, raw.id !== null));
    } catch (error) {
      if (accepted) {
        // The turn runs on; its remaining durable events arrive over /events once it reconnects.
        if (this.inFlight === turn) this.page.notice('The connection dropped while the answer streamed: the rest appears once it is back.');
      } else {
        bubble.remove();
        if (draft !== undefined && !this.input.value) this.input.value = draft;
        this.failed(error, turn);
      }
    } finally {
      if (this.inFlight === turn) {
        this.inFlight = null;
        this.setBusy(false);
      }
      if (accepted && this.sessionId) this.scheduleRefresh(); // also when no `done` came through
    }
  }

  private async stop(): Promise<void> {
    if (!this.sessionId) return;
    try {
      if (await stopTurn(this.sessionId)) this.page.status('Stopping…');
    } catch (error) {
      this.failed(error, null);
    }
  }

  /** Applies one event from either stream: a durable one (it had an `id:`) once, by seq. */
  private apply(r: ChatResponse, fromTurn: boolean, durable: boolean): void {
    if (r.sessionId && r.sessionId !== this.sessionId) return;
    try {
      if (!durable) return this.applyLive(r, fromTurn);
      if (!this.ledger.admit(r)) return;
      for (const line of this.lines?.takeBefore(r.seq) ?? []) {
        this.transcript.user(line);
        this.actions.set([]);
      }
      const phase = this.ledger.phaseAfter(r);
      if (phase) this.page.setPhase(phase, r.type === 'phase');
      this.handle(r);
    } catch (error) {
      console.error('Could not show event', r, error);
    }
  }

  /**
   * Live-only events: deltas, the `error` and `done` of a failed turn, every event of a turn that
   * ended the session (API.md). They carry the seq of the last durable event, so they are never
   * deduplicated by it; only this tab's own turn stream shows them.
   */
  private applyLive(r: ChatResponse, fromTurn: boolean): void {
    if (!fromTurn) return;
    if (r.type === 'delta') {
      if (this.ledger.admitDelta(r)) this.transcript.delta(r.content ?? '');
      return;
    }
    const turn = this.inFlight;
    if (r.type === 'error' && turn) {
      turn.failed = true;
      if (turn.line) this.lines?.forget(turn.line);
    }
    const sessionEnded = r.type === 'done' && turn !== null && !turn.failed;
    this.handle(r);
    if (sessionEnded) this.closed('This conversation has ended.');
  }

  private handle(r: ChatResponse): void {
    const data = r.data ?? {};
    switch (r.type) {
      case 'message':
        if (r.content) this.transcript.assistant(r.content);
        if (r.actions?.length) this.actions.set(r.actions);
        break;
      case 'oauth_required': {
        // One per pending provider, several in a row: each adds its link; the replies (skip) it carries
        // replace the earlier ones, and one without replies leaves them.
        if (r.content) this.transcript.assistant(r.content);
        const integration = String(data['integration']);
        const provider = String(data['provider']);
        const link = r.actions?.find((a) => a.type === 'oauth' && a.value) ?? (r.oauthUrl ? connectAction(integration, r.oauthUrl) : null);
        if (link) this.actions.putLink(provider, link);
        const replies = r.actions?.filter((a) => a.type !== 'oauth') ?? [];
        if (replies.length) this.actions.set(replies);
        this.panels.setConnection(integration, provider, 'pending');
        break;
      }
      case 'requirements':
        this.panels.setRequirements(data['requirements'] as Requirements | undefined, data['missing'] as string[] | undefined);
        break;
      case 'draft': {
        const agent = data['agent'] as DraftAgent | undefined;
        this.panels.setDraft(agent, data['draftAgentId'] as string | undefined);
        const what = agent?.status === 'active' ? 'Agent active' : 'Draft agent ready';
        this.transcript.note(`${what}${agent?.name ? `: ${agent.name}` : ''}.`, 'ok');
        break;
      }
      case 'test_result': {
        const result = data as unknown as TestResult;
        this.panels.setTests(result);
        this.transcript.note(result.passed ? 'Test run passed.' : 'Test run failed: see the test results.', result.passed ? 'ok' : 'warn');
        break;
      }
      case 'oauth_result':
        this.oauthResult(String(data['integration']), String(data['provider']), data['status'] as Connection['status']);
        this.scheduleRefresh();
        break;
      case 'expiring': {
        const at = data['expiresAt'] as number | string;
        if (new Date(at).getTime() > Date.now()) this.page.notice(`This conversation will expire at ${timeText(at)} unless you continue it.`);
        break;
      }
      case 'expired':
        this.closed('This conversation expired.');
        break;
      case 'error':
        this.transcript.discardStream();
        if (data['code'] === 'TURN_STOPPED') {
          this.transcript.note('Stopped.');
        } else {
          this.transcript.error(String(data['message'] ?? r.content ?? 'Something went wrong.'));
          const turn = this.inFlight; // an error while this tab's turn runs is that turn's, whichever stream brought it
          if (turn && data['retryable']) this.page.notice('That turn failed.', { label: 'Send again', run: () => void this.send(turn.body, turn.label) });
        }
        break;
      case 'done':
        if (this.inFlight) {
          this.inFlight = null;
          this.setBusy(false);
        }
        this.scheduleRefresh();
        break;
      case 'phase':
        if (data['to'] !== 'OAUTH_FLOW') this.actions.dropLinks();
        break;
    }
  }

  private oauthResult(integration: string, provider: string, status: Connection['status']): void {
    this.panels.setConnection(integration, provider, status);
    this.actions.dropLink(provider); // its request ended, whatever the outcome
    const name = integrationName(integration);
    if (status === 'connected') {
      this.transcript.note(`${name} connected.`, 'ok');
      this.actions.set(this.actions.current.filter((a) => a.type !== 'oauth' && a.type !== 'skip' && a.type !== 'retry'));
      return;
    }
    const why: Record<string, string> = { denied: 'access was denied', failed: 'the connection failed', expired: 'the sign-in timed out' };
    this.transcript.note(`${name}: ${why[status] ?? status}.`, 'warn');
    this.actions.set([
      { type: 'retry', label: `Try connecting ${name} again` },
      { type: 'skip', label: `Skip ${name}` },
    ]);
  }

  /** After a turn or a pushed change, re-read the SessionView: it is the authority for the panels. */
  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = window.setTimeout(() => {
      const id = this.sessionId;
      const seq = this.ledger.maxSeq;
      if (!id || this.inFlight) return;
      getSession(id).then(
        (view) => {
          if (id !== this.sessionId || this.inFlight) return;
          // Events that came while the request was out are newer than this view: ask again.
          if (this.ledger.maxSeq !== seq) return this.scheduleRefresh();
          this.absorb(view);
        },
        (error: unknown) => this.failed(error, null),
      );
    }, 200);
  }

  private failed(error: unknown, turn: Turn | null): void {
    if (!(error instanceof ApiError)) {
      if (turn) {
        this.page.notice('Could not reach the service. Anything already sent will appear when the connection is back.', {
          label: 'Send again',
          run: () => void this.send(turn.body, turn.label, turn.key),
        });
      }
      return;
    }
    switch (error.code) {
      case 'TURN_IN_PROGRESS':
        return this.page.notice('A turn is still running in this conversation. Wait for it to finish, or stop it.', { label: 'Stop it', run: () => void this.stop() });
      case 'SESSION_EXPIRED':
        return this.closed('This conversation expired.');
      case 'SESSION_NOT_FOUND':
        return this.closed('This conversation does not exist any more.');
      case 'RATE_LIMITED':
        return this.page.notice('Too many messages at once. Wait a moment, then try again.');
      default:
        return this.page.notice(error.message || `The service answered ${error.status}.`);
    }
  }

  /** The session is over (ended by a turn, expired, gone): nothing to follow or send to; offer a new one. */
  private closed(text: string): void {
    clearTimeout(this.refreshTimer);
    this.events?.stop();
    this.events = null;
    this.sessionId = null;
    this.actions.clear();
    this.page.setEnabled(false);
    this.page.notice(text, { label: 'Start a new conversation', run: () => this.fresh() });
  }

  private popupDone(): void {
    byId('app').hidden = true;
    this.page.notice('Connection finished. You can close this window.', { label: 'Continue in this window', run: () => location.reload() });
    window.close();
  }

  private setBusy(busy: boolean): void {
    this.page.setBusy(busy);
    this.actions.setDisabled(busy);
  }
}

void new App().start();
