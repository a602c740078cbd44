// What every bench script shares: the local web server that sends the pages
// as a real server would, and the thin-client profile with its throttling.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm',
};

/** Brotli at quality 11, as the build's precompressed files and `make sizes` have it. */
export const brotli = (data) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
export const gzip = (data) => gzipSync(data, { level: 9 });

/**
 * The thin client: Lighthouse's mobile profile (the CPU 4x slower, 150 ms round trip, 1.6 Mbit/s
 * down and 750 kbit/s up), applied through Chromium's DevTools protocol.
 */
export const THIN_CLIENT = { cpu: 4, latency: 150, down: 1.6e6 / 8, up: 750e3 / 8 };
export const PROFILES = { plain: null, 'thin client': THIN_CLIENT };

/** Applies a profile (`null`: none) to the page of a DevTools session. */
export async function throttle(cdp, profile) {
  if (!profile) return;
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: profile.latency, downloadThroughput: profile.down, uploadThroughput: profile.up,
  });
}

/**
 * Serves folders by URL prefix (`{ '/': 'dist' }`, or `{ '/ct/': 'dist', '/surveyjs/': ... }`, the
 * first prefix that matches) on a free port of 127.0.0.1, without caching.
 * - `encodings`: what may be sent compressed, in order of preference, when the request accepts it
 *   (`'br'`, `'gzip'`), each file compressed once; none: the files as they are.
 * - `precompressed`: brotli from the `.br` file beside each file, as the build writes them, for a
 *   request that accepts brotli.
 * Resolves to the server, with `base` (its address, no trailing slash) and `sent` (the bytes of
 * files it has sent so far).
 */
export function serve(roots, { encodings = [], precompressed = false } = {}) {
  const cache = new Map();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const match = Object.entries(roots).find(([prefix]) => path.startsWith(prefix));
    let file = match && join(match[1], path.slice(match[0].length));
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    // Lighthouse also asks for /robots.txt.
    if (!file || !existsSync(file)) { res.writeHead(404); res.end(); return; }
    const accepted = String(req.headers['accept-encoding'] || '');
    const accepts = (name) => new RegExp(`\\b${name}\\b`).test(accepted);
    const headers = { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' };
    let body;
    if (precompressed && accepts('br') && existsSync(`${file}.br`)) {
      body = readFileSync(`${file}.br`);
      headers['Content-Encoding'] = 'br';
    } else {
      const encoding = encodings.find(accepts);
      const key = `${file}:${encoding}`;
      if (!cache.has(key)) {
        const data = readFileSync(file);
        cache.set(key, encoding === 'br' ? brotli(data) : encoding === 'gzip' ? gzip(data) : data);
      }
      body = cache.get(key);
      if (encoding) headers['Content-Encoding'] = encoding;
      if (encodings.length) headers.Vary = 'Accept-Encoding';
    }
    server.sent += body.length;
    res.writeHead(200, headers);
    res.end(body);
  });
  server.sent = 0;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    server.base = `http://127.0.0.1:${server.address().port}`;
    resolve(server);
  }));
}
