// Answer clicks timed alone, under Chromium's CPU throttling: the click to the
// DOM showing the answer, over clicks across the domain pages as in bench.mjs
// (one answer per question and page, the pages in turn, then again with other
// levels). Prints the median and p95 of all clicks and of three kinds: a
// question's first answer, the first answer after a page change, and a change
// of an answer; then the page changes between those clicks, from the click on
// the page's entry in the navigation to its questions in the DOM. The
// throttling starts once the first questions are shown.
// Usage: node bench/answers.mjs [dist] [CPU slowdown, default 4] [clicks, default 200]
import { chromium } from '@playwright/test';
import { start, widget } from '../tests/e2e/helpers.mjs';
import { serve } from './serve.mjs';

const dist = process.argv[2] ?? 'dist';
const slowdown = Number(process.argv[3] ?? 4);
const clicks = Number(process.argv[4] ?? 200);
const server = await serve({ '/': dist });
try {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  await page.goto(`${server.base}/`);
  await start(widget(page));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  const { times, turns } = await page.evaluate(async (clicks) => {
    const root = document.querySelector('[data-cloudtriage]').shadowRoot;
    const settle = () => new Promise((r) => setTimeout(r, 0));
    const links = () => root.querySelectorAll('.ct-nav-item .ct-nav-link');
    const pages = links().length - 2;
    const times = [];
    const turns = [];
    let n = 0;
    for (let round = 0; times.length < clicks && round < 20; round++) {
      for (let p = 0; p < pages && times.length < clicks; p++) {
        // The page change, timed too: from the click to the new page's questions in the DOM
        // (the page shown at the start is not changed to).
        const link = links()[p + 1];
        if (link.getAttribute('aria-current') !== 'page') {
          const before = root.querySelector('.ct-question');
          turns.push(await new Promise((resolve) => {
            const t0 = performance.now();
            const observer = new MutationObserver(() => {
              const first = root.querySelector('.ct-question');
              if (first && first !== before) { observer.disconnect(); resolve(performance.now() - t0); }
            });
            observer.observe(root, { subtree: true, childList: true });
            link.click();
          }));
        }
        await settle(); await settle();
        const byQuestion = new Map();
        for (const r of root.querySelectorAll('.ct-question input[type=radio]')) {
          if (r.checked) continue;
          if (!byQuestion.has(r.name)) byQuestion.set(r.name, []);
          byQuestion.get(r.name).push(r);
        }
        let firstOnPage = true;
        for (const options of byQuestion.values()) {
          if (times.length >= clicks) break;
          const input = options[(n++ + round) % Math.min(5, options.length)];
          const item = input.closest('.ct-option');
          const ms = await new Promise((resolve) => {
            const t0 = performance.now();
            const observer = new MutationObserver(() => {
              if (item.matches('.ct-option-checked')) { observer.disconnect(); resolve(performance.now() - t0); }
            });
            observer.observe(root, { subtree: true, attributes: true, childList: true, characterData: true });
            input.click();
          });
          times.push({ ms, kind: round > 0 ? 'change' : firstOnPage ? 'first after a page change' : 'first answer' });
          firstOnPage = false;
        }
      }
    }
    return { times, turns };
  }, clicks);
  await browser.close();
  const stats = (list) => {
    const s = list.map((t) => t.ms).sort((a, b) => a - b);
    const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)].toFixed(1);
    return `median ${at(0.5)} ms, p95 ${at(0.95)} ms (${s.length} clicks)`;
  };
  console.log(`answer click to updated DOM, CPU ${slowdown}x slower: ${stats(times)}`);
  for (const kind of ['first after a page change', 'first answer', 'change']) {
    const list = times.filter((t) => t.kind === kind);
    if (list.length) console.log(`  ${kind}: ${stats(list)}`);
  }
  const s = turns.sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)].toFixed(1);
  console.log(`page change to the new page's questions in the DOM: median ${at(0.5)} ms, p95 ${at(0.95)} ms (${s.length} changes)`);
} finally {
  server.close();
}
