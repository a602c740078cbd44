// When each step of the start can be taken, from navigation: the welcome screen's Start (the
// prerendered one, once the loader has enabled it), the context page's button, the first questions;
// and the first contentful paint. Both of bench.mjs's profiles (plain, and the thin client: CPU 4x,
// 150 ms round trip, 1.6 Mbit/s), the files served with brotli; medians over fresh loads.
// Usage: node bench/start-steps.mjs [dist] [loads]   (run by `make bench`)
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] || 'dist';
const loads = Number(process.argv[3] || 9);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };
const compressed = new Map();
const server = createServer((req, res) => {
  let file = join(dist, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) { res.writeHead(404); res.end(); return; }
  if (!compressed.has(file)) compressed.set(file, brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Content-Encoding': 'br', 'Cache-Control': 'no-store' });
  res.end(compressed.get(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/?lang=en&storage=off&use_case=ehr&service_model=saas`;

/** In the page before it loads: clicks each step's button as soon as it can be clicked, and records when. */
function driver() {
  const steps = ['.ct-welcome .ct-button-primary', '.ct-context .ct-actions-row .ct-button-primary', '.ct-question input'];
  window.__steps = [];
  let step = 0;
  const poll = () => {
    const host = document.querySelector('[data-cloudtriage]');
    const scope = step === 0 ? '.ct-mount' : '.ct-mount:not([data-prerendered])';
    const element = host && host.shadowRoot && host.shadowRoot.querySelector(`${scope} ${steps[step]}:not(:disabled)`);
    if (element) {
      window.__steps.push(performance.now());
      if (step === steps.length - 1) return;
      element.click();
      step++;
    }
    setTimeout(poll, 1);
  };
  poll();
}

const PROFILES = { plain: null, 'thin client': { cpu: 4, latency: 150, down: 1.6e6 / 8, up: 750e3 / 8 } };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] });
try {
  for (const [name, profile] of Object.entries(PROFILES)) {
    const runs = [];
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      if (profile) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.down, uploadThroughput: profile.up });
      }
      await page.addInitScript(driver);
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__steps.length === 3, null, { timeout: 30_000 });
      runs.push(await page.evaluate(() => [
        performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN, ...window.__steps,
      ]));
      await context.close();
    }
    const at = (k) => `${Math.round(median(runs.map((r) => r[k])))} ms`;
    console.log(`start steps, ${name}, median of ${loads}: first paint ${at(0)}, Start clickable ${at(1)}, context page ${at(2)}, first questions ${at(3)}`);
  }
} finally {
  await browser.close();
  server.close();
}
