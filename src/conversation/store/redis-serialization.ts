import type { ChatResponse } from '../chat-response.js';
import { eventJson } from '../event-json.js';
import { deepFreeze } from './frozen.js';
import type { CommittedState, OauthStateRecord } from './session-store.js';
import { upgradeRequirements } from '../requirements/upgrade-requirements.js';
import { assembled } from './redis-state-fields.js';

/** JSON in and out of Redis. States come out frozen, as the store contract hands them out. */

/** A session's state from its hash fields `st, h, tr, eh` (see `redis-state-fields.ts`). */
export function parseState(st: string, h: string | null, tr: string | null, eh: string | null): CommittedState {
  return parseStoredState(st, h, tr, eh).state;
}

/** `parseState`, and whether the record is in the current layout (a commit may then append to its lists). */
export function parseStoredState(st: string, h: string | null, tr: string | null, eh: string | null): { state: CommittedState; split: boolean } {
  const { state, split } = assembled(st, h, tr, eh);
  // Sessions saved before requirements v2 are read in the new shape (one destination became a list).
  if (state.context?.requirements) state.context.requirements = upgradeRequirements(state.context.requirements);
  return { state: deepFreeze(state), split };
}

export function parseOauthRecord(json: string): OauthStateRecord {
  return JSON.parse(json) as OauthStateRecord;
}

/**
 * `SAVE` arguments for the events: first seq (0 without events), last seq, and the events as one JSON
 * array, which is both the turn's stream entry and its live-channel message.
 */
export function eventBatchArguments(events: readonly ChatResponse[]): [number, number, string] {
  if (events.length === 0) return [0, 0, ''];
  return [events[0]!.seq, events.at(-1)!.seq, `[${events.map(eventJson).join(',')}]`];
}

/** A stream entry as `XRANGE` returns it: `[id, [field, value, …]]`. */
type StreamEntry = [id: string, fields: string[]];

/**
 * The events of stream entries, in order: an entry holds one commit's events as a JSON array (an entry
 * written before that layout holds one event object).
 */
export function parseStreamEvents(entries: readonly StreamEntry[]): ChatResponse[] {
  const events: ChatResponse[] = [];
  for (const [, fields] of entries) {
    const index = fields.indexOf('e');
    const json = index >= 0 ? fields[index + 1] : undefined;
    if (json === undefined) continue;
    const parsed = JSON.parse(json) as ChatResponse | ChatResponse[];
    if (Array.isArray(parsed)) events.push(...parsed);
    else events.push(parsed);
  }
  return events;
}

/** The live-channel payload: the committed events of one save, in order. */
export function parseLiveMessage(message: string): ChatResponse[] {
  const parsed: unknown = JSON.parse(message);
  return Array.isArray(parsed) ? (parsed as ChatResponse[]) : [];
}

/** Seqs must rise strictly: they become stream entry ids, and readEvents pages by them. */
export function assertIncreasingSeqs(sessionId: string, events: readonly ChatResponse[]): void {
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.seq <= events[i - 1]!.seq) {
      throw new Error(`Events of session ${sessionId} must have strictly increasing seq`);
    }
  }
}
