import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseExampleMeta, shippedExamplesDir } from '../../../../src/core/rag/examples';
import { createStructuralValidators } from '../../../../src/core/validate/structuralValidators';
import { validateAtom } from '../../../../src/core/validate/validateAtom';
import { noAbort, sharedParser } from './helpers';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? filesUnder(abs) : [abs];
  });
}

describe('curated examples', () => {
  const dir = shippedExamplesDir();
  const files = dir ? filesUnder(dir).filter((f) => /\.(ts|js|py)$/.test(f)) : [];

  it('are found from source and number at least 150', () => {
    assert.ok(dir, 'examples/README.md not found');
    assert.ok(files.length >= 150, `${files.length} examples`);
  });

  it('each has a title, tags and a stack in its header', () => {
    const missing = files.filter((f) => {
      const meta = parseExampleMeta(readFileSync(f, 'utf8'));
      return !meta || meta.tags.length === 0 || meta.stack === '';
    });
    assert.deepEqual(missing.map((f) => relative(dir ?? '', f)), []);
  });

  it("each passes the project's own syntax and semantics validators", async function () {
    this.timeout(120_000);
    const parser = sharedParser();
    const levels = createStructuralValidators(parser);
    const syntaxAndSemantics = levels.validators.filter((v) => v.level === 'syntax' || v.level === 'semantics');
    const failures: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const rel = relative(dir ?? '', file);
      const report = await validateAtom(syntaxAndSemantics, {
        atomId: rel, relPath: rel, language: parser.languageForPath(file) ?? null, fileText: text,
        startLine: 1, endLine: text.split('\n').length, declaredSignature: null, maxLines: 10_000, injectedSymbols: [],
      }, noAbort);
      const skippedLevels = report.results.filter((r) => r.status === 'skipped').map((r) => r.level);
      if (!report.passed || skippedLevels.length > 0) {
        const first = report.firstFailure?.messages[0];
        failures.push(`${rel}: ${report.firstFailure?.level ?? `skipped ${skippedLevels.join(',')}`} ${first ? `line ${first.line}: ${first.message}` : ''}`);
      }
    }
    levels.dispose();
    assert.deepEqual(failures, []);
  });
});
