import { describe, expect, it } from '@jest/globals';
import { editedLastTurn, pushRecord, recordOf } from './edit-history.js';

describe(editedLastTurn.name, () => {
  const record = (version?: number) => recordOf([], [], version);

  it('is true only when the last record is of the turn right before (nothing saved between)', () => {
    const history = pushRecord([record(3)], record(5));
    expect(editedLastTurn(history, 6)).toBe(true);
    expect(editedLastTurn(history, 7)).toBe(false);
    expect(editedLastTurn(history, 5)).toBe(false);
  });

  it('is false without records, or for records of older sessions that kept no version', () => {
    expect(editedLastTurn([], 1)).toBe(false);
    expect(editedLastTurn([record()], 1)).toBe(false);
    expect(record()).not.toHaveProperty('version');
  });
});
