// The procurement pack from the widget: a planning-stage EHR SaaS results file
// with weak supplier answers is imported, the pack is exported as Markdown and
// as DOCX through the on-demand export module, and the downloads carry the
// must-clauses for the weak answers and the covered clauses for the strong ones
// (the DOCX opened with python-docx, an independent reader).
import { test, expect } from './fixtures.mjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { widget, ready, exportAs } from './helpers.mjs';

const FIXTURE = 'tests/fixtures/procurement-ehr-saas-planning.json';
const PYTHON = process.env.DEBIAN_PYTHON || '/usr/bin/python3';

test('the procurement pack is exported as Markdown and DOCX with must and covered clauses', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?lang=de');
  await ready(page);
  const root = widget(page);
  await root.locator('[data-testid=import-input]').first().setInputFiles(FIXTURE);
  await expect(root.locator('.ct-notice-success')).toBeVisible();
  await root.locator('.ct-nav-item:last-child .ct-nav-link').click();

  const dir = mkdtempSync(join(tmpdir(), 'ct-procurement-'));
  const md = await exportAs(page, root, 'procurement-md');
  expect(md.suggestedFilename()).toMatch(/^beschaffungspaket-\d{4}-\d{2}-\d{2}\.md$/);
  await md.saveAs(join(dir, 'pack.md'));
  const text = readFileSync(join(dir, 'pack.md'), 'utf8');
  expect(text.startsWith('# Beschaffungspaket\n')).toBe(true);
  expect(text).toContain('**SUP-02 (Muss):** Der Anbieter muss vor jeder Verarbeitung einen Auftragsverarbeitungsvertrag unterzeichnen');
  expect(text).toMatch(/\| Informationen und Überprüfungen: [^\n]*\| SUP-05 \| Abgedeckt \|/);
  expect(text).toMatch(/\| Dokumentierte Weisungen: [^\n]*\| SUP-02 \| Fehlt \|/);

  const docx = await exportAs(page, root, 'procurement-docx');
  expect(docx.suggestedFilename()).toMatch(/^beschaffungspaket-\d{4}-\d{2}-\d{2}\.docx$/);
  await docx.saveAs(join(dir, 'pack.docx'));
  const read = execFileSync(PYTHON, ['-c', `
import sys, docx
d = docx.Document(sys.argv[1])
print("\\n".join(p.text for p in d.paragraphs))
for t in d.tables:
    for r in t.rows:
        print(" | ".join(c.text for c in r.cells))
`, join(dir, 'pack.docx')], { encoding: 'utf8' });
  expect(read).toContain('EXT-02 (Muss): Am Ende des Dienstes muss der Anbieter');
  expect(read).toMatch(/Wechsel auf Verlangen: [^\n]* \| EXT-01, EXT-04 \| Abgedeckt/);
  // The shared guard (fixtures.mjs) fails the test on any request outside the widget's folder, CSP violation or error.
});
