import assert from 'node:assert/strict';
import type { FirstClassLanguage } from '../../../../src/core/parse/languages';
import { extractSymbols, type DeclaredSymbol, type FileSymbols } from '../../../../src/core/parse/symbols';
import { withParsed } from './parseHelper';

function symbolsOf(language: FirstClassLanguage, lines: readonly string[]): Promise<FileSymbols> {
  return withParsed(language, lines, (tree) => extractSymbols(tree, language));
}

function byName(symbols: FileSymbols, name: string): DeclaredSymbol {
  const found = symbols.declarations.find((d) => d.name === name);
  assert.ok(found, `no declaration named ${name}`);
  return found;
}

describe('extractSymbols: TypeScript', () => {
  const lines = [
    "import express, { Router as R, type Request } from 'express';", // 1
    "import * as fs from 'node:fs';",
    "import type { User } from './types';",
    "const { join, resolve: res } = require('path');",
    '/** Adds two numbers. */', // 5
    'export async function add(a: number, { b }: { b: number }, ...rest: number[]): Promise<number> {',
    '  return a + b;',
    '}',
    '// the port',
    'export const PORT = 3000;', // 10
    'const handler = async (req: Request, res: Response): Promise<void> => {',
    '  res.end();',
    '};',
    '/**',
    ' * A user service.', // 15
    ' */',
    'export class UserService extends Base {',
    '  private readonly users = new Map<string, User>();',
    '  /** Finds a user. */',
    "  @Get('/x')", // 20
    '  async find(id: string): Promise<User | undefined> {',
    '    return this.users.get(id);',
    '  }',
    '}',
    'export interface Page<T> {', // 25
    '  items: T[];',
    '}',
    'type Id = string;',
    'export enum Color { Red, Green }',
    'export function overloaded(a: string): void;', // 30
    'declare const VERSION: string;',
  ];

  it('lists top-level declarations with kinds, lines and export flags', async () => {
    const symbols = await symbolsOf('typescript', lines);
    const summary = symbols.declarations.map((d) => `${d.container ? d.container + '.' : ''}${d.name}:${d.kind}:${d.startLine}-${d.endLine}${d.exported ? ':exported' : ''}`);
    assert.deepEqual(summary, [
      'add:function:6-8:exported',
      'PORT:variable:10-10:exported',
      'handler:function:11-13',
      'UserService:class:17-24:exported',
      'UserService.users:property:18-18',
      'UserService.find:method:20-23',
      'Page:interface:25-27:exported',
      'Id:type:28-28',
      'Color:enum:29-29:exported',
      'overloaded:function:30-30:exported',
      'VERSION:variable:31-31',
    ]);
  });

  it('gives signatures without bodies, parameters and doc comments', async () => {
    const symbols = await symbolsOf('typescript', lines);
    const add = byName(symbols, 'add');
    assert.equal(add.signature, 'export async function add(a: number, { b }: { b: number }, ...rest: number[]): Promise<number>');
    assert.deepEqual(add.parameters, ['a', '{ b }', 'rest']);
    assert.equal(add.doc, 'Adds two numbers.');
    assert.equal(byName(symbols, 'PORT').signature, 'export const PORT = 3000');
    assert.equal(byName(symbols, 'PORT').doc, 'the port');
    assert.equal(byName(symbols, 'handler').signature, 'const handler = async (req: Request, res: Response): Promise<void> =>');
    assert.deepEqual(byName(symbols, 'handler').parameters, ['req', 'res']);
    assert.equal(byName(symbols, 'UserService').signature, 'export class UserService extends Base');
    assert.equal(byName(symbols, 'UserService').doc, 'A user service.');
    const find = byName(symbols, 'find');
    assert.equal(find.signature, "@Get('/x') async find(id: string): Promise<User | undefined>");
    assert.equal(find.doc, 'Finds a user.');
    assert.equal(byName(symbols, 'Page').signature, 'export interface Page<T> { items: T[]; }');
    assert.equal(byName(symbols, 'Id').signature, 'type Id = string');
    assert.equal(byName(symbols, 'VERSION').signature, 'declare const VERSION: string');
  });

  it('lists imports: named with aliases, default, namespace, type-only, require', async () => {
    const { imports } = await symbolsOf('typescript', lines);
    assert.deepEqual(imports.map((i) => [i.module, i.line, i.defaultName, i.namespaceName, i.typeOnly, i.names.map((n) => `${n.imported}>${n.local}`)]), [
      ['express', 1, 'express', null, false, ['Router>R', 'Request>Request']],
      ['node:fs', 2, null, 'fs', false, []],
      ['./types', 3, null, null, true, ['User>User']],
      ['path', 4, null, null, false, ['join>join', 'resolve>res']],
    ]);
  });
});

