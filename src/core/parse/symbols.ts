/**
 * Symbols of a file for the semantic validator, the ContextInjector and the dependency graph:
 * what the file declares (with signatures and docs), what it imports, and which identifiers a
 * range of lines uses and where each is bound. TypeScript, TSX, JavaScript and Python.
 */
import type { Tree } from 'web-tree-sitter';
import { jsDeclarations } from './declarationsJs';
import { pyDeclarations } from './declarationsPy';
import { jsImports, pyImports } from './imports';
import { isJsFamily, type FirstClassLanguage } from './languages';
import { analyzeScopes, type IdentifierUse } from './scopeAnalysis';
import type { FileSymbols } from './symbolTypes';

export type { DeclaredSymbol, FileSymbols, ImportInfo, ImportedName, SymbolKind } from './symbolTypes';
export type { BindingPlace, IdentifierUse, ScopeAnalysis } from './scopeAnalysis';
export { analyzeScopes, analyzeScopesForLines } from './scopeAnalysis';

/** The declarations (top level and class members) and top-level imports of a parsed file. */
export function extractSymbols(tree: Tree, language: FirstClassLanguage): FileSymbols {
  const root = tree.rootNode;
  return isJsFamily(language)
    ? { declarations: jsDeclarations(root), imports: jsImports(root) }
    : { declarations: pyDeclarations(root), imports: pyImports(root) };
}

/**
 * The identifiers used on lines `startLine..endLine` (1-based, inclusive): references only, not
 * the names being declared, property names after `.`, object keys or keyword-argument names.
 * Each says whether it is bound in an inner scope ('local'), at the file's top level ('module':
 * a declaration or an import) or nowhere in the file ('free': a builtin, an injected symbol, or
 * an error).
 */
export function usedIdentifiers(tree: Tree, language: FirstClassLanguage, startLine: number, endLine: number): IdentifierUse[] {
  return analyzeScopes(tree, language).usesInLines(startLine, endLine);
}
