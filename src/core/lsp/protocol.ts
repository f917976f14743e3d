/**
 * The few Language Server Protocol shapes the types level needs, declared here instead of pulling
 * in vscode-languageserver-protocol, and read defensively: a server's answer is unknown until
 * checked.
 */

/** 0-based position, as on the wire. */
export interface LspPosition {
  readonly line: number;
  readonly character: number;
}

export interface LspRange {
  readonly start: LspPosition;
  readonly end: LspPosition;
}

/** 1 error, 2 warning, 3 information, 4 hint. */
export type LspSeverity = 1 | 2 | 3 | 4;

export interface LspDiagnostic {
  readonly range: LspRange;
  readonly severity: LspSeverity;
  readonly message: string;
  readonly code: string | null;
  readonly source: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function readPosition(value: unknown): LspPosition | null {
  if (!isRecord(value) || typeof value.line !== 'number' || typeof value.character !== 'number') return null;
  return { line: value.line, character: value.character };
}

function readDiagnostic(value: unknown): LspDiagnostic | null {
  if (!isRecord(value) || typeof value.message !== 'string' || !isRecord(value.range)) return null;
  const start = readPosition(value.range.start);
  const end = readPosition(value.range.end);
  if (!start || !end) return null;
  const severity = value.severity === 2 || value.severity === 3 || value.severity === 4 ? value.severity : 1;
  const code = typeof value.code === 'string' || typeof value.code === 'number' ? String(value.code) : null;
  const source = typeof value.source === 'string' ? value.source : null;
  return { range: { start, end }, severity, message: value.message, code, source };
}

/** The diagnostics of an array from the wire, dropping malformed entries. */
export function readDiagnostics(value: unknown): LspDiagnostic[] {
  if (!Array.isArray(value)) return [];
  return value.map(readDiagnostic).filter((d): d is LspDiagnostic => d !== null);
}

/**
 * The items of a `textDocument/diagnostic` answer. A full report carries `items`; an
 * 'unchanged' one never comes back because the client sends no previousResultId.
 */
export function readPullReport(value: unknown): LspDiagnostic[] {
  return isRecord(value) ? readDiagnostics(value.items) : [];
}

/** `textDocument/publishDiagnostics` params: the uri, the document version if the server says, the diagnostics. */
export function readPublishParams(value: unknown): { uri: string; version: number | null; diagnostics: LspDiagnostic[] } | null {
  if (!isRecord(value) || typeof value.uri !== 'string') return null;
  const version = typeof value.version === 'number' ? value.version : null;
  return { uri: value.uri, version, diagnostics: readDiagnostics(value.diagnostics) };
}

/** Whether the server's initialize answer announces pull diagnostics. */
export function supportsPullDiagnostics(initializeResult: unknown): boolean {
  return isRecord(initializeResult) && isRecord(initializeResult.capabilities) && initializeResult.capabilities.diagnosticProvider !== undefined
    && initializeResult.capabilities.diagnosticProvider !== null && initializeResult.capabilities.diagnosticProvider !== false;
}

/** The `items` of a workspace/configuration request (each has an optional section). */
export function readConfigurationItems(value: unknown): Array<string | null> {
  if (!isRecord(value) || !Array.isArray(value.items)) return [];
  return value.items.map((item: unknown) => (isRecord(item) && typeof item.section === 'string' ? item.section : null));
}

/** Whether a client/registerCapability request registers `textDocument/diagnostic`. */
export function registersPullDiagnostics(params: unknown): boolean {
  return isRecord(params) && Array.isArray(params.registrations)
    && params.registrations.some((r: unknown) => isRecord(r) && r.method === 'textDocument/diagnostic');
}
