import assert from 'node:assert/strict';
import type { FirstClassLanguage } from '../../../../src/core/parse/languages';
import { analyzeScopes, usedIdentifiers } from '../../../../src/core/parse/symbols';
import { withParsed } from './parseHelper';

/** "name@line:binding" for each use in the range, the compact form the assertions read. */
async function uses(language: FirstClassLanguage, lines: readonly string[], start = 1, end = lines.length): Promise<string[]> {
  return withParsed(language, lines, (tree) => usedIdentifiers(tree, language, start, end).map((u) => `${u.name}@${u.line}:${u.binding}${u.kind === 'type' ? ':type' : ''}`));
}

describe('usedIdentifiers: TypeScript', () => {
  it('separates locals, top-level names and free names, skipping declarations and property names', async () => {
    const lines = [
      "import { db } from './db';",
      'const LIMIT = 10;',
      'export function list(owner: string, { page = 1 }: Paging): Item[] {',
      '  const rows = db.query(owner).slice(0, LIMIT);',
      '  return rows.map((row) => ({ id: row.id, page, owner }));',
      '}',
    ];
    assert.deepEqual(await uses('typescript', lines, 3, 6), [
      'Paging@3:free:type', 'Item@3:free:type',
      'db@4:module', 'owner@4:local', 'LIMIT@4:module',
      'rows@5:local', 'row@5:local', 'page@5:local', 'owner@5:local',
    ]);
  });

  it('resolves type parameters, mapped and inferred types', async () => {
    const lines = [
      'type Values<T> = { [K in keyof T]: T[K] extends Promise<infer U> ? U : T[K] };',
      'function first<E>(items: readonly E[]): E | undefined { return items[0]; }',
    ];
    assert.deepEqual(await uses('typescript', lines), [
      'T@1:local:type', 'T@1:local:type', 'K@1:local:type', 'Promise@1:free:type', 'U@1:local:type', 'T@1:local:type', 'K@1:local:type',
      'E@2:local:type', 'E@2:local:type', 'items@2:local',
    ]);
  });

  it('treats destructuring assignments, shorthand properties and for-of heads correctly', async () => {
    const lines = [
      'let a = 0, b = 0;',
      '[a, b] = [b, a];',
      'for (const [k, v] of Object.entries(map)) use(k, v);',
      'for (x of xs) {}',
      'const o = { a, [b]: c };',
    ];
    assert.deepEqual(await uses('typescript', lines, 2, 5), [
      'a@2:module', 'b@2:module', 'b@2:module', 'a@2:module',
      'Object@3:free', 'map@3:free', 'use@3:free', 'k@3:local', 'v@3:local',
      'x@4:free', 'xs@4:free',
      'a@5:module', 'b@5:module', 'c@5:free',
    ]);
  });

  it('sees hoisted var, catch parameters, class names and named function expressions', async () => {
    const lines = [
      'function f() {',
      '  try { g(); } catch (err) { log(err, later); }',
      '  var later = 1;',
      '  const h = function inner() { return inner; };',
      '  const C = class Named { m() { return Named; } };',
      '}',
    ];
    assert.deepEqual(await uses('typescript', lines), [
      'g@2:free', 'log@2:free', 'err@2:local', 'later@2:local', 'inner@4:local', 'Named@5:local',
    ]);
  });

  it('does not leak a block-scoped const to a sibling block', async () => {
    const lines = ['if (a) { const x = 1; }', 'if (b) { use(x); }'];
    assert.deepEqual(await uses('typescript', lines, 2, 2), ['b@2:free', 'use@2:free', 'x@2:free']);
  });

  it('lets enum members use earlier members, and ignores tuple labels', async () => {
    const lines = ['const enum Flag { A = 1, B = A << 1, C = Missing }', 'type Pair = [name: string, age?: number, ...rest: Extra[]];'];
    assert.deepEqual(await uses('typescript', lines), ['A@1:local', 'Missing@1:free', 'Extra@2:free:type']);
  });

  it('skips re-exports and aliases but reads local exports', async () => {
    const lines = ["export { a } from './a';", 'const b = 1;', 'export { b as c };', 'export default b;'];
    assert.deepEqual(await uses('typescript', lines), ['b@3:module', 'b@4:module']);
  });
});

