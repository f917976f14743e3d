import assert from 'node:assert/strict';
import { formatCount, formatMs, formatPercent, formatUsd, secondsLeft } from '../../../webview-ui/src/format';

describe('webview-ui/format', () => {
  it('formats durations, never "1 min 60 s"', () => {
    assert.equal(formatMs(450), '450 ms');
    assert.equal(formatMs(1234), '1.2 s');
    assert.equal(formatMs(65_000), '1 min 5 s');
    assert.equal(formatMs(119_600), '2 min 0 s');
  });

  it('formats money, ratios, counts and countdowns', () => {
    assert.equal(formatUsd(0.01234), '$0.0123');
    assert.equal(formatUsd(12.3), '$12.30');
    assert.equal(formatPercent(0.875), '88 %');
    assert.equal(formatPercent(0.054), '5.4 %');
    assert.equal(formatPercent(0), '0 %');
    assert.equal(formatCount(1234567), '1,234,567');
    assert.equal(secondsLeft(5500, 1000), 5);
    assert.equal(secondsLeft(1000, 5000), 0);
  });
});
