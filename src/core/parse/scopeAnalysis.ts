/**
 * One pass over a file's tree that records every name binding (by scope) and every identifier
 * reference, then resolves references by source ranges alone, without further wasm calls. The
 * whole-file analysis is cached per tree for callers asking about many ranges of one file (the
 * graph, the ContextInjector); the semantic level asks about one range and uses the cheaper
 * focused analysis.
 */
import type { Node, Tree } from 'web-tree-sitter';
import { isJsFamily, type FirstClassLanguage } from './languages';
import { JS_IDENTIFIER_TYPES, JS_SEALED_TYPES, jsBindingScope, jsRole } from './jsRoles';
import { isPyFunctionScope, PY_SEALED_TYPES, pyBindingScope, pyRole } from './pyRoles';

/** Where a used name is bound: in an inner scope, at the file's top level, or not in the file. */
export type BindingPlace = 'local' | 'module' | 'free';

/** One identifier use. Lines and columns are 1-based. */
export interface IdentifierUse {
  readonly name: string;
  readonly line: number;
  readonly column: number;
  /** 'type' for TypeScript type positions (`x: Foo`), 'value' for everything else. */
  readonly kind: 'value' | 'type';
  readonly binding: BindingPlace;
}

/** The scope facts of one file. */
export interface ScopeAnalysis {
  /** Names bound at the file's top level (declarations and imports). */
  readonly moduleNames: ReadonlySet<string>;
  /** `from m import *` somewhere: unresolved names may come from it. */
  readonly hasStarImport: boolean;
  /** The identifiers used on lines `startLine..endLine` (1-based, inclusive), in document order. */
  usesInLines(startLine: number, endLine: number): IdentifierUse[];
  /** Every name bound in the file that is visible where `use` stands (for "did you mean"). */
  visibleNames(use: IdentifierUse): string[];
}

interface Span { readonly start: number; readonly end: number }
interface ScopeRecord extends Span { readonly root: boolean; readonly pyClassBody: Span | null }
interface RefRecord extends Span { readonly name: string; readonly row: number; readonly column: number; readonly kind: 'value' | 'type' }

const cache = new WeakMap<Tree, ScopeAnalysis>();

/** Analyses (or returns the cached analysis of) the whole tree's scopes: any line range can be asked about. */
export function analyzeScopes(tree: Tree, language: FirstClassLanguage): ScopeAnalysis {
  let analysis = cache.get(tree);
  if (!analysis) {
    analysis = buildAnalysis(tree.rootNode, language, null);
    cache.set(tree, analysis);
  }
  return analysis;
}

/**
 * Analyses only what lines `startLine..endLine` can see: functions and class bodies elsewhere in
 * the file are skipped but for their names, since nothing declared inside them is visible
 * outside. Same answers as analyzeScopes for those lines, in a fraction of the time on a big
 * file; `usesInLines` answers for those lines only.
 */
export function analyzeScopesForLines(tree: Tree, language: FirstClassLanguage, startLine: number, endLine: number): ScopeAnalysis {
  return buildAnalysis(tree.rootNode, language, { fromRow: startLine - 1, toRow: endLine - 1 });
}

interface Focus { readonly fromRow: number; readonly toRow: number }

