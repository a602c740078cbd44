// docs/PRIVACY.md, proven: every request goes to the widget's own origin and
// assets, none after the widget is interactive but the questionnaire's texts,
// once, from the widget's folder, after the user leaves the welcome page (a
// complete assessment, download, import, compare and print included), no
// cookie, and nothing stored unless the user switches on "Remember on this device".
// The shared fixture fails every test here on a CSP violation or a script error.
import { test, expect } from './fixtures.mjs';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { widget, ready, start, answerAll, unexpected, allowed, widgetFiles, fullFiles } from './helpers.mjs';

/** Every language in content/, as the build ships them. */
const CODES = readdirSync('content/lang').filter((c) => existsSync(`content/lang/${c}/ui.toml`)).sort();

async function storageState(page) {
  return page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    cookie: document.cookie,
  }));
}

test('nothing leaves the browser during a complete assessment', async ({ page, context, guard: log }) => {
  const sockets = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.goto('/?lang=en');
  await ready(page, log);
  const origin = new URL(page.url()).origin;
  const atStart = log.requests.length;
  expect(unexpected(log.requests, allowed(origin, { standalone: true }))).toEqual([]);
  // Exactly one language's words were loaded.
  expect(log.requests.filter((r) => r.url.includes('/lang/'))).toHaveLength(1);

  const root = widget(page);
  await page.waitForTimeout(300);
  expect(log.requests.slice(atStart).map((r) => r.url), 'nothing is requested until the user acts').toEqual([]);
  await start(root, { useCases: ['ehr', 'remote_care', 'medical_devices'], serviceModel: 'iaas' });
  await answerAll(root, (i) => i % 5);
  // The action plan names the questions it comes from.
  await expect(root.locator('.ct-question-id').first()).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent('download'), root.locator('.ct-toolbar .ct-button').first().click()]);
  const path = await file.path();
  await root.locator('[data-testid=import-input]').setInputFiles(path);
  await root.locator('[data-testid=compare-input]').setInputFiles(path);
  await expect(root.locator('h1')).toHaveText('Comparison');
  await page.evaluate(() => { window.print = () => {}; });
  await root.getByRole('button', { name: 'Print or save as PDF' }).click();
  await root.locator('.ct-plan-item').first().waitFor();

  const after = log.requests.slice(atStart).map((r) => r.url).filter((u) => !u.startsWith('blob:'));
  // After the widget became interactive: the questionnaire's texts, when the user started, and the other
  // domains' questions after them; then, for the comparison, the whole widget (src/web/upgrade.rs), handed
  // the words the first module took in.
  const [fullModule, fullWasm] = fullFiles();
  expect(after.map((u) => new URL(u).pathname)).toEqual([
    expect.stringMatching(/^\/lang\/en\.texts-[0-9a-f]{16}\.json$/),
    expect.stringMatching(/^\/lang\/en\.questions-[0-9a-f]{16}\.json$/),
    `/${fullModule}`,
    `/${fullWasm}`,
  ]);
  expect(unexpected(log.requests.slice(atStart), allowed(origin))).toEqual([]);
  expect(sockets).toEqual([]);
  expect(await context.cookies()).toEqual([]);
  expect(await storageState(page)).toEqual({ local: [], session: [], indexedDB: [], cookie: '' });
  expect(JSON.parse(readFileSync(path, 'utf8')).format).toBe('cloudtriage-results');
});

test('storage is used only after opting in, and only for this widget', async ({ page, guard: log }) => {
  await page.goto('/?lang=en');
  await ready(page, log);
  const root = widget(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  await root.locator('.ct-question').first().locator('input[value="1"]').check();
  expect((await storageState(page)).local).toEqual([]);
  await root.locator('input[role=switch]').check();
  const state = await storageState(page);
  expect(state.local).toEqual(['cloudtriage:v1:standalone']);
  expect(state.session).toEqual([]);
  expect(state.cookie).toBe('');
});

test('the build ships the words of every language in content/ in three parts, and there are several', async () => {
  const words = widgetFiles().filter((f) => f.startsWith('lang/'));
  const interface_ = words.map((f) => f.match(/^lang\/([a-z]{2})-[0-9a-f]{16}\.json$/)).filter(Boolean).map((m) => m[1]);
  const texts = words.map((f) => f.match(/^lang\/([a-z]{2})\.texts-[0-9a-f]{16}\.json$/)).filter(Boolean).map((m) => m[1]);
  const questions = words.map((f) => f.match(/^lang\/([a-z]{2})\.questions-[0-9a-f]{16}\.json$/)).filter(Boolean).map((m) => m[1]);
  expect(interface_.sort()).toEqual(CODES);
  expect(texts.sort()).toEqual(CODES);
  expect(questions.sort()).toEqual(CODES);
  expect(words).toHaveLength(3 * CODES.length);
  expect(CODES.length).toBeGreaterThan(1);
});

for (const other of CODES.filter((c) => c !== 'en')) {
  test(`switching to ${other} loads only that language’s words, from the same origin`, async ({ page, guard: log }) => {
    await page.goto('/?lang=en');
    await ready(page, log);
    const origin = new URL(page.url()).origin;
    const before = log.requests.length;
    const codes = await widget(page).locator('.ct-lang option').evaluateAll((options) => options.map((o) => o.value));
    expect(codes.sort()).toEqual(CODES);
    await widget(page).locator('.ct-lang select').selectOption(other);
    await expect(widget(page)).toHaveAttribute('lang', other);
    const loaded = log.requests.slice(before);
    expect(loaded.map((r) => new URL(r.url).pathname)).toEqual([expect.stringMatching(new RegExp(`^/lang/${other}-[0-9a-f]{16}\\.json$`))]);
    expect(unexpected(loaded, allowed(origin))).toEqual([]);
  });

  test(`switching to ${other} past the welcome page loads every part of that language, from the same origin`, async ({ page, guard: log }) => {
    await page.goto('/?lang=en');
    await ready(page, log);
    const origin = new URL(page.url()).origin;
    const root = widget(page);
    await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
    await root.locator('.ct-question').first().locator('input[value="3"]').check();
    // The other domains' questions of the language shown are in once the first questions are shown.
    await expect.poll(() => log.requests.filter((r) => /\/lang\/en\.questions-[0-9a-f]{16}\.json$/.test(r.url)).length).toBe(1);
    await page.waitForTimeout(100);
    const before = log.requests.length;
    await root.locator('.ct-lang select').selectOption(other);
    await expect(root).toHaveAttribute('lang', other);
    await expect(root.locator('.ct-question').first().locator('input[value="3"]')).toBeChecked();
    await expect(root.locator('.ct-loading')).toHaveCount(0);
    const loaded = log.requests.slice(before);
    expect(loaded.map((r) => new URL(r.url).pathname)).toEqual([
      expect.stringMatching(new RegExp(`^/lang/${other}-[0-9a-f]{16}\\.json$`)),
      expect.stringMatching(new RegExp(`^/lang/${other}\\.texts-[0-9a-f]{16}\\.json$`)),
      expect.stringMatching(new RegExp(`^/lang/${other}\\.questions-[0-9a-f]{16}\\.json$`)),
    ]);
    expect(unexpected(loaded, allowed(origin))).toEqual([]);
  });
}
