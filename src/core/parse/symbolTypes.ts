/** The data the symbol extractors produce: declarations and imports of one file. */

/** What kind of thing a declaration declares. */
export type SymbolKind = 'function' | 'class' | 'method' | 'property' | 'interface' | 'type' | 'enum' | 'variable' | 'namespace';

/** A top-level or class-member declaration. Lines are 1-based and inclusive. */
export interface DeclaredSymbol {
  readonly name: string;
  readonly kind: SymbolKind;
  /** The enclosing class for members, null at top level. */
  readonly container: string | null;
  /** JS/TS: under `export`; Python: a public name (no leading underscore). */
  readonly exported: boolean;
  /** Whole declaration, including `export` and decorators (not the doc comment). */
  readonly startLine: number;
  readonly endLine: number;
  /**
   * The declaration without its body: `export async function f(a: number): Promise<void>`,
   * `def f(self, a) -> int`. Interfaces, type aliases and enums are given whole: their body is
   * the declaration.
   */
  readonly signature: string;
  /** Parameter names for functions and methods (destructured ones as their pattern text), else null. */
  readonly parameters: readonly string[] | null;
  /** The doc comment or docstring, without comment markers; null when there is none. */
  readonly doc: string | null;
}

/** A name brought in by an import: `import { imported as local }`. */
export interface ImportedName {
  readonly imported: string;
  readonly local: string;
}

/** One import statement (or top-level `require`). */
export interface ImportInfo {
  /** The module specifier as written: './x', 'node:fs', 'os.path', '..models'. */
  readonly module: string;
  readonly line: number;
  readonly names: readonly ImportedName[];
  /** `import d from 'm'`. */
  readonly defaultName: string | null;
  /** `import * as ns from 'm'`, `const m = require('m')`, Python `import os` / `import a.b as c`. */
  readonly namespaceName: string | null;
  /** `import type { ... }`. */
  readonly typeOnly: boolean;
  /** Python `from m import *`. */
  readonly star: boolean;
}

/** The symbols of one file. */
export interface FileSymbols {
  readonly declarations: readonly DeclaredSymbol[];
  readonly imports: readonly ImportInfo[];
}
