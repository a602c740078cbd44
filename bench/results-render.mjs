// The results page's render, measured as the user meets it: a complete
// assessment, then the results opened N times from the last domain page
// (the first visit included). Prints each time, the median and the p95.
// Usage: node bench/results-render.mjs [dist] [N]  (needs a build; part of `make bench`)
import { chromium } from '@playwright/test';
import { setTimeout as sleep } from 'node:timers/promises';
import { start, answerAll, widget } from '../tests/e2e/helpers.mjs';
import { serve } from './serve.mjs';

const dist = process.argv[2] ?? 'dist';
const runs = Number(process.argv[3] ?? 15);
const server = await serve({ '/': dist });
try {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage();
  await page.goto(`${server.base}/`);
  const root = widget(page);
  await start(root);
  // Every question answered, the results shown once, then back to the last domain page:
  // the measured visits start from there, the first of them like the user's first.
  await answerAll(root, (i) => (i * 7) % 5);
  const times = [];
  for (let i = 0; i < runs; i++) {
    await root.locator('.ct-nav-item .ct-nav-link').nth(-2).click();
    await root.locator('.ct-domain').waitFor();
    await sleep(100);
    times.push(await page.evaluate(() => new Promise((resolve) => {
      const shadow = document.querySelector('[data-cloudtriage]').shadowRoot;
      const links = shadow.querySelectorAll('.ct-nav-item .ct-nav-link');
      const t0 = performance.now();
      // The render is done when the plan is in the DOM (Yew builds the page in one pass).
      const observer = new MutationObserver(() => {
        if (shadow.querySelector('.ct-results .ct-plan')) {
          observer.disconnect();
          resolve(performance.now() - t0);
        }
      });
      observer.observe(shadow, { subtree: true, childList: true });
      links[links.length - 1].click();
    })));
  }
  const nodes = await page.evaluate(() => document.querySelector('[data-cloudtriage]').shadowRoot.querySelectorAll('*').length);
  await browser.close();
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  console.log(`results page render, ${runs} visits (ms): ${times.map((t) => t.toFixed(1)).join(' ')}`);
  console.log(`the results page has ${nodes} elements`);
  console.log(`median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (target: p95 under 16 ms)`);
} finally {
  server.close();
}
