import assert from 'node:assert/strict';
import { ALL_LANGUAGES, isFirstClass, isLanguageId, languageForPath, type LanguageId } from '../../../../src/core/parse/languages';
import { createMultiLanguageParser } from '../../../../src/core/parse/multiLanguageParser';
import { locateWasm } from '../../../../src/core/parse/wasmLocation';
import { noAbort, testParser } from './parseHelper';

/** A small valid program per grammar, so every shipped grammar is loaded and exercised once. */
const SAMPLES: Readonly<Record<LanguageId, string>> = {
  typescript: 'export function add(a: number, b: number): number { return a + b; }\n',
  tsx: 'export const App = ({ name }: { name: string }) => <div className="x">{name}</div>;\n',
  javascript: 'const x = require("x");\nmodule.exports = { x };\n',
  python: 'def add(a, b):\n    return a + b\n',
  go: 'package main\n\nfunc main() {\n\tprintln("hi")\n}\n',
  rust: 'fn main() {\n    let x = 1;\n    println!("{}", x);\n}\n',
  java: 'class A {\n  int f(int x) { return x + 1; }\n}\n',
  csharp: 'class A {\n  int F(int x) { return x + 1; }\n}\n',
  cpp: 'int main() {\n  int x = 1;\n  return x;\n}\n',
  css: 'body { color: red; }\n',
  bash: 'for f in *.txt; do\n  echo "$f"\ndone\n',
  php: '<?php\nfunction f($x) { return $x + 1; }\n',
  ruby: 'def f(x)\n  x + 1\nend\n',
  ini: '[section]\nkey = value\n',
  powershell: '$x = 1\nWrite-Output $x\nfunction Get-Y {\n  param([int]$a)\n  return $a + 1\n}\n',
  regex: '^a+(b|c)*$',
};

describe('MultiLanguageParser', () => {
  it('maps file extensions to languages', () => {
    assert.equal(languageForPath('src/a.ts'), 'typescript');
    assert.equal(languageForPath('src/a.d.ts'), 'typescript');
    assert.equal(languageForPath('web/App.tsx'), 'tsx');
    assert.equal(languageForPath('lib/x.mjs'), 'javascript');
    assert.equal(languageForPath('lib/x.jsx'), 'javascript');
    assert.equal(languageForPath('pkg/mod.py'), 'python');
    assert.equal(languageForPath('C:\\work\\main.go'), 'go');
    assert.equal(languageForPath('x.RS'), 'rust');
    assert.equal(languageForPath('a/Rakefile'), 'ruby');
    assert.equal(languageForPath('README.md'), undefined);
    assert.equal(languageForPath('Makefile'), undefined);
    assert.ok(isLanguageId('csharp') && !isLanguageId('cobol'));
    assert.deepEqual(ALL_LANGUAGES.filter(isFirstClass), ['typescript', 'tsx', 'javascript', 'python']);
  });

  it('finds the wasm files in node_modules when run from source', () => {
    const location = testParser().location;
    assert.match(location.runtimeWasm, /node_modules[\\/]web-tree-sitter[\\/]web-tree-sitter\.wasm$/);
    assert.match(location.grammarDir, /node_modules[\\/]@vscode[\\/]tree-sitter-wasm[\\/]wasm$/);
  });

  it('says where it looked when an explicit wasm folder has no wasm files', () => {
    assert.throws(() => locateWasm('/nonexistent/wasm'), /not found in \/nonexistent\/wasm/);
    assert.throws(() => createMultiLanguageParser({ wasmDir: '/nonexistent/wasm' }), /tree-sitter wasm files not found/);
  });

  for (const language of ALL_LANGUAGES) {
    it(`parses ${language} without errors`, async () => {
      const clean = await testParser().withTree(SAMPLES[language], language, noAbort, (tree) => !tree.rootNode.hasError);
      assert.ok(clean, `${language} sample parsed with errors`);
    });
  }

  it('reports errors in broken code of a non-first-class grammar', async () => {
    const broken = await testParser().withTree('fn main() { let x = ; }\n', 'rust', noAbort, (tree) => tree.rootNode.hasError);
    assert.equal(broken, true);
  });

  it('reuses one grammar load and keeps parsing after many trees', async () => {
    const parser = testParser();
    const first = await parser.load('typescript', noAbort);
    const second = await parser.load('typescript', noAbort);
    assert.equal(first, second);
    for (let i = 0; i < 200; i++) {
      const tree = await parser.parse(`const x${i} = ${i};`, 'typescript', noAbort);
      assert.equal(tree.rootNode.namedChildCount, 1);
      tree.delete();
    }
  });

  it('deletes the tree even when the callback throws', async () => {
    await assert.rejects(testParser().withTree('x = 1', 'python', noAbort, () => { throw new Error('boom'); }), /boom/);
  });

  it('rejects at once with an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(testParser().parse('x = 1', 'python', controller.signal), { name: 'AbortError' });
  });

  it('refuses to parse after dispose', async () => {
    const parser = createMultiLanguageParser();
    await parser.load('python', noAbort);
    parser.dispose();
    await assert.rejects(parser.parse('x = 1', 'python', noAbort), /after dispose/);
  });
});
