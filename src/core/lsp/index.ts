/** Headless language servers for the types level: TypeScript 7's LSP and pyright, pooled per run. */
export { LspTimeoutError, LspUnavailableError, withDeadline } from './deadline';
export { startLanguageServer, type LanguageServer, type LanguageServerOptions } from './languageServer';
export type { LspDiagnostic, LspPosition, LspRange, LspSeverity } from './protocol';
export { bundledServerLocations, serverCommand, type ServerKind, type ServerLocations } from './serverCommands';
export { createLanguageServerPool, type LanguageServerPool, type LanguageServerPoolOptions } from './serverPool';
export type { ServerCommand } from './serverProcess';
