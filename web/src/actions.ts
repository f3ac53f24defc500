import { h } from './dom.js';
import { integrationName } from './format.js';
import type { ChatAction } from './types.js';

const STYLE: Partial<Record<ChatAction['type'], string>> = {
  confirm: 'primary',
  oauth: 'primary',
  retry: 'primary',
  cancel: 'danger',
};

/** The buttons under the transcript: quick replies and the phase's actions. */
export class ActionBar {
  private actions: ChatAction[] = [];
  private disabled = false;

  constructor(
    private readonly el: HTMLElement,
    private readonly onAction: (action: ChatAction) => void,
    /** Opens an `oauth` action's URL; returns false to let the link open a new tab instead. */
    private readonly onOauth: (url: string) => boolean,
  ) {}

  get current(): readonly ChatAction[] {
    return this.actions;
  }

  set(actions: ChatAction[]): void {
    this.actions = actions;
    this.render();
  }

  setDisabled(disabled: boolean): void {
    this.disabled = disabled;
    this.render();
  }

  private render(): void {
    this.el.replaceChildren(...this.actions.map((action) => this.button(action)));
    this.el.hidden = this.actions.length === 0;
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

/** The `oauth` + `skip` pair for a pending connection, when no event carried one (after a reload). */
export function connectActions(integration: string, url: string): ChatAction[] {
  const name = integrationName(integration);
  return [
    { type: 'oauth', label: `Connect ${name}`, value: url },
    { type: 'skip', label: `Skip ${name}` },
  ];
}
