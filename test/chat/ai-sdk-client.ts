import { AbstractChat, type ChatState, type ChatStatus, DefaultChatTransport, type UIMessage } from 'ai';

/** The `ai` package's chat state kept in a plain array: what `useChat` keeps in React state. */
class ArrayChatState implements ChatState<UIMessage> {
  status: ChatStatus = 'ready';
  error: Error | undefined = undefined;
  messages: UIMessage[] = [];
  pushMessage = (message: UIMessage): void => {
    this.messages = [...this.messages, message];
  };
  popMessage = (): void => {
    this.messages = this.messages.slice(0, -1);
  };
  replaceMessage = (index: number, message: UIMessage): void => {
    this.messages = this.messages.map((existing, at) => (at === index ? message : existing));
  };
  snapshot = <T>(thing: T): T => structuredClone(thing);
}

/** `AbstractChat` with that state: the framework-agnostic core `useChat` wraps. */
export class TestChat extends AbstractChat<UIMessage> {
  readonly errors: Error[] = [];

  constructor(options: { id: string; api: string; headers: Record<string, string>; fetch?: typeof fetch }) {
    const errors: Error[] = [];
    super({
      id: options.id,
      transport: new DefaultChatTransport({ api: options.api, headers: options.headers, fetch: options.fetch }),
      state: new ArrayChatState(),
      onError: (error) => errors.push(error),
    });
    this.errors = errors;
  }

  /** The last assistant message. */
  get reply(): UIMessage | undefined {
    return this.messages.findLast((message) => message.role === 'assistant');
  }
}

/** The text of a message's text parts. */
export function textOf(message: UIMessage | undefined): string {
  return (message?.parts ?? []).flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n');
}

/** A message's `data-*` parts, by id. */
export function dataParts(message: UIMessage | undefined): { type: string; id: string | undefined; data: Record<string, unknown> }[] {
  return (message?.parts ?? [])
    .filter((part) => part.type.startsWith('data-'))
    .map((part) => part as unknown as { type: string; id: string | undefined; data: Record<string, unknown> });
}

/**
 * A `fetch` whose response bodies the test can cut: `cut()` cancels the real body (the server sees the
 * connection close) and fails the reader with the `TypeError` a dropped network connection gives.
 */
export function cuttableFetch(): { fetch: typeof fetch; cut: () => void } {
  let cutNow: (() => void) | undefined;
  const wrapped: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (!response.body || !(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) return response;
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        cutNow = () => {
          void reader.cancel().catch(() => undefined);
          controller.error(new TypeError('network error'));
        };
      },
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          controller.error(error);
        }
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { fetch: wrapped, cut: () => cutNow?.() };
}

/** Polls until `condition` holds (the chat updates as chunks arrive). */
export async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
