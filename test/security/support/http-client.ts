import { Agent, request } from 'node:http';

/** One raw request: anything node:http will put on the wire (any method token, any path, any bytes). */
export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  contentType: string;
  text: string;
  /** The stream was cut by us (an event stream, read for `streamMs` only). */
  truncated: boolean;
}

export interface HttpClientOptions {
  /** How long an event stream is read before the client hangs up (they never end by themselves). */
  streamMs?: number;
  /** A request that takes longer fails the test instead of hanging it. */
  timeoutMs?: number;
  /** Most bytes of a body kept. */
  maxBodyBytes?: number;
}

/**
 * A keep-alive HTTP/1.1 client over node:http: unlike `fetch` it sends any method, any header
 * value Node accepts and any body as given, and it can hang up on an event stream after a while.
 * `close()` destroys its sockets, so leak checks can count from a clean slate.
 */
export class HttpClient {
  private readonly agent: Agent;
  private readonly url: URL;

  constructor(
    baseUrl: string,
    private readonly options: HttpClientOptions = {},
  ) {
    this.url = new URL(baseUrl);
    this.agent = new Agent({ keepAlive: true, maxSockets: 64 });
  }

  send(raw: RawRequest): Promise<RawResponse> {
    const { streamMs = 50, timeoutMs = 15_000, maxBodyBytes = 256 * 1024 } = this.options;
    return new Promise<RawResponse>((resolve, reject) => {
      const headers: Record<string, string | number> = { ...raw.headers };
      if (raw.body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-length')) {
        headers['content-length'] = Buffer.byteLength(raw.body);
      }
      const req = request({
        agent: this.agent,
        host: this.url.hostname,
        port: this.url.port,
        method: raw.method,
        path: raw.path,
        headers,
      });
      const timer = setTimeout(() => {
        req.destroy();
        reject(new Error(`${raw.method} ${raw.path}: no answer after ${timeoutMs} ms`));
      }, timeoutMs);
      req.on('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`${raw.method} ${raw.path}: ${error.message}`, { cause: error }));
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        const contentType = String(res.headers['content-type'] ?? '');
        let cut: NodeJS.Timeout | undefined;
        const finish = (): void => {
          clearTimeout(timer);
          clearTimeout(cut);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            contentType,
            text: Buffer.concat(chunks).toString('utf8'),
            truncated,
          });
        };
        if (contentType.startsWith('text/event-stream')) {
          cut = setTimeout(() => {
            truncated = true;
            res.destroy();
            finish();
          }, streamMs);
        }
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= maxBodyBytes) chunks.push(chunk);
        });
        res.on('end', finish);
        res.on('error', () => {
          if (!truncated) finish();
        });
      });
      if (raw.body !== undefined) req.end(raw.body);
      else req.end();
    });
  }

  /** Destroys every socket of the agent. */
  close(): void {
    this.agent.destroy();
  }
}

/** Runs `work` over `items` with at most `concurrency` at a time; resolves when all are done. */
export async function eachWithConcurrency<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
