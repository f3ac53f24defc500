import { describe, expect, it } from '@jest/globals';
import { SseParser, type SseEvent } from '../../web/src/sse.js';

function parse(...chunks: string[]): { events: SseEvent[]; parser: SseParser } {
  const events: SseEvent[] = [];
  const parser = new SseParser((event) => events.push(event));
  for (const chunk of chunks) parser.feed(chunk);
  return { events, parser };
}

describe(SseParser.name, () => {
  it('reads id, event and data, and tells an event without an id line apart', () => {
    const { events, parser } = parse('id: 7\nevent: message\ndata: {"a":1}\n\nevent: delta\ndata: hi\n\n');
    expect(events).toEqual([
      { event: 'message', data: '{"a":1}', id: '7', retry: null },
      { event: 'delta', data: 'hi', id: null, retry: null },
    ]);
    expect(parser.lastEventId).toBe('7');
  });

  it('joins data lines with a newline and defaults the event name to message', () => {
    expect(parse('data: one\ndata:two\ndata\n\n').events).toEqual([{ event: 'message', data: 'one\ntwo\n', id: null, retry: null }]);
  });

  it('ignores comments (keep-alive pings) and unknown fields', () => {
    expect(parse(': ping\n\n: connected\nfoo: bar\ndata: x\n\n').events.map((e) => e.data)).toEqual(['x']);
  });

  it('handles every line ending, also a CRLF split across chunks', () => {
    const { events } = parse('data: a\r\n\r\ndata: b\r\rdata: c\r', '\n\r', '\ndata: d\n\n');
    expect(events.map((e) => e.data)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('assembles an event cut anywhere, one character at a time', () => {
    const text = '\uFEFFid: 12\nevent: requirements\ndata: {"text":"ünïcode ✓"}\n\n';
    const { events } = parse(...text.split(''));
    expect(events).toEqual([{ event: 'requirements', data: '{"text":"ünïcode ✓"}', id: '12', retry: null }]);
  });

  it('does not dispatch an event without data, nor one the stream cut off', () => {
    const { events, parser } = parse('id: 3\nevent: x\n\ndata: partial');
    parser.reset();
    parser.feed('data: next\n\n');
    expect(events).toEqual([{ event: 'message', data: 'next', id: null, retry: null }]);
    expect(parser.lastEventId).toBe('3');
  });

  it('takes a numeric retry and refuses an id holding NUL', () => {
    const { events, parser } = parse('retry: 2500\nid: a\0b\ndata: x\n\nretry: soon\ndata: y\n\n');
    expect(events[0]).toEqual({ event: 'message', data: 'x', id: null, retry: 2500 });
    expect(events[1]?.retry).toBeNull();
    expect(parser.reconnectMs).toBe(2500);
  });

  it('strips exactly one space after the colon', () => {
    expect(parse('data:  two spaces\n\n').events[0]?.data).toBe(' two spaces');
  });
});
