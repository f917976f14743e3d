import assert from 'node:assert/strict';
import type { LspDiagnostic } from '../../../../src/core/lsp/protocol';
import { attributeErrors, baselineOf, errorsOnly } from '../../../../src/core/validate/typeDiagnostics';

function diag(line: number, message: string, severity: LspDiagnostic['severity'] = 1, code = '2322'): LspDiagnostic {
  return { range: { start: { line: line - 1, character: 2 }, end: { line: line - 1, character: 8 } }, severity, message, code, source: 'ts' };
}

describe('type diagnostics attribution', () => {
  it('keeps errors only', () => {
    assert.deepEqual(errorsOnly([diag(1, 'e'), diag(2, 'w', 2), diag(3, 'h', 4)]).map((d) => d.message), ['e']);
  });

  it('gives the atom the errors on its lines, one line per message, 1-based positions', () => {
    const messages = attributeErrors([diag(4, 'Type A is not\n  assignable to B'), diag(9, 'elsewhere')], 3, 5, null);
    assert.deepEqual(messages, [{ message: 'Type A is not assignable to B [ts 2322]', line: 4, column: 3 }]);
  });

  it('gives the atom only the errors outside its lines that the baseline does not account for', () => {
    const baseline = baselineOf([diag(20, 'old hole error'), diag(30, 'twice'), diag(31, 'twice')]);
    const errors = [diag(25, 'old hole error'), diag(40, 'twice'), diag(41, 'twice'), diag(42, 'twice'), diag(50, 'caller broke', 1, '2345')];
    const messages = attributeErrors(errors, 3, 5, baseline).map((m) => `${m.line} ${m.message}`);
    assert.deepEqual(messages, [
      "42 twice [ts 2322] (outside the atom's lines 3-5, new with this atom)",
      "50 caller broke [ts 2345] (outside the atom's lines 3-5, new with this atom)",
    ]);
  });
});
