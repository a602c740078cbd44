// The agency kit in the release build: a target profile and a benchmark
// published next to the widget (under /agency/, see serve.py), an assessment
// completed against them, and the gaps and positions shown checked against
// `cloudtriage score FILE --profile P --benchmark B --json` for the file the
// widget downloads. Without either file named, nothing of them is shown or
// requested; named from elsewhere, each is refused with its message and no request.
import { test, expect } from './fixtures.mjs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ready, widget, start, answerAll, fullFiles } from './helpers.mjs';
import { cli, publish, PROFILE, BENCHMARK } from './agency-files.mjs';

test.beforeAll(publish);

/** Requests for an agency file, wherever it was asked for (the page's own address does not count). */
function agencyRequests(log) {
  return log.requests.map((r) => new URL(r.url)).filter((u) => /profile|benchmark/.test(u.pathname)).map((u) => u.href);
}

async function download(page, root) {
  const [file] = await Promise.all([page.waitForEvent('download'), root.locator('.ct-toolbar .ct-button').first().click()]);
  return file.path();
}

test('the gap to the profile and the positions shown are those cloudtriage score computes', async ({ page, guard: log }) => {
  await page.goto('/agency/index.html?profile=profile.json&benchmark=benchmark.json');
  await ready(page, log);
  const root = widget(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  await answerAll(root, (i) => (i * 3) % 5);

  const profile = root.locator('.ct-agency-profile');
  await expect(profile).toContainText('National cloud baseline');
  await expect(profile).toContainText('Health Agency');
  const benchmark = root.locator('.ct-agency-benchmark');
  await expect(benchmark).toHaveAttribute('data-placement', 'matched');
  await expect(benchmark).toContainText('12');

  const path = await download(page, root);
  const saved = JSON.parse(readFileSync(path, 'utf8'));
  const sha256 = createHash('sha256').update(readFileSync(PROFILE)).digest('hex');
  expect(saved.profile).toEqual({ name: 'National cloud baseline', issuer: 'Health Agency', version: '1', sha256 });

  const expected = JSON.parse(cli('score', path, '--profile', PROFILE, '--benchmark', BENCHMARK, '--json'));
  // The plan is ranked by the profile: governance questions below 4 are in it.
  expect(saved.report.actions).toEqual(expected.actions);
  expect(expected.actions.some((a) => a.question.startsWith('GOV-') && a.target === 4)).toBe(true);

  const shownGaps = await profile.locator('tr[data-domain]').evaluateAll((rows) =>
    rows.map((r) => [r.getAttribute('data-domain'), Number(r.getAttribute('data-gap'))]));
  const cliGaps = expected.profile.domains.map((d) => [d.id, Math.round(d.gap * 100)]);
  expect(shownGaps).toEqual(cliGaps);
  expect(cliGaps.find(([id]) => id === 'governance')[1]).toBeGreaterThan(0);

  const shownRanks = await benchmark.locator('tr[data-measure]').evaluateAll((rows) =>
    rows.map((r) => [r.getAttribute('data-measure'), r.getAttribute('data-rank')]));
  const cliRanks = expected.benchmark.positions
    .filter((p) => p.value !== null)
    .map((p) => [p.id, p.rank === null ? null : String(p.rank)]);
  expect(shownRanks).toEqual(cliRanks);
  expect(cliRanks.filter(([, rank]) => rank !== null).length).toBeGreaterThanOrEqual(10);
  // A strip for every published figure, drawn with presentation attributes only.
  expect(await benchmark.locator('svg.ct-strip').count()).toBe(cliRanks.filter(([, rank]) => rank !== null).length);
  expect(await benchmark.locator('svg.ct-strip [style]').count()).toBe(0);
});

test('with no profile or benchmark named, neither is shown nor requested', async ({ page, guard: log }) => {
  await page.goto('/agency/index.html');
  await ready(page, log);
  const root = widget(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  await answerAll(root);
  await expect(root.locator('.ct-plan-section')).toBeVisible();
  expect(await root.locator('.ct-agency-profile, .ct-agency-benchmark').count()).toBe(0);
  expect(agencyRequests(log)).toEqual([]);
});

test('a profile or benchmark named from another origin or folder is refused with its message and no request', async ({ page, baseURL, guard: log }) => {
  const elsewhere = baseURL.replace('127.0.0.1', 'localhost') + 'agency/profile.json';
  await page.goto(`/agency/index.html?lang=de&profile=${encodeURIComponent(elsewhere)}&benchmark=../agency/benchmark.json`);
  await ready(page, log);
  const root = widget(page);
  const notices = root.locator('.ct-notice-error');
  await expect(notices).toHaveCount(2);
  await expect(notices.nth(0)).toContainText(`Das Zielprofil „${elsewhere}“ wurde nicht geladen`);
  await expect(notices.nth(1)).toContainText('Die Vergleichswerte „../agency/benchmark.json“ wurden nicht geladen');
  await expect(notices.nth(0)).toContainText('Es wurde nichts angefordert');
  expect(agencyRequests(log)).toEqual([]);
  // The assessment runs on the built-in targets.
  await start(root, { useCases: ['ehr'], serviceModel: 'saas', startLabel: /starten/i });
  await answerAll(root);
  expect(await root.locator('.ct-agency-profile, .ct-agency-benchmark').count()).toBe(0);
});

test('a page that names a profile starts the whole widget straight from the prerendered screen', async ({ page, guard: log }) => {
  // Whatever the widget shows in its element from the first frame on, recorded in the page.
  await page.addInitScript(() => {
    window.cloudtriageShown = [];
    document.addEventListener('DOMContentLoaded', () => {
      const shadow = document.querySelector('[data-cloudtriage]').shadowRoot;
      new MutationObserver(() => {
        if (shadow.querySelector('.ct-loading')) window.cloudtriageShown.push('ct-loading');
      }).observe(shadow, { subtree: true, childList: true });
    });
  });
  await page.goto('/agency/index.html?profile=profile.json');
  await ready(page, log);
  const root = widget(page);
  const [fullModule, fullWasm] = fullFiles();
  const paths = log.requests.map((r) => new URL(r.url).pathname);
  expect(paths).toContain(`/agency/${fullModule}`);
  expect(paths).toContain(`/agency/${fullWasm}`);
  const shown = await page.evaluate(() => window.cloudtriageShown);
  expect(shown.filter((c) => /ct-loading/.test(c)), 'no "starting" line of the first module in between').toEqual([]);
  expect(await page.locator('[data-cloudtriage]').evaluate((el) => el.shadowRoot.querySelectorAll('.ct-mount').length)).toBe(1);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  await answerAll(root, (i) => (i * 3) % 5);
  await expect(root.locator('.ct-agency-profile')).toContainText('National cloud baseline');
});

test('when the whole widget cannot be had at start, the element says cloudtriage could not start', async ({ page, guard: log }) => {
  log.expectError(/the team screens could not be loaded/);
  log.expectError(/ERR_FAILED/);
  const [fullModule] = fullFiles();
  await page.route(`**/${fullModule}`, (route) => route.abort());
  await page.goto('/agency/index.html?profile=profile.json');
  await expect(page.locator('[data-cloudtriage] [role=alert]')).toHaveText('cloudtriage could not start in this browser. Please use a current version of Edge, Firefox, Chrome or Safari.');
});
