// Faults in the browser, with its APIs stubbed in the page: storage that is
// disabled or full, a stored state that is corrupt or from an older version,
// a file that cannot be read, a download that is blocked. Each gives a clear
// message and loses no answers. The shared fixture fails any of them that
// shows a CSP violation or a script error it did not declare.
import { test, expect } from './fixtures.mjs';
import { readFileSync } from 'node:fs';
import { widget, ready, start } from './helpers.mjs';

const KEY = 'cloudtriage:v1:standalone';

async function answered(page, init) {
  if (init) await page.addInitScript(init);
  await page.goto('/?lang=en');
  await ready(page);
  const root = widget(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  await root.locator('.ct-question').nth(0).locator('input[value="3"]').check();
  await root.locator('.ct-question').nth(1).locator('input[value="1"]').check();
  return { root };
}

async function stillAnswered(root) {
  await expect(root.locator('.ct-question').nth(0).locator('input[value="3"]')).toBeChecked();
  await expect(root.locator('.ct-question').nth(1).locator('input[value="1"]')).toBeChecked();
}

test('storage that the browser disables: a message, the switch stays off, the answers stay', async ({ page }) => {
  const { root } = await answered(page, () => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  await root.locator('input[role=switch]').click();
  await expect(root.locator('.ct-notice-warning')).toContainText('does not allow storage here');
  await expect(root.locator('input[role=switch]')).not.toBeChecked();
  await stillAnswered(root);
});

test('storage that is full: a message, the answers stay', async ({ page }) => {
  const { root } = await answered(page, () => {
    Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await root.locator('input[role=switch]').click();
  await expect(root.locator('.ct-notice-warning')).toContainText('storage is full');
  await expect(root.locator('input[role=switch]')).not.toBeChecked();
  await stillAnswered(root);
});

test('a corrupted stored state shows a notice and starts clean', async ({ page }) => {
  await page.addInitScript((key) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem(key, '{"format": "cloudtriage-results", "format_version": 1, "answers": {'); sessionStorage.setItem('seeded', '1'); } }, KEY);
  await page.goto('/?lang=en');
  await ready(page);
  const root = widget(page);
  await expect(root.locator('.ct-notice-warning')).toContainText('could not be read and were set aside');
  await expect(root.locator('.ct-notice-warning')).toContainText('ends too early');
  await expect(root.locator('.ct-welcome')).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();
});

test('a stored state from an older questionnaire version is restored with a notice', async ({ page }) => {
  const old = JSON.parse(readFileSync('tests/bad-inputs/39-older-questionnaire-version.json', 'utf8'));
  await page.addInitScript(([key, text]) => localStorage.setItem(key, text), [KEY, JSON.stringify(old)]);
  await page.goto('/?lang=en');
  await ready(page);
  const root = widget(page);
  // The file is older in two ways: its results format and its questionnaire; each gets its notice.
  await expect(root.locator('.ct-notice-warning', { hasText: 'questionnaire version 0.9.0' })).toBeVisible();
  await expect(root.locator('.ct-notice-warning', { hasText: 'results format version 1' })).toBeVisible();
  await expect(root.locator('input[role=switch]')).toBeChecked();
  await root.locator('.ct-nav-link', { hasText: 'Governance' }).click();
  await expect(root.locator('#question-GOV-01 input[value="3"]')).toBeChecked();
});

test('a file that cannot be read: a message, the answers stay', async ({ page }) => {
  const { root } = await answered(page, () => {
    Blob.prototype.arrayBuffer = () => Promise.reject(new DOMException('The file could not be read.', 'NotReadableError'));
  });
  await root.locator('[data-testid=import-input]').setInputFiles('tests/bad-inputs/37-utf8-with-bom.json');
  await expect(root.locator('.ct-notice-error[role=alert]')).toContainText('could not be read');
  await stillAnswered(root);
});

test('a blocked download: a message, the answers stay', async ({ page }) => {
  const { root } = await answered(page, () => {
    URL.createObjectURL = () => { throw new DOMException('Downloads are blocked.', 'SecurityError'); };
  });
  await root.getByRole('button', { name: 'Download results' }).click();
  await expect(root.locator('.ct-notice-error[role=alert]')).toContainText('download was blocked');
  await stillAnswered(root);
});

// A representative subset of tests/bad-inputs/, each refused in the widget with its message.
const expected = Object.fromEntries(
  readFileSync('tests/bad-inputs/expected.toml', 'utf8')
    .split(/\n(?=\[")/)
    .map((block) => [block.match(/\["([^"]+)"\]/)?.[1], block.match(/^error = (".*")$/m)?.[1]])
    .filter(([name, error]) => name && error)
    .map(([name, error]) => [name, JSON.parse(error)]),
);

for (const name of ['01-empty.json', '04-truncated.json', '05-top-level-array.json', '09-future-version.json', '17-level-5.json', '19-level-2-5.json', '22-duplicate-answer.json', '30-utf16le-with-bom.json', '33-nested-10000-deep.json', '34-binary.json']) {
  test(`importing ${name} is refused with its message and keeps the answers`, async ({ page }) => {
    const { root } = await answered(page);
    await root.locator('[data-testid=import-input]').setInputFiles(`tests/bad-inputs/${name}`);
    const alert = root.locator('.ct-notice-error[role=alert]');
    await expect(alert).toContainText(expected[name]);
    await expect(alert).toContainText('Your current answers are unchanged');
    await stillAnswered(root);
  });
}

test('a 20 MB file is refused at once and keeps the answers', async ({ page }) => {
  const { root } = await answered(page);
  const buffer = Buffer.alloc(20 * 1024 * 1024, 'x');
  await root.locator('[data-testid=import-input]').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer });
  await expect(root.locator('.ct-notice-error[role=alert]')).toContainText('a results file is at most 1 MB');
  await stillAnswered(root);
});

test('HTML and script in a note are shown as text, never run', async ({ page }) => {
  const { root } = await answered(page);
  await page.evaluate(() => { window.alert = () => { window.__alerted = true; }; });
  await root.locator('[data-testid=import-input]').setInputFiles('tests/bad-inputs/38-html-and-script-in-note.json');
  await expect(root.locator('.ct-notice-success')).toBeVisible();
  await root.locator('.ct-nav-link', { hasText: 'Governance' }).click();
  const note = root.locator('#question-GOV-01 textarea');
  await expect(note).toHaveValue("<script>alert('x')</script><img src=x onerror=alert(1)> <b>bold</b>");
  expect(await root.locator('#question-GOV-01 img, #question-GOV-01 script, #question-GOV-01 b').count()).toBe(0);
  expect(await page.evaluate(() => window.__alerted || false)).toBe(false);
});

test('a results file dropped on the widget opens', async ({ page }) => {
  const { root } = await answered(page);
  const text = readFileSync('tests/bad-inputs/37-utf8-with-bom.json');
  await page.evaluate(async ([bytes]) => {
    const target = document.querySelector('[data-cloudtriage]').shadowRoot.querySelector('.ct');
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], 'results.json', { type: 'application/json' }));
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [[...text]]);
  await expect(root.locator('.ct-notice-success')).toContainText('3 answers restored');
});
