import type { Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { consent } from '../support/conversation-client.js';
import { step } from '../support/fake-openai-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startLlmApp, type LlmApp } from '../interpreter/initializers.js';
import { EXAMPLE_DESCRIPTION, realisticAnswer } from '../interpreter/scripted-model.js';
import { describeWithBrowser, ensureWebBuilt, launchChromium, watchForErrors } from './browser.js';
import { ChatPage, until } from './chat-page.js';

const DESKTOP = { width: 1200, height: 760 };
const PHONE = { width: 390, height: 844 };

/** Each context is its own person (dev identity headers): connections are remembered per user. */
interface Person {
  context: BrowserContext;
  headers: Record<string, string>;
}

let people = 0;

/** The session as the service has it, asked as `person`. */
async function sessionView(baseUrl: string, person: Person, id: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/v1/sessions/${id}`, { headers: person.headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * The chat page in a real browser (Debian's Chromium through playwright-core) against the whole service
 * on a loopback port: one browser for the file, a fresh context per test, no console or page error
 * anywhere (popups included) but the 4xx answers the page meets on purpose.
 */
describeWithBrowser('chat page in Chromium', () => {
  let browser: Browser;
  let app: TestApp;
  let contexts: BrowserContext[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    ensureWebBuilt();
    [browser, app] = await Promise.all([launchChromium(), startTestApp({ RATE_LIMIT_TURNS_PER_MINUTE: '100000' })]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    contexts = [];
    const seen = problems;
    problems = [];
    expect(seen).toEqual([]);
  });

  /**
   * The one console error a step provokes on purpose (Chromium reports a cut stream), taken off the
   * list: it must appear, once. The suite-wide filter stays limited to the expected 4xx answers.
   */
  async function consumeExpectedError(pattern: RegExp): Promise<void> {
    await until(`the console error ${pattern}`, async () => problems.filter((problem) => pattern.test(problem)).length, (n) => n > 0);
    expect(problems.filter((problem) => pattern.test(problem))).toHaveLength(1);
    problems.splice(problems.findIndex((problem) => pattern.test(problem)), 1);
  }

  /**
   * A fresh context (storage, cookies) for a new user, whose pages are all watched for errors. The
   * identity goes in dev headers on every request the context makes, the page's fetches included.
   */
  async function newPerson(options: BrowserContextOptions = {}): Promise<Person> {
    const headers = { 'x-user-id': `browser-user-${++people}`, 'x-tenant-id': 'browser-tests' };
    const context = await browser.newContext({ viewport: DESKTOP, extraHTTPHeaders: headers, ...options });
    context.setDefaultTimeout(10_000);
    watchForErrors(context, problems);
    contexts.push(context);
    return { context, headers };
  }

  it('builds, tests and activates the Gmail → Slack agent: consent in a popup, a reload and a network drop in the middle, back from TESTING', async () => {
    const person = await newPerson();
    const chat = await ChatPage.open(person.context, app.baseUrl);
    await chat.expectPhase('IDLE');
    await chat.screenshot('01-start');

    await chat.send(EXAMPLE_DESCRIPTION);
    await chat.expectPhase('OAUTH_FLOW');
    // Both connections are offered at once; Skip goes with the current one (Gmail).
    await chat.expectActions((labels) => labels.join() === 'Connect Gmail,Connect Slack,Skip for now', 'Connect Gmail and Slack');
    await chat.screenshot('02-connect');

    await chat.connect('Gmail', 'Allow', { screenshot: '03-consent-popup' });
    await chat.expectLine('Gmail connected.');
    await chat.expectConnection('gmail', '✓ connected');
    await chat.expectActions((labels) => labels.join() === 'Connect Slack,Skip for now', 'only Connect Slack left');

    // A reload in the middle: the same conversation, each line once, the open connection offered again.
    const before = await chat.lines();
    await chat.reload();
    await chat.expectPhase('OAUTH_FLOW');
    await chat.expectActions((labels) => labels.join() === 'Connect Slack,Skip for now', 'Connect Slack after the reload');
    await until('the transcript to replay', () => chat.lines(), (lines) => lines.length >= before.length);
    expect(await chat.lines()).toEqual(before);
    await chat.expectConnection('gmail', '✓ connected');

    // The network drops (every connection cut) and Slack is connected meanwhile, from another device:
    // the page says it is reconnecting, resumes with Last-Event-ID, and shows what it missed, once.
    const slackUrl = await chat.page.getByRole('link', { name: 'Connect Slack' }).getAttribute('href');
    const reconnecting = chat.page.getByRole('status').filter({ hasText: 'Reconnecting…' });
    const resumedFrom: string[] = [];
    chat.page.on('request', (request) => {
      if (request.url().endsWith('/events')) resumedFrom.push(request.headers()['last-event-id'] ?? '');
    });
    (app.app.getHttpServer() as Server).closeAllConnections();
    await reconnecting.waitFor({ state: 'visible' });
    expect((await consent(slackUrl!, 'allow')).status).toBe(303);
    await reconnecting.waitFor({ state: 'hidden' });
    await consumeExpectedError(/Failed to load resource: net::ERR_INCOMPLETE_CHUNKED_ENCODING \(.*\/events\)$/);
    expect(Number(resumedFrom.at(-1))).toBeGreaterThan(0); // from where it was, not from the start
    await chat.expectLine('Slack connected.');
    await chat.expectPhase('REQUIREMENTS');
    await chat.expectField('trigger', (field) => field.value.includes('0 8 * * *'), 'the 8:00 schedule');
    await chat.expectField('trigger', (field) => field.value.includes('At 08:00 (UTC)') && /Next runs: \w{3} \d{1,2} \w{3}, 08:00; /.test(field.value), 'the schedule in words with its next runs');
    await chat.expectField('destinations', (field) => field.value.includes('#team-updates'), 'the channel');
    await chat.screenshot('04-requirements');

    await chat.send('only emails from my manager');
    await chat.expectLine('Shall I build it?');
    await chat.expectField('filters', (field) => field.value.includes('from my manager'), 'the new filter');

    // Edits by talking: a second destination is listed beside the first, and the Undo action takes it back.
    await chat.send('also send it to #general');
    await chat.expectField('destinations', (field) => field.value.includes('#team-updates') && field.value.includes('#general'), 'both channels');
    await chat.expectActions((labels) => labels.includes('Undo'), 'an Undo action after the edit');
    await chat.click('Undo');
    await chat.expectLine('Undone: added #general on Slack as a destination.');
    await chat.expectField('destinations', (field) => field.value.includes('#team-updates') && !field.value.includes('#general'), 'the second channel undone');
    await chat.expectField('filters', (field) => field.value.includes('from my manager'), 'the filter kept by the undo');

    await chat.send('yes, build it');
    await chat.expectPhase('TESTING');
    await chat.expectLine('Test run passed.');
    await chat.page.locator('#tests .verdict').getByText('Passed 3 of 3').waitFor();
    await chat.page.locator('#draft .badge').getByText('draft').waitFor();
    await chat.screenshot('05-testing');

    // Back from TESTING: a change returns to REQUIREMENTS and keeps everything else.
    await chat.send('change the time to 7:30');
    await chat.expectPhase('REQUIREMENTS');
    await chat.expectField('trigger', (field) => field.value.includes('30 7 * * *'), 'the 7:30 schedule');
    await chat.expectField('filters', (field) => field.value.includes('from my manager'), 'the filter kept');
    await chat.expectField('destinations', (field) => field.value.includes('#team-updates'), 'the channel kept');

    await chat.click('Yes, build it');
    await chat.expectPhase('TESTING');
    await chat.send('looks good, turn it on');
    await chat.expectPhase('ACTIVATION');
    await chat.click('Activate');
    await chat.expectPhase('COMPLETE');
    await chat.page.locator('#draft .badge').getByText('active').waitFor();
    await chat.expectLine('Agent active: Gmail summary to Slack.');
    await chat.screenshot('06-complete');

    // Every line once, although each durable event came over both the turn's stream and /events.
    const lines = await chat.lines();
    const said = lines.filter((line) => line.startsWith('You: '));
    expect(said).toEqual([
      `You: ${EXAMPLE_DESCRIPTION}`,
      'You: only emails from my manager',
      'You: also send it to #general',
      'You: Undo',
      'You: yes, build it',
      'You: change the time to 7:30',
      'You: Yes, build it',
      'You: looks good, turn it on',
      'You: Activate',
    ]);
    expect(lines.filter((line) => line === 'Test run passed.')).toHaveLength(2);
    expect(lines.filter((line) => line.endsWith('connected.'))).toEqual([
      'Gmail connected.',
      'Assistant: Gmail is connected.',
      'Slack connected.',
      'Assistant: Slack is connected.',
    ]);
    const view = await sessionView(app.baseUrl, person, chat.sessionId());
    expect(view.body['phase']).toBe('COMPLETE');
  }, 60_000);

  it('shows a denial with retry and skip; retrying opens a fresh consent that connects', async () => {
    const chat = await ChatPage.open((await newPerson()).context, app.baseUrl);
    await chat.send(EXAMPLE_DESCRIPTION);
    await chat.connect('Gmail', 'Deny');

    await chat.expectLine('Gmail: access was denied.');
    await chat.expectConnection('gmail', '✗ access denied');
    // The denied request's link is used up; Slack's still works.
    const labels = await chat.expectActions((shown) => shown.includes('Try again'), 'retry offered');
    expect(labels).toEqual(['Connect Slack', 'Try again', 'Skip for now']);
    await chat.screenshot('07-denied');

    await chat.click('Try again');
    await chat.expectActions((shown) => shown.includes('Connect Gmail'), 'a fresh Connect Gmail');
    await chat.expectConnection('gmail', 'waiting to connect');
    await chat.connect('Gmail', 'Allow');
    await chat.expectLine('Gmail connected.');
    await chat.expectConnection('gmail', '✓ connected');

    // Skip the other one: the connection step ends.
    await chat.expectActions((shown) => shown.join() === 'Connect Slack,Skip for now', 'Slack next');
    await chat.click('Skip for now');
    await chat.expectPhase('REQUIREMENTS');
    await chat.expectConnection('slack', 'skipped');
    expect(await chat.actions()).not.toContain('Connect Slack');
  }, 30_000);

  it('runs on its own modules only, under a strict Content-Security-Policy', async () => {
    const response = await fetch(`${app.baseUrl}/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);

    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/assets\/[^"]+\.js"/);
      expect(attributes).toMatch(/\btype="module"/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handlers
    expect(html).not.toMatch(/<style\b|\sstyle\s*=/i); // nor inline styles

    // The browser enforces that CSP (a violation would be a console error) and the page works under it.
    const { context } = await newPerson();
    const finished: Promise<{ url: string; bytes: number }>[] = [];
    context.on('requestfinished', (request) => {
      finished.push(request.sizes().then((sizes) => ({ url: request.url(), bytes: sizes.responseBodySize })));
    });
    const chat = await ChatPage.open(context, app.baseUrl);
    await chat.page.waitForLoadState('networkidle');
    const loaded = await Promise.all(finished);
    expect(loaded.filter((entry) => entry.url.endsWith('.js')).length).toBeGreaterThan(5); // its modules, each by import
    expect(loaded.every((entry) => entry.url.startsWith(app.baseUrl))).toBe(true);
    // The page weight on the wire (compressed as the browser asked): small, and kept so.
    const weight = loaded.reduce((sum, entry) => sum + entry.bytes, 0);
    console.info(`chat page weight: ${loaded.length} requests, ${weight} bytes transferred (bodies)`);
    expect(weight).toBeLessThan(40_000);

    await chat.send('Summarize my unread Gmail every morning and post it to Slack');
    await chat.expectPhase('OAUTH_FLOW');
  });

  it('is usable by keyboard and announces the conversation to screen readers', async () => {
    const chat = await ChatPage.open((await newPerson()).context, app.baseUrl);
    const transcript = chat.page.locator('#transcript');
    expect(await transcript.getAttribute('role')).toBe('log');
    expect(await transcript.getAttribute('aria-live')).toBe('polite');
    expect(await chat.page.getByRole('navigation', { name: 'Progress' }).locator('[aria-current="step"]').innerText()).toContain('Start');

    // The first Tab reaches the skip link, which leads to the message box.
    await chat.page.keyboard.press('Tab');
    expect(await chat.page.locator(':focus').innerText()).toBe('Skip to the message box');
    await chat.page.keyboard.press('Enter');
    await until('focus in the message box', () => chat.page.locator(':focus').getAttribute('id'), (id) => id === 'message');

    // Shift+Enter adds a line, Enter sends.
    const before = await chat.userLineCount();
    await chat.page.keyboard.type('Summarize my unread Gmail every morning');
    await chat.page.keyboard.press('Shift+Enter');
    await chat.page.keyboard.type('and post it to Slack');
    expect(await chat.composer.inputValue()).toBe('Summarize my unread Gmail every morning\nand post it to Slack');
    expect(await chat.userLineCount()).toBe(before);
    await chat.page.keyboard.press('Enter');
    await chat.turnEnded(before + 1);
    expect(await chat.composer.inputValue()).toBe('');
    await chat.expectPhase('OAUTH_FLOW');
    expect(await chat.page.locator('#phases [aria-current="step"]').innerText()).toContain('Connect');

    // The action buttons sit just before the composer: Shift+Tab reaches them, Enter presses one.
    // (The bar settles after the turn: the page re-reads the session once the stream is done.)
    await chat.expectActions((labels) => labels.at(-1) === 'Skip for now', 'the action bar ending with Skip for now');
    await chat.composer.focus();
    await chat.page.keyboard.press('Shift+Tab');
    expect(await chat.page.locator(':focus').innerText()).toBe('Skip for now');
    const lines = await chat.userLineCount();
    await chat.page.keyboard.press('Enter');
    await chat.turnEnded(lines + 1);
    await chat.expectConnection('gmail', 'skipped');
  });

  it("keeps the replies a turn brought over /events when the turn's own answer comes back after them", async () => {
    const chat = await ChatPage.open((await newPerson()).context, app.baseUrl);
    const following = chat.page.waitForResponse((response) => /\/v1\/sessions\/[^/]+\/events/.test(response.url()));
    await chat.send('hi');
    await following;
    // The session exists and the page follows its /events. The next answer is held until that stream has
    // brought the turn's events, as it can under load (CI met it): the late answer must not clear them.
    let answered!: () => void;
    const handedOver = new Promise<void>((resolve) => (answered = resolve));
    await chat.page.route('**/v1/sessions/*/messages', async (route) => {
      const response = await route.fetch();
      await until('the replies over /events', () => chat.actions(), (labels) => labels.includes('Skip for now'));
      await route.fulfill({ response });
      answered();
    });
    await chat.send(EXAMPLE_DESCRIPTION);
    await handedOver;
    // The page has the held answer (every event in it a repeat); give its script a moment to read it.
    await chat.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(await chat.actions()).toEqual(['Connect Gmail', 'Connect Slack', 'Skip for now']);
  });

  it('fits a phone: no horizontal scroll at 390×844', async () => {
    const { context } = await newPerson({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
    const chat = await ChatPage.open(context, app.baseUrl);
    await chat.send(EXAMPLE_DESCRIPTION);
    await chat.expectActions((labels) => labels.includes('Connect Slack'), 'the Connect buttons');
    const width = await chat.page.locator('html').evaluate((html) => ({ scroll: html.scrollWidth, client: html.clientWidth }));
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    expect(width.client).toBe(PHONE.width);
    // Everything that matters stays inside the screen.
    for (const selector of ['#transcript', '#actions', '#composer', '#send', '#phases']) {
      const box = await chat.page.locator(selector).boundingBox();
      expect({ selector, right: Math.round((box?.x ?? 0) + (box?.width ?? 0)) <= PHONE.width }).toEqual({ selector, right: true });
    }
    await chat.screenshot('08-phone');
  });

  it('offers a new conversation when the one in the address is gone', async () => {
    const person = await newPerson();
    const created = await fetch(`${app.baseUrl}/v1/sessions`, { method: 'POST', headers: person.headers });
    const { sessionId } = (await created.json()) as { sessionId: string };
    expect((await fetch(`${app.baseUrl}/v1/sessions/${sessionId}`, { method: 'DELETE', headers: person.headers })).status).toBe(204);

    const chat = await ChatPage.open(person.context, app.baseUrl, `/?sessionId=${sessionId}`);
    await chat.expectNotice('This conversation does not exist any more.');
    expect(await chat.composer.isDisabled()).toBe(true);
    await chat.page.locator('#notice').getByRole('button', { name: 'Start a new conversation' }).click();
    expect(await chat.composer.isEnabled()).toBe(true);
    expect(chat.sessionId()).toBe('');
    await chat.send(EXAMPLE_DESCRIPTION);
    await chat.expectPhase('OAUTH_FLOW');
    expect(chat.sessionId()).not.toBe(sessionId);
  });

  describe('with sessions that expire after 2 s idle', () => {
    let short: TestApp;

    beforeAll(async () => {
      short = await startTestApp({ SESSION_IDLE_TIMEOUT_MS: '2000', SESSION_EXPIRY_WARNING_MS: '1500', SESSION_SWEEP_INTERVAL_MS: '100' });
    });
    afterAll(() => short?.close());

    it('warns before the conversation expires, then offers a new one, also after a reload', async () => {
      const chat = await ChatPage.open((await newPerson()).context, short.baseUrl);
      await chat.send(EXAMPLE_DESCRIPTION);
      await chat.expectPhase('OAUTH_FLOW');
      const id = chat.sessionId();

      await chat.expectNotice('This conversation will expire at');
      await chat.expectNotice('This conversation expired.');
      expect(await chat.composer.isDisabled()).toBe(true);
      expect(await chat.actions()).toEqual([]); // no Connect link into a dead session
      expect(await chat.belowFold('#composer')).toBeLessThanOrEqual(0); // the notice pushes nothing off screen
      await chat.screenshot('11-expired');

      await chat.reload(); // the address still names it: 410
      await chat.expectNotice('This conversation expired.');
      await chat.page.locator('#notice').getByRole('button', { name: 'Start a new conversation' }).click();
      expect(chat.sessionId()).toBe('');
      expect(await chat.lines()).toEqual([]);
      await chat.send(EXAMPLE_DESCRIPTION);
      await chat.expectPhase('OAUTH_FLOW');
      expect(chat.sessionId()).not.toBe(id);
    }, 30_000);
  });

  describe('with a model that streams its answer slowly', () => {
    let llm: LlmApp;

    beforeAll(async () => {
      llm = await startLlmApp({ LLM_TIMEOUT_MS: '30000' });
    });
    afterAll(() => llm?.close());

    it('Stop (button or Escape) ends the streaming turn: the partial answer goes, the session is as before; another tab meets 409', async () => {
      // About 20 s of answer, 3 characters every 80 ms: it is still streaming when Stop is pressed.
      llm.model.enqueue(step.answer(realisticAnswer(EXAMPLE_DESCRIPTION), { chunkSize: 3, delayMs: 80 }));
      const person = await newPerson();
      const { context } = person;
      const chat = await ChatPage.open(context, llm.app.baseUrl);
      await chat.type(EXAMPLE_DESCRIPTION);

      const streaming = chat.page.locator('#transcript .msg.assistant.streaming');
      await until('the answer to stream', async () => ((await streaming.count()) ? (await streaming.innerText()).length : 0), (n) => n > 20);
      expect(await chat.page.getByRole('button', { name: 'Stop' }).isVisible()).toBe(true);
      expect(await chat.page.locator('#send').isHidden()).toBe(true);
      const id = chat.sessionId();
      const before = await sessionView(llm.app.baseUrl, person, id);
      expect(before.body['phase']).toBe('IDLE');
      await chat.screenshot('09-streaming');

      // Another tab of the same conversation cannot start a turn meanwhile, and is told why.
      const other = await ChatPage.open(context, llm.app.baseUrl, `/?sessionId=${id}`);
      await other.type('hello?');
      await other.expectNotice('A turn is still running in this conversation.');
      expect(await other.composer.inputValue()).toBe('hello?'); // the text is given back
      expect(await other.userLineCount()).toBe(0);
      await other.page.close();

      const modelCall = llm.model.requests.at(-1)!;
      await chat.page.getByRole('button', { name: 'Stop' }).click();
      await chat.expectLine('Stopped.');
      await chat.page.locator('#send').waitFor({ state: 'visible' });
      expect(await streaming.count()).toBe(0); // the partial answer is gone
      expect((await chat.lines()).filter((line) => line.startsWith('Assistant:'))).toEqual([]);
      expect(await modelCall.closed).toBe(true); // the model call was cut off, not left running
      await chat.screenshot('10-stopped');

      const after = await sessionView(llm.app.baseUrl, person, id);
      expect(after.status).toBe(200);
      expect({ phase: after.body['phase'], version: after.body['version'], history: after.body['history'] }).toEqual({
        phase: 'IDLE',
        version: before.body['version'],
        history: [],
      });
      expect(await chat.phase()).toBe('IDLE');

      // The conversation goes on: the same message again, answered at once.
      await chat.send(EXAMPLE_DESCRIPTION);
      await chat.expectPhase('OAUTH_FLOW');
      await chat.expectActions((labels) => labels.includes('Connect Gmail'), 'Connect Gmail');
      expect(chat.sessionId()).toBe(id);

      // Escape in the composer stops too.
      llm.model.enqueue(step.answer(realisticAnswer('only emails from my manager'), { chunkSize: 2, delayMs: 80 }));
      await chat.type('only emails from my manager');
      await until('the answer to stream', async () => ((await streaming.count()) ? (await streaming.innerText()).length : 0), (n) => n > 8);
      await chat.composer.press('Escape');
      await until('a second "Stopped."', () => chat.lines(), (lines) => lines.filter((line) => line === 'Stopped.').length === 2);
      await chat.page.locator('#send').waitFor({ state: 'visible' });
      expect(await chat.phase()).toBe('OAUTH_FLOW');

      // After a reload the conversation is the one the service kept: the stopped turns left nothing.
      await chat.reload();
      await chat.expectLine('Please connect Slack');
      expect((await chat.lines()).filter((line) => line.startsWith('You: '))).toEqual([`You: ${EXAMPLE_DESCRIPTION}`]);
    }, 45_000);
  });
});
