// The build writes <file>.br and <file>.gz beside each of the widget's files
// (scripts/precompress.mjs) for servers that send them as they are
// (docs/EMBEDDING.md). Each must decode to exactly the file it stands for, or
// a server would send bytes that fail their integrity check.
import { test, expect } from './fixtures.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { widgetFiles, pageStylesheet } from './helpers.mjs';

test('every file the page and the widget load has a .br and a .gz copy of exactly its bytes, each smaller', async () => {
  const files = ['index.html', pageStylesheet(), ...widgetFiles()];
  expect(files.length).toBeGreaterThan(6);
  for (const file of files) {
    const original = readFileSync(join('dist', file));
    const br = readFileSync(join('dist', `${file}.br`));
    const gz = readFileSync(join('dist', `${file}.gz`));
    expect(brotliDecompressSync(br).equals(original), `${file}.br`).toBe(true);
    expect(gunzipSync(gz).equals(original), `${file}.gz`).toBe(true);
    expect(br.length, `${file}.br`).toBeLessThan(original.length);
    expect(gz.length, `${file}.gz`).toBeLessThan(original.length);
  }
});
