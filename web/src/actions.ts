import { h } from './dom.js';
import { integrationName } from './format.js';
import type { ChatAction } from './types.js';

const STYLE: Partial<Record<ChatAction['type'], string>> = {
  confirm: 'primary',
  oauth: 'primary',
  retry: 'primary',
  cancel: 'danger',
};

/**
 * The buttons under the transcript: the open Connect links, then the latest quick replies and actions.
 * The service announces every pending connection at once (one `oauth_required` each, one per provider)
 * and keeps each link valid until its `oauth_result`, so the links outlive the replies: a later
 * message or turn replaces the replies, never a link that still works.
 */
export class ActionBar {
  private actions: ChatAction[] = [];
  private readonly links = new Map<string, ChatAction>();
  private disabled = false;

  constructor(
    private readonly el: HTMLElement,
    private readonly onAction: (action: ChatAction) => void,
    /** Opens an `oauth` action's URL; returns false to let the link open a new tab instead. */
    private readonly onOauth: (url: string) => boolean,
  ) {}

  /** The quick replies and actions shown (the Connect links aside). */
  get current(): readonly ChatAction[] {
    return this.actions;
  }

  set(actions: ChatAction[]): void {
    this.actions = actions;
    this.render();
  }

  /** Whether a Connect link for `provider` is shown. */
  hasLink(provider: string): boolean {
    return this.links.has(provider);
  }

  /** Shows (or replaces) the Connect link of a provider's authorization request. */
  putLink(provider: string, action: ChatAction): void {
    this.links.set(provider, action);
    this.render();
  }

  /** The provider's request ended (connected, denied, failed, expired): its link is used up. */
  dropLink(provider: string): void {
    if (this.links.delete(provider)) this.render();
  }

  /** The conversation left the connection step: no request is open any more. */
  dropLinks(): void {
    this.links.clear();
    this.render();
  }

  /** Replies and links alike (a new conversation, a closed one). */
  clear(): void {
    this.links.clear();
    this.set([]);
  }

  setDisabled(disabled: boolean): void {
    this.disabled = disabled;
    this.render();
  }

  private render(): void {
    // A reminder message repeats the open links among its actions: each URL once.
    const urls = new Set([...this.links.values()].map((link) => link.value));
    const shown = [...this.links.values(), ...this.actions.filter((action) => action.type !== 'oauth' || !urls.has(action.value))];
    this.el.replaceChildren(...shown.map((action) => this.button(action)));
    this.el.hidden = shown.length === 0;
  }

  private button(action: ChatAction): HTMLElement {
    const cls = `button ${STYLE[action.type] ?? ''}`.trim();
    if (action.type === 'oauth' && action.value) {
      const url = action.value;
      // A real link: keyboard- and middle-click-friendly, and the fallback when popups are blocked.
      const link = h('a', { class: cls, href: url, target: '_blank', rel: 'noopener', 'data-action': 'oauth' }, action.label);
      link.addEventListener('click', (event) => {
        if (this.onOauth(url)) event.preventDefault();
      });
      return link;
    }
    const button = h('button', { type: 'button', class: cls, 'data-action': action.type, disabled: this.disabled }, action.label);
    button.addEventListener('click', () => this.onAction(action));
    return button;
  }
}

/** The Connect link of a pending connection, when no event carried one (its event left the capped log). */
export function connectAction(integration: string, url: string): ChatAction {
  return { type: 'oauth', label: `Connect ${integrationName(integration)}`, value: url };
}
