// Lighthouse on both pages of the bench (cloudtriage's standalone page and the
// SurveyJS page bench/surveyjs-page.mjs builds), served with compression as a
// real server would (brotli or gzip, whichever the browser accepts), with
// Lighthouse's default mobile profile (simulated slow 4G, 4x slower CPU) and
// Debian's Chromium. Prints the four category scores and FCP, LCP, TBT and
// time to interactive for each; with --write, records them in docs/PERFORMANCE.md.
// Run by `make bench` (bench/run.sh), which builds both pages first.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { serve } from './serve.mjs';

// The flags of the tests (docs: TOOLCHAIN), headless.
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const PAGES = { cloudtriage: '/ct/', surveyjs: '/surveyjs/' };
const CATEGORIES = [['performance', 'Performance'], ['accessibility', 'Accessibility'], ['best-practices', 'Best practices'], ['seo', 'SEO']];
const METRICS = [
  ['first-contentful-paint', 'First contentful paint'],
  ['largest-contentful-paint', 'Largest contentful paint'],
  ['total-blocking-time', 'Total blocking time'],
  ['interactive', 'Time to interactive'],
  ['cumulative-layout-shift', 'Cumulative layout shift'],
];

/** One Lighthouse run (its own process, so that this one keeps serving meanwhile). */
async function lighthouse(url, out) {
  await promisify(execFile)('node_modules/.bin/lighthouse', [
    url, '--output=json', `--output-path=${out}`, '--quiet', `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
  ], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, timeout: 300_000 });
  return JSON.parse(readFileSync(out, 'utf8'));
}

// Compressed as a real server would: brotli or gzip, whichever the browser accepts.
const server = await serve({ '/ct/': 'dist', '/surveyjs/': 'bench/out/surveyjs' }, { encodings: ['br', 'gzip'] });
const base = server.base;
const scratch = mkdtempSync(join(tmpdir(), 'ct-lighthouse-'));
const reports = {};
try {
  for (const [name, path] of Object.entries(PAGES)) reports[name] = await lighthouse(`${base}${path}`, join(scratch, `${name}.json`));
} finally {
  server.close();
  if (!process.env.BENCH_KEEP_LIGHTHOUSE) rmSync(scratch, { recursive: true, force: true });
  else console.log(`reports kept in ${scratch}`);
}

const c = reports.cloudtriage;
const s = reports.surveyjs;
const score = (r, id) => String(Math.round(r.categories[id].score * 100));
const value = (r, id) => (id === 'cumulative-layout-shift' ? r.audits[id].numericValue.toFixed(3) : `${(r.audits[id].numericValue / 1000).toFixed(2)} s`);
const ratio = (id) => (s.audits[id].numericValue ? `${(c.audits[id].numericValue / s.audits[id].numericValue).toFixed(2)}×` : '–');
const rows = [
  ...CATEGORIES.map(([id, label]) => [label, score(c, id), score(s, id), '', '100']),
  ...METRICS.map(([id, label]) => [label, value(c, id), value(s, id), ratio(id), id === 'largest-contentful-paint' ? '≤ 1.5 s and ≤ 0.5×' : id === 'interactive' ? '≤ 0.5×' : '']),
];
const table = [
  `Lighthouse ${c.lighthouseVersion}, default mobile profile (simulated slow 4G, CPU 4x slower), both pages served with brotli; Chromium ${c.environment.hostUserAgent.match(/Chrome\/([\d.]+)/)?.[1] || '?'} headless; ${new Date().toISOString().slice(0, 10)}.`,
  '',
  '| measure | cloudtriage | SurveyJS | ratio | target |',
  '| --- | ---: | ---: | ---: | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');

console.log(`\n${table}\n`);
if (process.argv.includes('--write')) {
  const doc = readFileSync('docs/PERFORMANCE.md', 'utf8');
  const block = `<!-- lighthouse:start -->\n${table}\n<!-- lighthouse:end -->`;
  if (!doc.includes('<!-- lighthouse:start -->')) throw new Error('docs/PERFORMANCE.md has no <!-- lighthouse:start --> block');
  writeFileSync('docs/PERFORMANCE.md', doc.replace(/<!-- lighthouse:start -->[\s\S]*<!-- lighthouse:end -->/, block));
  console.log('recorded in docs/PERFORMANCE.md');
}
