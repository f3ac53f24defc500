import { assign, createActor, setup, type Snapshot } from 'xstate';
import { TURN_MIX } from '../lib/turn-mix.js';

/**
 * The XState 5 peer of the turn (STACK.md's reference): the same phases and the same turn mix as the
 * service's section 3, as a machine whose every turn is restore the persisted snapshot → send the
 * event → persist the snapshot as JSON. Its context holds what a session holds at the mix (the
 * requirements, a capped transcript and history, the draft), so each persisted snapshot is about as
 * large as a session's state; text is classified by a few patterns (the service runs its interpreter).
 */
interface PeerContext {
  requirements: Record<string, { value: string | null; status: 'missing' | 'inferred' | 'confirmed' }>;
  transcript: { role: 'user' | 'assistant'; text: string }[];
  history: { from: string; to: string; at: number; reason: string }[];
  draftAgentId: string | null;
  lastTest: { passed: boolean; cases: { name: string; passed: boolean }[] } | null;
}

type PeerEvent = { type: 'TEXT'; text: string } | { type: 'CONFIRM' } | { type: 'BACK' };

const TRANSCRIPT_CAP = 12;
const HISTORY_CAP = 50;

const capped = <T>(list: readonly T[], item: T, cap: number): T[] => [...list, item].slice(-cap);
const isBuild = ({ event }: { event: PeerEvent }): boolean => event.type === 'TEXT' && /\b(build|yes)\b/i.test(event.text);
const isActivate = ({ event }: { event: PeerEvent }): boolean => event.type === 'TEXT' && /\bturn it on|activate|looks good\b/i.test(event.text);
const isCorrection = ({ event }: { event: PeerEvent }): boolean => event.type === 'TEXT' && /\bchange\b/i.test(event.text);

export const peerMachine = setup({
  types: { context: {} as PeerContext, events: {} as PeerEvent },
  actions: {
    remember: assign(({ context, event }) => ({
      transcript: capped(context.transcript, { role: 'user' as const, text: event.type === 'TEXT' ? event.text : event.type }, TRANSCRIPT_CAP),
    })),
    moved: assign(({ context }, params: { from: string; to: string; reason: string }) => ({
      history: capped(context.history, { ...params, at: Date.now() }, HISTORY_CAP),
    })),
  },
}).createMachine({
  id: 'agentBuilder',
  initial: 'REQUIREMENTS',
  context: {
    requirements: Object.fromEntries(
      ['name', 'goal', 'trigger', 'integrations', 'filters', 'destination'].map((field) => [field, { value: `${field} value`, status: 'confirmed' as const }]),
    ),
    transcript: [],
    history: [],
    draftAgentId: null,
    lastTest: null,
  },
  states: {
    REQUIREMENTS: {
      on: {
        TEXT: [
          { guard: isBuild, target: 'GENERATION', actions: ['remember', { type: 'moved', params: { from: 'REQUIREMENTS', to: 'GENERATION', reason: 'confirmed' } }] },
          {
            actions: [
              'remember',
              assign(({ context, event }) => ({
                requirements: { ...context.requirements, filters: { value: event.type === 'TEXT' ? event.text : null, status: 'inferred' as const } },
              })),
            ],
          },
        ],
        CONFIRM: { target: 'GENERATION', actions: ['remember', { type: 'moved', params: { from: 'REQUIREMENTS', to: 'GENERATION', reason: 'confirmed' } }] },
      },
    },
    GENERATION: {
      entry: assign(({ context }) => ({ draftAgentId: `draft-${context.history.length}` })),
      always: { target: 'TESTING', actions: { type: 'moved', params: { from: 'GENERATION', to: 'TESTING', reason: 'generated' } } },
    },
    TESTING: {
      entry: assign({ lastTest: { passed: true, cases: [{ name: 'sample', passed: true }] } }),
      on: {
        TEXT: [
          { guard: isActivate, target: 'ACTIVATION', actions: ['remember', { type: 'moved', params: { from: 'TESTING', to: 'ACTIVATION', reason: 'tests_accepted' } }] },
          { guard: isCorrection, target: 'REQUIREMENTS', actions: ['remember', { type: 'moved', params: { from: 'TESTING', to: 'REQUIREMENTS', reason: 'correction' } }] },
        ],
      },
    },
    ACTIVATION: {
      on: { BACK: { target: 'TESTING', actions: ['remember', { type: 'moved', params: { from: 'ACTIVATION', to: 'TESTING', reason: 'back' } }] } },
    },
  },
});

/** The event of mix step `step`. */
export function peerEvent(step: number): PeerEvent {
  const body = TURN_MIX[step % TURN_MIX.length]!.body;
  if ('message' in body) return { type: 'TEXT', text: body.message };
  return body.action.type === 'back' ? { type: 'BACK' } : { type: 'CONFIRM' };
}

/** The persisted snapshot a session starts the mix with. */
export function initialSnapshot(): string {
  const actor = createActor(peerMachine).start();
  const json = JSON.stringify(actor.getPersistedSnapshot());
  actor.stop();
  return json;
}

/** One turn: restore from JSON, send, persist as JSON. Returns the new JSON and the state it is in. */
export function peerTurn(json: string, event: PeerEvent): { json: string; state: string } {
  const actor = createActor(peerMachine, { snapshot: JSON.parse(json) as Snapshot<unknown> }).start();
  actor.send(event);
  const snapshot = actor.getSnapshot();
  const next = JSON.stringify(actor.getPersistedSnapshot());
  actor.stop();
  return { json: next, state: String(snapshot.value) };
}
