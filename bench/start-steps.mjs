// When each step of the start can be taken, from navigation: the welcome screen's Start (the
// prerendered one, once the loader has enabled it), the context page's button, the first questions;
// and the first contentful paint. Both of bench.mjs's profiles (plain, and the thin client: CPU 4x,
// 150 ms round trip, 1.6 Mbit/s), the files served with brotli; medians over fresh loads.
// Usage: node bench/start-steps.mjs [dist] [loads]   (run by `make bench`)
import { chromium } from '@playwright/test';
import { PROFILES, serve, throttle } from './serve.mjs';

const dist = process.argv[2] || 'dist';
const loads = Number(process.argv[3] || 9);
const server = await serve({ '/': dist }, { encodings: ['br'] });
const url = `${server.base}/?lang=en&storage=off&use_case=ehr&service_model=saas`;

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

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] });
try {
  for (const [name, profile] of Object.entries(PROFILES)) {
    const runs = [];
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      if (profile) await throttle(await context.newCDPSession(page), profile);
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
