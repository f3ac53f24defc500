import { describe, expect, it } from '@jest/globals';
import { createOauthState, isOauthStateFormat } from './state.js';

describe(createOauthState.name, () => {
  it('is base64url of 256 random bits', () => {
    const state = createOauthState();
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(state, 'base64url')).toHaveLength(32);
    expect(isOauthStateFormat(state)).toBe(true);
  });

  it('never repeats and spreads over the whole alphabet', () => {
    const states = Array.from({ length: 2000 }, () => createOauthState());
    expect(new Set(states).size).toBe(states.length);
    const characters = new Set(states.join(''));
    expect(characters.size).toBe(64);
  });

  it('tells junk from a state it could have issued', () => {
    for (const junk of ['', 'short', `${createOauthState()}x`, 'a'.repeat(42) + '=', 42, null]) {
      expect(isOauthStateFormat(junk)).toBe(false);
    }
  });
});
