import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where `npm run build` puts the chat page: `<repo>/dist/web`. Found by walking up from this
 * module to the nearest `package.json` rather than from `process.cwd()`, so it holds for
 * `npm start` (this file is `dist/src/web/web-root.js`), for Jest (`src/web/web-root.ts`) and
 * for `node /elsewhere/dist/src/main.js` started from any directory.
 */
export function resolveWebRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'web');
    const parent = dirname(dir);
    if (parent === dir) return join(process.cwd(), 'dist', 'web');
    dir = parent;
  }
}
