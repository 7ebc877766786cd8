import fs from 'node:fs';
import path from 'node:path';
import type express from 'express';

/**
 * Serves the console's production build. The build writes a `.br` and a `.gz` next to every
 * compressible file (packages/console/vite.config.ts); the one the browser accepts is sent with
 * `Content-Encoding`, the plain file otherwise. Files with a content hash in their name (Vite's
 * `assets/name-HASH.ext`) never change: `immutable` for a year. `index.html` (also the answer to
 * every page route) must be revalidated on each load so that a new release is picked up.
 */

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Vite's hashed output: `assets/…-<8+ url-safe base64 chars>.<ext>`. */
const HASHED = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const;

/** The encodings the request accepts (q=0 means refused), by the header's rules. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const out = new Set<string>();
  let star = false;
  const refused = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (name === '*') star = weight > 0;
    else if (weight > 0) out.add(name);
    else refused.add(name);
  }
  if (star) for (const e of ENCODINGS) if (!refused.has(e.name)) out.add(e.name);
  return out;
}

function send(
  res: express.Response,
  next: express.NextFunction,
  root: string,
  rel: string,
  acceptEncoding: string | undefined,
) {
  const file = path.join(root, rel);
  const accepted = acceptedEncodings(acceptEncoding);
  const enc = ENCODINGS.find((e) => accepted.has(e.name) && fs.existsSync(file + e.ext));
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Cache-Control', HASHED.test(rel) ? IMMUTABLE : REVALIDATE);
  // the type of the original file, not of the .br/.gz beside it
  res.type(path.extname(rel) || '.html');
  if (enc) res.setHeader('Content-Encoding', enc.name);
  res.sendFile(enc ? file + enc.ext : file, { cacheControl: false }, (err) => {
    if (err && !res.headersSent) next(err);
  });
}

export function consoleAssets(root: string): express.RequestHandler {
  const base = path.resolve(root);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path.startsWith('/graphql')) return next();
    let rel: string;
    try {
      rel = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = path.resolve(base, '.' + rel);
    const inside = file.startsWith(base + path.sep);
    if (inside && rel !== '/index.html' && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return send(res, next, base, rel, req.headers['accept-encoding']);
    }
    // a file that is not there under /assets is a 404, not the app (a stale chunk must fail loudly)
    if (rel.startsWith('/assets/')) return next();
    // every page route: the app itself
    return send(res, next, base, '/index.html', req.headers['accept-encoding']);
  };
}
