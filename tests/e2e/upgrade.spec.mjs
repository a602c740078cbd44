// The widget in two modules (src/web/upgrade.rs): the first load carries no
// team screen; asking for one loads the whole widget once, from the widget's
// folder, with its integrity checked, and it carries on with everything the
// first module had: answers, notes, language, the "remember" switch and the
// page. A load that fails says so in the user's language, keeps everything,
// and a retry works. The shared fixture fails every test here on a CSP
// violation or a script error.
import { test, expect } from './fixtures.mjs';
import { widget, ready, start, answerAll, fullFiles } from './helpers.mjs';

const [FULL_JS, FULL_WASM] = fullFiles();
const isFull = (url) => [FULL_JS, FULL_WASM].includes(new URL(url).pathname.slice(1));
const fullRequests = (log) => log.requests.filter((r) => isFull(r.url));

test('the team page loads the whole widget on demand, which carries on with the answers, notes, language and storage', async ({ page, guard: log }) => {
  await page.goto('/?lang=de');
  await ready(page, log);
  const root = widget(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  await root.getByRole('switch').check();
  const first = root.locator('.ct-question').first();
  const id = (await first.getAttribute('id')).replace('question-', '');
  await first.locator('input[value="2"]').check();
  await first.locator('.ct-note summary').click();
  await first.locator('textarea').fill('Nur im Rechenzentrum A');
  await page.waitForTimeout(300);
  expect(fullRequests(log), 'nothing of the whole widget before it is asked for').toEqual([]);

  const asked = Date.now();
  await root.getByRole('button', { name: 'Teambewertung' }).click();
  await expect(root.locator('h1')).toHaveText('Teambewertung');
  const loaded = fullRequests(log);
  expect(loaded.map((r) => new URL(r.url).pathname).sort(), 'the module and its WebAssembly, once each').toEqual([`/${FULL_JS}`, `/${FULL_WASM}`].sort());
  expect(loaded.every((r) => r.at >= asked)).toBe(true);
  expect(log.requests.filter((r) => r.at >= asked && r.url.includes('/lang/')), 'the words are handed over, not fetched again').toEqual([]);
  await expect(page.locator(`head script[src$="${FULL_JS}"]`)).toHaveAttribute('integrity', /^sha384-/);
  // One widget in the element: the first module's was replaced, not kept beside it.
  expect(await page.locator('[data-cloudtriage]').evaluate((el) => el.shadowRoot.querySelectorAll('.ct-mount').length)).toBe(1);

  // Everything carried over.
  await expect(root).toHaveAttribute('lang', 'de');
  await expect(root.getByRole('switch')).toBeChecked();
  await root.locator('.ct-nav-item .ct-nav-link').nth(1).click();
  const again = root.locator(`#question-${id}`);
  await expect(again.locator('input[value="2"]')).toBeChecked();
  await expect(again.locator('textarea')).toHaveValue('Nur im Rechenzentrum A');
  // The whole widget keeps the device's copy up to date, as the first module did.
  await again.locator('input[value="3"]').check();
  await expect.poll(() => page.evaluate(() => Object.values(localStorage).join(''))).toContain(`"${id}"`);
  await page.reload();
  await ready(page, log);
  // A reload starts in the first module, from the device's copy.
  await expect(widget(page).locator(`#question-${id} input[value="3"]`)).toBeChecked();
});

test('a question\'s evidence register opens in the whole widget with the focus on its first field', async ({ page, guard: log }) => {
  await page.goto('/?lang=en&storage=off');
  await ready(page, log);
  const root = widget(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'iaas' });
  const question = root.locator('.ct-question').nth(1);
  const id = (await question.getAttribute('id')).replace('question-', '');
  await question.locator('input[value="4"]').check();
  await question.locator('.ct-evidence summary').click();
  const title = root.locator(`#ct-ev-title-${id}`);
  await expect(title).toBeFocused();
  await title.fill('Backup restore test report');
  await root.locator(`#question-${id} .ct-evidence-form .ct-button`).first().click();
  await expect(root.locator(`#question-${id} .ct-evidence-item`)).toContainText('Backup restore test report');
  await expect(root.locator(`#question-${id} input[value="4"]`)).toBeChecked();
  expect(fullRequests(log)).toHaveLength(2);
});

