import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { codeChallengeS256, createCodeVerifier, isCodeVerifier, isS256Challenge, verifyS256 } from './pkce.js';

describe('pkce', () => {
  it('matches the S256 example of RFC 7636 (appendix B)', () => {
    expect(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of 43 to 128 unreserved characters from 32 to 96 random bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 32, max: 96 }), (bytes) => {
        const verifier = createCodeVerifier(bytes);
        expect(verifier).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(verifier.length).toBe(Math.ceil((bytes * 4) / 3));
        expect(verifier.length).toBeGreaterThanOrEqual(43);
        expect(verifier.length).toBeLessThanOrEqual(128);
        expect(isCodeVerifier(verifier)).toBe(true);
      }),
    );
  });

  it('refuses fewer than 32 bytes of entropy or more than 128 characters', () => {
    expect(() => createCodeVerifier(31)).toThrow(RangeError);
    expect(() => createCodeVerifier(97)).toThrow(RangeError);
  });

  it('never repeats a verifier', () => {
    const verifiers = new Set(Array.from({ length: 1000 }, () => createCodeVerifier()));
    expect(verifiers.size).toBe(1000);
  });

  it('verifies a verifier against its own challenge only', () => {
    fc.assert(
      fc.property(fc.constant(null), () => {
        const verifier = createCodeVerifier();
        const challenge = codeChallengeS256(verifier);
        expect(isS256Challenge(challenge)).toBe(true);
        expect(verifyS256(verifier, challenge)).toBe(true);
        expect(verifyS256(createCodeVerifier(), challenge)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects malformed verifiers even when they would hash right', () => {
    const short = 'a'.repeat(42);
    expect(verifyS256(short, codeChallengeS256(short))).toBe(false);
    expect(verifyS256(undefined, codeChallengeS256(createCodeVerifier()))).toBe(false);
    expect(verifyS256(['x'], 'y')).toBe(false);
    expect(isCodeVerifier('a'.repeat(129))).toBe(false);
    expect(isCodeVerifier(`${'a'.repeat(42)} `)).toBe(false);
  });
});
