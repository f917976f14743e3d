/**
 * Test files and the roles of their atoms. Level 5 runs a test file's tests, so the graph makes a
 * test's atom wait for what its run needs: the file's helpers and setup hooks, and every atom of
 * the run files it imports (the code under test complete, not half of it).
 */
import type { AtomSpec } from './types';

const TEST_FILE = /(^|\/)(test_[^/]*\.py|[^/]*_test\.py|[^/]*\.(test|spec)\.[cm]?[jt]sx?)$/;
const TEARDOWN = /^(?:tearDown|tearDownClass|asyncTearDown|doCleanups|after|afterEach|afterAll)$/;
const JS_HOOK = /^(?:before|beforeEach|beforeAll|after|afterEach|afterAll|setup|setUp)$/i;

export type TestRole = 'case' | 'support' | 'teardown';

/** Whether a workspace-relative path names a test file by the usual conventions. */
export function isTestFile(relPath: string): boolean {
  return TEST_FILE.test(relPath);
}

/**
 * What an atom of a test file is to a run of its tests: a test case (runs), support (a helper,
 * fixture or setup hook the cases need), or teardown (runs after: an empty one changes nothing).
 * Python cases are `test*` functions and methods; JS/TS cases are the file's top-level statement
 * holes (`test(...)`/`it(...)` calls) that are not hooks.
 */
export function testRole(atom: Pick<AtomSpec, 'unit' | 'kind' | 'language'>): TestRole {
  const name = atom.unit.slice(atom.unit.lastIndexOf('.') + 1);
  if (TEARDOWN.test(name)) return 'teardown';
  if (atom.language === 'python') return /^test/.test(name) ? 'case' : 'support';
  return atom.kind === 'top-level' && !JS_HOOK.test(name) ? 'case' : 'support';
}
