// The procurement pack as a page of the widget: the planning-stage EHR SaaS
// results file with weak supplier answers (the fixture of the CLI's host
// tests) is imported, the page is opened from the results, and what it shows
// (must and should requirements by phase, the contract checklist covered or
// missing) is compared with `cloudtriage procurement FILE --format md`, in
// English and in German. The pack's code comes from the export module, asked
// for only after the click and only from the widget's folder; axe-core checks
// the page; print media shows the pack alone. A module that cannot be loaded
// or is refused says so in the user's language, keeps the answers, and can be
// retried. The shared guard (fixtures.mjs) fails every test on a request
// outside the widget's folder, a CSP violation or a script error.
import { test, expect } from './fixtures.mjs';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { widget, ready, allowed, unexpected } from './helpers.mjs';

const FIXTURE = 'tests/fixtures/procurement-ehr-saas-planning.json';
const CLI = 'target/debug/cloudtriage';
const EXPORT_FILES = [/^\/exports-[0-9a-f]{16}\.js$/, /^\/exports-[0-9a-f]{16}_bg\.wasm$/];
/** What axe-core itself does under the page's CSP while it runs. */
const AXE_OWN = { violations: [/^style-src(-elem|-attr)? inline$/], errors: [/^console: Applying inline style violates the following Content Security Policy directive 'style-src 'self''/] };

test.beforeAll(() => {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'cloudtriage'], { stdio: 'inherit' });
});

/**
 * The pack as the command-line tool writes it in Markdown: each requirement
 * (`**ID (Strength):** clause`) in order, and each checklist row's clause
 * title, the questions that show it and its state.
 */
