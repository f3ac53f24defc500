import { describe, expect, it } from '@jest/globals';
import type { ChatResponse } from '../../src/conversation/chat-response.js';
import type { SessionView } from '../../src/conversation/dto/session-view.js';
import { findEdge, type TransitionReason } from '../../src/conversation/machine/transitions.js';
import { ConversationPhase as P } from '../../src/conversation/state.js';
import { findIntegration } from '../../src/oauth/integration-catalog.js';
import { ConversationClient } from '../support/conversation-client.js';
import { PROMPT_INJECTION_CORPUS, type PromptInjectionCase } from '../support/prompt-injection-corpus.js';
import { parseModelOutput } from '../../src/interpreter/openai/model-output.js';
import { mostCompromisedAnswer } from './compromised-answers.js';
import { reachPhase } from './drive.js';
import type { InterpreterInitializer, ScenarioApp } from './initializers.js';
import { durableEvents, expectFrames, expectWellFramed, loggedEvents, postTurn } from './turn-stream.js';

const RANK: Record<P, number> = {
  IDLE: 0,
  DISCOVERY: 1,
  OAUTH_FLOW: 2,
  REQUIREMENTS: 3,
  GENERATION: 4,
  TESTING: 5,
  ACTIVATION: 6,
  COMPLETE: 7,
};

/**
 * The furthest phase one turn may reach from each phase: a turn takes at most the one step the person is
 * asked to agree to. From DISCOVERY nothing is built; only TESTING leads to ACTIVATION, only ACTIVATION
 * to COMPLETE, whatever a model says.
 */
const FURTHEST: Record<P, P> = {
  IDLE: P.REQUIREMENTS,
  DISCOVERY: P.REQUIREMENTS,
  OAUTH_FLOW: P.REQUIREMENTS,
  REQUIREMENTS: P.TESTING,
  GENERATION: P.TESTING,
  TESTING: P.ACTIVATION,
  ACTIVATION: P.COMPLETE,
  COMPLETE: P.REQUIREMENTS,
};

/** GENERATION is never a resting phase (the draft is built in the confirming turn): its cases run in TESTING, right after. */
const startPhase = (phase: P): P => (phase === P.GENERATION ? P.TESTING : phase);

/** Every transition in the history is an edge of the table, and each starts where the previous ended. */
function expectLegalHistory(view: SessionView): void {
  let previous: P = P.IDLE;
  for (const entry of view.history) {
    expect(findEdge(entry.from, entry.to, entry.reason as TransitionReason)).toBeDefined();
    expect(entry.from).toBe(previous);
    previous = entry.to;
  }
  expect(previous).toBe(view.phase);
}

/** Where the model could plant data: ids, phases, URLs, integrations and events, identity. */
function structuralData(view: SessionView, responses: readonly ChatResponse[]): string {
  const { integrations, trigger, destination } = view.context.requirements;
  return JSON.stringify({
    phase: view.phase,
    userId: view.userId,
    tenantId: view.tenantId,
    draftAgentId: view.draftAgentId,
    pendingOauth: view.pendingOauth,
    integrations: [integrations.value, view.context.integrations],
    trigger: trigger.value?.type === 'schedule' ? trigger.value.cron : trigger.value?.type === 'event' ? trigger.value : null,
    destination: destination.value?.integration ?? null,
    types: responses.map((response) => response.type),
    oauthUrls: responses.map((response) => response.oauthUrl),
  }).toLowerCase();
}

/**
 * The prompt-injection corpus through the whole state machine over HTTP: each attempt is typed in its
 * phase of a real conversation, and a model (where there is one) answers it with the most compromised
 * answer the schema allows (`compromised-answers.ts`: `confirm` instead of "activate", links and fake SSE
 * lines in every text; the raw answers, most of which validation rejects, are the unit specs' business). Asserted for every attempt: zero
 * illegal transitions, zero spoofed events (the stream is exactly the frames of the events the server
 * logged), and identity, draft id and URLs never set by what the person or the model wrote.
 */
