import assert from 'node:assert/strict';
import { parseSignature, signatureMismatch } from '../../../../src/core/validate/signatureMatch';

describe('signature matching', () => {
  it('reads names and parameter names from TS, JS and Python headers', () => {
    const cases: [string, string | null, string[] | null][] = [
      ['export async function add<T>(a: number, { b }: { b: number }, ...rest: number[]): Promise<number>', 'add', ['a', '{ b }', 'rest']],
      ['const handler = async (req: Request, res: Response): Promise<void> =>', 'handler', ['req', 'res']],
      ["@Get('/x') async find(id: string): Promise<User | undefined>", 'find', ['id']],
      ['constructor(private readonly db: Db, cb: (x: number) => void)', 'constructor', ['db', 'cb']],
      ['function compose(f: (a: A) => B, g: Map<string, (x: X) => Y>)', 'compose', ['f', 'g']],
      ['@property\ndef done(self) -> bool', 'done', ['self']],
      ['def add(a, b=1, *args, c: int = 2, **kwargs) -> int:', 'add', ['a', 'b', 'args', 'c', 'kwargs']],
      ['def f(a, /, b, *, c):', 'f', ['a', 'b', 'c']],
      ['class Task(Base)', 'Task', null],
      ['export class UserService extends Base<T>', 'UserService', null],
      ['export const PORT = 3000', 'PORT', null],
      ['MAX_ITEMS: int = 100', 'MAX_ITEMS', null],
      ['export interface User { id: string }', 'User', null],
    ];
    for (const [text, name, parameters] of cases) assert.deepEqual(parseSignature(text), { name, parameters }, text);
  });

  it('ignores whitespace, self/cls/this and types when comparing', () => {
    assert.equal(signatureMismatch('def m(self, x)', { name: 'm', parameters: ['x'] }), null);
    assert.equal(signatureMismatch('m(x: number)', { name: 'm', parameters: ['self', 'x'] }), null);
    assert.equal(signatureMismatch('function f(this: Window, { a,  b })', { name: 'f', parameters: ['{ a, b }'] }), null);
    assert.equal(signatureMismatch('const LIMIT: number', { name: 'LIMIT', parameters: null }), null);
  });

  it('names what differs', () => {
    assert.equal(signatureMismatch('function f(a, b)', { name: 'g', parameters: ['a', 'b'] }), 'declared as `f` but the atom defines `g`');
    assert.equal(signatureMismatch('function f(a, b)', { name: 'f', parameters: ['a'] }), '`f` should take 2 parameter(s) (a, b) but takes 1 (a)');
    assert.equal(signatureMismatch('function f(a, b)', { name: 'f', parameters: ['a', 'c'] }), 'parameter 2 of `f` should be `b`, not `c`');
  });
});
