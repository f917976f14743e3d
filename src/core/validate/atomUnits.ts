/**
 * The units of behaviour an atom's lines hold. An atom should be one unit: a function, method or
 * class; a run of declarations or top-level statements; or part of one function's body.
 */
import type { Node, Tree } from 'web-tree-sitter';
import { isJsFamily, type FirstClassLanguage } from '../parse/languages';
import type { DeclaredSymbol } from '../parse/symbolTypes';
import { endLine, startLine } from '../parse/nodeUtils';

/** One unit found in the atom's lines. Lines are 1-based, inclusive. */
export interface AtomUnit {
  /** 'definition': a function/method/class; 'block': declarations or statements; 'body': inside one function. */
  readonly kind: 'definition' | 'block' | 'body';
  /** How messages name it: `add`, or "top-level statements (lines 4-6)". */
  readonly label: string;
  readonly startLine: number;
  readonly endLine: number;
  /** The declaration that gives the unit its signature (the function a body belongs to), if any. */
  readonly symbol: DeclaredSymbol | null;
  /** Names declared by a block unit. */
  readonly names: readonly string[];
  /** A definition that starts or ends outside the atom's lines. */
  readonly cut: boolean;
}

/** The code span of the atom: first and last code line, and the columns of their first and last characters (0-based). */
export interface CodeSpan { readonly first: number; readonly firstCol: number; readonly last: number; readonly lastCol: number; readonly start: number; readonly end: number }

const DEFINITIONS = new Set([
  'function_declaration', 'generator_function_declaration', 'function_signature', 'class_declaration',
  'abstract_class_declaration', 'class', 'method_definition', 'method_signature', 'abstract_method_signature',
  'internal_module', 'module', 'function_definition', 'class_definition',
]);
const FUNCTION_VALUES = new Set(['arrow_function', 'function_expression', 'function', 'generator_function']);
const WRAPPERS = new Set(['export_statement', 'ambient_declaration', 'decorated_definition', 'expression_statement']);

/** Splits the atom's code span into units, in document order. */
export function atomUnits(tree: Tree, language: FirstClassLanguage, symbols: readonly DeclaredSymbol[], span: CodeSpan): AtomUnit[] {
  const root = tree.rootNode;
  const found = root.namedDescendantForPosition({ row: span.first - 1, column: span.firstCol }, { row: span.last - 1, column: span.lastCol }) ?? root;
  const container = listContainer(found, isJsFamily(language));
  if (!container) {
    // Inside one function body (or one nested block): a single unit by construction.
    const owner = innermostSymbol(symbols, span.start, span.end);
    const label = owner ? `the body of \`${owner.name}\`` : `the block at lines ${span.first}-${span.last}`;
    return [{ kind: 'body', label, startLine: span.first, endLine: span.last, symbol: owner, names: [], cut: false }];
  }
  return groupChildren(container, symbols, span);
}

/** The nearest node listing declarations (program, module, class body), or null inside a body. */
function listContainer(node: Node, js: boolean): Node | null {
  for (let at: Node | null = node; at; at = at.parent) {
    const parentType = at.parent?.type;
    if (js) {
      if (at.type === 'program' || at.type === 'class_body') return at;
      if (at.type === 'statement_block') return parentType === 'internal_module' || parentType === 'module' ? at : null;
    } else {
      if (at.type === 'module') return at;
      if (at.type === 'block') return parentType === 'class_definition' ? at : null;
    }
  }
  return null;
}

function groupChildren(container: Node, symbols: readonly DeclaredSymbol[], span: CodeSpan): AtomUnit[] {
  const units: AtomUnit[] = [];
  let block: { start: number; end: number } | null = null;
  const flush = (): void => {
    const run = block;
    if (!run) return;
    const names = symbols.filter((s) => s.startLine >= run.start && s.startLine <= run.end).map((s) => s.name);
    const label = names.length > 0 ? `declarations ${names.map((n) => `\`${n}\``).join(', ')}` : `top-level statements (lines ${run.start}-${run.end})`;
    units.push({ kind: 'block', label, startLine: run.start, endLine: run.end, symbol: null, names, cut: false });
    block = null;
  };
  for (const child of container.namedChildren) {
    if (endLine(child) < span.first || startLine(child) > span.last) continue;
    if (child.type.includes('comment') || child.type === 'decorator' || isDocstring(child)) continue;
    let first = child;
    while (first.previousNamedSibling?.type === 'decorator') first = first.previousNamedSibling;
    const from = startLine(first);
    const to = endLine(child);
    if (!isDefinition(child)) {
      block = block ? { start: block.start, end: to } : { start: Math.max(from, span.first), end: to };
      continue;
    }
    flush();
    const symbol = symbols.find((s) => s.startLine >= from && s.endLine <= to) ?? null;
    const name = symbol?.name ?? child.childForFieldName('name')?.text ?? child.type;
    const cut = from < span.start || to > span.end;
    const previous = units[units.length - 1];
    // Overloads and get/set pairs share a name: one unit of behaviour.
    if (previous?.kind === 'definition' && previous.symbol?.name === name && previous.endLine + 1 >= from - 1) {
      units[units.length - 1] = { ...previous, endLine: to, cut: previous.cut || cut };
    } else {
      units.push({ kind: 'definition', label: `\`${name}\``, startLine: from, endLine: to, symbol, names: [name], cut });
    }
  }
  flush();
  return units;
}

function isDefinition(node: Node): boolean {
  let inner: Node | null = node;
  while (inner && WRAPPERS.has(inner.type)) {
    inner = inner.childForFieldName('declaration') ?? inner.childForFieldName('definition') ?? inner.childForFieldName('value') ?? inner.firstNamedChild;
  }
  if (!inner) return false;
  if (DEFINITIONS.has(inner.type)) return true;
  if (inner.type === 'lexical_declaration' || inner.type === 'variable_declaration') {
    const declarators = inner.namedChildren.filter((c) => c.type === 'variable_declarator');
    return declarators.length === 1 && FUNCTION_VALUES.has(declarators[0]?.childForFieldName('value')?.type ?? '');
  }
  if (inner.type === 'public_field_definition' || inner.type === 'field_definition') {
    return FUNCTION_VALUES.has(inner.childForFieldName('value')?.type ?? '');
  }
  return false;
}

function isDocstring(node: Node): boolean {
  return node.type === 'expression_statement' && node.namedChildCount === 1 && node.firstNamedChild?.type === 'string';
}

/** The smallest function or method declaration whose lines contain `start..end`. */
function innermostSymbol(symbols: readonly DeclaredSymbol[], start: number, end: number): DeclaredSymbol | null {
  let best: DeclaredSymbol | null = null;
  for (const s of symbols) {
    if ((s.kind !== 'function' && s.kind !== 'method') || s.startLine > start || s.endLine < end) continue;
    if (!best || s.endLine - s.startLine < best.endLine - best.startLine) best = s;
  }
  return best;
}
