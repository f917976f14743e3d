/**
 * The languages MGE can parse, and how a file path maps to one. Plain data: no tree-sitter here,
 * so callers can ask "is this file parseable?" without loading any wasm.
 */

/** Every grammar shipped by @vscode/tree-sitter-wasm, under a stable id. */
export type LanguageId =
  | 'typescript' | 'tsx' | 'javascript' | 'python'
  | 'go' | 'rust' | 'java' | 'csharp' | 'cpp' | 'css' | 'bash' | 'php' | 'ruby' | 'ini' | 'powershell' | 'regex';

/** Languages with symbol extraction, scope analysis and all of levels 1-3; the rest get syntax only. */
export type FirstClassLanguage = 'typescript' | 'tsx' | 'javascript' | 'python';

const GRAMMAR_FILES: Readonly<Record<LanguageId, string>> = {
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  javascript: 'tree-sitter-javascript.wasm',
  python: 'tree-sitter-python.wasm',
  go: 'tree-sitter-go.wasm',
  rust: 'tree-sitter-rust.wasm',
  java: 'tree-sitter-java.wasm',
  csharp: 'tree-sitter-c-sharp.wasm',
  cpp: 'tree-sitter-cpp.wasm',
  css: 'tree-sitter-css.wasm',
  bash: 'tree-sitter-bash.wasm',
  php: 'tree-sitter-php.wasm',
  ruby: 'tree-sitter-ruby.wasm',
  ini: 'tree-sitter-ini.wasm',
  powershell: 'tree-sitter-powershell.wasm',
  regex: 'tree-sitter-regex.wasm',
};

/** All language ids, in a stable order. */
export const ALL_LANGUAGES: readonly LanguageId[] = Object.keys(GRAMMAR_FILES) as LanguageId[];

// C files go to the C++ grammar: it accepts nearly all C, and the package has no C grammar.
const BY_EXTENSION: Readonly<Record<string, LanguageId>> = {
  '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript',
  '.tsx': 'tsx',
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascript',
  '.py': 'python', '.pyi': 'python',
  '.go': 'go', '.rs': 'rust', '.java': 'java', '.cs': 'csharp',
  '.cpp': 'cpp', '.cc': 'cpp', '.cxx': 'cpp', '.hpp': 'cpp', '.hh': 'cpp', '.hxx': 'cpp', '.c': 'cpp', '.h': 'cpp',
  '.css': 'css',
  '.sh': 'bash', '.bash': 'bash',
  '.php': 'php',
  '.rb': 'ruby', '.rake': 'ruby', '.gemspec': 'ruby',
  '.ini': 'ini', '.cfg': 'ini',
  '.ps1': 'powershell', '.psm1': 'powershell', '.psd1': 'powershell',
};

const BY_BASENAME: Readonly<Record<string, LanguageId>> = {
  Rakefile: 'ruby', Gemfile: 'ruby', '.bashrc': 'bash', '.bash_profile': 'bash', '.editorconfig': 'ini',
};

/** The language of a file by its extension (or well-known name), or undefined when none fits. */
export function languageForPath(path: string): LanguageId | undefined {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const byName = BY_BASENAME[base];
  if (byName) return byName;
  const dot = base.lastIndexOf('.');
  if (dot < 0) return undefined;
  return BY_EXTENSION[base.slice(dot).toLowerCase()];
}

/** The wasm file name of a language's grammar. */
export function grammarFileName(language: LanguageId): string {
  return GRAMMAR_FILES[language];
}

/** Whether a string is a known language id (for values read from settings, the database, the CLI). */
export function isLanguageId(value: string): value is LanguageId {
  return Object.prototype.hasOwnProperty.call(GRAMMAR_FILES, value);
}

/** Whether the language has symbols and scopes (levels 2-3 in full), not syntax alone. */
export function isFirstClass(language: LanguageId): language is FirstClassLanguage {
  return language === 'typescript' || language === 'tsx' || language === 'javascript' || language === 'python';
}

/** Whether the language is one of the JavaScript family (shares one scope model). */
export function isJsFamily(language: LanguageId): language is 'typescript' | 'tsx' | 'javascript' {
  return language === 'typescript' || language === 'tsx' || language === 'javascript';
}
