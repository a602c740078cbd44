// Whole flows in the release build: a complete assessment, download and
// import, compare, erase, remember on this device, a bad import, keyboard
// only, and accessibility of every screen.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { watch, widget, ready, start, answerAll, shownAnswers, cspViolations } from './helpers.mjs';

let log;
test.beforeEach(async ({ page }) => {
  log = await watch(page);
});

test.afterEach(async ({ page }) => {
  expect(await cspViolations(page), 'no Content-Security-Policy violation').toEqual([]);
  expect(log.errors, 'no script error').toEqual([]);
});

async function open(page, query = 'lang=en') {
  await page.goto(`/?${query}`);
  await ready(page, log);
  return widget(page);
}

async function download(page, root) {
  const [file] = await Promise.all([page.waitForEvent('download'), root.locator('.ct-toolbar .ct-button').first().click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), path, json: JSON.parse(readFileSync(path, 'utf8')) };
}

function scores(root) {
  return root.locator('.ct-index-number').allTextContents();
}

test('the page runs under the strict Content-Security-Policy it declares', async ({ page }) => {
  await open(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const rule of ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "base-uri 'none'", "form-action 'none'"]) {
    expect(csp).toContain(rule);
  }
  expect(csp).not.toContain('unsafe-inline');
  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(await page.locator('[style]').count()).toBe(0);
});

test('a complete assessment from welcome to results', async ({ page }) => {
  const root = await open(page);
  await expect(root.locator('h1')).toContainText('How ready is your organisation');
  await start(root, { useCases: ['ehr', 'medical_devices'], serviceModel: 'paas' });
  const answered = await answerAll(root, (i) => (i % 3) + 2);
  await expect(root.locator('h1')).toHaveText('Your results');
  await expect(root.locator('.ct-index')).toHaveCount(2);
  await expect(root.locator('.ct-completeness')).toContainText(`${answered} of ${answered} questions answered (100%)`);
  await expect(root.locator('svg.ct-radar')).toBeVisible();
  await expect(root.locator('.ct-table tbody tr')).not.toHaveCount(0);
  await expect(root.locator('.ct-plan-item').first()).toBeVisible();
  await expect(root.locator('.ct-unanswered')).toHaveCount(0);
  // The first ten actions show; the rest on request; printing renders them all.
  const gaps = await root.locator('.ct-plan-toggle').textContent();
  const total = Number(gaps.match(/\d+/)[0]);
  await expect(root.locator('.ct-plan-item')).toHaveCount(10);
  await root.locator('.ct-plan-toggle').click();
  await expect(root.locator('.ct-plan-item')).toHaveCount(total);
  await root.locator('.ct-plan-toggle').click();
  await expect(root.locator('.ct-plan-item')).toHaveCount(10);
  await page.evaluate(() => { window.print = () => { window.__printed = document.querySelector('[data-cloudtriage]').shadowRoot.querySelectorAll('.ct-plan-item').length; }; });
  await root.getByRole('button', { name: 'Print or save as PDF' }).click();
  await expect.poll(() => page.evaluate(() => window.__printed)).toBe(total);
  // Every action names its responsibility and at least one rule.
  const first = root.locator('.ct-plan-item').first();
  await expect(first.locator('.ct-plan-facts')).toContainText(/Your organisation|Cloud provider|Shared/);
  await expect(first.locator('.ct-plan-refs')).toContainText(/GDPR|NIS2|ISO\/IEC 27001|ENISA|MDR/);
});

test('a downloaded file imports back to identical answers and scores', async ({ page }) => {
  let root = await open(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  await answerAll(root, (i) => [0, 1, 2, 3, 4, 'unknown'][i % 6]);
  const before = await scores(root);
  const answersBefore = await shownAnswers(root);
  const file = await download(page, root);
  expect(file.name).toMatch(/^cloudtriage-results-\d{4}-\d{2}-\d{2}\.json$/);
  expect(file.json.format).toBe('cloudtriage-results');
  expect(file.json.format_version).toBe(2);
  expect(file.json.context.use_cases).toEqual(['ehr']);
  expect(file.json.report.cloud_readiness.score).toBe(Number(before[0]));

  await page.reload();
  root = widget(page);
  await ready(page);
  await root.locator('[data-testid=import-input]').first().setInputFiles(file.path);
  await expect(root.locator('.ct-notice-success')).toContainText('answers restored');
  await root.locator('.ct-nav-item:last-child .ct-nav-link').click();
  expect(await scores(root)).toEqual(before);
  expect(await shownAnswers(root)).toEqual(answersBefore);
});

test('compare shows the change per index and per domain', async ({ page }) => {
  const root = await open(page);
  await start(root, { useCases: ['administrative'], serviceModel: 'saas' });
  await answerAll(root, () => 1);
  const earlier = await download(page, root);
  // Raise the first domain to level 4.
  await root.locator('.ct-nav-item').nth(1).locator('.ct-nav-link').click();
  for (const q of await root.locator('.ct-question').all()) await q.locator('input[value="4"]').check();
  await root.locator('[data-testid=compare-input]').setInputFiles(earlier.path);
  await expect(root.locator('h1')).toHaveText('Comparison');
  await expect(root.locator('.ct-trend-improved').first()).toBeVisible();
  await expect(root.locator('.ct-compare-index').first()).toContainText('+');
  await expect(root.locator('tbody tr').filter({ has: page.locator('.ct-trend-unchanged') }).first()).toBeVisible();
  await root.getByRole('button', { name: 'Stop comparing' }).click();
  await expect(root.locator('h1')).toHaveText('Your results');
});

test('remember on this device survives a reload, and nothing is stored when it is off', async ({ page }) => {
  let root = await open(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'iaas' });
  await root.locator('.ct-question').first().locator('input[value="3"]').check();
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await page.reload();
  root = widget(page);
  await ready(page);
  await expect(root.locator('.ct-welcome')).toBeVisible();
  await expect(root.getByRole('button', { name: 'Continue where you left off' })).toHaveCount(0);

  await start(root, { useCases: ['ehr'], serviceModel: 'iaas' });
  await root.locator('.ct-question').first().locator('input[value="3"]').check();
  await root.locator('input[role=switch]').check();
  await expect(root.locator('#ct-remember-hint')).toHaveText('Your answers are remembered on this device.');
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['cloudtriage:v1:standalone']);
  await page.reload();
  root = widget(page);
  await ready(page);
  await expect(root.locator('input[role=switch]')).toBeChecked();
  await expect(root.locator('.ct-question').first().locator('input[value="3"]')).toBeChecked();

  await root.locator('input[role=switch]').uncheck();
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await page.reload();
  root = widget(page);
  await ready(page);
  await expect(root.locator('.ct-welcome')).toBeVisible();
});

