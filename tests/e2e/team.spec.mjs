// Team assessments in the release build: three respondents in three browser
// contexts answer their assigned domains from a coordinator's links, a fourth
// context merges their files, sees the one disagreement with both answers and
// notes, settles it and downloads the merged file, which the command-line tool
// accepts and scores exactly as the page shows. Then the evidence register:
// a local file's SHA-256 is computed in the browser and its bytes are stored
// nowhere. axe-core checks each new screen.
// The shared fixture fails every test here on a CSP violation or a script error;
// pages of further browser contexts are guarded the same way.
import { test, expect } from './fixtures.mjs';
import { guardPage } from './fixtures.mjs';
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { widget, ready, start, answerAll } from './helpers.mjs';

// `sha256sum tests/e2e/fixtures/evidence-board-minutes.txt`, computed outside the program.
const FIXTURE = 'tests/e2e/fixtures/evidence-board-minutes.txt';
const FIXTURE_SHA256 = 'ee713fabbc64774d29e299a72878daa1771978dbfb4cc92c0bb95b24f6d18c46';
const CLI = 'target/debug/cloudtriage';

test.beforeAll(() => {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'cloudtriage'], { stdio: 'inherit' });
});

/** Opens the page, guarding it unless the shared fixture already does (`guard` given). */
async function opened(page, query, guard) {
  const log = guard || (await guardPage(page));
  await page.goto(`/?${query}`);
  await ready(page);
  return { root: widget(page), log };
}

/** A page of another browser context: nothing the page's rules forbid happened. */
async function clean(page, log) {
  await page.evaluate(() => 0);
  log.verify();
}

/** What axe-core itself does under the page's CSP while it runs. */
const AXE_OWN = { violations: [/^style-src(-elem|-attr)? inline$/], errors: [/^console: Applying inline style violates the following Content Security Policy directive 'style-src 'self''/] };

