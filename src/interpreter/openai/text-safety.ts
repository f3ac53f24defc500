/**
 * Text hygiene for everything that crosses the model boundary: user text going into a prompt and strings
 * coming back from the model. Pure functions plus one streaming sanitizer, so the streamed `delta`s and
 * the final `reply` are produced by the very same code and always agree.
 */

/**
 * Control characters (except `\n` and `\t`), zero-width and joiner characters, bidi embeddings, overrides
 * and isolates (U+202A–202E, U+2066–2069, U+200E/200F, U+061C), the BOM / zero-width no-break space,
 * soft hyphen, word joiner and invisible operators (U+2060–2064), and the Unicode tag block used to
 * smuggle invisible instructions.
 */
const INVISIBLE =
  // oxlint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\uDB40[\uDC00-\uDC7F]/g;

/** Removes invisible Unicode and control characters (keeps `\n` and `\t`). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

const SECRET_PATTERNS: readonly RegExp[] = [
  // API keys of the common providers (OpenAI `sk-…`, Slack `xox…`, GitHub `ghp_…`, Google `AIza…`).
  /\b(?:sk|rk|pk)-[A-Za-z0-9_-]{16,}/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g,
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g,
  /\bAIza[0-9A-Za-z_-]{30,}/g,
  // JWTs and bearer credentials.
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/-]{12,}=*/gi,
];
/** OAuth and credential query parameters whose values must never reach a model. */
const SECRET_QUERY = /([?&#](?:state|code|code_verifier|access_token|refresh_token|id_token|token|client_secret|api_key|apikey|key|password)=)[^&#\s"'<>]+/gi;

/** Replaces things that look like credentials (keys, tokens, OAuth `state`/`code` values) with `[redacted]`. */
export function redactSecrets(text: string): string {
  let result = text.replace(SECRET_QUERY, '$1[redacted]');
  for (const pattern of SECRET_PATTERNS) result = result.replace(pattern, '[redacted]');
  return result;
}

export const LINK_PLACEHOLDER = '[link removed]';
/**
 * Where a link may start: a scheme or `www.` at a word start (matched case-insensitively), or a bare `://`
 * anywhere (so `xhttps://host` loses its host too).
 */
const LINK_STARTS = ['https://', 'http://', 'www.', '://'] as const;
/** Characters that end a link once one has started. */
const LINK_END = /[\s"'<>()[\]{}]/;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Sanitizes model text as it streams: invisible and control characters are dropped, links (`http://`,
 * `https://`, `www.`, any `://`) are replaced by {@link LINK_PLACEHOLDER} (the model never hands the user a URL: the
 * service's own OAuth links come from the state machine), and output stops at `maxLength` characters.
 *
 * Only a possible link start at the very end of a piece is held back (a trailing `ht` at a word start, or
 * a trailing `:`) until the next piece decides it, so streaming adds no latency to ordinary text. Bare
 * domains without a scheme or `www.` (`evil.example/login`) are not recognised.
 */
export class StreamingTextSanitizer {
  private held = '';
  private inLink = false;
  private emitted = 0;
  /** The character before `held` (for the word-start check). */
  private previous = '';

  constructor(private readonly maxLength: number) {}

  /** Feeds a piece of raw text; returns the sanitized text that can be shown now (possibly empty). */
  push(piece: string): string {
    let out = '';
    for (const char of stripInvisible(piece)) out += this.step(char);
    return this.cap(out);
  }

  /** Ends the text; returns whatever was held back. */
  end(): string {
    const rest = this.held;
    this.held = '';
    return this.cap(rest);
  }

  private step(char: string): string {
    if (this.inLink) {
      if (!LINK_END.test(char)) return '';
      this.inLink = false;
    }
    if (this.held === '' && !this.startsLink(char)) {
      this.previous = char;
      return char;
    }
    this.held += char;
    const lower = this.held.toLowerCase();
    if (LINK_STARTS.some((start) => lower === start)) {
      this.held = '';
      this.inLink = true;
      this.previous = '';
      return LINK_PLACEHOLDER;
    }
    if (LINK_STARTS.some((start) => start.startsWith(lower))) return '';
    // Not a link after all: release the held text; its first character cannot start a link (it was just
    // tried) but the rest may, e.g. `hhttp://`.
    const released = this.held;
    this.held = '';
    const first = released[0] ?? '';
    this.previous = first;
    let out = first;
    for (const next of released.slice(1)) out += this.step(next);
    return out;
  }

  private startsLink(char: string): boolean {
    if (char === ':') return true;
    const lower = char.toLowerCase();
    return (lower === 'h' || lower === 'w') && !WORD_CHAR.test(this.previous);
  }

  private cap(text: string): string {
    const room = this.maxLength - this.emitted;
    if (room <= 0 || text === '') return '';
    const kept = text.length > room ? text.slice(0, room) : text;
    this.emitted += kept.length;
    return kept;
  }
}

/** One-shot form of {@link StreamingTextSanitizer}: the same output the streamed pieces add up to. */
export function sanitizeModelText(text: string, maxLength: number): string {
  const sanitizer = new StreamingTextSanitizer(maxLength);
  return sanitizer.push(text) + sanitizer.end();
}
