import { describe, expect, it } from '@jest/globals';
import { sessionState } from '../../../test/contracts/session-fixtures.js';
import { ConversationPhase, type ConversationState } from '../state.js';
import { assembled, coreJson, listOp, listOps } from './redis-state-fields.js';

const assembleState = (st: string, h: string | null, tr: string | null, eh: string | null): ConversationState => assembled(st, h, tr, eh).state;

const item = (n: number): { n: number } => ({ n });
const line = (value: unknown): string => JSON.stringify(value);

describe('listOp', () => {
  const base = [item(1), item(2), item(3)];

  it('leaves a list the turn did not touch', () => {
    expect(listOp(base, base)).toEqual(['', 0, '']);
  });

  it('appends new items, naming how many old ones fell off the front', () => {
    const added = [item(4), item(5)];
    expect(listOp(base, [...base, ...added])).toEqual(['+', 0, `${line(added[0])}\n${line(added[1])}`]);
    expect(listOp(base, [...base, ...added].slice(-3))).toEqual(['+', 2, `${line(added[0])}\n${line(added[1])}`]);
    expect(listOp([], [item(9)])).toEqual(['+', 0, line(item(9))]);
  });

  it('writes the list whole when it is not an append of the same items (undo, reset, copies)', () => {
    expect(listOp(base, base.slice(0, -1))).toEqual(['!', 0, `${line(base[0])}\n${line(base[1])}`]);
    expect(listOp(base, [])).toEqual(['!', 0, '']);
    expect(listOp(base, base.map((entry) => ({ ...entry })))[0]).toBe('!');
    // The last old item is there but not after the others it kept.
    expect(listOp(base, [base[0], base[2], item(4)])[0]).toBe('!');
    expect(listOp(undefined, base)).toEqual(['!', 0, base.map(line).join('\n')]);
  });

  it('deletes a list the state does not have', () => {
    expect(listOp(base, undefined)).toEqual(['-', 0, '']);
  });
});

describe('the state in fields', () => {
  const state: ConversationState = sessionState('fields-1', 1_000, {
    history: [{ from: ConversationPhase.IDLE, to: ConversationPhase.DISCOVERY, at: 1, reason: 'first_message' }],
    context: {
      ...sessionState('x', 0).context,
      transcript: [{ role: 'user', text: 'two\nlines' }, { role: 'assistant', text: 'ok' }],
      editHistory: [],
    },
  });

  it('assembles what a full write stored back into the same state', () => {
    const [h, tr, eh] = listOps(undefined, state).map(([, , lines]) => lines);
    expect(JSON.parse(coreJson(state))).not.toHaveProperty('history');
    expect(assembleState(coreJson(state), h!, tr!, eh!)).toEqual(state);
    expect(assembled(coreJson(state), h!, tr!, eh!).split).toBe(true);
  });

  it('keeps a missing edit history missing, and reads a record of the earlier layout as it is', () => {
    const { editHistory: _none, ...context } = state.context;
    const older = { ...state, context };
    const [h, tr] = listOps(undefined, older).map(([, , lines]) => lines);
    expect(assembleState(coreJson(older), h!, tr!, null)).toEqual(older);
    expect(assembleState(coreJson(older), h!, tr!, null).context).not.toHaveProperty('editHistory');
    expect(assembleState(JSON.stringify(state), null, null, null)).toEqual(state);
  });

  it('reads a whole state as it is, whatever lists a newer release left beside it', () => {
    const [h, tr, eh] = listOps(undefined, { ...state, history: [] }).map(([, , lines]) => lines);
    expect(assembleState(JSON.stringify(state), h!, tr!, eh!)).toEqual(state);
    expect(assembled(JSON.stringify(state), h!, tr!, eh!).split).toBe(false);
  });
});
