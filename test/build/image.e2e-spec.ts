import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** Dockerfile instructions, continuation lines joined, comments dropped. */
function instructions(dockerfile: string): { keyword: string; args: string }[] {
  return dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword!.toUpperCase(), args: rest.join(' ') };
    });
}

/**
 * No Docker daemon runs here, so the image is checked by reading what builds it: every stage on Node 24
 * (bookworm-slim), a production image that runs the built service as the unprivileged user, and CI that
 * tests on the Node the image runs.
 */
describe('the container image and CI', () => {
  const steps = instructions(read('Dockerfile'));

  it('builds and runs every stage on node:24-bookworm-slim', () => {
    const bases = steps.filter((step) => step.keyword === 'FROM').map((step) => step.args.split(/\s+/)[0]);
    expect(bases.length).toBeGreaterThanOrEqual(2);
    for (const base of bases) expect(base).toBe('node:24-bookworm-slim');
  });

  it('runs the built service in production mode as the node user, without dev dependencies', () => {
    const final = steps.slice(steps.findLastIndex((step) => step.keyword === 'FROM'));
    expect(final).toEqual(
      expect.arrayContaining([
        { keyword: 'ENV', args: 'NODE_ENV=production' },
        { keyword: 'USER', args: 'node' },
        { keyword: 'CMD', args: '["node", "dist/src/main.js"]' },
      ]),
    );
    expect(steps.some((step) => step.keyword === 'RUN' && /npm run build/.test(step.args) && /npm prune --omit=dev/.test(step.args))).toBe(true);
    expect(final.some((step) => step.keyword === 'COPY' && /\/app\/dist \.\/dist/.test(step.args))).toBe(true);
  });

  it('has CI run the suite on the machine’s Node and again on Node 24 from the npm registry, outside the repository', () => {
    const ci = read('.ci/run');
    expect(ci).toMatch(/^npm test$/m);
    expect(ci).toMatch(/npm install --prefix "\$NODE24_DIR"[^\n]* node@24/);
    expect(ci).toMatch(/"\$NODE24" --experimental-vm-modules node_modules\/jest\/bin\/jest\.js/);
    expect(ci).toMatch(/NODE24_DIR="\$\{NODE24_DIR:-\$\{TMPDIR:-\/tmp\}/);
  });

  it('states the Node versions tested in the README, and allows them in package.json', () => {
    expect(read('README.md')).toMatch(/Node 20 .*Node 24/s);
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    expect(engines).toMatch(/^>=20\./);
  });
});
