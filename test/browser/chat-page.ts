import type { BrowserContext, Page } from 'playwright-core';
import { artifactPath } from './browser.js';

/**
 * Polls `probe` until `accept` holds. Failing, it names what it waited for and the last value seen, so
 * a red test says where the page stood rather than "timeout".
 */
export async function until<T>(what: string, probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export type Decision = 'Allow' | 'Deny';

/**
 * The chat page as a person uses it: types into the composer, presses Enter, clicks the buttons
 * under the transcript, answers the provider's consent in the popup. Every step waits for what the
 * page shows, never for a fixed time.
 */
export class ChatPage {
  private constructor(readonly page: Page) {}

  /** Opens the page (`path` may carry `?sessionId=`) in a new tab of `context`. */
  static async open(context: BrowserContext, baseUrl: string, path = '/'): Promise<ChatPage> {
    const page = await context.newPage();
    const chat = new ChatPage(page);
    await chat.goto(`${baseUrl}${path}`);
    return chat;
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await this.whenIdle();
  }

  /** Reloads the tab and waits until the conversation is shown again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.whenIdle();
  }

  /** The `sessionId` in the address bar (the page keeps it there for reloads). */
  sessionId(): string {
    return new URL(this.page.url()).searchParams.get('sessionId') ?? '';
  }

  /** The composer's text box. */
  get composer() {
    return this.page.getByRole('textbox', { name: 'Message' });
  }

  /** Types a message and presses Enter, then waits for the turn to end. */
  async send(text: string): Promise<void> {
    const before = await this.userLineCount();
    await this.type(text);
    await this.turnEnded(before + 1);
  }

  /** Types a message and presses Enter; does not wait for anything. */
  async type(text: string): Promise<void> {
    await this.composer.fill(text);
    await this.composer.press('Enter');
  }

  /** Clicks a button of the action bar (a quick reply or an action), then waits for the turn to end. */
  async click(label: string): Promise<void> {
    const before = await this.userLineCount();
    await this.actionBar().getByRole('button', { name: label, exact: true }).click();
    await this.turnEnded(before + 1);
  }

  /**
   * Clicks "Connect <name>", answers the development provider's consent in the popup that opens,
   * and waits for the popup to close itself. Returns nothing until the popup is gone; what the
   * main page shows afterwards comes from its `/events` stream.
   */
  async connect(name: string, decision: Decision, options: { screenshot?: string } = {}): Promise<void> {
    const [popup] = await Promise.all([
      this.page.waitForEvent('popup'),
      this.actionBar().getByRole('link', { name: `Connect ${name}`, exact: true }).click(),
    ]);
    await popup.getByRole('heading', { name: `Connect ${name} to Agent Builder?` }).waitFor();
    if (options.screenshot) await popup.screenshot({ path: artifactPath(options.screenshot) });
    const closed = popup.waitForEvent('close', { timeout: 10_000 });
    await popup.getByRole('button', { name: decision, exact: true }).click();
    await closed;
  }

  async phase(): Promise<string | null> {
    return this.page.locator('#phases [aria-current="step"]').getAttribute('data-phase');
  }

  async expectPhase(phase: string): Promise<void> {
    await until(`phase ${phase}`, () => this.phase(), (shown) => shown === phase);
  }

  /** The transcript below the welcome line, one entry per line, whitespace collapsed. */
  async lines(): Promise<string[]> {
    const texts = await this.page.locator('#transcript > :not(.welcome)').allInnerTexts();
    return texts.map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** Waits for a transcript line containing `text`. */
  async expectLine(text: string): Promise<void> {
    await until(`a transcript line with "${text}"`, () => this.lines(), (lines) => lines.some((line) => line.includes(text)));
  }

  /** The labels of the buttons and links under the transcript. */
  async actions(): Promise<string[]> {
    if (await this.actionBar().isHidden()) return [];
    return (await this.actionBar().locator('a, button').allInnerTexts()).map((text) => text.trim());
  }

  async expectActions(predicate: (labels: string[]) => boolean, what: string): Promise<string[]> {
    return until(what, () => this.actions(), predicate);
  }

  /** A requirements field's shown value and mark, e.g. `{ value: '…', mark: 'inferred' }`. */
  async field(key: string): Promise<{ value: string; mark: string }> {
    const field = this.page.locator(`#requirements [data-field="${key}"]`);
    const [value, mark] = await Promise.all([field.locator('dd').innerText(), field.locator('.mark').innerText()]);
    return { value: value.replace(/\s+/g, ' ').trim(), mark: mark.replace(/^\W+/, '').trim() };
  }

  async expectField(key: string, accept: (field: { value: string; mark: string }) => boolean, what: string): Promise<void> {
    await until(`requirements field ${key}: ${what}`, () => this.field(key), accept);
  }

  /** The notice bar's text, or null when it is hidden. */
  async notice(): Promise<string | null> {
    const box = this.page.locator('#notice');
    return (await box.isVisible()) ? (await box.innerText()).replace(/\s+/g, ' ').trim() : null;
  }

  async expectNotice(text: string): Promise<string> {
    return (await until(`a notice saying "${text}"`, () => this.notice(), (shown) => shown?.includes(text) ?? false))!;
  }

  /** A connection's line in the Connections panel, e.g. "✓ connected". */
  async connection(integration: string): Promise<string> {
    return (await this.page.locator(`#connections [data-integration="${integration}"] .conn-status`).innerText()).trim();
  }

  async expectConnection(integration: string, status: string): Promise<void> {
    await until(`${integration} shown as "${status}"`, () => this.connection(integration), (shown) => shown === status);
  }

  /** How far (px) the element's bottom edge lies below the viewport's; 0 or less when it is all in view. */
  async belowFold(selector: string): Promise<number> {
    const box = await this.page.locator(selector).boundingBox();
    const viewport = this.page.viewportSize();
    if (!box || !viewport) throw new Error(`${selector} is not laid out`);
    return Math.round(box.y + box.height - viewport.height);
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: artifactPath(name) });
  }

  private actionBar() {
    return this.page.locator('#actions');
  }

  userLineCount(): Promise<number> {
    return this.page.locator('#transcript .msg.user').count();
  }

  /*
   * Waiting is polled from here through locators: a string predicate (`waitForFunction('…')`) is run
   * with eval inside the page, which its Content-Security-Policy rightly refuses.
   */

  /**
   * The page is loaded and no turn runs; a conversation named in the address (`?sessionId=`) is
   * loaded (the examples give way to it), or the page says why it cannot. Its lines replay from
   * `/events` just after: wait for them with {@link expectLine} or {@link lines}.
   */
  private async whenIdle(): Promise<void> {
    await this.page.locator('#send').waitFor({ state: 'visible' });
    if (!this.sessionId()) return;
    const examples = this.page.locator('#examples');
    const notice = this.page.locator('#notice');
    await until(
      'the conversation to load, or a notice',
      async () => (await examples.isHidden()) || (await notice.isVisible()),
      (settled) => settled,
    );
  }

  /** The user's line is shown (the turn was accepted) and Send is back in Stop's place. */
  async turnEnded(userLines: number): Promise<void> {
    const send = this.page.locator('#send');
    await until(
      `the turn to end (${userLines} lines of yours, Send shown)`,
      async () => ({ lines: await this.userLineCount(), send: await send.isVisible() }),
      (seen) => seen.lines >= userLines && seen.send,
    );
  }
}
