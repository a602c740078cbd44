// What the first use of a screen of the whole widget costs (src/web/upgrade.rs):
// from the click on "Team" in the first module to the team page shown by the
// whole widget, which it loads then (its module and WebAssembly, and the
// words it reads again). Fresh browser contexts, the page served with the
// brotli files of dist/, in the plain and the thin-client profile (4x slower
// CPU, 150 ms round trip, 1.6 Mbit/s). Prints each time, the median and the
// slowest, and the bytes the hand-over fetched.
// Usage: node bench/handover.mjs [dist] [N]  (needs a build; part of `make bench`)
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { start, widget } from '../tests/e2e/helpers.mjs';

const dist = process.argv[2] ?? 'dist';
const runs = Number(process.argv[3] ?? 8);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };
const PROFILES = { plain: null, 'thin client': { cpu: 4, latency: 150, down: 1.6e6 / 8, up: 750e3 / 8 } };

/** Bytes of files the server has sent. */
let sent = 0;

/** dist/ as a server with precompressed files would send it: the .br beside each file. */
function serve() {
  const server = createServer((req, res) => {
    let file = join(dist, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404); res.end(); return; }
    const headers = { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' };
    if (/\bbr\b/.test(req.headers['accept-encoding'] || '') && existsSync(`${file}.br`)) {
      const body = readFileSync(`${file}.br`);
      sent += body.length;
      res.writeHead(200, { ...headers, 'Content-Encoding': 'br' });
      res.end(body);
      return;
    }
    const body = readFileSync(file);
    sent += body.length;
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const [name, profile] of Object.entries(PROFILES)) {
    const times = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      if (profile) {
        await cdp.send('Network.enable');
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.down, uploadThroughput: profile.up });
      }
      await page.goto(`${base}?lang=en&storage=off`);
      const root = widget(page);
      await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
      await root.locator('.ct-question').first().waitFor();
      const before = sent;
      times.push(await page.evaluate(() => new Promise((resolve) => {
        const host = document.querySelector('[data-cloudtriage]');
        const button = [...host.shadowRoot.querySelectorAll('.ct-toolbar .ct-button')].find((b) => b.textContent.trim() === 'Team');
        const t0 = performance.now();
        const shown = () => host.shadowRoot.querySelector('.ct-team h1');
        const observer = new MutationObserver(() => { if (shown()) { observer.disconnect(); resolve(performance.now() - t0); } });
        observer.observe(host.shadowRoot, { subtree: true, childList: true });
        button.click();
      })));
      bytes = sent - before;
      await context.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    console.log(`hand-over, ${name}, ${runs} fresh visits (ms): ${times.map((t) => t.toFixed(0)).join(' ')}`);
    console.log(`hand-over, ${name}: median ${median.toFixed(0)} ms, slowest ${sorted.at(-1).toFixed(0)} ms, ${(bytes / 1024).toFixed(1)} KB fetched`);
  }
} finally {
  await browser.close();
  server.close();
}
