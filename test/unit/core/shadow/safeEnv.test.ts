import assert from 'node:assert/strict';
import { safeEnv } from '../../../../src/core/shadow/safeEnv';

describe('safeEnv', () => {
  it('keeps the toolchain basics and drops keys, tokens and anything not whitelisted', () => {
    const env = safeEnv({
      PATH: '/usr/bin', HOME: '/home/u', LANG: 'C.UTF-8', LC_ALL: 'C', TMPDIR: '/tmp', NODE_ENV: 'test',
      ANTHROPIC_API_KEY: 'sk-ant-secret', ANTHROPIC_BASE_URL: 'http://gw', MGE_API_KEY: 'k', MGE_MODEL: 'm',
      GITHUB_TOKEN: 'ghp', AWS_SECRET_ACCESS_KEY: 'aws', NPM_TOKEN: 'npm', NODE_OPTIONS: '--require evil.js', RANDOM_VAR: 'x',
    }, { PYTHONDONTWRITEBYTECODE: '1' });
    assert.deepEqual(env, { PATH: '/usr/bin', HOME: '/home/u', LANG: 'C.UTF-8', LC_ALL: 'C', TMPDIR: '/tmp', NODE_ENV: 'test', PYTHONDONTWRITEBYTECODE: '1' });
  });
});
