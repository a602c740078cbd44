// The release widget in Firefox ESR (Debian's firefox-esr, driven through
// geckodriver with selenium-webdriver; Playwright cannot drive it): a whole
// assessment, the results downloaded, imported again into a fresh page and
// the same scores shown, under the strict CSP header, with no CSP violation,
// no script error and no request to anything but the page's own files.
// Violations and errors come from the host page's test hook
// (tests/e2e/hosts/watch.js), a same-origin script the CSP allows.
// Run with `make e2e-firefox` (needs dist/; E2E_PORT picks the port).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Builder, By } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';

const ROOT = resolve(import.meta.dirname, '../..');
const PORT = Number(process.env.E2E_PORT || 8767);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PAGE = `${ORIGIN}/hosts/strict-watched.html`;
const FOLDER = '/tools/cloud-assessment/';
const GECKODRIVER = process.env.GECKODRIVER || execFileSync('sh', ['-c', 'command -v geckodriver'], { encoding: 'utf8' }).trim();
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';

let server;
let driver;
let downloads;

async function waitFor(what, check, timeout = 20_000) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

before(async () => {
  assert.ok(existsSync(join(ROOT, 'dist', 'cloudtriage.js')), 'dist/ is built (make build)');
  server = spawn('python3', [join(ROOT, 'tests/e2e/serve.py'), String(PORT)], { stdio: 'inherit' });
  await waitFor('the test server', async () => (await fetch(`${ORIGIN}/index.html`)).ok);
  downloads = mkdtempSync(join(tmpdir(), 'cloudtriage-firefox-'));
  const options = new firefox.Options()
    .setBinary(FIREFOX)
    .addArguments('-headless')
    .windowSize({ width: 1280, height: 900 })
    .setPreference('intl.accept_languages', 'en')
    .setPreference('browser.download.folderList', 2)
    .setPreference('browser.download.dir', downloads)
    .setPreference('browser.download.useDownloadDir', true)
    .setPreference('browser.download.always_ask_before_handling_new_types', false)
    .setPreference('browser.helperApps.neverAsk.saveToDisk', 'application/json')
    .setPreference('browser.download.manager.showWhenStarting', false)
    .setPreference('app.update.auto', false)
    .setPreference('network.captive-portal-service.enabled', false)
    .setPreference('browser.safebrowsing.malware.enabled', false)
    .setPreference('browser.safebrowsing.phishing.enabled', false)
    .setPreference('datareporting.policy.dataSubmissionEnabled', false);
  driver = await new Builder()
    .forBrowser('firefox')
    .setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER))
    .build();
});

