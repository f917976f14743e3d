import assert from 'node:assert/strict';
import { assembleFile, holeNameOf, reindent } from '../../../../src/core/atomize/assemble';

describe('atomize/assemble', () => {
  it('re-indents code to the hole: common margin removed, blank edges and fences dropped, inner blank lines kept empty', () => {
    const code = '```ts\n\n    if (x) {\n      return 1;\n    }\n\n    return 2;   \n\n```';
    assert.deepEqual(reindent(code, '  '), ['  if (x) {', '    return 1;', '  }', '', '  return 2;']);
    assert.deepEqual(reindent('a\r\n  b', '\t'), ['\ta', '\t  b']);
    assert.deepEqual(reindent('\n \n', '  '), []);
  });

  it('replaces each filled hole line and records where its code landed, lines shifting after multi-line atoms', () => {
    const skeleton = ['class A {', '  f(): number {', '    // @atom A.f: three lines', '  }', '  g(): void {', '    // @atom A.g: one line', '  }', '}', '// @atom tail: left open', ''].join('\n');
    const out = assembleFile(skeleton, new Map([['A.f', 'const a = 1;\nconst b = 2;\nreturn a + b;'], ['A.g', 'return;']]));
    assert.equal(out.text, ['class A {', '  f(): number {', '    const a = 1;', '    const b = 2;', '    return a + b;', '  }', '  g(): void {', '    return;', '  }', '}', '// @atom tail: left open', ''].join('\n'));
    assert.deepEqual(out.ranges, [
      { unit: 'A.f', startLine: 3, endLine: 5, placeholder: '    // @atom A.f: three lines' },
      { unit: 'A.g', startLine: 8, endLine: 8, placeholder: '    // @atom A.g: one line' },
    ]);
    assert.deepEqual(out.openHoles, ['tail']);
  });

  it('fills a Python hole line (`...  # @atom`) at its indentation; empty code leaves the hole open', () => {
    const skeleton = 'def f(xs):\n    """Doc."""\n    ...  # @atom f: sums xs\n\n# @atom main: prints\n';
    const out = assembleFile(skeleton, new Map([['f', 'total = 0\nfor x in xs:\n    total += x\nreturn total'], ['main', '  \n']]));
    assert.equal(out.text, 'def f(xs):\n    """Doc."""\n    total = 0\n    for x in xs:\n        total += x\n    return total\n\n# @atom main: prints\n');
    assert.deepEqual(out.openHoles, ['main']);
    assert.equal(holeNameOf('    ...  # @atom f: sums xs'), 'f');
  });
});