async function axe(page, log, screen) {
  const result = await log.excusing(AXE_OWN, () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze());
  expect(result.violations.map((v) => `${screen}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

// Downloads are kept in a folder of the test's own: a closed browser context deletes its downloads.
const SAVED = mkdtempSync(join(tmpdir(), 'cloudtriage-team-'));

async function downloadResults(page, root) {
  const [file] = await Promise.all([page.waitForEvent('download'), root.locator('.ct-toolbar .ct-button').first().click()]);
  const path = join(SAVED, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return path;
}

async function answer(root, id, level, note) {
  const card = root.locator(`#question-${id}`);
  await card.locator(`input[type=radio][value="${level}"]`).check();
  if (note) {
    await card.locator('details.ct-note > summary').click();
    await card.locator('textarea').fill(note);
  }
}

/** Opens a domain page from the navigation by its title. */
async function openDomain(root, title) {
  await root.locator('.ct-nav-link', { hasText: title }).click();
  await expect(root.locator('.ct-domain h1')).toHaveText(title);
}

/** Answers every question on the page shown at `level`. */
async function answerPage(root, level) {
  const questions = root.locator('.ct-question');
  for (let i = 0; i < (await questions.count()); i++) {
    await questions.nth(i).locator(`input[type=radio][value="${level}"]`).check();
  }
}

const RESPONDENTS = [
  // label, assigned domain id, its title, level for the rest of the page, GOV-01 with a note, GOV-02
  { label: 'CISO', domain: 'cryptography', title: 'Cryptography and key management', level: 3, gov01: [1, 'Only the EHR contract has the clause.'], gov02: 2 },
  { label: 'DPO', domain: 'governance', title: 'Governance', level: 2, gov01: [3, 'All contracts were signed in May.'], gov02: 2 },
  { label: 'Procurement', domain: 'training', title: 'Training and awareness', level: 1 },
];

test('three respondents, one merge, one disagreement settled, and the CLI agrees with the page', async ({ browser }) => {
  test.setTimeout(180_000);
  const files = [];
  for (const r of RESPONDENTS) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { root, log } = await opened(page, `lang=en&use_case=ehr&service_model=saas&respondent=${r.label}&domains=${r.domain}`);
    await start(root);
    // The respondent meets their domain first ...
    await expect(root.locator('.ct-domain h1')).toHaveText(r.title);
    await expect(root.locator('.ct-nav-link').nth(1)).toContainText(r.title);
    await answerPage(root, r.level);
    // ... and can still answer elsewhere.
    if (r.gov01) {
      if (r.domain !== 'governance') await openDomain(root, 'Governance');
      await answer(root, 'GOV-01', r.gov01[0], r.gov01[1]);
      await answer(root, 'GOV-02', r.gov02);
      await expect(root.locator('#question-GOV-01 .ct-answered-by')).toHaveText(`Answered by ${r.label}`);
    }
    const path = await downloadResults(page, root);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    expect(json.respondent).toBe(r.label);
    expect(json.respondents).toEqual([{ label: r.label, domains: [r.domain] }]);
    files.push(path);
    await clean(page, log);
    await context.close();
  }

  const context = await browser.newContext();
  const page = await context.newPage();
  const { root, log } = await opened(page, 'lang=en');
  await root.locator('.ct-toolbar').getByRole('button', { name: 'Team', exact: true }).click();
  await expect(root.locator('.ct-team h1')).toHaveText('Team assessment');
  await axe(page, log, 'team page');
  await root.locator('[data-testid=merge-input]').setInputFiles(files);
  await expect(root.locator('[data-testid=merge-file]')).toHaveCount(3);
  // A file can be dropped from the list again before merging.
  await root.locator('[data-testid=merge-input]').setInputFiles([files[2]]);
  await expect(root.locator('[data-testid=merge-file]')).toHaveCount(4);
  await root.locator('[data-testid=merge-file]').nth(3).getByRole('button').click();
  await expect(root.locator('[data-testid=merge-file]')).toHaveCount(3);
  await root.getByRole('button', { name: 'Merge 3 files' }).click();

  // Exactly one disagreement, with both answers and both notes, on the results page.
  await expect(root.locator('.ct-results')).toBeVisible();
  await expect(root.locator('[data-testid=open-conflicts]')).toHaveText('Open disagreements: 1');
  const list = root.locator('[data-testid=conflict-list] > li');
  await expect(list).toHaveCount(1);
  await expect(list.first()).toContainText('GOV-01');
  await expect(list.first()).toContainText('CISO: 1 · ');
  await expect(list.first()).toContainText('DPO: 3 · ');
  await expect(list.first()).toContainText('Only the EHR contract has the clause.');
  await expect(list.first()).toContainText('All contracts were signed in May.');
  // A two-level disagreement leads the plan: agree first.
  await expect(root.locator('.ct-agree-list > li')).toHaveCount(1);
  await axe(page, log, 'results with a disagreement');

  // On its question: who said what, and settling it.
  await list.first().locator('.ct-link-button').first().click();
  await expect(root.locator('.ct-domain h1')).toHaveText('Governance');
  await expect(root.locator('[data-testid=conflict]')).toHaveCount(1);
  const conflict = root.locator('#question-GOV-01 [data-testid=conflict]');
  await expect(conflict).toContainText('Only the EHR contract has the clause.');
  await expect(conflict).toContainText('All contracts were signed in May.');
  // GOV-02 was answered alike: no disagreement, both respondents kept.
  await expect(root.locator('#question-GOV-02 .ct-alike')).toContainText('CISO');
  await expect(root.locator('#question-GOV-02 .ct-alike')).toContainText('DPO');
  await axe(page, log, 'domain with a disagreement');
  await conflict.getByLabel('Settled by (your role)').fill('Coordinator');
  await conflict.getByRole('button', { name: 'Take DPO’s answer' }).click();
  await expect(conflict).toContainText('Settled by Coordinator: 3 · ');
  await expect(root.locator('#question-GOV-01 input[type=radio][value="3"]')).toBeChecked();

  await root.locator('.ct-nav-link').last().click();
  await expect(root.locator('[data-testid=open-conflicts]')).toHaveText('Open disagreements: 0');
  const shown = await root.locator('.ct-index-number').allTextContents();
  const merged = await downloadResults(page, root);
  await clean(page, log);
  await context.close();

  const file = JSON.parse(readFileSync(merged, 'utf8'));
  expect(file.respondents.map((r) => r.label)).toEqual(['CISO', 'DPO', 'Procurement']);
  expect(file.answers['GOV-01'].conflict.resolution).toEqual({ by: 'Coordinator', chosen: 'DPO', value: 3 });
  expect(file.answers['GOV-01'].conflict.answers.map((a) => [a.respondent, a.value, a.note])).toEqual([
    ['CISO', 1, 'Only the EHR contract has the clause.'],
    ['DPO', 3, 'All contracts were signed in May.'],
  ]);
  expect(file.answers['GOV-02'].responses.map((r) => [r.respondent, r.value])).toEqual([['CISO', 2], ['DPO', 2]]);

  const validated = spawnSync(CLI, ['validate', merged], { encoding: 'utf8' });
  expect(validated.status, validated.stderr).toBe(0);
  const scored = JSON.parse(execFileSync(CLI, ['score', merged, '--json'], { encoding: 'utf8' }));
  expect(shown).toEqual([String(scored.cloud_readiness.score), String(scored.data_protection.score)]);
  expect(scored.team.open_conflicts).toBe(0);
  expect(scored.team.resolved_conflicts).toBe(1);
});

test('a local evidence file is hashed in the browser and its bytes are stored nowhere', async ({ page, guard }) => {
  const { root, log } = await opened(page, 'lang=en', guard);
  await start(root);
  const card = root.locator('.ct-question').first();
  await card.locator('[data-testid=evidence] > summary').click();
  await card.getByLabel('Document title').fill('Board minutes, March 2026');
  await card.getByLabel('Where it is kept (path, document id)').fill('DMS-4711');
  await card.getByLabel('Review by').fill('2027-03-31');
  await card.locator('[data-testid=evidence-file]').setInputFiles(FIXTURE);
  await expect(card.locator('[data-testid=draft-hash]')).toHaveText(FIXTURE_SHA256);
  await card.getByRole('button', { name: 'Add evidence' }).click();
  await expect(card.locator('[data-testid=evidence-hash]')).toHaveText(FIXTURE_SHA256);
  await axe(page, log, 'evidence register');
  // A title is required; the message says so and the draft stays.
  await card.getByLabel('Where it is kept (path, document id)').fill('shelf 3');
  await card.getByRole('button', { name: 'Add evidence' }).click();
  await expect(card.locator('.ct-evidence-form [role=alert]')).toHaveText('Give the evidence a title.');
  await expect(card.getByLabel('Where it is kept (path, document id)')).toHaveValue('shelf 3');

  await root.locator('.ct-remember input[role=switch]').check();
  const bytes = readFileSync(FIXTURE, 'utf8').trim();
  const stored = await page.evaluate(() => Object.keys(localStorage).map((k) => localStorage.getItem(k)).join('\n'));
  expect(stored).toContain(FIXTURE_SHA256);
  expect(stored).not.toContain(bytes);
  expect(stored).not.toContain('board minutes of March');

  const path = await downloadResults(page, root);
  const text = readFileSync(path, 'utf8');
  expect(text).not.toContain(bytes);
  expect(text).not.toContain('board minutes of March');
  const id = await card.getAttribute('id');
  const entry = JSON.parse(text).answers[id.replace('question-', '')];
  expect(entry.evidence).toEqual([{
    title: 'Board minutes, March 2026',
    location: 'DMS-4711',
    review_by: '2027-03-31',
    file: { name: 'evidence-board-minutes.txt', sha256: FIXTURE_SHA256 },
  }]);
  // The evidence is on the results page (and so in the print).
  await root.locator('.ct-nav-link').last().click();
  await expect(root.locator('.ct-evidence-results')).toContainText(FIXTURE_SHA256);
});

test('answers claimed without evidence are listed when the disclosure is opened, and each opens its question', async ({ page, guard }) => {
  const { root } = await opened(page, 'lang=en', guard);
  await start(root);
  // Every question at level 3 and no evidence anywhere: every answer is claimed without evidence.
  const answered = await answerAll(root, () => 3);
  const section = root.locator('.ct-without-evidence');
  await expect(section.locator('summary')).toContainText(String(answered));
  // Closed, the disclosure has built no list; opened, it lists every such answer.
  await expect(section.locator('li')).toHaveCount(0);
  await section.locator('summary').click();
  await expect(section.locator('li')).toHaveCount(answered);
  const first = section.locator('li .ct-question-id').first();
  const id = await first.textContent();
  await first.click();
  await expect(root.locator(`#question-${id}`)).toBeVisible();
});