test('erase everything clears the answers and the stored copy', async ({ page }) => {
  const root = await open(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  await root.locator('.ct-question').first().locator('input[value="2"]').check();
  await root.locator('input[role=switch]').check();
  expect(await page.evaluate(() => localStorage.length)).toBe(1);
  await root.getByRole('button', { name: 'Erase everything' }).click();
  await expect(root.getByRole('alertdialog')).toBeVisible();
  await root.getByRole('button', { name: 'Yes, erase everything' }).click();
  await expect(root.locator('.ct-welcome')).toBeVisible();
  await expect(root.locator('.ct-notice-success')).toContainText('Everything was erased');
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  await expect(root.locator('.ct-question input:checked')).toHaveCount(0);
});

test('a bad file is refused with a clear message and the answers are kept', async ({ page }) => {
  const root = await open(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  await root.locator('.ct-question').first().locator('input[value="4"]').check();
  await root.locator('[data-testid=import-input]').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "cloudtriage-results", ') });
  await expect(root.locator('.ct-notice-error[role=alert]')).toContainText('ends too early');
  await expect(root.locator('.ct-notice-error')).toContainText('Your current answers are unchanged');
  await expect(root.locator('.ct-question').first().locator('input[value="4"]')).toBeChecked();
});

test('a keyboard alone completes the assessment', async ({ page }) => {
  const root = await open(page, 'lang=en&use_case=administrative&service_model=saas');
  const active = () => page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return { tag: a.tagName, type: a.type || '', checked: !!a.checked, text: (a.textContent || '').trim(), name: a.name || '' };
  });
  // Welcome: Tab to the start button.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if ((await active()).text === 'Start the assessment') break;
  }
  await page.keyboard.press('Enter');
  await expect(root.locator('h1')).toHaveText('Your context');
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if ((await active()).text === 'Continue to the questions') break;
  }
  await page.keyboard.press('Enter');
  await expect(root.locator('.ct-domain')).toBeVisible();
  const answered = new Set();
  for (let presses = 0; presses < 4000; presses++) {
    if (await root.locator('.ct-results').count()) break;
    await page.keyboard.press('Tab');
    const a = await active();
    if (a.type === 'radio' && a.name.startsWith('q-') && !answered.has(a.name)) {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      answered.add(a.name);
    } else if (a.text === 'Next' || a.text === 'See results') {
      await page.keyboard.press('Enter');
    }
  }
  await expect(root.locator('h1')).toHaveText('Your results');
  const total = await root.locator('.ct-completeness').textContent();
  expect(total).toContain(`${answered.size} of ${answered.size} questions answered`);
});

test('every screen passes axe-core accessibility checks', async ({ page }) => {
  // Eight screens analysed, one of them the full questionnaire of twenty domains.
  test.slow();
  const root = await open(page);
  const check = async (screen) => {
    // axe-core injects styles of its own while it runs; those are not the widget's violations.
    const before = (await cspViolations(page)).length;
    const errorsBefore = log.errors.length;
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    await page.evaluate((n) => window.__cspViolations.splice(n), before);
    log.errors.splice(errorsBefore);
    expect(result.violations.map((v) => `${screen}: ${v.id} ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(', ')}`)).toEqual([]);
  };
  await check('welcome');
  await root.locator('.ct-welcome .ct-button-primary').click();
  await root.locator('.ct-context .ct-actions-row .ct-button-primary').click();
  await check('context with error');
  await root.locator('input[name=use_case][value=ehr]').check();
  await root.locator('.ct-context .ct-actions-row .ct-button-primary').click();
  await root.locator('.ct-question').first().locator('summary').first().click();
  await root.locator('.ct-question').first().locator('input[value="2"]').check();
  await check('domain');
  await answerAll(root, (i) => i % 5);
  await check('results');
  await root.getByRole('button', { name: 'Erase everything' }).click();
  await check('erase confirmation');
  await root.getByRole('button', { name: 'Cancel' }).click();
  const earlier = await download(page, root);
  await root.locator('[data-testid=compare-input]').setInputFiles(earlier.path);
  await check('compare');
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await check('compare, dark');
});

test('the results stay usable at 320 px and 200 % zoom', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  const root = await open(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  await answerAll(root, () => 2);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(root.locator('.ct-index').first()).toBeVisible();
});
