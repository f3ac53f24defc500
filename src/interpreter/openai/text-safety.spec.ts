import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import { redactSecrets, sanitizeModelText, StreamingTextSanitizer, stripInvisible } from './text-safety.js';

/** Feeds `text` cut at `cuts` and returns what came out. */
function streamed(text: string, cuts: number[], max = 10_000): string {
  const sanitizer = new StreamingTextSanitizer(max);
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  let out = '';
  let from = 0;
  for (const point of [...points, text.length]) {
    out += sanitizer.push(text.slice(from, point));
    from = point;
  }
  return out + sanitizer.end();
}

describe('stripInvisible', () => {
  it.each([
    ['zero-width', 'a\u200Bb\u200Cc\u200Dd\u2060e', 'abcde'],
    ['bidi embeddings, overrides and isolates', 'x\u202Ay\u202Bz\u202C\u202D\u202E\u2066\u2067\u2068\u2069!', 'xyz!'],
    ['BOM', '\uFEFFhello', 'hello'],
    ['control characters except \\n and \\t', 'a\u0000b\u0007c\u001B[31md\re\n\tf\u007F\u0085', 'abc[31mde\n\tf'],
    ['Unicode tag characters', 'ok\u{E0041}\u{E0042}\u{E007F}', 'ok'],
  ])('removes %s', (_name, input, expected) => {
    expect(stripInvisible(input)).toBe(expected);
  });

  it('keeps ordinary text of any script, accents and emoji', () => {
    const text = 'Résumé 東京 مرحبا 😀👍🏽 — «ok»\n\tdone';
    expect(stripInvisible(text)).toBe(text);
  });
});

describe('redactSecrets', () => {
  it.each([
    ['an OpenAI key', 'my key is sk-proj-abcdefghijklmnop1234', 'my key is [redacted]'],
    ['a Slack token', 'xoxb-1234567890-abcdef', '[redacted]'],
    ['a GitHub token', 'ghp_abcdefghijklmnopqrstuvwxyz0123', '[redacted]'],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlLXZhbHVl', '[redacted]'],
    ['a bearer header', 'Authorization: Bearer abcdef0123456789xyz', 'Authorization: [redacted]'],
    [
      'OAuth state and code in a URL',
      'https://app/cb?state=abc123&code=xyz789&scope=read',
      'https://app/cb?state=[redacted]&code=[redacted]&scope=read',
    ],
  ])('redacts %s', (_name, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('leaves ordinary text alone', () => {
    const text = 'Summarize the skeleton key ideas from my inbox, code reviews and state of the art';
    expect(redactSecrets(text)).toBe(text);
  });
});

describe(StreamingTextSanitizer.name, () => {
  it.each([
    ['https link', 'see https://evil.example/a?b=c now', 'see [link removed] now'],
    ['http link, uppercase', 'see HTTP://EVIL.EXAMPLE now', 'see [link removed] now'],
    ['www link', 'go to www.evil.example/login.', 'go to [link removed]'],
    ['link in Markdown', '[login](http://evil.example/x) please', '[login]([link removed]) please'],
    ['scheme glued to a word', 'xhttps://evil.example/x ok', 'xhttps[link removed] ok'],
    ['doubled h (caught by its ://)', 'hhttp://evil.example', 'hhttp[link removed]'],
    ['words that start like links', 'what, hello, hat, where, w. and 10:30', 'what, hello, hat, where, w. and 10:30'],
  ])('handles %s', (_name, input, expected) => {
    expect(sanitizeModelText(input, 1000)).toBe(expected);
  });

  it('caps the output', () => {
    expect(sanitizeModelText('abcdefghij', 4)).toBe('abcd');
    expect(sanitizeModelText('ab https://x.example', 5)).toBe('ab [l');
  });

  it('holds back only a possible link start at the end of a piece', () => {
    const sanitizer = new StreamingTextSanitizer(1000);
    expect(sanitizer.push('Good morning')).toBe('Good morning');
    expect(sanitizer.push(', visit ht')).toBe(', visit ');
    expect(sanitizer.push('tps://x.example/y and')).toBe('[link removed] and');
    expect(sanitizer.push(' with h')).toBe(' with ');
    expect(sanitizer.push('ope')).toBe('hope');
    expect(sanitizer.push(' note:')).toBe(' note');
    expect(sanitizer.end()).toBe(':');
  });

  it('gives the same text however the input is cut into pieces', () => {
    const alphabet = fc.constantFrom('h', 't', 'p', 's', ':', '/', 'w', '.', ' ', 'a', 'x', '\u200B', '\n', 'é', '😀');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 1, max: 80 }), (chars, cuts, max) => {
        const text = chars.join('');
        expect(streamed(text, cuts, max)).toBe(sanitizeModelText(text, max));
      }),
    );
  });

  it('never lets a scheme link through, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('http://', 'https://', 'HTTPS://', 'www.'), fc.string(), fc.array(fc.nat(), { maxLength: 5 }), (before, scheme, after, cuts) => {
        const out = streamed(`${before} ${scheme}evil.example/x ${after}`, cuts);
        expect(out.toLowerCase()).not.toContain('evil.example');
      }),
    );
  });
});
