import { describe, expect, it } from '@jest/globals';

import { FakeClock } from '../../common/clock.js';
import { CircuitBreaker, type CircuitState } from './circuit-breaker.js';

function breaker() {
  const clock = new FakeClock();
  const changes: CircuitState[] = [];
  const circuit = new CircuitBreaker(clock, { failureThreshold: 3, openMs: 1000 }, (state) => changes.push(state));
  const fail = (times: number) => {
    for (let index = 0; index < times; index++) circuit.failure(circuit.acquire()!);
  };
  return { clock, circuit, changes, fail };
}

describe(CircuitBreaker.name, () => {
  it('stays closed below the threshold, and a success resets the count', () => {
    const { circuit, fail } = breaker();
    fail(2);
    circuit.success(circuit.acquire()!);
    fail(2);
    expect(circuit.state).toBe('closed');
    expect(circuit.acquire()).toEqual({ trial: false });
  });

  it('opens after the threshold of consecutive failures and refuses calls while open', () => {
    const { circuit, fail, clock, changes } = breaker();
    fail(3);
    expect(circuit.state).toBe('open');
    expect(changes).toEqual(['open']);
    clock.advance(999);
    expect(circuit.acquire()).toBeNull();
  });

  it('half-opens after openMs with exactly one trial; its success closes the circuit', () => {
    const { circuit, fail, clock, changes } = breaker();
    fail(3);
    clock.advance(1000);
    const trial = circuit.acquire();
    expect(trial).toEqual({ trial: true });
    expect(circuit.state).toBe('half_open');
    expect(circuit.acquire()).toBeNull();
    circuit.success(trial!);
    expect(circuit.state).toBe('closed');
    expect(changes).toEqual(['open', 'half_open', 'closed']);
  });

  it('re-opens for another openMs when the trial fails', () => {
    const { circuit, fail, clock } = breaker();
    fail(3);
    clock.advance(1000);
    circuit.failure(circuit.acquire()!);
    expect(circuit.state).toBe('open');
    clock.advance(999);
    expect(circuit.acquire()).toBeNull();
    clock.advance(1);
    expect(circuit.acquire()).toEqual({ trial: true });
  });

  it('lets another trial through when the trial is released (aborted)', () => {
    const { circuit, fail, clock } = breaker();
    fail(3);
    clock.advance(1000);
    circuit.release(circuit.acquire()!);
    expect(circuit.state).toBe('half_open');
    expect(circuit.acquire()).toEqual({ trial: true });
  });

  it('ignores late failures of calls that started before it opened', () => {
    const { circuit, fail } = breaker();
    const early = circuit.acquire()!;
    fail(3);
    circuit.failure(early);
    expect(circuit.state).toBe('open');
  });
});