export function describeInjectionScenarios(init: InterpreterInitializer, app: () => ScenarioApp): void {
  describe(`${init.name}#prompt injection through the state machine`, () => {
    it(`${init.name}#the corpus has at least fifty attempts, each with a compromised answer the schema accepts`, () => {
      expect(PROMPT_INJECTION_CORPUS.length).toBeGreaterThanOrEqual(50);
      for (const entry of PROMPT_INJECTION_CORPUS) {
        const answer = mostCompromisedAnswer(entry);
        expect(parseModelOutput(JSON.stringify(answer)).ok).toBe(true);
        expect(String(answer['reply'])).toContain('event: phase');
      }
      const intents = PROMPT_INJECTION_CORPUS.map((entry) => mostCompromisedAnswer(entry)['intent']);
      expect(intents.filter((intent) => intent === 'confirm').length).toBeGreaterThanOrEqual(25);
    });

    it.each(PROMPT_INJECTION_CORPUS.map((entry) => [entry.id, entry] as const))(`${init.name}#%s`, async (_id, entry: PromptInjectionCase) => {
      const { baseUrl, script } = app();
      const owner = { 'x-user-id': `${init.name}-injection-${entry.id}`, 'x-tenant-id': 'acme' };
      const client = new ConversationClient(baseUrl, owner);
      await client.start();
      const before = await reachPhase(client, startPhase(entry.phase));
      script?.(() => mostCompromisedAnswer(entry));

      const turn = await postTurn(client, entry.text);

      expect(turn.status).toBe(200);
      expectFrames(turn);
      expect(turn.responses.some((response) => response.type === 'error')).toBe(false);
      for (const response of turn.responses) expect(response.sessionId).toBe(client.sessionId);

      const response = await fetch(`${baseUrl}/v1/sessions/${client.sessionId}`, { headers: owner });
      if (response.status === 404) {
        // Cancelled: the session ended with this turn, without a phase change.
        expect(turn.responses.filter((event) => event.type === 'phase')).toEqual([]);
        return;
      }
      expect(response.status).toBe(200);
      const view = (await response.json()) as SessionView;
      expectWellFramed(turn);
      const durable = durableEvents(turn);

      // Zero spoofed events: what the client parsed is exactly what the server logged for this turn.
      const first = durable[0]!.seq;
      expect(await loggedEvents(client, first - 1, durable.at(-1)!.seq)).toEqual(durable);

      // Zero illegal transitions, and no step further than the one the person may agree to.
      expectLegalHistory(view);
      const entered = turn.responses
        .filter((event) => event.type === 'phase')
        .map((event) => (event.data as { to: P }).to);
      for (const phase of [...entered, view.phase]) {
        if (phase !== before.phase) expect(RANK[phase]).toBeLessThanOrEqual(RANK[FURTHEST[before.phase]]);
      }
      if (view.phase === P.ACTIVATION || view.phase === P.COMPLETE) expect(view.draftAgentId).not.toBeNull();

      // Identity and ids belong to the server.
      expect(view.userId).toBe(owner['x-user-id']);
      expect(view.tenantId).toBe('acme');
      if (view.draftAgentId !== before.draftAgentId) {
        const drafts = turn.responses.filter((event) => event.type === 'draft').map((event) => event.data?.['draftAgentId']);
        expect(drafts).toContain(view.draftAgentId);
        expect(entered).toContain(P.TESTING);
      }
      for (const event of turn.responses) {
        if (event.oauthUrl !== null) expect(event.oauthUrl.startsWith(`${baseUrl}/dev/oauth/`)).toBe(true);
        for (const action of event.actions) {
          if (action.type === 'oauth') expect(action.value?.startsWith(`${baseUrl}/dev/oauth/`)).toBe(true);
        }
      }
      if (view.pendingOauth) expect(view.pendingOauth.authorizationUrl.startsWith(`${baseUrl}/dev/oauth/`)).toBe(true);
      for (const id of view.context.requirements.integrations.value ?? []) expect(findIntegration(id)).toBeDefined();
      const data = structuralData(view, turn.responses);
      for (const forbidden of entry.forbidden) expect(data).not.toContain(forbidden.toLowerCase());
      const streamed = turn.responses.filter((event) => event.type === 'delta').map((event) => event.content).join('');
      expect(streamed).not.toMatch(/https?:|:\/\//i);
    });
  });
}
