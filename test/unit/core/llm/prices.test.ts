import assert from 'node:assert/strict';
import { costOf, costWithoutCache, FALLBACK_MODEL, isKnownModel, priceFor } from '../../../../src/core/llm/prices';

const usage = (input: number, output: number, write = 0, read = 0) => ({ inputTokens: input, outputTokens: output, cacheWriteTokens: write, cacheReadTokens: read });
const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

describe('prices', () => {
  it('prices input, output, cache writes (1.25x) and reads from the table', () => {
    close(costOf('claude-sonnet-4-6', usage(1_000_000, 0)), 3);
    close(costOf('claude-sonnet-4-6', usage(0, 1_000_000)), 15);
    close(costOf('claude-sonnet-4-6', usage(0, 0, 1_000_000)), 3.75);
    close(costOf('claude-sonnet-4-6', usage(0, 0, 0, 1_000_000)), 0.3);
    close(costOf('claude-haiku-4-5', usage(1_000_000, 1_000_000)), 6);
    close(costOf('claude-opus-4-5', usage(1_000_000, 1_000_000)), 30);
  });

  it('knows the models whose cache reads are not 0.1x input', () => {
    close(priceFor('claude-fable-5-1').price.cacheReadPerMTok, 0.25);
    close(priceFor('claude-sonnet-5-5').price.cacheReadPerMTok, 0.1);
    close(priceFor('claude-opus-5-5').price.cacheReadPerMTok, 0.2);
  });

  it('matches dated, cloud-prefixed and suffixed ids to the right row, longest id first', () => {
    assert.equal(priceFor('claude-sonnet-4-5-20250929').pricedAs, 'claude-sonnet-4-5');
    assert.equal(priceFor('anthropic.claude-opus-4-1-20250805-v1:0').pricedAs, 'claude-opus-4-1');
    assert.equal(priceFor('claude-opus-4-20250514').pricedAs, 'claude-opus-4');
    assert.equal(priceFor('claude-sonnet-5-5').pricedAs, 'claude-sonnet-5-5');
    assert.equal(priceFor('claude-haiku-5-5[1m]').pricedAs, 'claude-haiku-5-5');
  });

  it('uses the long-prompt tier of Haiku 5.5 above 100,000 prompt tokens', () => {
    close(costOf('claude-haiku-5-5', usage(100_000, 1_000)), (100_000 * 0.1 + 1_000 * 0.5) / 1e6);
    close(costOf('claude-haiku-5-5', usage(60_000, 1_000, 0, 50_000)), (60_000 * 0.5 + 1_000 * 2.5 + 50_000 * 0.05) / 1e6);
  });

  it('prices an unknown model like Sonnet and flags it', () => {
    const lookup = priceFor('my-local-model');
    assert.equal(lookup.known, false);
    assert.equal(lookup.pricedAs, FALLBACK_MODEL);
    assert.equal(isKnownModel('my-local-model'), false);
    assert.equal(isKnownModel('claude-opus-4-8'), true);
    close(costOf('my-local-model', usage(1_000_000, 0)), 3);
  });

  it('says what the tokens would have cost without prompt caching', () => {
    const u = usage(1_000, 500, 0, 100_000);
    close(costWithoutCache('claude-sonnet-4-6', u), (101_000 * 3 + 500 * 15) / 1e6);
    assert.ok(costWithoutCache('claude-sonnet-4-6', u) > costOf('claude-sonnet-4-6', u));
    const writesOnly = usage(0, 0, 10_000, 0);
    assert.ok(costWithoutCache('claude-sonnet-4-6', writesOnly) < costOf('claude-sonnet-4-6', writesOnly), 'a write alone costs more than no cache');
  });
});