function buildAnalysis(root: Node, language: FirstClassLanguage, focus: Focus | null): ScopeAnalysis {
  const js = isJsFamily(language);
  const sealed = js ? JS_SEALED_TYPES : PY_SEALED_TYPES;
  const byName = new Map<string, ScopeRecord[]>();
  const scopes = new Map<number, ScopeRecord>();
  const refs: RefRecord[] = [];
  const pyFunctionBodies: Span[] = [];
  const moduleNames = new Set<string>();
  let hasStarImport = false;

  const bindName = (name: string, scope: Node): void => {
    let record = scopes.get(scope.id);
    if (!record) {
      const body = !js && scope.type === 'class_definition' ? scope.childForFieldName('body') : null;
      record = {
        start: scope.startIndex, end: scope.endIndex, root: scope.id === root.id,
        pyClassBody: body ? { start: body.startIndex, end: body.endIndex } : null,
      };
      scopes.set(scope.id, record);
    }
    if (record.root) moduleNames.add(name);
    const list = byName.get(name);
    if (list) list.push(record);
    else byName.set(name, [record]);
  };
  const bind = (id: Node): void => {
    const scope = js ? jsBindingScope(id) : pyBindingScope(id);
    if (scope) bindName(id.text, scope);
  };
  // Enum members are property names, yet later members may use earlier ones unqualified.
  const bindEnumMembers = (body: Node): void => {
    for (const member of body.namedChildren) {
      const name = member.type === 'enum_assignment' ? member.childForFieldName('name') : member;
      if (name?.type === 'property_identifier') bindName(name.text, body);
    }
  };

  const inFocus = (fromRow: number, toRow: number): boolean => !focus || (fromRow <= focus.toRow && toRow >= focus.fromRow);
  const bindOwnName = (node: Node): void => {
    const name = node.childForFieldName('name');
    if (name && (js ? jsRole(name) : pyRole(name)) === 'binding') bind(name);
  };

  const cursor = root.walk();
  try {
    for (;;) {
      const type = cursor.nodeType;
      let descend = true;
      if (sealed.has(type) && !inFocus(cursor.startPosition.row, cursor.endPosition.row)) {
        bindOwnName(cursor.currentNode);
        descend = false;
      } else if (js ? JS_IDENTIFIER_TYPES.has(type) : type === 'identifier') {
        const id = cursor.currentNode;
        const role = js ? jsRole(id) : pyRole(id);
        const row = id.startPosition.row;
        if (role === 'binding') bind(id);
        else if (role !== 'other' && inFocus(row, row)) {
          refs.push({ name: id.text, start: id.startIndex, end: id.endIndex, row, column: id.startPosition.column, kind: role });
        }
      } else if (!js && isPyFunctionScope(type)) {
        const body = cursor.currentNode.childForFieldName('body');
        if (body) pyFunctionBodies.push({ start: body.startIndex, end: body.endIndex });
      } else if (js && type === 'enum_body') {
        bindEnumMembers(cursor.currentNode);
      } else if (type === 'wildcard_import') {
        hasStarImport = true;
      }
      if (descend && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return finish();
      }
    }
  } finally {
    cursor.delete();
  }

  function finish(): ScopeAnalysis {
    const place = (ref: RefRecord): BindingPlace => {
      let found: BindingPlace = 'free';
      for (const scope of byName.get(ref.name) ?? []) {
        if (!within(ref, scope) || !visibleFromClass(ref, scope, pyFunctionBodies)) continue;
        if (!scope.root) return 'local';
        found = 'module';
      }
      return found;
    };
    const visible = (ref: Span): string[] =>
      [...byName].filter(([, list]) => list.some((scope) => within(ref, scope) && visibleFromClass(ref, scope, pyFunctionBodies))).map(([name]) => name);
    return {
      moduleNames,
      hasStarImport,
      visibleNames(use: IdentifierUse): string[] {
        const ref = refs.find((r) => r.row === use.line - 1 && r.column === use.column - 1);
        return ref ? visible(ref) : [...moduleNames];
      },
      usesInLines(startLine: number, endLine: number): IdentifierUse[] {
        const uses: IdentifierUse[] = [];
        for (const ref of refs) {
          if (ref.row + 1 < startLine || ref.row + 1 > endLine) continue;
          uses.push({ name: ref.name, line: ref.row + 1, column: ref.column + 1, kind: ref.kind, binding: place(ref) });
        }
        return uses;
      },
    };
  }
}

function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/**
 * Python: a class body's names are visible in the class body itself but not inside the methods
 * (or lambdas) defined in it, nor in its base-class list.
 */
function visibleFromClass(ref: Span, scope: ScopeRecord, functionBodies: readonly Span[]): boolean {
  const body = scope.pyClassBody;
  if (!body) return true;
  if (!within(ref, body)) return false;
  return !functionBodies.some((fn) => within(fn, body) && within(ref, fn));
}
