// Writes <file>.br (brotli, quality 11) and <file>.gz (gzip, level 9) beside
// every text and WebAssembly file of a built widget folder, so that a server
// can send them as they are (nginx brotli_static/gzip_static, Apache
// MultiViews or rewrite rules, IIS static compression: docs/EMBEDDING.md)
// instead of compressing on every request, or not at all. The integrity
// digests stay those of the uncompressed files: the browser checks what it
// has decoded. Usage: node scripts/precompress.mjs <folder>
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|svg|txt|md)$/;

/** Every file under `dir` worth compressing, as paths. */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return COMPRESSIBLE.test(name) ? [path] : [];
  });
}

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node scripts/precompress.mjs <folder>');
  process.exit(2);
}
let count = 0;
for (const path of files(folder)) {
  const data = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }));
  writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
  count++;
}
console.log(`precompress: ${count} files in ${folder}, each with .br and .gz beside it`);
