// The results page's "By framework" tab against the command-line tool: for
// the reference fixture, the table the widget shows holds the same items,
// titles, questions, levels, targets and gaps as
// `cloudtriage crosswalk --framework F FILE --json`. Also the tab pattern
// with the keyboard, links to questions, printing and axe-core.
import { test, expect } from './fixtures.mjs';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { widget, ready } from './helpers.mjs';

const FIXTURE = 'tests/fixtures/reference-answers.json';

/** What the command-line tool says for a framework and the fixture (the CLI is built by `cargo test` before e2e). */
function cliCrosswalk(framework) {
  const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'cloudtriage', '--', 'crosswalk', '--framework', framework, FIXTURE, '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out);
}

/** What axe-core itself does under the page's CSP while it runs. */
const AXE_OWN = { violations: [/^style-src(-elem|-attr)? inline$/], errors: [/^console: Applying inline style violates the following Content Security Policy directive 'style-src 'self''/] };

/** Opens the fixture and the results page's "By framework" tab. */
async function openByFramework(page) {
  await page.goto('/?lang=en&storage=off');
  await ready(page);
  const root = widget(page);
  await root.locator('[data-testid=import-input]').first().setInputFiles(FIXTURE);
  await expect(root.locator('.ct-notice-success')).toContainText('answers restored');
  await root.locator('.ct-nav-item:last-child .ct-nav-link').click();
  await expect(root.locator('h1')).toHaveText('Your results');
  await root.getByRole('tab', { name: 'By framework' }).click();
  await expect(root.locator('.ct-crosswalk-table')).toBeVisible();
  return root;
}

/** The table as shown: one object per row. */
async function shownTable(root) {
  return root.locator('.ct-crosswalk-table tbody tr').evaluateAll((rows) =>
    rows.map((tr) => ({
      label: tr.querySelector('th').textContent,
      title: tr.querySelector('.ct-crosswalk-title').textContent,
      questions: [...tr.querySelectorAll('[data-question]')].map((li) => li.dataset.question),
      gapQuestions: [...tr.querySelectorAll('.ct-crosswalk-gap')].map((li) => li.dataset.question),
      level: tr.querySelector('.ct-crosswalk-level').textContent,
      target: tr.querySelector('.ct-crosswalk-target').textContent,
      gaps: tr.querySelector('.ct-crosswalk-gaps').textContent,
    })));
}

/** The same rows written from the command-line tool's JSON, as the widget formats them in English. */
function expectedTable(json) {
  const number = (v) => (v === null ? 'no question applies' : v.toFixed(2));
  return json.entries.map((e) => ({
    label: e.label,
    title: e.title,
    questions: e.questions,
    gapQuestions: e.gaps,
    level: number(e.level),
    target: number(e.target),
    gaps: e.gaps.length ? e.gaps.join(', ') : 'none',
  }));
}

test('the By framework tab shows the same crosswalk as the command-line tool, for NIS2 and GDPR', async ({ page }) => {
  test.setTimeout(180_000);
  const root = await openByFramework(page);
  await expect(root.locator('.ct-crosswalk-table')).toHaveAttribute('data-framework', 'nis2');
  const nis2 = cliCrosswalk('nis2');
  expect(nis2.entries.map((e) => e.id)).toEqual(expect.arrayContaining(['21(2)(a)', '21(2)(j)', '23']));
  expect(await shownTable(root)).toEqual(expectedTable(nis2));
  await expect(root.locator('.ct-crosswalk-caption')).toContainText(nis2.name);

  await root.getByLabel('Framework', { exact: true }).selectOption('gdpr');
  await expect(root.locator('.ct-crosswalk-table')).toHaveAttribute('data-framework', 'gdpr');
  expect(await shownTable(root)).toEqual(expectedTable(cliCrosswalk('gdpr')));
});

test('the tabs follow the ARIA pattern and a question link opens the question', async ({ page }) => {
  const root = await openByFramework(page);
  const overview = root.getByRole('tab', { name: 'Overview' });
  const byFramework = root.getByRole('tab', { name: 'By framework' });
  await expect(byFramework).toHaveAttribute('aria-selected', 'true');
  await expect(overview).toHaveAttribute('tabindex', '-1');
  await expect(root.locator('#ct-panel-overview')).toBeHidden();
  await byFramework.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(overview).toHaveAttribute('aria-selected', 'true');
  await expect(overview).toBeFocused();
  await expect(root.locator('.ct-indices')).toBeVisible();
  await expect(root.locator('#ct-panel-frameworks')).toBeHidden();
  await page.keyboard.press('End');
  await expect(byFramework).toBeFocused();
  await expect(root.locator('.ct-crosswalk-table')).toBeVisible();

  // A question not asked in this context (no remote care in the fixture) is text, not a link.
  const notAsked = root.locator('[data-item="21(2)(j)"] [data-question=RMC-01]');
  await expect(notAsked).toContainText('not asked in this context');
  await expect(notAsked.locator('button')).toHaveCount(0);
  await root.locator('[data-item="21(2)(g)"] [data-question=TRN-01] button').click();
  await expect(root.locator('#question-TRN-01')).toBeVisible();
  // The tab and the framework are kept when the user comes back.
  await root.locator('.ct-nav-item:last-child .ct-nav-link').click();
  await expect(root.locator('.ct-crosswalk-table')).toBeVisible();
});

test('printing from the By framework tab prints the chosen framework without the controls', async ({ page }) => {
  const root = await openByFramework(page);
  await root.getByLabel('Framework', { exact: true }).selectOption('iso27001');
  await page.evaluate(() => {
    window.print = () => {
      const shadow = document.querySelector('[data-cloudtriage]').shadowRoot;
      window.__printed = shadow.querySelectorAll('.ct-crosswalk-table[data-framework=iso27001] tbody tr').length;
    };
  });
  await root.getByRole('button', { name: 'Print or save as PDF' }).click();
  await expect.poll(() => page.evaluate(() => window.__printed)).toBeGreaterThan(30);
  await page.emulateMedia({ media: 'print' });
  await expect(root.locator('.ct-crosswalk-table')).toBeVisible();
  await expect(root.locator('.ct-crosswalk-caption')).toContainText('ISO/IEC 27001:2022');
  await expect(root.locator('.ct-tabs')).toBeHidden();
  await expect(root.locator('.ct-crosswalk-chooser')).toBeHidden();
  await expect(root.locator('.ct-indices')).toBeHidden();
});

test('the By framework tab passes axe-core, in light and dark', async ({ page, guard }) => {
  await openByFramework(page);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    // axe-core injects styles of its own while it runs; those, and only those, are not the widget's violations.
    const result = await guard.excusing(AXE_OWN, () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze());
    expect(result.violations.map((v) => `${scheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
