// A results file made with questionnaire version 1.0.0 (and results format 1)
// opens in the widget with its answers and one notice per question that
// changed or was added since, the same words `cloudtriage validate` prints
// (tests/changes.rs). The shared fixture fails on any CSP violation or script error.
import { test, expect } from './fixtures.mjs';
import { widget, ready } from './helpers.mjs';

test('a file of questionnaire version 1.0.0 opens with a notice per changed and added question', async ({ page }) => {
  await page.goto('/?lang=en');
  await ready(page);
  const root = widget(page);
  await root.locator('[data-testid=import-input]').first().setInputFiles('tests/fixtures/reference-answers.json');
  const notices = root.locator('.ct-notice-warning');
  await expect(notices.filter({ hasText: 'results format version 1' })).toHaveCount(1);
  await expect(notices.filter({ hasText: 'questionnaire version 1.0.0' })).toHaveCount(1);
  for (const id of ['ASR-02', 'EXT-01', 'EXT-04', 'INC-04']) {
    await expect(notices.filter({ hasText: `${id} has changed since version 1.0.0: your answer is kept, but please review it.` })).toHaveCount(1);
  }
  for (const id of ['REQ-05', 'VUL-05', 'AIS-01', 'AIS-02', 'AIS-03', 'AIS-04', 'AIS-05']) {
    await expect(notices.filter({ hasText: `${id} is new in version 2.0.0: not yet answered.` })).toHaveCount(1);
  }
  // The changed question keeps its answer from the file (EXT-01 is answered 3 there).
  await root.locator('.ct-nav-link', { hasText: 'Exit' }).click();
  await expect(root.locator('#question-EXT-01 input[value="3"]')).toBeChecked();
});
