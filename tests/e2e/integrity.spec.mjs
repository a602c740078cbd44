// Subresource Integrity, proven: a widget file altered on its way (one byte
// flipped) or missing is refused by the browser. The loader's message shows,
// in the widget's language, in place of the widget; no widget interface runs
// and nothing more is requested. A language's words refused on a switch give
// the widget's own message and keep the answers and the language shown.
// Each test declares exactly the errors the browser and the widget report.
import { test, expect } from './fixtures.mjs';
import { widget, ready, start, widgetFiles } from './helpers.mjs';

const FAILED = {
  en: 'cloudtriage could not start in this browser. Please use a current version of Edge, Firefox, Chrome or Safari.',
  de: 'cloudtriage konnte in diesem Browser nicht starten. Bitte verwenden Sie eine aktuelle Version von Edge, Firefox, Chrome oder Safari.',
  fr: 'cloudtriage n’a pas pu démarrer dans ce navigateur. Veuillez utiliser une version récente d’Edge, Firefox, Chrome ou Safari.',
};

const files = widgetFiles();
const WASM = files.find((f) => f.endsWith('_bg.wasm'));
const CSS = files.find((f) => /^widget-.*\.css$/.test(f));
const lang = (code) => files.find((f) => f.startsWith(`lang/${code}-`));
const texts = (code) => files.find((f) => f.startsWith(`lang/${code}.texts-`));
const questions = (code) => files.find((f) => f.startsWith(`lang/${code}.questions-`));
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Serves one of the widget's files with its last byte changed, or not at all. */
async function spoil(page, file, how) {
  let served = 0;
  await page.route(`**/${file}`, async (route) => {
    served++;
    if (how === 'missing') return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
    const response = await route.fetch();
    const body = await response.body();
    body[body.length - 1] ^= 0x01;
    return route.fulfill({ response, body });
  });
  return () => served;
}

/**
 * The browser's own report of the refusal. A missing file that the loader
 * fetches is also checked against its digest (the server's "not found" page
 * does not match); a missing stylesheet or script is refused for its status alone.
 */
function refusal(guard, file, how, { fetched = true } = {}) {
  const url = `http://127.0.0.1:\\d+/${escape(file)}`;
  if (how === 'tampered' || fetched) guard.expectError(new RegExp(`^console: Failed to find a valid digest in the 'integrity' attribute for resource '${url}' with computed SHA-384 integrity '[^']+'\\. The resource has been blocked\\.$`));
  if (fetched) guard.expectError(new RegExp(`^console: Fetch API cannot load ${url}\\. SRI's integrity checks failed\\.$`));
  if (how === 'missing') guard.expectError(/^console: Failed to load resource: the server responded with a status of 404 \(Not Found\)$/);
}

/** The message replaced the widget, and from then on nothing was requested and nothing of the widget appeared. */
async function stoppedWithMessage(page, guard, code) {
  const host = page.locator('[data-cloudtriage]');
  await expect(host.locator('[role=alert]')).toHaveText(FAILED[code]);
  const requests = guard.requests.length;
  await page.waitForTimeout(750);
  expect(guard.requests.slice(requests).map((r) => r.url), 'no request after the refusal').toEqual([]);
  await expect(page.locator('[data-cloudtriage] .ct')).toHaveCount(0);
  await expect(page.locator('[data-cloudtriage] button, [data-cloudtriage] input, [data-cloudtriage] select')).toHaveCount(0);
  // The message is all the widget's element shows.
  expect(await host.evaluate((el) => [...(el.shadowRoot || el).children].map((c) => c.outerHTML))).toEqual([
    `<p role="alert" class="cloudtriage-failed">${FAILED[code]}</p>`,
  ]);
}

