/** Import statements of a file: ES imports, top-level CommonJS `require`, Python imports. */
import type { Node } from 'web-tree-sitter';
import { startLine } from './nodeUtils';
import type { ImportInfo, ImportedName } from './symbolTypes';

/** Top-level imports of a JavaScript/TypeScript/TSX program, in document order. */
export function jsImports(root: Node): ImportInfo[] {
  const out: ImportInfo[] = [];
  for (const statement of root.namedChildren) {
    if (statement.type === 'import_statement') out.push(esImport(statement));
    else if (statement.type === 'lexical_declaration' || statement.type === 'variable_declaration') {
      for (const declarator of statement.namedChildren) {
        const info = requireImport(declarator);
        if (info) out.push(info);
      }
    }
  }
  return out;
}

function esImport(statement: Node): ImportInfo {
  const names: ImportedName[] = [];
  let defaultName: string | null = null;
  let namespaceName: string | null = null;
  let module = unquote(statement.childForFieldName('source'));
  const typeOnly = statement.children.some((c) => c.type === 'type');
  for (const part of statement.namedChildren) {
    if (part.type === 'import_require_clause') {
      namespaceName = part.firstNamedChild?.text ?? null;
      module = unquote(part.childForFieldName('source'));
    }
    if (part.type !== 'import_clause') continue;
    for (const clause of part.namedChildren) {
      if (clause.type === 'identifier') defaultName = clause.text;
      else if (clause.type === 'namespace_import') namespaceName = clause.firstNamedChild?.text ?? null;
      else if (clause.type === 'named_imports') {
        for (const spec of clause.namedChildren) {
          if (spec.type !== 'import_specifier') continue;
          const imported = spec.childForFieldName('name')?.text ?? '';
          names.push({ imported, local: spec.childForFieldName('alias')?.text ?? imported });
        }
      }
    }
  }
  return { module, line: startLine(statement), names, defaultName, namespaceName, typeOnly, star: false };
}

/** `const x = require('m')` and `const { a, b: c } = require('m')`. */
function requireImport(declarator: Node): ImportInfo | null {
  const value = declarator.childForFieldName('value');
  if (value?.type !== 'call_expression' || value.childForFieldName('function')?.text !== 'require') return null;
  const arg = value.childForFieldName('arguments')?.firstNamedChild;
  if (arg?.type !== 'string') return null;
  const pattern = declarator.childForFieldName('name');
  const base = { module: unquote(arg), line: startLine(declarator), defaultName: null, typeOnly: false, star: false };
  if (pattern?.type === 'identifier') return { ...base, names: [], namespaceName: pattern.text };
  if (pattern?.type !== 'object_pattern') return null;
  const names: ImportedName[] = [];
  for (const prop of pattern.namedChildren) {
    if (prop.type === 'shorthand_property_identifier_pattern') names.push({ imported: prop.text, local: prop.text });
    else if (prop.type === 'pair_pattern') {
      const local = prop.childForFieldName('value');
      if (local?.type === 'identifier') names.push({ imported: prop.childForFieldName('key')?.text ?? '', local: local.text });
    }
  }
  return { ...base, names, namespaceName: null };
}

/** Top-level imports of a Python module, in document order. */
export function pyImports(root: Node): ImportInfo[] {
  const out: ImportInfo[] = [];
  for (const statement of root.namedChildren) {
    const line = startLine(statement);
    if (statement.type === 'import_statement') {
      // `import a.b, c as d`: one entry per module, bound to its first name or its alias.
      for (const item of statement.childrenForFieldName('name')) {
        const dotted = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
        const alias = item.type === 'aliased_import' ? (item.childForFieldName('alias')?.text ?? null) : null;
        const module = dotted?.text ?? '';
        out.push({ module, line, names: [], defaultName: null, namespaceName: alias ?? module.split('.')[0] ?? module, typeOnly: false, star: false });
      }
    } else if (statement.type === 'import_from_statement' || statement.type === 'future_import_statement') {
      const module = statement.type === 'future_import_statement' ? '__future__' : (statement.childForFieldName('module_name')?.text ?? '');
      const names: ImportedName[] = [];
      for (const item of statement.childrenForFieldName('name')) {
        if (item.type === 'aliased_import') {
          names.push({ imported: item.childForFieldName('name')?.text ?? '', local: item.childForFieldName('alias')?.text ?? '' });
        } else names.push({ imported: item.text, local: item.text });
      }
      const star = statement.namedChildren.some((c) => c.type === 'wildcard_import');
      out.push({ module, line, names, defaultName: null, namespaceName: null, typeOnly: false, star });
    }
  }
  return out;
}

function unquote(node: Node | null | undefined): string {
  if (!node) return '';
  return node.text.replace(/^['"`]|['"`]$/g, '');
}
