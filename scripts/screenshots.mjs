// Takes the screenshots in docs/screenshots/ from the release build in dist/:
// welcome, a domain page, results (desktop and 360 px wide, in English,
// German and French), the procurement pack's page for the planning-stage EHR
// SaaS fixture, the widget embedded twice in a page with hostile CSS,
// and the first pages of the printed report (Chromium's
// print to PDF, turned into PNG with pdftoppm). Run with `make screenshots`.
import { chromium } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, readdirSync, renameSync } from 'node:fs';
import { start, answerAll, widget } from '../tests/e2e/helpers.mjs';

const PORT = 8766;
const OUT = 'docs/screenshots';
const server = spawn('python3', ['tests/e2e/serve.py', String(PORT)], { stdio: 'inherit' });
const base = `http://127.0.0.1:${PORT}/`;

async function waitForServer() {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(base + 'index.html')).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the test server did not start');
}

// A realistic, mixed assessment: strong on governance, weaker on operations.
const pick = (i) => [3, 2, 4, 3, 3, 2, 1, 3, 4, 2, 3, 3, 4, 2][i % 14];

async function results(browser, lang, width) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(`${base}?lang=${lang}&storage=off`);
  const root = widget(page);
  await start(root, { useCases: ['ehr', 'remote_care'], serviceModel: 'saas' });
  await answerAll(root, pick);
  return page;
}

try {
  await waitForServer();
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}?lang=en&storage=off`);
  await widget(page).locator('h1').waitFor();
  await page.screenshot({ path: `${OUT}/welcome.png` });
  await start(widget(page), { useCases: ['ehr'], serviceModel: 'saas' });
  await widget(page).locator('.ct-question').first().locator('input[value="2"]').check();
  await widget(page).locator('.ct-question').first().locator('summary').first().click();
  await page.screenshot({ path: `${OUT}/domain.png` });
  await page.close();

  for (const lang of ['en', 'de', 'fr']) {
    const desktop = await results(browser, lang, 1280);
    await desktop.screenshot({ path: `${OUT}/results${lang === 'en' ? '' : '-' + lang}.png`, fullPage: lang === 'en' });
    if (lang === 'en') {
      await desktop.screenshot({ path: `${OUT}/results-top.png` });
      await desktop.emulateMedia({ media: 'print' });
      await desktop.pdf({ path: `${OUT}/report.pdf`, format: 'A4', printBackground: true, preferCSSPageSize: true });
    }
    await desktop.close();
  }
  // The procurement pack of the fixture with weak supplier answers (tests/fixtures/), opened from the results.
  const pack = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
  await pack.goto(`${base}?lang=en&storage=off`);
  await widget(pack).locator('h1').waitFor();
  await widget(pack).locator('[data-testid=import-input]').first().setInputFiles('tests/fixtures/procurement-ehr-saas-planning.json');
  await widget(pack).locator('.ct-nav-item:last-child .ct-nav-link').click();
  await widget(pack).locator('.ct-open-pack').click();
  await widget(pack).locator('.ct-pack-requirement').first().waitFor();
  await pack.screenshot({ path: `${OUT}/procurement-page.png` });
  await widget(pack).locator('#ct-pack-checklist').scrollIntoViewIfNeeded();
  await pack.screenshot({ path: `${OUT}/procurement-checklist.png` });
  await pack.close();

  const host = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await host.goto(`${base}hosts/hostile.html`);
  await widget(host, '[data-instance=second]').locator('h1').waitFor();
  await host.screenshot({ path: `${OUT}/embedded-hostile-host.png`, fullPage: true });
  await host.close();

  const narrow = await results(browser, 'en', 360);
  await narrow.screenshot({ path: `${OUT}/results-360.png`, fullPage: false });
  await narrow.close();
  await browser.close();

  for (const f of readdirSync(OUT).filter((f) => f.startsWith('print-'))) rmSync(`${OUT}/${f}`);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', `${OUT}/report.pdf`, `${OUT}/print`]);
  for (const f of readdirSync(OUT).filter((f) => /^print-0*\d+\.png$/.test(f))) {
    renameSync(`${OUT}/${f}`, `${OUT}/${f.replace(/-0*(\d+)/, '-$1')}`);
  }
  rmSync(`${OUT}/report.pdf`);
  console.log(`screenshots written to ${OUT}/`);
} finally {
  server.kill();
}
