import assert from 'node:assert/strict';
import { APIConnectionError, APIConnectionTimeoutError, APIError, AnthropicError } from '@anthropic-ai/sdk';
import { classifyFault, IncompleteStreamError } from '../../../../src/core/llm/classifyFault';
import { finalMessage, redact } from '../../../../src/core/llm/faultMessages';

function apiError(status: number | undefined, type: string, message: string, details?: object): APIError {
  const body = { type: 'error', error: { type, message, ...(details ? { details } : {}) } };
  return status === undefined ? new APIError(undefined, body, undefined, new Headers(), null) : APIError.generate(status, body, undefined, new Headers({ 'retry-after': '2' }));
}

describe('fault classification', () => {
  const cases: [string, unknown, string, boolean][] = [
    ['401', apiError(401, 'authentication_error', 'invalid x-api-key'), 'auth', false],
    ['403', apiError(403, 'permission_error', 'no access to model'), 'permission', false],
    ['400', apiError(400, 'invalid_request_error', 'bad'), 'bad-request', false],
    ['404 model', apiError(404, 'not_found_error', 'model: claude-x'), 'bad-request', false],
    ['400 credit balance', apiError(400, 'invalid_request_error', 'Your credit balance is too low to access the Anthropic API.'), 'spend-limit', false],
    ['429', apiError(429, 'rate_limit_error', "This request would exceed your account's rate limit."), 'rate-limit', true],
    ['429 spend code', apiError(429, 'rate_limit_error', 'limit', { error_code: 'enforced_spend_limit_reached' }), 'spend-limit', false],
    ['429 spend words', apiError(429, 'rate_limit_error', "This request would exceed your organization's monthly spend limit."), 'spend-limit', false],
    ['529', apiError(529, 'overloaded_error', 'Overloaded'), 'overloaded', true],
    ['500', apiError(500, 'api_error', 'Internal server error'), 'server', true],
    ['503', apiError(503, 'api_error', 'unavailable'), 'server', true],
    ['408', apiError(408, 'timeout_error', 'timeout'), 'network', true],
    ['stream error event overloaded', apiError(undefined, 'overloaded_error', 'Overloaded'), 'overloaded', true],
    ['stream error event api_error', apiError(undefined, 'api_error', 'boom'), 'server', true],
    ['connection', new APIConnectionError({ cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) }), 'network', true],
    ['timeout', new APIConnectionTimeoutError(), 'network', true],
    ['stream cut', new IncompleteStreamError('cut'), 'network', true],
    ['sdk stream error', new AnthropicError('Unexpected event order'), 'network', true],
    ['undici terminated', new TypeError('terminated'), 'network', true],
    ['our own bug', new RangeError('x is not a function'), 'network', false],
  ];
  for (const [name, err, code, retryable] of cases) {
    it(`${name} -> ${code}${retryable ? ' (retry)' : ''}`, () => {
      const fault = classifyFault(err);
      assert.equal(fault.code, code);
      assert.equal(fault.retryable, retryable);
    });
  }

  it('keeps the headers of an HTTP error for retry-after', () => {
    assert.equal(classifyFault(apiError(429, 'rate_limit_error', 'slow down')).headers?.get('retry-after'), '2');
  });

  it('words final messages plainly and never shows the key', () => {
    const key = 'sk-ant-api03-secretsecret';
    const fault = classifyFault(apiError(401, 'authentication_error', `invalid x-api-key ${key}`));
    const message = redact(finalMessage(fault, 1, 'api.anthropic.com'), key);
    assert.match(message, /^Anthropic rejected the API key \(HTTP 401\)/);
    assert.equal(message.includes(key), false);
    assert.equal(redact(`echo ${key} twice ${key}`, key), 'echo *** twice ***');
  });
});
