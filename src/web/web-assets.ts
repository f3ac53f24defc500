import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

export type Encoding = 'br' | 'gzip' | 'identity';

/** One built file, read once per modification and kept with its compressed forms. */
export interface WebAsset {
  type: string;
  etag: string;
  bodies: Readonly<Record<Encoding, Buffer>>;
}

interface Cached {
  mtimeMs: number;
  size: number;
  asset: WebAsset;
}

/**
 * Serves the built page (`dist/web`) from memory. Files are re-read when their mtime changes,
 * so a rebuild under a running server is picked up; compression is done once per version.
 */
export class WebAssets {
  private readonly cache = new Map<string, Cached>();

  constructor(readonly root: string) {}

  /** Whether the page has been built at all. */
  async built(): Promise<boolean> {
    return (await this.stat('index.html')) !== null;
  }

  /** The file at a URL path below the root, or null: unknown type, traversal, dotfile, missing. */
  async get(relativePath: string): Promise<WebAsset | null> {
    const clean = normalize(relativePath).replace(/^([/\\])+/, '');
    const type = TYPES[extname(clean).toLowerCase()];
    if (!type || clean.startsWith('..') || clean.split(sep).some((part) => part.startsWith('.'))) return null;
    const file = join(this.root, clean);
    if (!file.startsWith(this.root + sep)) return null;
    const info = await this.stat(clean);
    if (!info) return null;
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.asset;
    const body = await readFile(file);
    const asset: WebAsset = {
      type,
      // Weak: the same file goes out under several content codings.
      etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      bodies: {
        identity: body,
        gzip: gzipSync(body, { level: 9 }),
        br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      },
    };
    this.cache.set(file, { mtimeMs: info.mtimeMs, size: info.size, asset });
    return asset;
  }

  private async stat(relativePath: string): Promise<{ mtimeMs: number; size: number } | null> {
    try {
      const info = await stat(join(this.root, relativePath));
      return info.isFile() ? info : null;
    } catch {
      return null;
    }
  }
}

/** The smallest body the client accepts (`q=0` refuses an encoding); tiny files stay uncompressed. */
export function negotiate(asset: WebAsset, acceptEncoding: string | undefined): { encoding: Encoding; body: Buffer } {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter((part) => part && !/;\s*q=0(\.0*)?$/.test(part))
      .map((part) => part.split(';')[0]!.trim()),
  );
  let best: { encoding: Encoding; body: Buffer } = { encoding: 'identity', body: asset.bodies.identity };
  for (const encoding of ['br', 'gzip'] as const) {
    const body = asset.bodies[encoding];
    if (accepted.has(encoding) && body.length < best.body.length) best = { encoding, body };
  }
  return best;
}