for (const how of ['tampered', 'missing']) {
  test(`a ${how} WebAssembly module is refused and the loader's message shows, in German`, async ({ page, guard }) => {
    refusal(guard, WASM, how);
    guard.expectError(/^console: cloudtriage: /);
    const served = await spoil(page, WASM, how);
    await page.goto('/?lang=de');
    await stoppedWithMessage(page, guard, 'de');
    expect(served()).toBe(1);
    await expect(page.locator('[data-cloudtriage-mounted]')).toHaveCount(0);
  });

  test(`a ${how} widget stylesheet is refused and the loader's message shows, in French`, async ({ page, guard }) => {
    refusal(guard, CSS, how, { fetched: false });
    const served = await spoil(page, CSS, how);
    await page.goto('/?lang=fr');
    await stoppedWithMessage(page, guard, 'fr');
    // Once for the page's prerendered welcome screen, once more for the widget's own link when it finds that one refused.
    expect(served()).toBe(2);
  });

  test(`${how} words of the only language to fall back on are refused and the loader's message shows`, async ({ page, guard }) => {
    refusal(guard, lang('en'), how);
    guard.expectError(/^console: cloudtriage: the words for en could not be loaded/);
    const served = await spoil(page, lang('en'), how);
    await page.goto('/?lang=en');
    await stoppedWithMessage(page, guard, 'en');
    // Once by the loader while the module compiles, once by the widget itself.
    expect(served()).toBe(2);
  });

  test(`${how} words of the language asked for are refused at start: the widget starts in English and says so`, async ({ page, guard }) => {
    refusal(guard, lang('de'), how);
    guard.expectError(/^console: cloudtriage: the words for de could not be loaded/);
    const served = await spoil(page, lang('de'), how);
    await page.goto('/?lang=de');
    await ready(page, guard);
    const root = widget(page);
    await expect(root).toHaveAttribute('lang', 'en');
    await expect(root.locator('.ct-notice-error[role=alert]')).toHaveText(/That language could not be loaded\. Check the connection to this site and try again; your answers are unchanged\./);
    await expect(root.locator('h1')).toContainText('How ready is your organisation');
    // Once by the loader while the module compiles, once by the widget itself; then English.
    expect(served()).toBe(2);
    expect(guard.requests.filter((r) => r.url.includes('/lang/en-'))).toHaveLength(1);
  });

  test(`${how} words of another language are refused on a switch: the widget says so and keeps the answers`, async ({ page, guard }) => {
    refusal(guard, lang('de'), how);
    guard.expectError(/^console: cloudtriage: the words for de could not be loaded/);
    const served = await spoil(page, lang('de'), how);
    await page.goto('/?lang=en');
    await ready(page, guard);
    const root = widget(page);
    await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
    await root.locator('.ct-question').first().locator('input[value="2"]').check();
    const title = await root.locator('h1').textContent();
    await root.locator('.ct-lang select').selectOption('de');
    await expect(root.locator('.ct-notice-error[role=alert]')).toHaveText(/That language could not be loaded\. Check the connection to this site and try again; your answers are unchanged\./);
    await expect(root).toHaveAttribute('lang', 'en');
    await expect(root.locator('h1')).toHaveText(title);
    await expect(root.locator('.ct-question').first().locator('input[value="2"]')).toBeChecked();
    await expect(root.locator('.ct-question input:checked')).toHaveCount(1);
    expect(served()).toBe(1);
  });
}

/**
 * The page that cannot have its words, after the first request for them: its heading and message,
 * then "Try again" while the file is still refused: one more request, the same page.
 */
async function refusedAndRetried(root, served) {
  await expect(root.locator('h1')).toHaveText('The questionnaire could not be loaded');
  await expect(root.locator('.ct-texts-failed [role=alert]')).toHaveText('The questions could not be loaded from this site. Check the connection and try again; your answers are unchanged.');
  expect(served(), 'the words were asked for once').toBe(1);
  await root.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(served).toBe(2);
  await expect(root.locator('h1')).toHaveText('The questionnaire could not be loaded');
}

