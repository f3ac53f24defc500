/**
 * Pulls the characters of the top-level `"reply"` string out of a JSON object while it is still arriving,
 * so the assistant's words reach the client as the model writes them. It is a small tokenizer, not a
 * parser: it tracks strings, escapes and nesting just enough to know when it is inside the value of the
 * root object's `reply` key, and never judges validity (the complete text is parsed and validated once
 * the model is done). Anything before the first `{` (a Markdown fence, stray prose) is skipped.
 *
 * Escapes may be split across chunks (`\`|`n`, `\u00`|`e9`); a high surrogate is held until its low half
 * arrives, so a piece never ends in half a character.
 */
export class ReplyExtractor {
  private depth = 0;
  private started = false;
  private finished = false;
  private inString = false;
  /** At depth 1, whether the next string is a key (after `{` or `,`) rather than a value. */
  private expectingKey = false;
  private currentKeyRaw = '';
  private lastKey = '';
  private capturing = false;
  /** Raw escape text after a backslash, e.g. `u00` while waiting for the rest of `\u00e9`. */
  private escape: string | null = null;
  private highSurrogate = '';
  private replyDone = false;
  private replySeen = false;

  /** @param onText receives decoded reply text, once per `push` that produced some. */
  constructor(private readonly onText: (text: string) => void) {}

  /** Whether the reply string has been read to its closing quote. */
  get complete(): boolean {
    return this.replyDone;
  }

  /** Feeds the next piece of the model's output. */
  push(chunk: string): void {
    let out = '';
    for (let index = 0; index < chunk.length && !this.finished; index++) {
      const char = chunk[index]!;
      if (this.inString) {
        out += this.stringChar(char);
        continue;
      }
      if (!this.started) {
        if (char === '{') {
          this.started = true;
          this.depth = 1;
          this.expectingKey = true;
        }
        continue;
      }
      switch (char) {
        case '"':
          this.inString = true;
          this.currentKeyRaw = '';
          this.capturing = this.depth === 1 && !this.expectingKey && this.lastKey === 'reply' && !this.replySeen;
          if (this.capturing) this.replySeen = true;
          break;
        case '{':
        case '[':
          this.depth++;
          break;
        case '}':
        case ']':
          this.depth--;
          if (this.depth === 0) this.finished = true;
          break;
        case ',':
          if (this.depth === 1) this.expectingKey = true;
          break;
        default:
          break;
      }
    }
    if (out !== '') this.onText(out);
  }

  /** One character inside a string; returns the reply text it yields (if capturing). */
  private stringChar(char: string): string {
    const keyString = this.depth === 1 && this.expectingKey;
    if (this.escape !== null) {
      this.escape += char;
      if (this.escape[0] === 'u' && this.escape.length < 5) return '';
      const escaped = this.escape;
      this.escape = null;
      if (keyString) this.currentKeyRaw += `\\${escaped}`;
      return this.capturing ? this.decoded(decodeEscape(escaped)) : '';
    }
    if (char === '\\') {
      this.escape = '';
      return '';
    }
    if (char === '"') {
      this.inString = false;
      if (keyString) {
        this.lastKey = decodeKey(this.currentKeyRaw);
        this.expectingKey = false;
      }
      if (this.capturing) {
        this.capturing = false;
        this.replyDone = true;
        const rest = this.highSurrogate;
        this.highSurrogate = '';
        return rest;
      }
      return '';
    }
    if (keyString) this.currentKeyRaw += char;
    return this.capturing ? this.decoded(char) : '';
  }

  /** Joins surrogate pairs so no emitted piece ends in half a character. */
  private decoded(text: string): string {
    const code = text.charCodeAt(0);
    if (text.length === 1 && code >= 0xd800 && code <= 0xdbff) {
      const previous = this.highSurrogate;
      this.highSurrogate = text;
      return previous;
    }
    const pending = this.highSurrogate;
    this.highSurrogate = '';
    return pending + text;
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

function decodeEscape(escaped: string): string {
  if (escaped[0] === 'u') {
    const code = Number.parseInt(escaped.slice(1), 16);
    return Number.isNaN(code) ? '' : String.fromCharCode(code);
  }
  return SIMPLE_ESCAPES[escaped] ?? '';
}

function decodeKey(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
