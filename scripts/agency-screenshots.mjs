// Screenshots for docs/AGENCY.md from the release build in dist/: the target
// profile and the gap per domain, the benchmark strips, and a refused file.
// The agency's files are made by the CLI (tests/e2e/agency-files.mjs), so
// run `cargo build` first. Part of `make screenshots`.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { start, answerAll, widget } from '../tests/e2e/helpers.mjs';
import { publish } from '../tests/e2e/agency-files.mjs';

const PORT = 8767;
const OUT = 'docs/screenshots';
const server = spawn('python3', ['tests/e2e/serve.py', String(PORT)], { stdio: 'inherit' });
const base = `http://127.0.0.1:${PORT}/agency/`;

async function waitForServer() {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(base + 'index.html')).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the test server did not start');
}

const pick = (i) => [3, 2, 4, 3, 3, 2, 1, 3, 4, 2, 3, 3, 4, 2][i % 14];

try {
  publish();
  await waitForServer();
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}index.html?lang=en&storage=off&profile=profile.json&benchmark=benchmark.json`);
  const root = widget(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  await answerAll(root, pick);
  await root.locator('.ct-agency-profile').screenshot({ path: `${OUT}/agency-profile.png` });
  await root.locator('.ct-agency-benchmark').screenshot({ path: `${OUT}/agency-benchmark.png` });
  await page.close();

  const refused = await browser.newPage({ viewport: { width: 1280, height: 500 } });
  await refused.goto(`${base}index.html?lang=en&storage=off&profile=${encodeURIComponent('https://elsewhere.example.org/profile.json')}`);
  await widget(refused).locator('.ct-notice-error').waitFor();
  await refused.screenshot({ path: `${OUT}/agency-refused.png` });
  await browser.close();
} finally {
  server.kill();
}
