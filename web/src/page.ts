import { byId, h } from './dom.js';
import { PHASE_LABELS } from './format.js';
import { PHASES, type Phase } from './types.js';

export interface NoticeButton {
  label: string;
  run: () => void;
}

/** The page's fixed parts: the progress bar, the notice, the composer's buttons, the status line. */
export class Page {
  readonly form = byId<HTMLFormElement>('composer');
  readonly input = byId<HTMLTextAreaElement>('message');
  readonly stopButton = byId<HTMLButtonElement>('stop');
  private readonly sendButton = byId<HTMLButtonElement>('send');
  private readonly noticeBox = byId('notice');

  setPhase(phase: Phase, announce = false): void {
    const index = PHASES.indexOf(phase);
    if (index < 0) return;
    for (const li of byId('phases').children) {
      const i = PHASES.indexOf((li as HTMLElement).dataset['phase'] as Phase);
      li.classList.toggle('done', i < index);
      if (i === index) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    }
    if (announce) this.status(`Step: ${PHASE_LABELS[phase]}`);
  }

  /** While a turn streams, Stop takes Send's place. */
  setBusy(busy: boolean): void {
    this.sendButton.hidden = busy;
    this.stopButton.hidden = !busy;
  }

  setEnabled(enabled: boolean): void {
    this.input.disabled = this.sendButton.disabled = !enabled;
  }

  setConnected(connected: boolean): void {
    byId('connection').hidden = connected;
  }

  notice(text: string, button?: NoticeButton): void {
    const action = button ? h('button', { type: 'button', class: 'button' }, button.label) : null;
    action?.addEventListener('click', () => {
      this.hideNotice();
      button?.run();
      if (!this.input.disabled) this.input.focus();
    });
    this.noticeBox.replaceChildren(h('span', {}, text), ...(action ? [action] : []));
    this.noticeBox.hidden = false;
  }

  hideNotice(): void {
    this.noticeBox.hidden = true;
  }

  /** A polite announcement for screen readers. */
  status(text: string): void {
    byId('status').textContent = text;
  }
}