describe('extractSymbols: TSX and JavaScript', () => {
  it('finds a component and its props type in TSX', async () => {
    const symbols = await symbolsOf('tsx', [
      "import React from 'react';",
      'interface Props { title: string }',
      'export const Title = ({ title }: Props) => <h1>{title}</h1>;',
      'export default function App() { return <Title title="x" />; }',
    ]);
    assert.deepEqual(symbols.declarations.map((d) => `${d.name}:${d.kind}`), ['Props:interface', 'Title:function', 'App:function']);
    assert.equal(symbols.declarations[1]?.signature, 'export const Title = ({ title }: Props) =>');
    assert.equal(symbols.imports[0]?.defaultName, 'React');
  });

  it('handles CommonJS modules, classes with fields and generators', async () => {
    const symbols = await symbolsOf('javascript', [
      "const fs = require('fs');",
      'class Store {',
      '  #items = [];',
      '  static VERSION = 2;',
      '  add(item, { validate = true } = {}) { this.#items.push(item); }',
      '}',
      'function* ids() { yield 1; }',
      'module.exports = { Store, ids };',
    ]);
    assert.deepEqual(symbols.declarations.map((d) => `${d.container ?? ''}.${d.name}:${d.kind}`),
      ['.fs:variable', '.Store:class', 'Store.#items:property', 'Store.VERSION:property', 'Store.add:method', '.ids:function']);
    assert.deepEqual(symbols.declarations.find((d) => d.name === 'add')?.parameters, ['item', '{ validate = true }']);
    assert.equal(symbols.imports[0]?.namespaceName, 'fs');
  });
});

describe('extractSymbols: Python', () => {
  const lines = [
    'import os, sys as system', // 1
    'from typing import Optional, List as L',
    'from .models import *',
    'MAX_ITEMS: int = 100',
    '', // 5
    '# Adds things.',
    'def add(a, b=1, *args, c: int = 2, **kwargs) -> int:',
    '    return a + b',
    '',
    '@dataclass', // 10
    'class Task(Base):',
    '    """A task.',
    '',
    '    With details.',
    '    """', // 15
    '    title: str = ""',
    '',
    '    @property',
    '    def done(self) -> bool:',
    '        """Whether it is done."""', // 20
    '        return False',
    '',
    'def _private(): pass',
  ];

  it('lists functions, classes, methods, attributes and variables', async () => {
    const symbols = await symbolsOf('python', lines);
    const summary = symbols.declarations.map((d) => `${d.container ? d.container + '.' : ''}${d.name}:${d.kind}:${d.startLine}-${d.endLine}${d.exported ? '' : ':private'}`);
    assert.deepEqual(summary, [
      'MAX_ITEMS:variable:4-4',
      'add:function:7-8',
      'Task:class:10-21',
      'Task.title:property:16-16',
      'Task.done:method:18-21',
      '_private:function:23-23:private',
    ]);
  });

  it('gives headers without bodies, parameter names and docstrings', async () => {
    const symbols = await symbolsOf('python', lines);
    const add = byName(symbols, 'add');
    assert.equal(add.signature, 'def add(a, b=1, *args, c: int = 2, **kwargs) -> int');
    assert.deepEqual(add.parameters, ['a', 'b', 'args', 'c', 'kwargs']);
    assert.equal(add.doc, 'Adds things.');
    const task = byName(symbols, 'Task');
    assert.equal(task.signature, '@dataclass\nclass Task(Base)');
    assert.equal(task.doc, 'A task.\n\nWith details.');
    const done = byName(symbols, 'done');
    assert.equal(done.signature, '@property\ndef done(self) -> bool');
    assert.deepEqual(done.parameters, ['self']);
    assert.equal(done.doc, 'Whether it is done.');
    assert.equal(byName(symbols, 'MAX_ITEMS').signature, 'MAX_ITEMS: int = 100');
  });

  it('lists imports with aliases and star imports', async () => {
    const { imports } = await symbolsOf('python', lines);
    assert.deepEqual(imports.map((i) => [i.module, i.namespaceName, i.star, i.names.map((n) => `${n.imported}>${n.local}`)]), [
      ['os', 'os', false, []],
      ['sys', 'system', false, []],
      ['typing', null, false, ['Optional>Optional', 'List>L']],
      ['.models', null, true, []],
    ]);
  });
});
