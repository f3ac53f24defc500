import { describe, expect, it } from '@jest/globals';
import { ChatStreams } from './chat-streams.js';

const ALICE = { tenantId: 'acme', userId: 'alice' };
const MALLORY = { tenantId: 'acme', userId: 'mallory' };

describe(ChatStreams.name, () => {
  it('replays a running stream from its start to a late follower, then goes on live, then ends', () => {
    const streams = new ChatStreams();
    const stream = streams.open('s', ALICE);
    stream.push('a');
    stream.push('b');
    const seen: string[] = [];
    let ended = false;
    streams.find('s', ALICE)!.follow((frame) => seen.push(frame), () => (ended = true));
    stream.push('c');
    streams.close(stream);
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(ended).toBe(true);
    expect(streams.find('s', ALICE)).toBeUndefined();
  });

  it('gives another user nothing', () => {
    const streams = new ChatStreams();
    streams.open('s', ALICE);
    expect(streams.find('s', MALLORY)).toBeUndefined();
    expect(streams.find('s', { tenantId: 'globex', userId: 'alice' })).toBeUndefined();
  });

  it('stops writing to a follower that left, and keeps a newer turn’s stream when an older one closes', () => {
    const streams = new ChatStreams();
    const first = streams.open('s', ALICE);
    const seen: string[] = [];
    const leave = first.follow((frame) => seen.push(frame), () => undefined);
    first.push('x');
    leave();
    first.push('y');
    expect(seen).toEqual(['x']);
    const second = streams.open('s', ALICE);
    streams.close(first);
    expect(streams.find('s', ALICE)).toBe(second);
  });
});
