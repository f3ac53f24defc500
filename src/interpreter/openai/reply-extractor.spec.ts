import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import { ReplyExtractor } from './reply-extractor.js';

/** Runs the extractor over `text` cut at `cuts`; returns the pieces and whether the reply completed. */
function extract(text: string, cuts: number[] = []): { pieces: string[]; complete: boolean } {
  const pieces: string[] = [];
  const extractor = new ReplyExtractor((piece) => pieces.push(piece));
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const point of [...points, text.length]) {
    extractor.push(text.slice(from, point));
    from = point;
  }
  return { pieces, complete: extractor.complete };
}

/** Every way of cutting `text` in two. */
function everySplit(text: string): number[][] {
  return Array.from({ length: text.length + 1 }, (_, index) => [index]);
}

describe(ReplyExtractor.name, () => {
  it('emits the reply text of each chunk as it arrives', () => {
    const pieces: string[] = [];
    const extractor = new ReplyExtractor((piece) => pieces.push(piece));
    extractor.push('{"reply":"Hel');
    expect(pieces).toEqual(['Hel']);
    extractor.push('lo');
    expect(pieces).toEqual(['Hel', 'lo']);
    extractor.push('!", "intent":"question"');
    expect(pieces).toEqual(['Hel', 'lo', '!']);
    expect(extractor.complete).toBe(true);
    extractor.push(',"patch":{"goal":"x"}}');
    expect(pieces).toHaveLength(3);
  });

  it.each([
    ['newline and quotes', 'Line\nwith "quotes" and \\ backslash / slash\ttab'],
    ['\\u escapes', 'café ümlaut \u0001 control'],
    ['surrogate pairs', 'smile 😀 and 👍🏽 done'],
    ['empty', ''],
  ])('decodes %s identically to JSON.parse, at every split point', (_name, reply) => {
    const json = JSON.stringify({ reply, intent: 'question' })
      .replace('é', '\\u00e9')
      .replace('😀', '\\ud83d\\ude00');
    for (const cuts of everySplit(json)) {
      const { pieces, complete } = extract(json, cuts);
      expect(pieces.join('')).toBe(reply);
      expect(complete).toBe(true);
    }
  });

  it('never ends a piece in half a surrogate pair, even one character at a time', () => {
    const json = '{"reply":"a\\ud83d\\ude00b😀c"}';
    const { pieces } = extract(json, Array.from({ length: json.length }, (_, index) => index));
    expect(pieces.join('')).toBe('a😀b😀c');
    for (const piece of pieces) expect(piece).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it('skips a Markdown fence or prose before the object', () => {
    expect(extract('```json\n{"reply":"hi","intent":"confirm"}\n```').pieces.join('')).toBe('hi');
    expect(extract('Sure! {"reply":"hi"}').pieces.join('')).toBe('hi');
  });

  it('reads a reply that is not the first property, and ignores nested "reply" keys and reply-like values', () => {
    const json = JSON.stringify({
      intent: 'question',
      patch: { reply: 'nested', steps: ['"reply":"fake"'] },
      note: 'reply',
      reply: 'the real one',
    });
    expect(extract(json).pieces.join('')).toBe('the real one');
  });

  it('recognises an escaped key and takes only the first top-level reply', () => {
    expect(extract('{"re\\u0070ly":"escaped key"}').pieces.join('')).toBe('escaped key');
    expect(extract('{"reply":"first","reply":"second"}').pieces.join('')).toBe('first');
  });

  it('ignores a reply that is not a string, and everything after the root object', () => {
    expect(extract('{"reply":null,"intent":"x"}').pieces).toEqual([]);
    expect(extract('{"intent":"x"} {"reply":"after"}').pieces).toEqual([]);
  });

  it('reports an unfinished reply as incomplete', () => {
    const { pieces, complete } = extract('{"reply":"cut off he');
    expect(pieces.join('')).toBe('cut off he');
    expect(complete).toBe(false);
  });

  it('matches JSON.parse for any reply, any other fields and any chunking', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }));
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.dictionary(fc.string({ maxLength: 8 }).filter((key) => key !== 'reply'), value, { maxKeys: 4 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        (reply, others, replyFirst, cuts) => {
          const object = replyFirst ? { reply, ...others } : { ...others, reply };
          const json = JSON.stringify(object, null, replyFirst ? 0 : 1);
          expect(extract(json, cuts).pieces.join('')).toBe((JSON.parse(json) as { reply: string }).reply);
        },
      ),
      { numRuns: 300 },
    );
  });
});
