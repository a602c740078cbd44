// The Export menu: XLSX, CSV and DOCX from the widget, in German and under a
// strict CSP in a host page. The export module is requested only after the
// click, only from the widget's folder, with its integrity checked; the
// downloads are opened by tests/exports/check.py (openpyxl, python-docx, csv,
// LibreOffice) and compared with `cloudtriage score --json`. The shared
// fixture fails every test here on a CSP violation or a script error.
import { test, expect } from './fixtures.mjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { widget, ready, start, answerAll, unexpected, allowed, exportAs } from './helpers.mjs';

const EXPORT_FILES = [/\/exports-[0-9a-f]{16}\.js$/, /\/exports-[0-9a-f]{16}_bg\.wasm$/];
const PYTHON = process.env.DEBIAN_PYTHON || '/usr/bin/python3';

function cloudtriage(...args) {
  return execFileSync('cargo', ['run', '--quiet', '--bin', 'cloudtriage', '--', ...args], { encoding: 'utf8' });
}

/** Runs the independent checker on downloaded exports against the widget's own results file. */
function checkExports(dir, results, lang, files, pdf = true) {
  writeFileSync(join(dir, 'score.json'), cloudtriage('score', '--json', results));
  writeFileSync(join(dir, 'questionnaire.json'), cloudtriage('questionnaire', '--json', '--lang', lang));
  const out = execFileSync(PYTHON, [
    'tests/exports/check.py', ...(pdf ? ['--pdf'] : []), '--score', join(dir, 'score.json'),
    '--questionnaire', join(dir, 'questionnaire.json'), '--results', results, '--lang', lang, ...files,
  ], { encoding: 'utf8' });
  expect(out).toMatch(/exports: \d+ passed, 0 failed/);
}

function exportRequests(log, origin) {
  return log.requests.filter((r) => new URL(r.url).origin === origin && EXPORT_FILES.some((re) => re.test(new URL(r.url).pathname)));
}

test('XLSX, CSV and DOCX in German: loaded on demand, checked by independent readers', async ({ page, guard: log }) => {
  test.setTimeout(240_000);
  await page.goto('/?lang=de');
  await ready(page, log);
  const origin = new URL(page.url()).origin;
  const root = widget(page);
  await start(root, { useCases: ['ehr', 'remote_care'], serviceModel: 'saas' });
  await answerAll(root, (i) => [0, 1, 2, 3, 4, 1, 2][i % 7]);
  expect(exportRequests(log, origin), 'nothing of the export module before the click').toEqual([]);

  const dir = mkdtempSync(join(tmpdir(), 'ct-exports-'));
  const [resultsDownload] = await Promise.all([page.waitForEvent('download'), root.locator('.ct-toolbar-buttons > .ct-button').first().click()]);
  const results = join(dir, 'results.json');
  await resultsDownload.saveAs(results);

  const clicked = Date.now();
  const files = [];
  for (const format of ['xlsx', 'csv', 'docx']) {
    const download = await exportAs(page, root, format);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^cloudtriage-(massnahmenplan|bericht)-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    files.push(path);
  }
  await expect(root.locator('.ct-notice').last()).toContainText('Exportiert als cloudtriage-bericht-');

  const loaded = exportRequests(log, origin);
  const paths = loaded.map((r) => new URL(r.url).pathname);
  expect(paths, 'the module and its wasm, once each, from the widget\'s folder').toHaveLength(2);
  expect(paths.filter((p) => /^\/exports-[0-9a-f]{16}\.js$/.test(p))).toHaveLength(1);
  expect(paths.filter((p) => /^\/exports-[0-9a-f]{16}_bg\.wasm$/.test(p))).toHaveLength(1);
  expect(loaded.every((r) => r.at >= clicked)).toBe(true);
  const exportModule = (url) => new URL(url).origin === origin && EXPORT_FILES.some((re) => re.test(new URL(url).pathname));
  expect(unexpected(log.requests, allowed(origin, { standalone: true }), exportModule)).toEqual([]);
  const script = await page.locator('head script[src*="exports-"]');
  await expect(script).toHaveAttribute('integrity', /^sha384-/);

  checkExports(dir, results, 'de', files);
});

test('under a strict CSP in a host page, the CSV comes from the widget\'s folder', async ({ page, guard: log }) => {
  test.setTimeout(120_000);
  await page.goto('/hosts/strict.html');
  await ready(page, log);
  const origin = new URL(page.url()).origin;
  const root = widget(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'iaas' });
  await answerAll(root, (i) => i % 4);
  const dir = mkdtempSync(join(tmpdir(), 'ct-exports-'));
  const [resultsDownload] = await Promise.all([page.waitForEvent('download'), root.locator('.ct-toolbar-buttons > .ct-button').first().click()]);
  const results = join(dir, 'results.json');
  await resultsDownload.saveAs(results);
  const download = await exportAs(page, root, 'csv');
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  const loaded = exportRequests(log, origin).map((r) => new URL(r.url).pathname);
  expect(loaded).toHaveLength(2);
  expect(loaded.every((p) => p.startsWith('/tools/cloud-assessment/exports-'))).toBe(true);
  checkExports(dir, results, 'en', [path], false);
});

test('a failed load says so in the user\'s language, keeps the answers, and a retry works', async ({ page, guard: log }) => {
  log.expectError(/integrity/i);
  log.expectError(/export module could not start/);
  log.expectError(/ERR_FAILED/);
  await page.goto('/?lang=fr');
  await ready(page, log);
  const root = widget(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  await root.locator('.ct-question').first().locator('input[value="2"]').check();
  const menu = root.locator('.ct-export > .ct-button');
  const failed = "L'export n'a pas pu être chargé depuis ce site.";
  // The module's script cannot be fetched.
  await page.route(/\/exports-[0-9a-f]{16}\.js(\?.*)?$/, (route) => route.abort());
  await menu.click();
  await root.locator('.ct-export-item[data-format=md]').click();
  await expect(root.locator('.ct-notice').last()).toContainText(failed);
  await page.unroute(/\/exports-[0-9a-f]{16}\.js(\?.*)?$/);
  // Its WebAssembly arrives altered: the integrity check refuses it.
  await page.route(/\/exports-[0-9a-f]{16}_bg\.wasm$/, (route) => route.fulfill({ status: 200, body: 'tampered', contentType: 'application/wasm' }));
  await root.locator('.ct-notice-close').last().click();
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await root.locator('.ct-export-item[data-format=md]').click();
  await expect(root.locator('.ct-notice').last()).toContainText(failed);
  await expect(root.locator('.ct-question').first().locator('input[value="2"]')).toBeChecked();

  await page.unroute(/\/exports-[0-9a-f]{16}_bg\.wasm$/);
  const download = await exportAs(page, root, 'md');
  expect(download.suggestedFilename()).toMatch(/^cloudtriage-rapport-\d{4}-\d{2}-\d{2}\.md$/);
});

test('the menu works with the keyboard: Enter opens, Tab reaches the formats, Escape closes and returns focus', async ({ page }) => {
  await page.goto('/?lang=en');
  await ready(page);
  const root = widget(page);
  const toggle = root.getByRole('button', { name: 'Export' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await expect(root.locator('.ct-export-item').first()).toBeFocused();
  await expect(root.locator('.ct-export-item').first()).toHaveText('Action plan for Excel (XLSX)');
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  await expect(root.locator('.ct-export-menu')).toHaveCount(0);
});
