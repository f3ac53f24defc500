import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { lastValueFrom, toArray } from 'rxjs';
import { consent } from '../../test/support/conversation-client.js';
import { startTestingApp, type TestingApp } from '../../test/support/testing-app.js';
import type { ChatResponse } from './chat-response.js';
import { backTarget, findEdge, type TransitionReason } from './machine/transitions.js';
import { ACTION_TYPES, type ActionType, type TurnInput } from './phases/turn.js';
import { emptyRequirements, REQUIREMENT_KEYS } from './requirements/requirements.js';
import { ConversationPhase as P, PHASES, type SessionOwner, type TransitionRecord } from './state.js';
import type { CommittedState } from './store/session-store.js';

/**
 * Model-based test of ConversationService against the state chart of DESIGN.md: random sequences of
 * turns (text and buttons), OAuth completions (allow over the dev provider, denial and failure through
 * the service, stale links) and idle time (warning, expiry), each followed by checks of what must
 * always hold. `MODEL_RUNS` scales the number of runs (default 1000); one app serves every run, each
 * run has its own session and owner.
 */
const RUNS = Number(process.env.MODEL_RUNS ?? 1000);
/**
 * A fixed seed by default, so CI explores the same 1 000 sequences every time (random seeds sometimes
 * never reach COMPLETE in 12 commands, and the coverage check below then fails by chance);
 * `MODEL_SEED=random` (or a number) explores others.
 */
const SEED = process.env.MODEL_SEED === 'random' ? undefined : Number(process.env.MODEL_SEED ?? 20261125);
/** Short runs (the app is shared, a run costs a session); long enough to get through the whole chart. */
const MIN_COMMANDS = 6;
const MAX_COMMANDS = 12;
const IDLE_TIMEOUT_MS = 1_800_000;
const WARNING_MS = 120_000;

/** `remove`: an explicit removal of an integration (see KNOWN_BUG_LAST_INTEGRATION). */
type Kind = 'describe' | 'cancel' | 'restart' | 'back' | 'remove' | 'other';

/** Realistic phrasings, tagged with what the machine must do with them wherever they are sent. */
const POOL: readonly (readonly [string, Kind])[] = [
  [
    'I want an agent that summarizes my unread Gmail emails every morning at 8am and posts the summary to the #team-updates Slack channel',
    'describe',
  ],
  ['Summarize my unread Gmail every morning and post it to Slack', 'describe'],
  ['every friday email me a summary of new Stripe payments', 'describe'],
  ['When a new GitHub issue is opened, create a Jira ticket', 'describe'],
  ['post new Notion pages to #general on Slack every hour', 'describe'],
  ['only emails from my manager', 'other'],
  ['actually make it 9am', 'other'],
  ['instead of Slack use Teams', 'other'],
  ['post to #general instead', 'other'],
  ['also save it to a Notion page', 'other'],
  ['call it Morning digest', 'other'],
  ["don't use slack", 'remove'],
  ['remove gmail', 'remove'],
  ['yes, build it', 'other'],
  ['looks good, turn it on', 'other'],
  ['yes', 'other'],
  ['ok', 'other'],
  ['confirm', 'other'],
  ['I want to change something', 'other'],
  ['regenerate', 'other'],
  ['try again', 'other'],
  ['skip', 'other'],
  ['not now', 'other'],
  ['what can you connect to?', 'other'],
  ['no', 'other'],
  ['go back', 'back'],
  ['back', 'back'],
  ['start over', 'restart'],
  ['build another agent', 'restart'],
  ['cancel', 'cancel'],
  // "Never mind" takes back the last message (its edits, if it made any); it no longer ends the session.
  ['never mind', 'other'],
  ['never mind, cancel the whole thing', 'cancel'],
  ['asdf qwerty zxcv', 'other'],
  ['🙂🙂🙂', 'other'],
  ['ñandú über straße 東京 مرحبا', 'other'],
  ['<script>alert(1)</script>', 'other'],
  ["'; DROP TABLE sessions; --", 'other'],
  ['{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}', 'other'],
  ['x'.repeat(4000), 'other'],
];

interface Model {
  readonly owner: SessionOwner;
  readonly sessionId: string;
  /** Cancelled: the record is gone. */
  ended: boolean;
  /** Expired by the sweep: a tombstone answering 410. */
  expired: boolean;
  /** OAuth states already presented to the callback (single use, consumed even when refused). */
  readonly usedStates: Set<string>;
  /** Every authorization URL the session offered, for stale-link attempts. */
  readonly offeredUrls: string[];
  /** The state as last observed: the reference the next command is checked against. */
  last: CommittedState;
  /** Phases and edges seen (coverage, across runs). */
  readonly coverage: Coverage;
}