function cliPack(lang) {
  const out = join(mkdtempSync(join(tmpdir(), 'ct-pack-')), 'pack.md');
  execFileSync(CLI, ['procurement', FIXTURE, '--format', 'md', '--lang', lang, '--out', out]);
  const md = readFileSync(out, 'utf8');
  // Markdown escapes what would start its own syntax; the page shows the plain text.
  const plain = (text) => text.replace(/\\([\\`*_[\]<>|])/g, '$1');
  const requirements = [...md.matchAll(/^\*\*([A-Z]{3}-\d{2}) \(([^)]+)\):\*\* (.+)$/gm)]
    .map(([, id, strength, clause]) => ({ id, strength, clause: plain(clause) }));
  const clauses = [...md.matchAll(/^\| ([^|:]+): [^|]+\| [^|]+\| ([^|]+) \| ([^|]+) \|$/gm)]
    .map(([, title, shownBy, state]) => ({ title: plain(title.trim()), shownBy: shownBy.trim(), state: state.trim() }));
  return { requirements, clauses };
}

/** What the page shows, read from its markup in the same shape. */
async function pagePack(root) {
  const requirements = await root.locator('.ct-pack-requirement').evaluateAll((items) => items.map((li) => ({
    id: li.dataset.requirement,
    strength: li.querySelector('.ct-badge').textContent,
    clause: li.querySelector('.ct-pack-clause').textContent,
  })));
  const clauses = await root.locator('tr[data-clause]').evaluateAll((rows) => rows.map((tr) => ({
    title: tr.querySelector('.ct-pack-clause-title').textContent,
    shownBy: tr.cells[2].textContent,
    state: tr.querySelector('.ct-pack-state').textContent.replace(/^[✓✗] /, ''),
  })));
  return { requirements, clauses };
}

function exportRequests(log, origin) {
  return log.requests.filter((r) => new URL(r.url).origin === origin && EXPORT_FILES.some((re) => re.test(new URL(r.url).pathname)));
}

/** Opens the widget in a language and imports the fixture; the results are shown. */
async function imported(page, lang, log) {
  await page.goto(`/?lang=${lang}`);
  await ready(page, log);
  const root = widget(page);
  await root.locator('[data-testid=import-input]').first().setInputFiles(FIXTURE);
  await expect(root.locator('.ct-notice-success')).toBeVisible();
  await root.locator('.ct-nav-item:last-child .ct-nav-link').click();
  await expect(root.locator('.ct-results')).toBeVisible();
  return root;
}

const fixtureAnswers = JSON.parse(readFileSync(FIXTURE, 'utf8')).answers;

test('the pack page shows must clauses for the weak answers and covered ones for the strong, as the CLI does', async ({ page, guard: log }) => {
  test.setTimeout(120_000);
  const root = await imported(page, 'en', log);
  const origin = new URL(page.url()).origin;
  expect(exportRequests(log, origin), 'nothing of the export module before the click').toEqual([]);

  const clicked = Date.now();
  await root.getByRole('button', { name: 'Procurement pack' }).click();
  await expect(root.locator('h1')).toHaveText('Procurement pack');
  await expect(root.locator('.ct-pack-requirement').first()).toBeVisible();

  // The module and its WebAssembly, once each, after the click, from the widget's folder; nothing else.
  const loaded = exportRequests(log, origin);
  expect(loaded.map((r) => new URL(r.url).pathname).sort()).toHaveLength(2);
  expect(loaded.every((r) => r.at >= clicked)).toBe(true);
  const exportModule = (url) => new URL(url).origin === origin && EXPORT_FILES.some((re) => re.test(new URL(url).pathname));
  expect(unexpected(log.requests, allowed(origin, { standalone: true }), exportModule)).toEqual([]);
  await expect(page.locator('head script[src*="exports-"]')).toHaveAttribute('integrity', /^sha384-/);

  // The same requirements, in the same order and strength, and the same checklist as the CLI's Markdown.
  const cli = cliPack('en');
  expect(cli.requirements.length).toBeGreaterThan(0);
  expect(cli.clauses.length).toBeGreaterThan(0);
  const shown = await pagePack(root);
  expect(shown.requirements).toEqual(cli.requirements);
  expect(shown.clauses).toEqual(cli.clauses);

  // A weak answer becomes a must clause; a strong one gives no requirement and covers its clause.
  expect(fixtureAnswers['SUP-02'].value).toBe(1);
  await expect(root.locator('[data-requirement=SUP-02]')).toHaveAttribute('data-strength', 'must');
  await expect(root.locator('[data-requirement=SUP-02] .ct-pack-clause')).toHaveText(/^The supplier shall sign, before any processing/);
  expect(fixtureAnswers['SUP-05'].value).toBe(3);
  await expect(root.locator('[data-requirement=SUP-05]')).toHaveCount(0);
  await expect(root.locator('tr[data-clause=gdpr-28-3-h]')).toHaveAttribute('data-state', 'covered');
  await expect(root.locator('tr[data-clause=gdpr-28-3-h] .ct-pack-state')).toHaveText('✓ Covered');
  await expect(root.locator('tr[data-clause=gdpr-28-3-a]')).toHaveAttribute('data-state', 'missing');
  // Grouped by ENISA's procurement phases, each a heading over its list.
  await expect(root.locator('.ct-pack-phase h3')).toHaveText(['Phase: Plan', 'Phase: Source', 'Phase: Manage']);
  await expect(root.locator('[data-phase=plan] [data-requirement]')).toHaveCount(1);
  // The Data Act cited as references, and the supplier questionnaire as a table.
  await expect(root.locator('tr[data-clause=dataact-notice] cite[data-reference="DATAACT:25(2)(d)"]')).toHaveText('Data Act Art. 25(2)(d)');
  await expect(root.locator('[data-requirement=EXT-02] cite[data-reference="DATAACT:25(2)(g)"]')).toHaveCount(1);
  await expect(root.locator('tr[data-question]')).toHaveCount(cli.requirements.length);

  const axe = await log.excusing(AXE_OWN, () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze());
  expect(axe.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Print prints the pack: the dialog opens on the pack, not the results.
  await page.evaluate(() => {
    window.print = () => {
      const shadow = document.querySelector('[data-cloudtriage]').shadowRoot;
      window.__printed = {
        requirements: shadow.querySelectorAll('.ct-pack-requirement').length,
        results: shadow.querySelectorAll('.ct-results').length,
        heading: shadow.querySelector('h1').textContent,
      };
    };
  });
  await root.getByRole('button', { name: 'Print the pack' }).click();
  await expect.poll(() => page.evaluate(() => window.__printed)).toEqual({ requirements: cli.requirements.length, results: 0, heading: 'Procurement pack' });
  await page.emulateMedia({ media: 'print' });
  await expect(root.locator('.ct-procurement')).toBeVisible();
  await expect(root.locator('.ct-procurement .ct-print-only').first()).toBeVisible();
  await expect(root.locator('.ct-procurement .ct-print-only').first()).toHaveText(/^Assessment of /);
  for (const hidden of ['.ct-toolbar', '.ct-nav', '.ct-pack-actions', '.ct-header .ct-lang']) {
    await expect(root.locator(hidden).first(), hidden).toBeHidden();
  }
  await page.emulateMedia({ media: 'screen' });

  // Back to the results, answers and all.
  await root.getByRole('button', { name: 'Back to results' }).click();
  await expect(root.locator('h1')).toHaveText('Your results');
  await expect(root.locator('.ct-open-pack')).toBeVisible();
});

test('in German the page says the pack in German, as the CLI writes it', async ({ page, guard: log }) => {
  test.setTimeout(120_000);
  const root = await imported(page, 'de', log);
  await root.getByRole('button', { name: 'Beschaffungspaket' }).click();
  await expect(root.locator('h1')).toHaveText('Beschaffungspaket');
  await expect(root.locator('.ct-pack-requirement').first()).toBeVisible();
  const cli = cliPack('de');
  const shown = await pagePack(root);
  expect(shown.requirements).toEqual(cli.requirements);
  expect(shown.clauses).toEqual(cli.clauses);
  await expect(root.locator('[data-requirement=SUP-02] .ct-badge')).toHaveText('Muss');
  await expect(root.locator('[data-requirement=SUP-02] .ct-pack-clause')).toHaveText(/^Der Anbieter muss vor jeder Verarbeitung/);
  await expect(root.locator('tr[data-clause=gdpr-28-3-h] .ct-pack-state')).toHaveText('✓ Abgedeckt');
  await expect(root.locator('tr[data-clause=dataact-notice] cite[data-reference="DATAACT:25(2)(d)"]')).toHaveText('Datenverordnung Art. 25 Abs. 2 Buchst. d');
  await expect(root.getByRole('heading', { level: 2 })).toHaveText(['Ausschreibungsanforderungen', 'Fragebogen für Anbieter', 'Vertragscheckliste']);
});

test('a pack that cannot be loaded or is refused says so in French, keeps the answers, and a retry works', async ({ page, guard: log }) => {
  test.setTimeout(120_000);
  log.expectError(/integrity/i);
  log.expectError(/export module could not start/);
  log.expectError(/ERR_FAILED/);
  const root = await imported(page, 'fr', log);
  const failed = "Le dossier d'achat n'a pas pu être chargé depuis ce site.";
  const completeness = await root.locator('.ct-completeness').textContent();
  // The module's script cannot be fetched.
  await page.route(/\/exports-[0-9a-f]{16}\.js(\?.*)?$/, (route) => route.abort());
  await root.getByRole('button', { name: "Dossier d'achat" }).click();
  await expect(root.locator('.ct-pack-failed[role=alert]')).toContainText(failed);
  await page.unroute(/\/exports-[0-9a-f]{16}\.js(\?.*)?$/);
  // Its WebAssembly arrives altered: the integrity check refuses it.
  await page.route(/\/exports-[0-9a-f]{16}_bg\.wasm$/, (route) => route.fulfill({ status: 200, body: 'tampered', contentType: 'application/wasm' }));
  await root.getByRole('button', { name: 'Réessayer' }).click();
  await expect(root.locator('.ct-pack-failed[role=alert]')).toContainText(failed);
  await expect(root.locator('.ct-pack-requirement')).toHaveCount(0);
  // Back to the results: nothing the user had is lost.
  await root.getByRole('button', { name: 'Retour aux résultats' }).click();
  await expect(root.locator('.ct-completeness')).toHaveText(completeness);

  await page.unroute(/\/exports-[0-9a-f]{16}_bg\.wasm$/);
  await root.getByRole('button', { name: "Dossier d'achat" }).click();
  await expect(root.locator('[data-requirement=SUP-02] .ct-badge')).toHaveText('Obligatoire');
  await expect(root.locator('.ct-pack-failed')).toHaveCount(0);
});
