// Copies the chat page's static files next to the compiled modules (tsc writes dist/web/js)
// and prints the page weight. Run by `npm run build` after `tsc -p web/tsconfig.json`.
import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'web');
const target = join(root, 'dist', 'web');
const STATIC = ['index.html', 'styles.css', 'icon.svg'];

await mkdir(target, { recursive: true });
for (const file of STATIC) await copyFile(join(source, file), join(target, file));

// tsc never deletes: drop modules whose source is gone, so the page and its weight stay honest.
const sources = new Set((await readdir(join(source, 'src'))).map((name) => name.replace(/\.ts$/, '.js')));
for (const name of await readdir(join(target, 'js')).catch(() => [])) {
  if (!sources.has(name)) await rm(join(target, 'js', name), { recursive: true });
}

async function files(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)])),
  );
  return nested.flat();
}

let bytes = 0;
let gzipped = 0;
const all = await files(target);
for (const file of all) {
  bytes += (await stat(file)).size;
  gzipped += gzipSync(readFileSync(file), { level: 9 }).length;
}
console.log(
  `web: ${all.length} files in ${relative(root, target)}, ${bytes} bytes (${gzipped} bytes gzipped, file by file)`,
);
