import { afterEach, describe, expect, it } from '@jest/globals';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Response } from 'express';
import { SseWriter } from './sse-writer.js';

/** The socket writes a response made: `write` and `end` calls with their data (headers ride on the first). */
interface Recorded {
  calls: string[];
}

/** A loopback server whose one route hands its response, wrapped to record writes, to `handle`. */
async function serve(handle: (writer: SseWriter, res: ServerResponse) => void): Promise<{ server: Server; url: string; recorded: Recorded }> {
  const recorded: Recorded = { calls: [] };
  const server = createServer((_: IncomingMessage, res: ServerResponse) => {
    const write = res.write.bind(res) as (chunk: string) => boolean;
    const end = res.end.bind(res) as (chunk?: string) => ServerResponse;
    res.write = ((chunk: string) => {
      recorded.calls.push(`write:${chunk}`);
      return write(chunk);
    }) as ServerResponse['write'];
    res.end = ((chunk?: string) => {
      recorded.calls.push(`end:${chunk ?? ''}`);
      return end(chunk);
    }) as ServerResponse['end'];
    // Express adds `status` to the response; the writer uses only that of Express.
    const express = Object.assign(res, { status: (code: number) => ((res.statusCode = code), express) }) as unknown as Response;
    handle(new SseWriter(express), res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, recorded };
}

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

describe(SseWriter.name, () => {
  it('sends the headers and every frame of a tick with the end, in one write', async () => {
    const started = await serve((writer) => {
      writer.open();
      writer.write('event: a\ndata: 1\n\n');
      writer.write('event: b\ndata: 2\n\n');
      writer.end();
    });
    server = started.server;
    const response = await fetch(started.url);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(await response.text()).toBe('event: a\ndata: 1\n\nevent: b\ndata: 2\n\n');
    expect(started.recorded.calls).toEqual(['end:event: a\ndata: 1\n\nevent: b\ndata: 2\n\n']);
  });

  it('opens the stream at once when no frame follows, and writes frames of later ticks as they come', async () => {
    let writer: SseWriter | undefined;
    const started = await serve((opened) => {
      writer = opened;
      opened.open();
    });
    server = started.server;
    const response = await fetch(started.url);
    // The headers arrived with no frame written: the client holds an open stream.
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    writer!.write('data: 1\n\n');
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('data: 1\n\n');
    writer!.write('data: 2\n\n');
    writer!.write('data: 3\n\n');
    writer!.end();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe('data: 2\n\ndata: 3\n\n');
    expect(started.recorded.calls).toEqual(['write:data: 1\n\n', 'end:data: 2\n\ndata: 3\n\n']);
  });

  it('keeps frames in order behind a full socket buffer and ends after they drained', async () => {
    const big = `data: ${'x'.repeat(4 * 1024 * 1024)}\n\n`;
    let writer: SseWriter | undefined;
    const started = await serve((opened) => {
      writer = opened;
      opened.open();
      opened.write(big);
    });
    server = started.server;
    const response = await fetch(started.url);
    const reader = response.body!.getReader();
    let received = '';
    const first = await reader.read();
    received += new TextDecoder().decode(first.value);
    // Written while the 4 MB frame is still in the socket's buffer: they wait for its drain.
    writer!.write('data: after\n\n');
    writer!.end();
    writer!.write('data: too late\n\n');
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) received += new TextDecoder().decode(chunk.value);
    expect(received).toBe(`${big}data: after\n\n`);
    expect(started.recorded.calls.map((call) => call.slice(0, 12))).toEqual(['write:data: ', 'end:data: af']);
  });

  it('writes nothing once the response is gone', async () => {
    let writer: SseWriter | undefined;
    const started = await serve((opened, res) => {
      writer = opened;
      opened.open();
      res.destroy();
    });
    server = started.server;
    await expect(fetch(started.url)).rejects.toThrow();
    writer!.write('data: 1\n\n');
    writer!.end();
    expect(started.recorded.calls).toEqual([]);
  });
});