interface Coverage {
  phases: Set<string>;
  edges: Set<string>;
}

/** What a command says about the change it caused. */
interface Outcome {
  /** Whether exactly one save was expected (the version moves by one), or none (nothing changes). */
  committed: boolean;
  /** The stream of a turn, when the command was one. */
  events?: ChatResponse[];
  /** The first history entry the command must have added, or `none` when it must not change the phase. */
  first?: Pick<TransitionRecord, 'from' | 'to' | 'reason'> | 'none';
  /** The requirements must be exactly as before. */
  requirementsUnchanged?: boolean;
  /** An explicit removal, which today may empty the integrations (KNOWN_BUG_LAST_INTEGRATION). */
  removal?: boolean;
}

/**
 * KNOWN BUG (reported, owner of src/conversation/requirements/requirements-document.ts): removing the
 * only integration ("remove gmail" when Gmail is the only one) empties `integrations`, although
 * DESIGN.md says requirements accumulate and only `restart` clears them. The random runs exempt that
 * one field for explicit removals; the `it.failing` below pins the case until it is decided.
 */
const KNOWN_BUG_LAST_INTEGRATION = 'removing the only integration empties requirements.integrations';

const stateOf = (url: string): string => new URL(url).searchParams.get('state') ?? '';
const edgeKey = (entry: Pick<TransitionRecord, 'from' | 'to' | 'reason'>): string => `${entry.from}→${entry.to}:${entry.reason}`;