for (const how of ['tampered', 'missing']) {
  test(`${how} questionnaire texts are refused when the user starts: the widget says so, keeps the answers and tries again`, async ({ page, guard }) => {
    refusal(guard, texts('en'), how);
    guard.expectError(/^console: cloudtriage: the words for en could not be loaded/);
    const served = await spoil(page, texts('en'), how);
    await page.goto('/?lang=en');
    await ready(page, guard);
    const root = widget(page);
    // Nothing of the texts is requested before the user leaves the welcome page.
    await page.waitForTimeout(300);
    expect(served()).toBe(0);
    await root.locator('.ct-welcome .ct-button-primary').click();
    await refusedAndRetried(root, served);
    // Back on the welcome page, nothing was lost; once the file is whole again, the questionnaire opens.
    await root.getByRole('button', { name: 'Back to the start' }).click();
    await expect(root.locator('.ct-welcome')).toBeVisible();
    await page.unroute(`**/${texts('en')}`);
    await root.locator('.ct-welcome .ct-button-primary').click();
    await expect(root.locator('input[name=use_case]').first()).toBeVisible();
    // Focus lands on the new page's heading once its texts are there, not on the vanished button.
    await expect(root.locator('h1[data-page-heading]')).toBeFocused();
  });
}

for (const how of ['tampered', 'missing']) {
  test(`${how} questions of the later domains are refused: the first domain works, the next page says so, keeps the answers and tries again`, async ({ page, guard }) => {
    refusal(guard, questions('en'), how);
    guard.expectError(/^console: cloudtriage: the words for en could not be loaded/);
    const served = await spoil(page, questions('en'), how);
    await page.goto('/?lang=en');
    await ready(page, guard);
    const root = widget(page);
    await page.waitForTimeout(300);
    expect(served(), 'nothing of the later questions is requested on the welcome page').toBe(0);
    await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
    // The first domain's questions came with the texts: its page works while the rest is refused.
    await expect.poll(served, 'the later questions are asked for once the first are shown').toBe(1);
    const first = root.locator('.ct-question').first();
    await first.locator('input[value="2"]').check();
    await expect(first.locator('input[value="2"]')).toBeChecked();
    await root.locator('.ct-pager .ct-button-primary').click();
    // The navigation, which needs the texts alone, stays: the first domain can still be reached.
    await expect(root.locator('.ct-nav .ct-nav-link').nth(1)).toContainText('Governance');
    await refusedAndRetried(root, served);
    // Once the file is whole again, trying again opens the page, and the first answer is still there.
    await page.unroute(`**/${questions('en')}`);
    await root.getByRole('button', { name: 'Try again' }).click();
    await expect(root.locator('.ct-domain .ct-question').first()).toBeVisible();
    await expect(root.locator('h1[data-page-heading]')).toBeFocused();
    await root.locator('.ct-nav-item .ct-nav-link').nth(1).click();
    await expect(root.locator('.ct-question').first().locator('input[value="2"]')).toBeChecked();
  });
}

test('a tampered loader is refused by the page, and nothing of the widget runs or loads', async ({ page, guard }) => {
  refusal(guard, 'cloudtriage.js', 'tampered', { fetched: false });
  await spoil(page, 'cloudtriage.js', 'tampered');
  await page.goto('/?lang=en');
  await page.waitForTimeout(750);
  // The page's own files only: the prerendered welcome screen's stylesheet, and the loader that was refused.
  expect(guard.requests.map((r) => new URL(r.url).pathname).filter((p) => p !== '/' && !p.startsWith('/page-')).sort()).toEqual(['/cloudtriage.js', `/${CSS}`].sort());
  await expect(page.locator('[data-cloudtriage-mounted], [data-cloudtriage] .ct-mount:not([data-prerendered])')).toHaveCount(0);
  // What shows is the static screen, whose controls never pretend to work.
  await expect(page.locator('[data-cloudtriage] .ct-mount[data-prerendered] h1')).toBeVisible();
  await expect(page.locator('[data-cloudtriage] .ct-mount[data-prerendered] :is(button, select, input):not([disabled])')).toHaveCount(0);
});
