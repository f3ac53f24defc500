import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { lastValueFrom, toArray } from 'rxjs';
import { AppModule } from '../../src/app.module.js';
import type { Clock } from '../../src/common/clock.js';
import { AppConfig } from '../../src/config/app-config.js';
import type { ChatResponse } from '../../src/conversation/chat-response.js';
import { ConversationService } from '../../src/conversation/conversation.service.js';
import type { TurnInput } from '../../src/conversation/phases/turn.js';
import type { SessionOwner } from '../../src/conversation/state.js';
import { SessionStore } from '../../src/conversation/store/session-store.js';
import { CredentialStore } from '../../src/oauth/credential-store.js';
import { FIRST_MESSAGE, TURN_MIX } from '../lib/turn-mix.js';

/** The whole service without HTTP: the same module graph `main.ts` starts, as an application context. */
export interface ServiceContext {
  app: INestApplicationContext;
  conversations: ConversationService;
  store: SessionStore;
  credentials: CredentialStore;
}

export async function serviceContext(env: Record<string, string> = {}, clock?: Clock): Promise<ServiceContext> {
  const config = new AppConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    OPENAI_API_KEY: '',
    // The benchmarks run sweeps themselves; the scheduled one would only add noise.
    SESSION_SWEEP_INTERVAL_MS: String(24 * 3_600_000),
    // processMessage counts the turn limit (as a turn over HTTP does): out of reach, still counted.
    RATE_LIMIT_TURNS_PER_MINUTE: '1000000000',
    ...env,
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { clock }), { logger: false });
  return {
    app,
    conversations: app.get(ConversationService),
    store: app.get<symbol, SessionStore>(SessionStore),
    credentials: app.get<symbol, CredentialStore>(CredentialStore),
  };
}

export const BENCH_TENANT = 'bench-tenant';

export const ownerOf = (userId: string): SessionOwner => ({ userId, tenantId: BENCH_TENANT });

/** One turn, all its events collected. */
export function turn(context: ServiceContext, owner: SessionOwner, sessionId: string, input: TurnInput): Promise<ChatResponse[]> {
  return lastValueFrom(context.conversations.processMessage(owner, sessionId, input).pipe(toArray()));
}

/** The body of a mix step as the service's turn input. */
export function mixInput(step: number): TurnInput {
  const body = TURN_MIX[step]!.body;
  return 'message' in body ? { text: body.message } : { action: body.action.type as Extract<TurnInput, { action: string }>['action'] };
}

/** Fails unless the turn ended in `phase` without an error. */
export function expectDone(events: readonly ChatResponse[], phase: string, what: string): void {
  const last = events.at(-1);
  if (events.some((event) => event.type === 'error') || last?.type !== 'done' || last.phase !== phase) {
    throw new Error(`${what}: expected done in ${phase}, got ${events.map((event) => `${event.type}/${event.phase}`).join(' ')}`);
  }
}

/**
 * Gmail and Slack connected for the owner before the conversation starts, so the README's first
 * message goes straight to REQUIREMENTS (no OAuth round trip in process).
 */
export async function connectIntegrations(context: ServiceContext, owner: SessionOwner): Promise<void> {
  for (const provider of ['google', 'slack']) {
    await context.credentials.put({ ...owner, provider }, { accessToken: `bench-${provider}`, tokenType: 'Bearer', obtainedAt: Date.now() });
  }
}

/** A session at the start of the turn mix (REQUIREMENTS, everything known), integrations connected beforehand. */
export async function sessionAtMixStart(context: ServiceContext, owner: SessionOwner): Promise<string> {
  const state = await context.conversations.startSession(owner);
  expectDone(await turn(context, owner, state.sessionId, { text: FIRST_MESSAGE }), 'REQUIREMENTS', 'first message');
  return state.sessionId;
}

/**
 * The turn mix run in order on one session, round after round (sections 3 and 8): each round goes on at
 * the step where the last one stopped, so a round of any length leaves the session where the mix expects it.
 */
export class MixLoop {
  private step = 0;

  constructor(
    private readonly context: ServiceContext,
    private readonly owner: SessionOwner,
    private readonly sessionId: string,
  ) {}

  /** `turns` turns of the mix; µs per turn. */
  async round(turns: number): Promise<number> {
    const started = performance.now();
    for (let index = 0; index < turns; index++) {
      const events = await turn(this.context, this.owner, this.sessionId, mixInput(this.step));
      if (index % 97 === 0) expectDone(events, TURN_MIX[this.step]!.donePhase, `mix step ${this.step}`);
      this.step = (this.step + 1) % TURN_MIX.length;
    }
    return ((performance.now() - started) * 1000) / turns;
  }
}
