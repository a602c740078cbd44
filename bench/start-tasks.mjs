// The main thread's long tasks while the standalone page starts, under
// Chromium's 4x CPU throttling (the slow desktop of Lighthouse's mobile
// profile): for each fresh load, every task over 50 ms and the blocking time
// (the sum of each such task's time over 50 ms, as Lighthouse counts it), until
// the widget has mounted and a moment after. Prints each load and the median.
// Usage: node bench/start-tasks.mjs [dist] [loads]   (run by `make bench`)
import { chromium } from '@playwright/test';
import { THIN_CLIENT, serve } from './serve.mjs';

const dist = process.argv[2] || 'dist';
const loads = Number(process.argv[3] || 11);
const server = await serve({ '/': dist });
const url = `${server.base}/?lang=en`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const blocking = [];
try {
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THIN_CLIENT.cpu });
    await page.addInitScript(() => {
      window.ctLongTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.ctLongTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url);
    await page.waitForSelector('[data-cloudtriage-mounted]', { state: 'attached', timeout: 30_000 });
    await page.waitForTimeout(1500);
    const tasks = await page.evaluate(() => window.ctLongTasks);
    const total = tasks.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
    blocking.push(total);
    console.log(`load ${i + 1}: long tasks (start ms, duration ms) ${tasks.map(([s, d]) => `${s}+${d}`).join(' ')}; blocking ${total} ms`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
blocking.sort((a, b) => a - b);
console.log(`start under 4x CPU, ${loads} loads: blocking time median ${blocking[Math.floor(blocking.length / 2)]} ms, most ${blocking[blocking.length - 1]} ms`);