test('a failed load says so in the user\'s language, keeps the answers, and a retry works', async ({ page, guard: log }) => {
  log.expectError(/the team screens could not be loaded/);
  log.expectError(/ERR_FAILED/);
  await page.goto('/?lang=fr&storage=off');
  await ready(page, log);
  const root = widget(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  const first = root.locator('.ct-question').first();
  await first.locator('input[value="1"]').check();
  const module = new RegExp(`/${FULL_JS.replace('.', '\\.')}(\\?.*)?$`);
  await page.route(module, (route) => route.abort());
  const team = root.getByRole('button', { name: 'Équipe' });
  await team.click();
  await expect(root.locator('.ct-notice').last()).toContainText("Les écrans d'équipe et de preuves n'ont pas pu être chargés depuis ce site.");
  await expect(first.locator('input[value="1"]')).toBeChecked();
  await page.unroute(module);
  await team.click();
  await expect(root.locator('h1')).toHaveText(/quipe/);
  await root.locator('.ct-nav-item .ct-nav-link').nth(1).click();
  await expect(root.locator('.ct-question').first().locator('input[value="1"]')).toBeChecked();
});

/** Adds an evidence entry to the second question of the first domain; returns its id. */
async function addEvidence(root, title) {
  const question = root.locator('.ct-question').nth(1);
  const id = (await question.getAttribute('id')).replace('question-', '');
  await question.locator('input[value="3"]').check();
  await question.locator('.ct-evidence summary').click();
  await root.locator(`#ct-ev-title-${id}`).fill(title);
  await root.locator(`#question-${id} .ct-evidence-form .ct-button`).first().click();
  await expect(root.locator(`#question-${id} .ct-evidence-item`)).toContainText(title);
  return id;
}

test('a team\'s file opened in the first module opens in the whole widget, evidence and all', async ({ page, browser, guard: log }) => {
  await page.goto('/?lang=en&storage=off');
  await ready(page, log);
  const root = widget(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  const id = await addEvidence(root, 'Restore test minutes');
  const [file] = await Promise.all([page.waitForEvent('download'), root.locator('.ct-toolbar .ct-button').first().click()]);
  const path = await file.path();

  const other = await browser.newContext();
  const fresh = await other.newPage();
  const requests = [];
  fresh.on('request', (r) => requests.push(r.url()));
  await fresh.goto('/?lang=en&storage=off');
  await ready(fresh);
  const second = widget(fresh);
  expect(requests.filter(isFull), 'a fresh page loads the first module only').toEqual([]);
  await second.locator('.ct-toolbar [data-testid=import-input]').setInputFiles(path);
  await expect(second.locator('.ct-notice').last()).toContainText('answers');
  await second.locator('.ct-nav-item .ct-nav-link').nth(1).click();
  await expect(second.locator(`#question-${id} .ct-evidence-item`)).toContainText('Restore test minutes');
  expect(requests.filter(isFull)).toHaveLength(2);
  await other.close();
});

test('a stored team assessment starts the whole widget at once on the next visit', async ({ page, guard: log }) => {
  await page.goto('/?lang=en');
  await ready(page, log);
  const root = widget(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  await root.getByRole('switch').check();
  const id = await addEvidence(root, 'Exit plan, signed');
  await expect.poll(() => page.evaluate(() => Object.values(localStorage).join(''))).toContain('Exit plan, signed');
  const before = log.requests.length;
  await page.reload();
  await ready(page, log);
  await expect(widget(page).locator(`#question-${id} .ct-evidence-item`)).toContainText('Exit plan, signed');
  expect(log.requests.slice(before).filter((r) => isFull(r.url))).toHaveLength(2);
  await expect(widget(page).getByRole('switch')).toBeChecked();
});

test('the "By framework" tab chosen with the keyboard opens in the whole widget with the focus on the tab', async ({ page, guard: log }) => {
  await page.goto('/?lang=en&storage=off');
  await ready(page, log);
  const root = widget(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'iaas' });
  await answerAll(root, (i) => i % 5);
  await root.locator('#ct-tab-overview').focus();
  await page.keyboard.press('ArrowRight');
  await expect(root.locator('#ct-tab-frameworks')).toHaveAttribute('aria-selected', 'true');
  await expect(root.locator('#ct-tab-frameworks')).toBeFocused();
  await expect(root.locator('#ct-panel-frameworks table, #ct-panel-frameworks .ct-crosswalk').first()).toBeVisible();
  expect(fullRequests(log)).toHaveLength(2);
});
