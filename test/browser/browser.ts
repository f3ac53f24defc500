import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it with apt-get). A test never downloads a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** The flags STACK.md lists: no sandbox (containers), no GPU, no QUIC, no background traffic to Google. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'browser');

/**
 * The browser suites run when Chromium is installed; without it they are skipped with a message,
 * unless `REQUIRE_BROWSER=1` (CI), where a skip is a failure.
 */
export function describeWithBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
    return;
  }
  if (process.env.REQUIRE_BROWSER === '1') {
    describe(name, () => {
      throw new Error(`${name}: REQUIRE_BROWSER=1 but ${CHROMIUM} is missing (apt-get install chromium)`);
    });
    return;
  }
  console.warn(`${name}: SKIPPED, no browser. Install Debian's chromium (${CHROMIUM}) to run it.`);
  describe.skip(`${name} (skipped: ${CHROMIUM} is missing)`, () => {
    it('needs Chromium', () => undefined);
  });
}

/** One headless Chromium; every test takes a fresh context (cookies, storage) from it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
}

/** Newest modification time of the files under `dir`, in ms. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Builds the page into `dist/web` unless it is there and newer than `web/` (a clean clone in CI has no
 * `dist`). The same two steps as `npm run build` takes for the page, without compiling the server.
 */
export function ensureWebBuilt(): void {
  const built = ['index.html', 'styles.css', 'js/main.js'].map((file) => join(ROOT, 'dist', 'web', file));
  const fresh = built.every(existsSync) && Math.min(...built.map((file) => statSync(file).mtimeMs)) >= newest(join(ROOT, 'web'));
  if (fresh) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'web', 'tsconfig.json')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'copy-web-assets.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * Chromium reports every 4xx answer to fetch as a console error. The page meets 404, 409 and 410 on
 * purpose (a gone session, a turn in progress, an expired session): exactly those are expected.
 */
const EXPECTED_RESOURCE_ERROR = /^Failed to load resource: the server responded with a status of (404|409|410) \([A-Za-z ]+\)$/;

/**
 * Collects console errors and uncaught page errors of every page of a context, popups included, into
 * `problems`. The suite asserts the list is empty after each test.
 */
export function watchForErrors(context: BrowserContext, problems: string[]): void {
  const onConsole = (url: string) => (message: ConsoleMessage) => {
    if (message.type() !== 'error' || EXPECTED_RESOURCE_ERROR.test(message.text())) return;
    problems.push(`console error on ${url}: ${message.text()} (${message.location().url})`);
  };
  context.on('page', (page) => {
    page.on('console', (message) => onConsole(page.url())(message));
    page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.stack ?? error.message}`));
  });
}

/** Where the suite's screenshots go (`test-artifacts/browser`, gitignored). */
export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, `${name}.png`);
}
