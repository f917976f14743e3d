import assert from 'node:assert/strict';
import { resolveSettings, DEFAULT_ATOM_MODEL, DEFAULT_MODEL, type SettingKey } from '../../../src/shared/settings';

function resolve(values: Partial<Record<SettingKey, unknown>>) {
  return resolveSettings((key) => values[key]);
}

describe('shared/settings', () => {
  it('gives the documented defaults when nothing is set', () => {
    const { settings, warnings } = resolve({});
    assert.deepEqual(settings, {
      v2Enabled: true, maxConcurrency: 100, maxRetries: 4, enableCaching: true, enableRag: true, atomMaxLines: 10,
      model: DEFAULT_MODEL, atomModel: DEFAULT_ATOM_MODEL, baseUrl: '', maxCostUsd: null,
      reviewPlanBeforeExecution: true, runtimeValidation: true,
    });
    assert.deepEqual(warnings, []);
  });

  it('clamps out-of-range numbers with a warning naming the setting and the bounds', () => {
    const { settings, warnings } = resolve({ 'v2.maxConcurrency': 9000, 'v2.maxRetries': 0 });
    assert.equal(settings.maxConcurrency, 500);
    assert.equal(settings.maxRetries, 1);
    assert.equal(warnings.length, 2);
    assert.match(warnings[0], /mge\.v2\.maxConcurrency = 9000 is outside 1\.\.500; using 500/);
    assert.match(warnings[1], /mge\.v2\.maxRetries = 0 is outside 1\.\.10; using 1/);
  });

  it('rounds fractional counts and replaces values of the wrong type with the default', () => {
    const { settings, warnings } = resolve({ 'v2.maxConcurrency': 12.6, 'v2.enabled': 'yes', 'v2.maxRetries': 'many' });
    assert.equal(settings.maxConcurrency, 13);
    assert.equal(settings.v2Enabled, true);
    assert.equal(settings.maxRetries, 4);
    assert.equal(warnings.length, 3);
  });

  it('refuses a base URL that is not http(s) and keeps a good one', () => {
    assert.equal(resolve({ 'anthropic.baseUrl': 'ftp://x' }).settings.baseUrl, '');
    assert.equal(resolve({ 'anthropic.baseUrl': ' http://127.0.0.1:4000 ' }).settings.baseUrl, 'http://127.0.0.1:4000');
    assert.equal(resolve({ 'anthropic.baseUrl': 'not a url' }).warnings.length, 1);
  });

  it('takes a positive cost cap and refuses a negative or non-numeric one with a warning', () => {
    assert.equal(resolve({ maxCostUsd: 2.5 }).settings.maxCostUsd, 2.5);
    assert.equal(resolve({ maxCostUsd: null }).settings.maxCostUsd, null);
    const bad = resolve({ maxCostUsd: -1 });
    assert.equal(bad.settings.maxCostUsd, null);
    assert.match(bad.warnings[0], /mge\.maxCostUsd should be a positive number/);
  });

  it('falls back to the default model for an empty model name', () => {
    assert.equal(resolve({ model: '  ' }).settings.model, DEFAULT_MODEL);
    assert.equal(resolve({ model: 'claude-haiku-4-5' }).settings.model, 'claude-haiku-4-5');
  });
});
