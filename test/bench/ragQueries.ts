/**
 * The labeled query set of the RAG benchmark, over zod's TypeScript sources as installed in
 * node_modules/zod/src (a codebase MGE does not write). Each query is phrased the way a plan or an
 * atom description would ask for code; `path` and `anchor` (text on one line of the wanted
 * declaration: the first line starting with it) name the chunk it should find. A hit is a top-k chunk of that
 * file whose lines include the anchor's line.
 */

/** One labeled query. */
export interface LabeledQuery {
  readonly query: string;
  readonly path: string;
  readonly anchor: string;
}

/** Written by hand from reading the sources; none is generated from the chunker's output. */
export const RAG_QUERIES: readonly LabeledQuery[] = [
  { query: 'check that a string is a valid credit card number with the Luhn checksum', path: 'v4/core/schemas.ts', anchor: 'export function isValidCreditCard(' },
  { query: 'validate an IBAN bank account number', path: 'v4/core/schemas.ts', anchor: 'export function isValidIBAN(' },
  { query: 'verify a JSON web token header and algorithm', path: 'v4/core/schemas.ts', anchor: 'export function isValidJWT(' },
  { query: 'is this string valid base64 encoded data', path: 'v4/core/schemas.ts', anchor: 'export function isValidBase64(' },
  { query: 'validate an IPv6 address', path: 'v4/core/schemas.ts', anchor: 'export function isValidIPv6(' },
  { query: 'CIDR notation for IPv6 ranges', path: 'v4/core/schemas.ts', anchor: 'export function isValidCIDRv6(' },
  { query: 'regular expression for an email address', path: 'v4/core/regexes.ts', anchor: 'export const email: RegExp' },
  { query: 'regex matching a UUID of a given version', path: 'v4/core/regexes.ts', anchor: 'export const uuid = (version' },
  { query: 'pattern for a MAC address with a delimiter', path: 'v4/core/regexes.ts', anchor: 'export const mac = (delimiter' },
  { query: 'E.164 international phone number format', path: 'v4/core/regexes.ts', anchor: 'export const e164: RegExp' },
  { query: 'ISO 8601 duration pattern', path: 'v4/core/regexes.ts', anchor: 'export const duration: RegExp' },
  { query: 'hostname and domain name regex', path: 'v4/core/regexes.ts', anchor: 'export const hostname: RegExp' },
  { query: 'number must be a multiple of a step', path: 'v4/core/checks.ts', anchor: 'export const $ZodCheckMultipleOf' },
  { query: 'check a string has exactly a given length', path: 'v4/core/checks.ts', anchor: 'export const $ZodCheckLengthEquals' },
  { query: 'maximum length check for strings and arrays', path: 'v4/core/checks.ts', anchor: 'export const $ZodCheckMaxLength' },
  { query: 'string must match a regular expression pattern', path: 'v4/core/checks.ts', anchor: 'export const $ZodCheckRegex' },
  { query: 'string must start with a prefix', path: 'v4/core/checks.ts', anchor: 'export const $ZodCheckStartsWith' },
  { query: 'check the MIME type of an uploaded file', path: 'v4/core/checks.ts', anchor: 'export const $ZodCheckMimeType' },
  { query: 'minimum size of a set or map', path: 'v4/core/checks.ts', anchor: 'export const $ZodCheckMinSize' },
  { query: 'value less than a maximum, inclusive or exclusive', path: 'v4/core/checks.ts', anchor: 'export const $ZodCheckLessThan' },
  { query: 'integer and float32 number formats with safe ranges', path: 'v4/core/checks.ts', anchor: 'export const $ZodCheckNumberFormat' },
  { query: 'turn a string into a URL slug', path: 'v4/core/util.ts', anchor: 'export function slugify(' },
  { query: 'count unicode code points in a string', path: 'v4/core/util.ts', anchor: 'export function codePointLength(' },
  { query: 'remainder of a float division without rounding errors', path: 'v4/core/util.ts', anchor: 'export function floatSafeRemainder(' },
  { query: 'escape special characters for use in a regex', path: 'v4/core/util.ts', anchor: 'export function escapeRegex(' },
  { query: 'generate a random string of a given length', path: 'v4/core/util.ts', anchor: 'export function randomString(' },
  { query: 'decode base64 into a byte array', path: 'v4/core/util.ts', anchor: 'export function base64ToUint8Array(' },
  { query: 'bytes to hexadecimal string', path: 'v4/core/util.ts', anchor: 'export function uint8ArrayToHex(' },
  { query: 'is the value a plain object literal', path: 'v4/core/util.ts', anchor: 'export function isPlainObject(' },
  { query: 'pick some keys of an object schema', path: 'v4/core/util.ts', anchor: 'export function pick(' },
  { query: 'omit keys from an object shape', path: 'v4/core/util.ts', anchor: 'export function omit(' },
  { query: 'make every property of an object optional', path: 'v4/core/util.ts', anchor: 'export function partial(' },
  { query: 'lazily define a property with a getter that caches its value', path: 'v4/core/util.ts', anchor: 'export function defineLazy<T, K' },
  { query: 'what type of data was received: null, array, date, promise', path: 'v3/helpers/util.ts', anchor: 'export const getParsedType' },
  { query: 'flatten validation errors into form errors and field errors', path: 'v4/core/errors.ts', anchor: 'export function flattenError<T, U>(error: $ZodError<T>, mapper = ' },
  { query: 'nested tree of error messages following the data shape', path: 'v4/core/errors.ts', anchor: 'export function treeifyError<T, U>(error: $ZodError<T>, mapper = ' },
  { query: 'human readable multi-line summary of all issues', path: 'v4/core/errors.ts', anchor: 'export function prettifyError(' },
  { query: 'convert an issue path to dot notation with brackets', path: 'v4/core/errors.ts', anchor: 'export function toDotPath(' },
  { query: 'v3 error class with flatten and format methods', path: 'v3/ZodError.ts', anchor: 'export class ZodError<T = any> extends Error' },
  { query: 'add an issue to the parse context with the error maps', path: 'v3/helpers/parseUtil.ts', anchor: 'export function addIssueToContext(' },
  { query: 'merge results of an object parse and mark dirty or aborted status', path: 'v3/helpers/parseUtil.ts', anchor: 'export class ParseStatus' },
  { query: 'safe parse that returns success or an error instead of throwing', path: 'v4/core/parse.ts', anchor: 'export const _safeParse:' },
  { query: 'asynchronous parse that throws on failure', path: 'v4/core/parse.ts', anchor: 'export const _parseAsync:' },
  { query: 'encode a value back through a codec', path: 'v4/core/parse.ts', anchor: 'export const _encode:' },
  { query: 'error thrown when a synchronous parse meets an async refinement', path: 'v4/core/core.ts', anchor: 'export class $ZodAsyncError' },
  { query: 'global configuration with a custom error map and locale', path: 'v4/core/core.ts', anchor: 'export function config(' },
  { query: 'string builder for generated code with indentation', path: 'v4/core/doc.ts', anchor: 'export class Doc' },
  { query: 'detect a recursive schema that refers to itself', path: 'v4/core/memoizer.ts', anchor: 'export function isRecursiveSchema(' },
  { query: 'create a registry that stores metadata for schemas', path: 'v4/core/registries.ts', anchor: 'export function registry<' },
  { query: 'build a schema from a JSON Schema document', path: 'v4/classic/from-json-schema.ts', anchor: 'export function fromJSONSchema(' },
  { query: 'move shared definitions into $defs and emit $ref pointers', path: 'v4/core/to-json-schema.ts', anchor: 'export function extractDefs<' },
  { query: 'walk every nested schema and call a visitor', path: 'v4/core/visit.ts', anchor: 'export function visit(schema: schemas.SomeType, fnOrHandlers' },
  { query: 'English error messages for too small and too big issues', path: 'v4/locales/en.ts', anchor: 'const error: () => errors.$ZodErrorMap' },
  { query: 'email string schema factory with a pattern parameter', path: 'v4/core/api.ts', anchor: 'export function _email<' },
  { query: 'ISO datetime string with offset and precision options', path: 'v4/core/api.ts', anchor: 'export function _isoDateTime<' },
  { query: 'standard schema interface with validate and types', path: 'v4/core/standard-schema.ts', anchor: 'export interface StandardSchemaV1' },
];
