import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FirstClassLanguage } from '../../../../src/core/parse/languages';
import { analyzeScopes, analyzeScopesForLines } from '../../../../src/core/parse/symbols';
import { noAbort, testParser } from './parseHelper';

// Real-world-shaped files exercising most constructs (kept as .txt so no tool compiles or lints them).
const SAMPLES: readonly [FirstClassLanguage, string][] = [
  ['typescript', 'sample.ts.txt'], ['tsx', 'sample.tsx.txt'], ['javascript', 'sample.js.txt'], ['python', 'sample.py.txt'],
];

describe('scope analysis focused on a line range', () => {
  for (const [language, file] of SAMPLES) {
    it(`gives the same answers as the whole-file analysis for every window of ${file}`, async () => {
      const text = readFileSync(join(__dirname, 'fixtures', 'scopes', file), 'utf8');
      const lineCount = text.split('\n').length;
      await testParser().withTree(text, language, noAbort, (tree) => {
        const whole = analyzeScopes(tree, language);
        for (let start = 1; start <= lineCount; start++) {
          for (const size of [1, 4, 12]) {
            const end = Math.min(lineCount, start + size - 1);
            const focused = analyzeScopesForLines(tree, language, start, end);
            assert.deepEqual(focused.usesInLines(start, end), whole.usesInLines(start, end), `${file} lines ${start}-${end}`);
          }
        }
      });
    });
  }

});
