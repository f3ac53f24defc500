import { describe, expect, it } from '@jest/globals';
import { InFlightWork } from './in-flight-work.js';

describe(InFlightWork.name, () => {
  it('counts work of every kind, is idle when the last one ends, and cuts what can be cut', async () => {
    const work = new InFlightWork();
    await work.whenIdle();
    const cut: string[] = [];
    const endTurn = work.begin('turn', () => cut.push('turn'));
    const endCallback = work.begin('callback', () => cut.push('callback'));
    const endSweep = work.begin('sweep');
    expect(work.describe()).toBe('1 turn(s), 1 callback(s), 1 sweep(s)');
    let idle = false;
    void work.whenIdle().then(() => (idle = true));
    work.cutAll();
    expect(cut).toEqual(['turn', 'callback']);
    endTurn();
    endTurn();
    endCallback();
    await Promise.resolve();
    expect({ size: work.size, idle }).toEqual({ size: 1, idle: false });
    endSweep();
    await Promise.resolve();
    expect({ size: work.size, idle }).toEqual({ size: 0, idle: true });
  });
});
