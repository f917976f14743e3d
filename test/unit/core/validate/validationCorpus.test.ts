import assert from 'node:assert/strict';
import { loadCorpus, mismatches, runCorpus, scoreLevels, type CorpusOutcome } from '../../../support/validationCorpus';

describe('validation corpus: precision and recall of the five levels', function () {
  this.timeout(300_000);
  const files = loadCorpus();
  let outcomes: CorpusOutcome[] = [];

  before(async () => {
    outcomes = await runCorpus(files, new AbortController().signal);
  });

  it('has at least 150 labeled files across TypeScript, JavaScript and Python, good and bad at every level', () => {
    assert.ok(files.length >= 150, `${files.length} files`);
    for (const language of ['typescript', 'javascript', 'python'] as const) {
      for (const label of ['pass', 'syntax', 'semantics', 'atomicity', 'types', 'runtime'] as const) {
        assert.ok(files.filter((f) => f.language === language && f.label === label).length >= 5, `${language} ${label}`);
      }
    }
  });

  it('every level has >= 95% precision and >= 90% recall', () => {
    const report = mismatches(outcomes).join('\n');
    for (const score of scoreLevels(outcomes)) {
      assert.ok(score.precision >= 0.95, `${score.level} precision ${score.precision.toFixed(3)}\n${report}`);
      assert.ok(score.recall >= 0.9, `${score.level} recall ${score.recall.toFixed(3)}\n${report}`);
    }
  });

  it('no level was skipped for a first-class file (a skip would hide a server or runtime problem)', () => {
    const skipped = outcomes.flatMap((o) => Object.values(o.result.levels)
      .filter((r) => r.status === 'skipped' && r.reason !== 'an earlier level failed')
      .map((r) => `${o.file.path}: ${r.level} ${r.reason ?? ''}`));
    assert.deepEqual(skipped, []);
  });
});