describe('usedIdentifiers: TSX and JavaScript', () => {
  it('reads component tags but not intrinsic elements or attribute names', async () => {
    const lines = [
      "import { List } from './list';",
      'export const App = ({ items }: Props) => (',
      '  <List.Root size={items.length}><div {...rest}>{items.map((i) => <Item key={i} />)}</div></List.Root>',
      ');',
    ];
    assert.deepEqual(await uses('tsx', lines, 2, 4), [
      'Props@2:free:type', 'List@3:module', 'items@3:local', 'rest@3:free', 'items@3:local', 'Item@3:free', 'i@3:local',
    ]);
  });

  it('handles CommonJS and default parameters in JavaScript', async () => {
    const lines = [
      "const path = require('path');",
      'function resolveAll(base = __dirname, ...parts) { return path.join(base, ...parts, arguments.length); }',
      'module.exports = { resolveAll };',
    ];
    assert.deepEqual(await uses('javascript', lines), [
      'require@1:free', '__dirname@2:free', 'path@2:module', 'base@2:local', 'parts@2:local', 'arguments@2:free',
      'module@3:free', 'resolveAll@3:module',
    ]);
  });
});

describe('usedIdentifiers: Python', () => {
  it('binds parameters, comprehension variables, with/except targets and the walrus', async () => {
    const lines = [
      'import os',
      'def scan(paths, *extra, limit=10, **opts):',
      '    found = [p for p in paths if os.path.exists(p)]',
      '    with open(found[0]) as fh, lock() as (a, b):',
      '        pass',
      '    try:',
      '        pass',
      '    except ValueError as err:',
      '        print(err, key=limit)',
      '    if (n := len(found)) > 1:',
      '        return n, extra, opts',
    ];
    assert.deepEqual(await uses('python', lines, 3, 11), [
      'p@3:local', 'paths@3:local', 'os@3:module', 'p@3:local',
      'open@4:free', 'found@4:local', 'lock@4:free',
      'ValueError@8:free', 'print@9:free', 'err@9:local', 'limit@9:local',
      'len@10:free', 'found@10:local', 'n@11:local', 'extra@11:local', 'opts@11:local',
    ]);
  });

  it('hides class attributes from method bodies but not from the class body', async () => {
    const lines = [
      'class Task:',
      '    LIMIT = 3',
      '    DOUBLE = LIMIT * 2',
      '    def check(self, n):',
      '        return n < LIMIT and self.LIMIT',
    ];
    assert.deepEqual(await uses('python', lines), ['LIMIT@3:local', 'n@5:local', 'LIMIT@5:free', 'self@5:local']);
  });

  it('handles global, nonlocal, lambdas, match captures and tuple targets', async () => {
    const lines = [
      'count = 0',
      'def bump():',
      '    global count',
      '    count += 1',
      '    first, *rest = items()',
      '    key = lambda x, d=1: x + d + first',
      '    match rest:',
      '        case [Point(x=0, y=yy), *others] if yy: return others',
      '        case Color.RED: return key',
    ];
    assert.deepEqual(await uses('python', lines, 3, 9), [
      'count@4:local', 'items@5:free', 'x@6:local', 'd@6:local', 'first@6:local',
      'rest@7:local', 'Point@8:free', 'yy@8:local', 'others@8:local', 'Color@9:free', 'key@9:local',
    ]);
  });

  it('knows about star imports', async () => {
    const starred = await withParsed('python', ['from models import *', 'x = Task()'], (tree) => analyzeScopes(tree, 'python').hasStarImport);
    assert.equal(starred, true);
  });
});