after(async () => {
  if (driver) await driver.quit();
  if (server) server.kill();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

/** The widget's shadow root. */
async function shadow() {
  return (await driver.findElement(By.css('[data-cloudtriage]'))).getShadowRoot();
}

async function find(selector) {
  return (await shadow()).findElement(By.css(selector));
}

async function findAll(selector) {
  return (await shadow()).findElements(By.css(selector));
}

async function texts(selector) {
  return Promise.all((await findAll(selector)).map((e) => e.getText()));
}

async function open() {
  await driver.get(PAGE);
  // The widget itself, not the prerendered welcome screen it replaces.
  await waitFor('the widget', async () => (await (await find('.ct-mount:not([data-prerendered]) > .ct h1')).getText()).length > 0);
}

/** What the hook saw, and which files the page loaded (the Resource Timing entries). */
function watched() {
  return driver.executeScript(() => ({
    ...window.__cloudtriageWatch,
    loaded: performance.getEntriesByType('resource').map((e) => e.name),
    navigations: performance.getEntriesByType('navigation').map((e) => e.name),
  }));
}

/** The files this page loads for an English assessment: the hook, and the widget's files under its folder, as the
 * built loader names them (the interface words, and the questionnaire's texts and the other domains' questions once the
 * user has left the welcome page). */
function allowedFiles({ texts }) {
  const loader = readFileSync(join(ROOT, 'dist', 'cloudtriage.js'), 'utf8');
  const assets = loader.match(/const CLOUDTRIAGE_ASSETS = \{\s*wasm: "([^"]+)",[^}]*?css: "([^"]+)",[^}]*?languages: (\{.*\}),\s*\};/s);
  assert.ok(assets, 'the built loader names its assets');
  return [
    `${ORIGIN}/hosts/watch.js`,
    ...['cloudtriage.js', assets[1], assets[2], JSON.parse(assets[3]).en.file, ...(texts ? [JSON.parse(assets[3]).en.texts, JSON.parse(assets[3]).en.questions] : [])].map((f) => ORIGIN + FOLDER + f),
  ].sort();
}

async function assertClean(when, { texts = true } = {}) {
  const seen = await watched();
  assert.deepEqual(seen.violations, [], `no CSP violation ${when}`);
  assert.deepEqual(seen.errors, [], `no script error ${when}`);
  assert.deepEqual(seen.navigations, [PAGE]);
  assert.deepEqual([...new Set(seen.loaded)].sort(), allowedFiles({ texts }), `only the page's own files were loaded ${when}`);
}

test('Firefox ESR is the browser under test', async () => {
  const capabilities = await driver.getCapabilities();
  assert.equal(capabilities.getBrowserName(), 'firefox');
  assert.match(execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' }), /Firefox \d+\.\d+(\.\d+)?esr/);
});

test('the test hook sees a CSP violation and a script error when there is one', async () => {
  await open();
  // The welcome page needs only the interface words: the questionnaire's texts are not asked for yet.
  await assertClean('on load', { texts: false });
  // An inline style the CSP refuses, and a same-origin script (so it runs in the page) that fails.
  await driver.executeScript(() => {
    const style = document.createElement('style');
    style.textContent = 'body { color: red; }';
    document.head.append(style);
    const script = document.createElement('script');
    script.src = '/hosts/provoke.js';
    document.head.append(script);
  });
  const seen = await waitFor('the provoked violation and errors', async () => {
    const s = await watched();
    return s.violations.length && s.errors.length >= 2 ? s : null;
  });
  assert.deepEqual(seen.violations, ['style-src-elem inline']);
  assert.deepEqual(seen.errors, ['console: provoked console error', 'error: Error: provoked uncaught error']);
});

test('a complete assessment, downloaded and imported again, shows the same scores', async () => {
  await open();
  assert.match(await (await find('h1')).getText(), /How ready is your organisation/);
  await (await find('.ct-welcome .ct-button-primary')).click();
  await waitFor('the context step', async () => (await findAll('.ct-context')).length === 1);
  for (const value of ['ehr', 'remote_care']) await (await find(`input[name=use_case][value=${value}]`)).click();
  await (await find('input[name=service_model][value=paas]')).click();
  await (await find('.ct-context .ct-actions-row .ct-button-primary')).click();
  await waitFor('the first domain', async () => (await findAll('.ct-domain')).length === 1);

  // Every question of every domain, levels 0-4 and "don't know" in turn.
  const levels = ['0', '1', '2', '3', '4', 'unknown'];
  let answered = 0;
  for (let page = 0; page < 50 && (await findAll('.ct-results')).length === 0; page++) {
    const title = await (await find('h1')).getText();
    for (const question of await findAll('.ct-question')) {
      await (await question.findElement(By.css(`input[type=radio][value="${levels[answered % levels.length]}"]`))).click();
      answered++;
    }
    await (await find('.ct-pager .ct-button-primary')).click();
    await waitFor('the next page', async () => (await findAll('.ct-results')).length === 1 || (await (await find('h1')).getText()) !== title);
  }
  assert.equal(await (await find('h1')).getText(), 'Your results');
  assert.ok(answered > 20, `${answered} questions answered`);
  assert.match(await (await find('.ct-completeness')).getText(), new RegExp(`${answered} of ${answered} questions answered`));
  const scores = await texts('.ct-index-number');
  assert.equal(scores.length, 2);
  const levelsShown = await texts('.ct-table tbody tr');
  assert.ok(levelsShown.length > 5);

  // Download: the file lands in the download folder.
  await (await find('.ct-toolbar .ct-button')).click();
  const name = await waitFor('the downloaded file', async () =>
    readdirSync(downloads).find((f) => /^cloudtriage-results-\d{4}-\d{2}-\d{2}\.json$/.test(f) && !existsSync(join(downloads, `${f}.part`))));
  const path = join(downloads, name);
  const file = await waitFor('the whole file', async () => {
    try { return JSON.parse(readFileSync(path, 'utf8')); } catch { return null; }
  });
  assert.equal(file.format, 'cloudtriage-results');
  assert.deepEqual(file.context.use_cases.sort(), ['ehr', 'remote_care']);
  assert.equal(Object.keys(file.answers).length, answered);
  assert.equal(String(file.report.cloud_readiness.score), scores[0]);
  await assertClean('after the assessment and the download');

  // A fresh page (nothing stored: storage is off on this page), then the import.
  await open();
  assert.equal((await findAll('.ct-welcome')).length, 1);
  await (await find('[data-testid=import-input]')).sendKeys(path);
  await waitFor('the import notice', async () => /answers restored/.test(await (await find('.ct-notice-success')).getText()));
  await (await find('.ct-nav-item:last-child .ct-nav-link')).click();
  await waitFor('the results', async () => (await (await find('h1')).getText()) === 'Your results');
  assert.deepEqual(await texts('.ct-index-number'), scores);
  assert.deepEqual(await texts('.ct-table tbody tr'), levelsShown);
  assert.match(await (await find('.ct-completeness')).getText(), new RegExp(`${answered} of ${answered} questions answered`));
  await assertClean('after the import');
});
