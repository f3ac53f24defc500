import { OUTPUT_LIMITS } from './interpretation.schema.js';
import { StreamingTextSanitizer } from './text-safety.js';

/** The reply text of one model call, as it streams. */
export interface ReplyAttempt {
  /** Raw decoded reply characters from the extractor. */
  push(raw: string): void;
  /** The reply string ended (or the call did): releases anything the sanitizer held back. */
  end(): void;
}

/**
 * Turns reply text into `onDelta` calls across the calls of one turn. Each call's reply passes through its
 * own sanitizer (the one the final `reply` goes through, so they agree). A later call (the repair) usually
 * repeats the reply: text already shown is not sent again, only what extends it; if it says something
 * else, nothing more is streamed and the final `message` (built from the validated reply) is what counts.
 */
export class DeltaStream {
  private sent = '';
  private broken = false;

  constructor(
    private readonly onDelta: ((text: string) => void) | undefined,
    private readonly onListenerError: (error: unknown) => void,
  ) {}

  /** Everything sent as deltas so far. */
  get emitted(): string {
    return this.sent;
  }

  beginAttempt(): ReplyAttempt {
    const sanitizer = new StreamingTextSanitizer(OUTPUT_LIMITS.reply);
    let produced = '';
    let diverged = false;
    let ended = false;
    const forward = (text: string) => {
      if (text === '' || diverged) return;
      produced += text;
      if (produced.length <= this.sent.length) {
        diverged = !this.sent.startsWith(produced);
        return;
      }
      if (!produced.startsWith(this.sent)) {
        diverged = true;
        return;
      }
      const fresh = produced.slice(this.sent.length);
      this.sent = produced;
      this.deliver(fresh);
    };
    return {
      push: (raw) => {
        if (!ended) forward(sanitizer.push(raw));
      },
      end: () => {
        if (ended) return;
        ended = true;
        forward(sanitizer.end());
      },
    };
  }

  private deliver(text: string): void {
    if (!this.onDelta || this.broken) return;
    try {
      this.onDelta(text);
    } catch (error) {
      // A failing listener must not look like a failing model (which would trigger a repair call).
      this.broken = true;
      this.onListenerError(error);
    }
  }
}