describe('ConversationService (model-based)', () => {
  let harness: TestingApp;
  const coverage: Coverage = { phases: new Set(), edges: new Set() };
  let runs = 0;
  let executed = 0;

  beforeAll(async () => {
    harness = await startTestingApp({
      SESSION_IDLE_TIMEOUT_MS: String(IDLE_TIMEOUT_MS),
      SESSION_EXPIRY_WARNING_MS: String(WARNING_MS),
      // Long enough that no run reaches a cap: the checks compare whole histories and logs.
      HISTORY_CAP: '1000',
      EVENT_LOG_CAP: '10000',
      // The scheduled sweep must not run on its own: the commands sweep when the model says so.
      SESSION_SWEEP_INTERVAL_MS: String(3_600_000),
      RATE_LIMIT_TURNS_PER_MINUTE: '1000000',
      RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP: '1000000',
    });
  });
  afterAll(() => harness?.close());

  const turn = (model: Model, input: TurnInput): Promise<ChatResponse[]> =>
    lastValueFrom(harness.conversations.processMessage(model.owner, model.sessionId, input).pipe(toArray()));

  /** A turn on a session that no longer takes turns must be refused before any event, with the right code. */
  async function expectRefusedTurn(model: Model, input: TurnInput): Promise<void> {
    const code = model.ended ? 'SESSION_NOT_FOUND' : 'SESSION_EXPIRED';
    await expect(turn(model, input)).rejects.toMatchObject({ code });
    await expect(harness.conversations.getSession(model.owner, model.sessionId)).rejects.toMatchObject({ code });
  }

  /** Checks everything that must hold after any command, then records the new state in the model. */
  async function verify(model: Model, outcome: Outcome, label: string): Promise<TransitionRecord[]> {
    const before = model.last;
    const after = await harness.store.get(model.sessionId);
    const why = (what: string): string => `${label}: ${what}`;
    executed++;
    if (model.ended) {
      expect(after).toBeNull();
      return [];
    }
    if (!after) throw new Error(why('the session disappeared without a cancel'));
    if (outcome.events) {
      expect(outcome.events.filter((event) => event.type === 'error')).toEqual([]);
      expect(outcome.events.at(-1)).toMatchObject({
        type: 'done',
        phase: after.phase,
      });
    }

    // Version: exactly one per committed change, none otherwise; a change that did not commit left no trace.
    expect({ [why('version')]: after.version }).toEqual({
      [why('version')]: before.version + (outcome.committed ? 1 : 0),
    });
    if (!outcome.committed) {
      expect(after).toEqual(before);
      return [];
    }

    // The event log ends at lastEventSeq, numbered without gaps; a turn's stream is exactly what was logged.
    const log = await harness.store.readEvents(model.sessionId, 0, 100_000);
    expect({ [why('last seq')]: log.at(-1)?.seq ?? 0 }).toEqual({
      [why('last seq')]: after.lastEventSeq,
    });
    expect(log.map((event) => event.seq)).toEqual(log.map((_, index) => index + 1));
    const added = log.slice(before.lastEventSeq);
    expect(added.length).toBeGreaterThan(0);
    if (outcome.events) expect(outcome.events.filter((event) => event.type !== 'delta')).toEqual(added);

    // History: the old one kept; every new entry an edge of the table, chained from the old phase to the new one.
    expect(after.history.slice(0, before.history.length)).toEqual(before.history);
    const entries = after.history.slice(before.history.length);
    let phase = before.phase;
    for (const entry of entries) {
      expect({ [why('chain')]: entry.from }).toEqual({ [why('chain')]: phase });
      if (!findEdge(entry.from, entry.to, entry.reason as TransitionReason)) throw new Error(why(`illegal transition ${edgeKey(entry)}`));
      model.coverage.edges.add(edgeKey(entry));
      model.coverage.phases.add(entry.to);
      phase = entry.to;
    }
    expect({ [why('phase')]: after.phase }).toEqual({ [why('phase')]: phase });
    model.coverage.phases.add(after.phase);
    const phaseEvents = added.filter((event) => event.type === 'phase').map((event) => event.data);
    expect(phaseEvents).toEqual(entries.map(({ from, to, reason }) => ({ from, to, reason })));
    if (outcome.first === 'none') expect(entries).toEqual([]);
    else if (outcome.first) expect(entries[0]).toMatchObject(outcome.first);

    // A pending OAuth step exists exactly in OAUTH_FLOW (while the session is active).
    if (after.status === 'active') {
      expect({
        [why('pendingOauth in OAUTH_FLOW')]: after.pendingOauth !== null,
      }).toEqual({
        [why('pendingOauth in OAUTH_FLOW')]: after.phase === P.OAUTH_FLOW,
      });
    }
    if (after.pendingOauth) {
      if (!model.offeredUrls.includes(after.pendingOauth.authorizationUrl)) model.offeredUrls.push(after.pendingOauth.authorizationUrl);
      expect(stateOf(after.pendingOauth.authorizationUrl)).toBe(after.pendingOauth.state);
    }

    // Requirements are never lost but by restart or build_another (and then all of them are cleared).
    const reset = entries.some((entry) => entry.reason === 'restart' || entry.reason === 'build_another');
    if (!reset) {
      for (const key of REQUIREMENT_KEYS) {
        if (key === 'integrations' && outcome.removal) continue;
        if (before.context.requirements[key].value !== null) {
          expect({
            [why(`requirement ${key} kept`)]: after.context.requirements[key].value !== null,
          }).toEqual({
            [why(`requirement ${key} kept`)]: true,
          });
        }
      }
    }
    if (outcome.requirementsUnchanged) expect(after.context.requirements).toEqual(before.context.requirements);
    // No secret ever reaches the session record.
    expect(JSON.stringify(after)).not.toMatch(/code_?verifier|access_token|refresh_token|dev-at-|dev-rt-/i);
    model.last = after;
    return entries;
  }

  /** A turn of text or a button. */
  class TurnCommand implements fc.AsyncCommand<Model, TestingApp> {
    constructor(
      readonly input: TurnInput,
      readonly kind: Kind | 'unknown',
    ) {}

    check = (): boolean => true;

    async run(model: Model): Promise<void> {
      if (model.ended || model.expired) return expectRefusedTurn(model, this.input);
      const before = model.last;
      const kind = this.input.action
        ? ({ cancel: 'cancel', restart: 'restart', back: 'back' } as Partial<Record<ActionType, Kind>>)[this.input.action]
        : this.kind;
      const events = await turn(model, this.input);
      if (kind === 'cancel') {
        model.ended = true;
        expect(events.at(-1)?.type).toBe('done');
        await verify(model, { committed: false }, this.toString());
        return;
      }
      const outcome: Outcome = {
        committed: true,
        events,
        removal: kind === 'remove',
      };
      if (kind === 'restart') {
        outcome.first = {
          from: before.phase,
          to: P.DISCOVERY,
          reason: 'restart',
        };
      } else if (kind === 'back') {
        const target = backTarget(before.phase);
        outcome.first = target ? { from: before.phase, to: target, reason: 'back' } : 'none';
        outcome.requirementsUnchanged = true;
      } else if (before.phase === P.IDLE) {
        if (this.input.text !== undefined && kind !== 'unknown')
          outcome.first = {
            from: P.IDLE,
            to: P.DISCOVERY,
            reason: 'first_message',
          };
        else if (this.input.action) outcome.first = 'none';
      }
      await verify(model, outcome, this.toString());
      if (kind === 'restart') {
        expect(model.last.context.requirements).toEqual(emptyRequirements());
        expect(model.last.draftAgentId).toBeNull();
      }
    }

    toString(): string {
      return this.input.action ? `action(${this.input.action})` : `text(${JSON.stringify(this.input.text.slice(0, 60))})`;
    }
  }

  /** Presses Allow on the development provider's consent page for the current link, or for an older one. */
  class AllowCommand implements fc.AsyncCommand<Model, TestingApp> {
    constructor(readonly stale: number | null) {}

    check = (model: Readonly<Model>): boolean => model.offeredUrls.length > 0;

    async run(model: Model): Promise<void> {
      const current = model.last.pendingOauth;
      const url =
        this.stale === null && current ? current.authorizationUrl : model.offeredUrls[(this.stale ?? 0) % model.offeredUrls.length]!;
      const state = stateOf(url);
      const succeeds =
        !model.ended &&
        !model.expired &&
        current !== null &&
        model.last.phase === P.OAUTH_FLOW &&
        current.state === state &&
        !model.usedStates.has(state) &&
        harness.clock.now() < current.expiresAt;
      model.usedStates.add(state);
      const callback = await consent(url, 'allow');
      expect({ [`${this.toString()} callback`]: callback.status }).toEqual({
        [`${this.toString()} callback`]: succeeds ? 303 : 400,
      });
      const entries = await verify(model, { committed: succeeds, requirementsUnchanged: true }, this.toString());
      if (succeeds) {
        expect(model.last.context.integrations.find((connection) => connection.id === current.integration)?.status).toBe('connected');
        expect(['OAUTH_FLOW→OAUTH_FLOW:next_integration', 'OAUTH_FLOW→REQUIREMENTS:oauth_complete']).toContain(edgeKey(entries[0]!));
      }
    }

    toString(): string {
      return this.stale === null ? 'oauth(allow)' : `oauth(allow, link #${this.stale})`;
    }
  }

  /** The provider redirects back with an error: denied by the user, or failed on its side. */
  class OauthErrorCommand implements fc.AsyncCommand<Model, TestingApp> {
    constructor(readonly error: 'access_denied' | 'server_error') {}

    check = (model: Readonly<Model>): boolean => model.offeredUrls.length > 0;

    async run(model: Model): Promise<void> {
      const current = model.last.pendingOauth;
      const state = current?.state ?? stateOf(model.offeredUrls.at(-1)!);
      const succeeds =
        !model.ended &&
        !model.expired &&
        current !== null &&
        model.last.phase === P.OAUTH_FLOW &&
        !model.usedStates.has(state) &&
        harness.clock.now() < current.expiresAt;
      model.usedStates.add(state);
      const completing = harness.conversations.completeOauth({
        state,
        error: this.error,
      });
      if (succeeds) {
        await expect(completing).resolves.toMatchObject({
          sessionId: model.sessionId,
          outcome: this.error === 'access_denied' ? 'denied' : 'failed',
        });
      } else {
        await expect(completing).rejects.toMatchObject({
          code: 'OAUTH_STATE_INVALID',
        });
      }
      await verify(model, { committed: succeeds, first: 'none', requirementsUnchanged: true }, this.toString());
      if (succeeds) {
        expect(model.last.phase).toBe(P.OAUTH_FLOW);
        const status = model.last.context.integrations.find((connection) => connection.id === current.integration)?.status;
        expect(status).toBe(this.error === 'access_denied' ? 'denied' : 'failed');
      }
    }

    toString(): string {
      return `oauth(${this.error})`;
    }
  }

  /** Idle time: into the warning window (`expire` false) or past the timeout, then the sweep runs. */
  class IdleCommand implements fc.AsyncCommand<Model, TestingApp> {
    constructor(readonly expire: boolean) {}

    check = (model: Readonly<Model>): boolean => !model.ended && !model.expired;

    async run(model: Model): Promise<void> {
      const { lastActivityAt, expiryWarnedAt } = model.last;
      const target = this.expire ? lastActivityAt + IDLE_TIMEOUT_MS + 1 : lastActivityAt + IDLE_TIMEOUT_MS - WARNING_MS / 2;
      if (harness.clock.now() < target) harness.clock.advance(target - harness.clock.now());
      const result = await harness.conversations.expireIdleSessions();
      const warns = !this.expire && expiryWarnedAt === null;
      expect(result).toEqual({
        warned: warns ? 1 : 0,
        expired: this.expire ? 1 : 0,
      });
      await verify(
        model,
        {
          committed: this.expire || warns,
          first: 'none',
          requirementsUnchanged: true,
        },
        this.toString(),
      );
      if (this.expire) {
        model.expired = true;
        expect(model.last).toMatchObject({
          status: 'expired',
          expiredAt: harness.clock.now(),
        });
        await expect(harness.conversations.getSession(model.owner, model.sessionId)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
        expect(await harness.conversations.listSessions(model.owner)).toEqual([]);
      } else {
        expect(model.last.expiryWarnedAt).not.toBeNull();
      }
    }

    toString(): string {
      return this.expire ? 'idle(past timeout)' : 'idle(warning)';
    }
  }

  const text = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(...POOL).map(([message, kind]) => new TurnCommand({ text: message }, kind)),
    },
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: 120 })
        .filter((value) => value.trim().length > 0)
        .map((value) => new TurnCommand({ text: value.trim() }, 'unknown')),
    },
  );
  // Weighted by repetition: enough confirmations and consents that runs get through the whole chart.
  const commands = [
    text,
    text,
    text,
    text,
    fc.constantFrom(...ACTION_TYPES).map((action) => new TurnCommand({ action }, 'other')),
    fc.constant(new TurnCommand({ action: 'confirm' }, 'other')),
    fc.constant(new TurnCommand({ action: 'confirm' }, 'other')),
    fc.constantFrom<ActionType>('skip', 'retry').map((action) => new TurnCommand({ action }, 'other')),
    fc.constant(new AllowCommand(null)),
    fc.constant(new AllowCommand(null)),
    fc.constant(new AllowCommand(null)),
    fc.nat(8).map((index) => new AllowCommand(index)),
    fc.constantFrom<'access_denied' | 'server_error'>('access_denied', 'server_error').map((error) => new OauthErrorCommand(error)),
    fc.boolean().map((expire) => new IdleCommand(expire)),
  ];

  it(`keeps the state chart's promises over ${RUNS} random command sequences`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(...commands), {
          minLength: MIN_COMMANDS,
          maxLength: MAX_COMMANDS,
          size: 'max',
        }),
        async (sequence) => {
          const run = ++runs;
          // A few owners shared by many runs: some find their accounts already connected (DISCOVERY → REQUIREMENTS).
          const owner: SessionOwner = {
            userId: `model-user-${run % 11}`,
            tenantId: `model-tenant-${run % 3}`,
          };
          const started = await harness.conversations.startSession(owner);
          const model: Model = {
            owner,
            sessionId: started.sessionId,
            ended: false,
            expired: false,
            usedStates: new Set(),
            offeredUrls: [],
            last: (await harness.store.get(started.sessionId))!,
            coverage,
          };
          coverage.phases.add(P.IDLE);
          try {
            await fc.asyncModelRun(() => ({ model, real: harness }), sequence);
            expect(await harness.store.isLeased(started.sessionId)).toBe(false);
          } finally {
            await harness.store.delete(started.sessionId);
          }
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    if (process.env.MODEL_VERBOSE) console.log([...coverage.edges].sort().join('\n'), executed);
    // The generator reaches every phase; the runs are not stuck at the start of the chart.
    expect([...coverage.phases].sort()).toEqual([...PHASES].sort());
    expect(coverage.edges.size).toBeGreaterThanOrEqual(Math.min(15, RUNS));
  }, 600_000);

  // KNOWN_BUG_LAST_INTEGRATION (fixed): removing the last integration keeps the field as an empty, missing list.
  it(`never drops a requirement but by restart (${KNOWN_BUG_LAST_INTEGRATION})`, async () => {
    const owner = { userId: 'model-removal', tenantId: 'model-tenant' };
    const { sessionId } = await harness.conversations.startSession(owner);
    try {
      const say = (text: string) => lastValueFrom(harness.conversations.processMessage(owner, sessionId, { text }).pipe(toArray()));
      await say('only emails from my manager');
      expect((await harness.store.get(sessionId))?.context.requirements.integrations.value).toEqual(['gmail']);
      await say('remove gmail');
      expect((await harness.store.get(sessionId))?.context.requirements.integrations.value).not.toBeNull();
    } finally {
      await harness.store.delete(sessionId);
    }
  });
});
