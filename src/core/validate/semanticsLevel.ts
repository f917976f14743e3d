/**
 * Level 2, semantics: every identifier the atom's lines use must resolve, to a local
 * declaration or parameter in scope, a top-level declaration or import of the file, a symbol
 * injected from other atoms and files, or a builtin of the language.
 */
import { isFirstClass, isJsFamily, type FirstClassLanguage } from '../parse/languages';
import { analyzeScopesForLines, type IdentifierUse, type ScopeAnalysis } from '../parse/scopeAnalysis';
import type { TreeCache } from '../parse/treeCache';
import { JS_VALUE_GLOBALS, TS_TYPE_GLOBALS } from './builtinsJs';
import { PYTHON_BUILTINS } from './builtinsPython';
import { closestName } from './suggest';
import { skipped } from './validateAtom';
import type { AtomUnderValidation, LevelResult, ValidationMessage, Validator } from './types';

/** The semantics level, over trees shared through `trees`. */
export function createSemanticsValidator(trees: TreeCache): Validator {
  return {
    level: 'semantics',
    async validate(target: AtomUnderValidation, signal: AbortSignal): Promise<LevelResult> {
      const language = target.language;
      if (!language || !isFirstClass(language)) {
        return skipped('semantics', `name resolution is not available for ${language ?? target.relPath} (syntax only)`);
      }
      const messages = await trees.use(target.fileText, language, signal, (tree) => {
        const analysis = analyzeScopesForLines(tree, language, target.startLine, target.endLine);
        return unresolved(analysis, language, target);
      });
      return { level: 'semantics', status: messages.length === 0 ? 'pass' : 'fail', messages };
    },
  };
}

function unresolved(analysis: ScopeAnalysis, language: FirstClassLanguage, target: AtomUnderValidation): ValidationMessage[] {
  // `from m import *` can bring any name: nothing free is provably undefined.
  if (analysis.hasStarImport) return [];
  // An injected `UserService.find` also vouches for `UserService`, the name the code writes first.
  const injected = new Set(target.injectedSymbols.flatMap((name) => [name, name.split('.')[0] ?? name]));
  const messages: ValidationMessage[] = [];
  const reported = new Set<string>();
  for (const use of analysis.usesInLines(target.startLine, target.endLine)) {
    if (use.binding !== 'free' || injected.has(use.name) || isBuiltin(use, language) || reported.has(use.name)) continue;
    reported.add(use.name);
    const guess = closestName(use.name, candidates(analysis, use, language, injected));
    const hint = guess ? ` (did you mean \`${guess}\`?)` : '';
    messages.push({ message: `\`${use.name}\` is not defined${hint}`, line: use.line, column: use.column });
  }
  return messages;
}

function isBuiltin(use: IdentifierUse, language: FirstClassLanguage): boolean {
  if (!isJsFamily(language)) return PYTHON_BUILTINS.has(use.name);
  return use.kind === 'type' ? TS_TYPE_GLOBALS.has(use.name) : JS_VALUE_GLOBALS.has(use.name);
}

function* candidates(analysis: ScopeAnalysis, use: IdentifierUse, language: FirstClassLanguage, injected: ReadonlySet<string>): Iterable<string> {
  // Names in scope first, so a local wins a tie against a global of the same distance.
  yield* analysis.visibleNames(use);
  yield* injected;
  yield* isJsFamily(language) ? (use.kind === 'type' ? TS_TYPE_GLOBALS : JS_VALUE_GLOBALS) : PYTHON_BUILTINS;
}
