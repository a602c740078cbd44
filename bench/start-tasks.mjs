// The main thread's long tasks while the standalone page starts, under
// Chromium's 4x CPU throttling (the slow desktop of Lighthouse's mobile
// profile): for each fresh load, every task over 50 ms and the blocking time
// (the sum of each such task's time over 50 ms, as Lighthouse counts it), until
// the widget has mounted and a moment after. Prints each load and the median.
// Usage: node bench/start-tasks.mjs [dist] [loads]   (run by `make bench`)
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { chromium } from '@playwright/test';

const dist = process.argv[2] || 'dist';
const loads = Number(process.argv[3] || 11);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };

const server = createServer((req, res) => {
  let file = join(dist, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/?lang=en`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const blocking = [];
try {
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
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
