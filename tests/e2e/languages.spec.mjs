// Complete assessments in German and in French, switching language mid-way
// without losing answers; numbers, dates and the file name follow the language.
// The shared fixture fails every test here on a CSP violation or a script error.
import { test, expect } from './fixtures.mjs';
import { readFileSync } from 'node:fs';
import { widget, ready, start, answerAll, shownAnswers } from './helpers.mjs';

const LANGUAGES = {
  de: { results: 'Ihre Ergebnisse', file: /^cloudtriage-ergebnisse-\d{4}-\d{2}-\d{2}\.json$/, decimal: ',' },
  fr: { results: 'Vos résultats', file: /^cloudtriage-resultats-\d{4}-\d{2}-\d{2}\.json$/, decimal: ',' },
};

for (const [code, expected] of Object.entries(LANGUAGES)) {
  test(`a complete assessment in ${code}, switching from English mid-way`, async ({ page }) => {
    await page.goto('/?lang=en&storage=off');
    await ready(page);
    const root = widget(page);
    await start(root, { useCases: ['ehr', 'remote_care'], serviceModel: 'paas' });
    // Answer the first domain in English, then switch.
    const first = root.locator('.ct-question');
    const count = await first.count();
    for (let i = 0; i < count; i++) await first.nth(i).locator(`input[value="${i % 5}"]`).check();
    const before = await shownAnswers(root);
    await root.locator('.ct-lang select').selectOption(code);
    await expect(root).toHaveAttribute('lang', code);
    expect(await shownAnswers(root)).toEqual(before);
    await root.locator('.ct-nav-item').nth(2).locator('.ct-nav-link').click();
    await answerAll(root, (i) => (i + 2) % 5);
    await expect(root.locator('h1')).toHaveText(expected.results);
    // Domain levels use the language's decimal separator.
    await expect(root.locator('.ct-table tbody td.ct-num').nth(1)).toContainText(expected.decimal);
    const [file] = await Promise.all([page.waitForEvent('download'), root.locator('.ct-toolbar .ct-button').first().click()]);
    expect(file.suggestedFilename()).toMatch(expected.file);
    const json = JSON.parse(readFileSync(await file.path(), 'utf8'));
    expect(json.questionnaire.language).toBe(code);
    // Nothing of the interface is left in English.
    const text = await root.innerText();
    for (const english of ['Your results', 'What to fix first', 'Download results', 'Erase everything', 'Completeness']) {
      expect(text).not.toContain(english);
    }
  });
}

test('a file made in French opens in German with the same answers and scores', async ({ page }) => {
  await page.goto('/?lang=fr&storage=off');
  await ready(page);
  let root = widget(page);
  await start(root, { useCases: ['administrative'], serviceModel: 'saas' });
  await answerAll(root, (i) => i % 4);
  const scores = await root.locator('.ct-index-number').allTextContents();
  const [file] = await Promise.all([page.waitForEvent('download'), root.locator('.ct-toolbar .ct-button').first().click()]);
  await page.goto('/?lang=de&storage=off');
  await ready(page);
  root = widget(page);
  await root.locator('[data-testid=import-input]').first().setInputFiles(await file.path());
  await root.locator('.ct-nav-item:last-child .ct-nav-link').click();
  await expect(root.locator('h1')).toHaveText('Ihre Ergebnisse');
  expect(await root.locator('.ct-index-number').allTextContents()).toEqual(scores);
});

test.describe('in a browser set to Swiss French', () => {
  test.use({ locale: 'fr-CH' });
  test('the browser’s preferred language is used when the page names none', async ({ page }) => {
    await page.goto('/?storage=off');
    await expect(widget(page)).toHaveAttribute('lang', 'fr');
    await expect(widget(page).locator('h1')).toBeVisible();
  });
});
