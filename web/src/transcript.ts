import { byId, h, srOnly } from './dom.js';

export type NoteKind = 'info' | 'ok' | 'warn';

/**
 * The conversation log (`role="log"`, polite live region). While assistant text streams in,
 * the log is `aria-busy` so screen readers read the finished message once, not every piece.
 */
export class Transcript {
  private readonly log = byId('transcript');
  private streaming: HTMLElement | null = null;
  /** Follow the newest line unless the reader scrolled up to read older ones. */
  private pinned = true;
  private lastTop = 0;
  private frame = 0;

  constructor() {
    this.log.addEventListener('scroll', () => {
      // Only a move up unpins: the log shrinking under a growing action bar must not.
      const top = this.log.scrollTop;
      if (this.log.scrollHeight - top - this.log.clientHeight < 48) this.pinned = true;
      else if (top < this.lastTop) this.pinned = false;
      this.lastTop = top;
    });
    // The action bar below appears and grows after a message: keep the last line in view.
    new ResizeObserver(() => this.scroll()).observe(this.log);
  }

  /** Removes everything but the welcome line. */
  clear(): void {
    this.log.replaceChildren(...[...this.log.children].filter((el) => el.classList.contains('welcome')));
    this.streaming = null;
    this.log.removeAttribute('aria-busy');
    this.pinned = true;
  }

  user(text: string): HTMLElement {
    this.pinned = true; // what the user just said, and the answer to it, are what they want to see
    return this.add(h('div', { class: 'msg user' }, srOnly('You: '), text));
  }

  /** Appends a piece of streamed assistant text. */
  delta(text: string): void {
    if (!this.streaming) {
      this.streaming = this.add(h('div', { class: 'msg assistant streaming' }, srOnly('Assistant: '), h('span', {})));
      this.log.setAttribute('aria-busy', 'true');
    }
    this.streaming.lastElementChild?.append(text);
    this.scroll();
  }

  /** A whole assistant message; it replaces the streamed pieces of the same message. */
  assistant(text: string): void {
    const el = this.streaming ?? this.add(h('div', { class: 'msg assistant' }, srOnly('Assistant: '), h('span', {})));
    el.classList.remove('streaming');
    el.lastElementChild?.replaceChildren(text);
    this.endStream();
    this.scroll();
  }

  /** Drops text that streamed but never became a message (the turn failed or was stopped). */
  discardStream(): void {
    this.streaming?.remove();
    this.endStream();
  }

  note(text: string, kind: NoteKind = 'info'): void {
    this.add(h('div', { class: `note note-${kind}` }, text));
  }

  error(text: string): void {
    this.add(h('div', { class: 'msg error' }, srOnly('Error: '), text));
  }

  private endStream(): void {
    this.streaming = null;
    this.log.removeAttribute('aria-busy');
  }

  private add(el: HTMLElement): HTMLElement {
    // A streaming bubble stays last, so a note that arrives mid-stream goes before it.
    if (this.streaming && el !== this.streaming) this.log.insertBefore(el, this.streaming);
    else this.log.append(el);
    this.scroll();
    return el;
  }

  private scroll(): void {
    if (!this.pinned) return;
    this.log.scrollTop = this.log.scrollHeight;
    // Again once this frame's changes are all in: the action bar may hide and show again within
    // one frame, a size change the ResizeObserver never reports.
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      if (this.pinned) this.log.scrollTop = this.log.scrollHeight;
    });
  }
}
