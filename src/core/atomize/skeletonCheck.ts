/**
 * Is a skeleton file usable? It must parse, and hold declarations and holes: a body that is a
 * hole holds nothing else (doc comments aside), and code the model wrote out instead of a hole
 * must be small enough to have been an atom itself. Findings are sentences for the model.
 */
import type { Node, Tree } from 'web-tree-sitter';
import type { LanguageId } from '../parse/languages';
import { collectSyntaxErrors } from '../parse/syntaxErrors';
import { codeLines } from '../validate/lineBudget';
import { scanHoles } from './holes';
import type { HoleSite } from './types';

/** What checking one skeleton file found. */
export interface SkeletonFileCheck {
  readonly holes: HoleSite[];
  readonly syntax: string[];
  readonly structure: string[];
  /** Lines of code the skeleton gives outside its holes (declarations, small bodies). */
  readonly codeLines: number;
}

const FUNCTION_TYPES = new Set([
  'function_declaration', 'generator_function_declaration', 'method_definition', 'arrow_function',
  'function_expression', 'function', 'generator_function', 'function_definition',
]);

/** Top-level statements that declare rather than do. */
const DECLARATIONS = new Set([
  'import_statement', 'import_from_statement', 'future_import_statement', 'export_statement', 'lexical_declaration',
  'variable_declaration', 'function_declaration', 'generator_function_declaration', 'class_declaration',
  'abstract_class_declaration', 'interface_declaration', 'type_alias_declaration', 'enum_declaration', 'ambient_declaration',
  'module', 'internal_module', 'function_definition', 'class_definition', 'decorated_definition', 'type_alias_statement',
  'empty_statement',
]);

/** Checks one parsed skeleton file against the contract and the atom line budget. */
export function checkSkeletonFile(tree: Tree, language: LanguageId, text: string, maxLines: number): SkeletonFileCheck {
  const syntax = collectSyntaxErrors(tree.rootNode).map((p) => `line ${p.line}:${p.column}: ${p.message}`);
  const { holes, problems } = scanHoles(tree, language, text);
  const structure = [...problems];
  const lines = text.split('\n');
  const python = language === 'python';
  const holeLines = new Set(holes.map((h) => h.line));
  for (const fn of functionNodes(tree.rootNode)) {
    const body = fn.childForFieldName('body');
    if (!body) continue;
    const name = fn.childForFieldName('name')?.text ?? fn.parent?.childForFieldName('name')?.text ?? `function at line ${fn.startPosition.row + 1}`;
    const statements = body.namedChildren.filter((c) => !isFree(c, python));
    const ownHole = body.namedChildren.some((c) => c.type.includes('comment') && holeLines.has(c.startPosition.row + 1));
    if (ownHole) {
      if (statements.length > 0) structure.push(`line ${statements[0].startPosition.row + 1}: the body of \`${name}\` mixes code with its hole; a hole must be the whole body`);
      continue;
    }
    if (statements.length === 0 || containsHole(body, holeLines)) continue;
    const first = statements[0].startPosition.row + 1;
    const last = statements[statements.length - 1].endPosition.row + 1;
    const code = codeLines(tree.rootNode, lines, first, last, python).length;
    if (code > maxLines) {
      structure.push(`line ${first}: the body of \`${name}\` is written out (${code} lines of code, over the budget of ${maxLines}); leave it as a hole \`@atom ${name}: ...\``);
    }
  }
  for (const statement of tree.rootNode.namedChildren) {
    if (DECLARATIONS.has(statement.type) || isFree(statement, python) || isDeclarationLike(statement)) continue;
    const from = statement.startPosition.row + 1;
    const code = codeLines(tree.rootNode, lines, from, statement.endPosition.row + 1, python).length;
    if (code > maxLines) structure.push(`line ${from}: ${code} lines of top-level code, over the budget of ${maxLines}; make it one or more top-level holes`);
  }
  const given = codeLines(tree.rootNode, lines, 1, lines.length, python).length - (python ? holes.length : 0);
  return { holes, syntax, structure, codeLines: Math.max(0, given) };
}

function functionNodes(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (node: Node): void => {
    if (FUNCTION_TYPES.has(node.type)) out.push(node);
    for (const child of node.namedChildren) walk(child);
  };
  walk(root);
  return out;
}

function containsHole(body: Node, holeLines: ReadonlySet<number>): boolean {
  for (const line of holeLines) if (line >= body.startPosition.row + 1 && line <= body.endPosition.row + 1) return true;
  return false;
}

/** Comments, docstrings and the `...`/`pass` placeholders cost nothing. */
function isFree(node: Node, python: boolean): boolean {
  if (node.type.includes('comment')) return true;
  if (!python) return false;
  if (node.type === 'pass_statement') return true;
  if (node.type !== 'expression_statement' || node.namedChildCount !== 1) return false;
  const inner = node.firstNamedChild?.type;
  return inner === 'string' || inner === 'ellipsis';
}

/** Python assignments and TS bare declarations wrapped in an expression statement declare a name. */
function isDeclarationLike(node: Node): boolean {
  if (node.type !== 'expression_statement') return false;
  const inner = node.firstNamedChild?.type ?? '';
  return inner === 'assignment' || inner === 'augmented_assignment' || inner === 'type' || inner === 'internal_module';
}
