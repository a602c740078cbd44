// What the first use of a screen of the whole widget costs (src/web/upgrade.rs):
// from the click on "Team" in the first module to the team page shown by the
// whole widget, which it loads then (its module and WebAssembly, and the
// words it reads again). Fresh browser contexts, the page served with the
// brotli files of dist/, in the plain and the thin-client profile (4x slower
// CPU, 150 ms round trip, 1.6 Mbit/s). Prints each time, the median and the
// slowest, and the bytes the hand-over fetched.
// Usage: node bench/handover.mjs [dist] [N]  (needs a build; part of `make bench`)
import { chromium } from '@playwright/test';
import { start, widget } from '../tests/e2e/helpers.mjs';
import { PROFILES, serve, throttle } from './serve.mjs';

const dist = process.argv[2] ?? 'dist';
const runs = Number(process.argv[3] ?? 8);
// dist/ as a server with precompressed files would send it: the .br beside each file.
const server = await serve({ '/': dist }, { precompressed: true });
const base = `${server.base}/`;
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
      await throttle(cdp, profile);
      await page.goto(`${base}?lang=en&storage=off`);
      const root = widget(page);
      await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
      await root.locator('.ct-question').first().waitFor();
      const before = server.sent;
      times.push(await page.evaluate(() => new Promise((resolve) => {
        const host = document.querySelector('[data-cloudtriage]');
        const button = [...host.shadowRoot.querySelectorAll('.ct-toolbar .ct-button')].find((b) => b.textContent.trim() === 'Team');
        const t0 = performance.now();
        const shown = () => host.shadowRoot.querySelector('.ct-team h1');
        const observer = new MutationObserver(() => { if (shown()) { observer.disconnect(); resolve(performance.now() - t0); } });
        observer.observe(host.shadowRoot, { subtree: true, childList: true });
        button.click();
      })));
      bytes = server.sent - before;
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
