/**
 * A held-out labeled set over a second real codebase, node_modules/@anthropic-ai/sdk/src,
 * written after the ranking was frozen on the zod set and never used to tune it: it shows how
 * far the zod figures generalise. Same format and hit rule as RAG_QUERIES.
 */
import type { LabeledQuery } from './ragQueries';

export const HELD_OUT_QUERIES: readonly LabeledQuery[] = [
  { query: 'exponential backoff delay with a cap for retries', path: 'internal/utils/backoff.ts', anchor: 'export function backoff(' },
  { query: 'random jitter between two durations', path: 'internal/utils/backoff.ts', anchor: 'export function jitter(' },
  { query: 'is this a 4xx client error status', path: 'internal/utils/backoff.ts', anchor: 'export function is4xx(' },
  { query: 'encode bytes or a string as base64', path: 'internal/utils/base64.ts', anchor: 'export const toBase64' },
  { query: 'concatenate several byte arrays into one', path: 'internal/utils/bytes.ts', anchor: 'export function concatBytes(' },
  { query: 'read an environment variable in node, deno or the browser', path: 'internal/utils/env.ts', anchor: 'export const readEnv' },
  { query: 'parse the log level setting and warn about invalid values', path: 'internal/utils/log.ts', anchor: 'export const parseLogLevel' },
  { query: 'percent-encode a segment of a URL path', path: 'internal/utils/path.ts', anchor: 'export function encodeURIPath(' },
  { query: 'serialize query parameters into a query string', path: 'internal/utils/query.ts', anchor: 'export function stringifyQuery(' },
  { query: 'sleep for some milliseconds unless the abort signal fires', path: 'internal/utils/sleep.ts', anchor: 'export const sleep' },
  { query: 'check whether a URL is absolute', path: 'internal/utils/values.ts', anchor: 'export const isAbsoluteURL' },
  { query: 'validate that an option is a positive integer', path: 'internal/utils/values.ts', anchor: 'export const validatePositiveInteger' },
  { query: 'parse JSON text without throwing', path: 'internal/utils/values.ts', anchor: 'export const safeJSON' },
  { query: 'find the blank line that ends a server-sent event in a byte buffer', path: 'internal/decoders/line.ts', anchor: 'export function findDoubleNewlineIndex(' },
  { query: 'merge several header objects, letting later ones override or remove', path: 'internal/headers.ts', anchor: 'export const buildHeaders' },
  { query: 'turn bytes, a stream or a response into an uploadable File', path: 'internal/to-file.ts', anchor: 'export async function toFile(' },
  { query: 'link an external abort signal to an internal abort controller', path: 'internal/utils/abort.ts', anchor: 'export function linkAbort(' },
  { query: 'decide whether a failed response should be retried', path: 'client.ts', anchor: 'private async shouldRetry(' },
  { query: 'fetch with a timeout that aborts the request', path: 'client.ts', anchor: 'async fetchWithTimeout(' },
  { query: 'compute how long a non-streaming request may take from max tokens', path: 'client.ts', anchor: '_calculateNonstreamingTimeout(' },
  { query: 'error raised when the connection times out', path: 'core/error.ts', anchor: 'export class APIConnectionTimeoutError' },
  { query: 'rate limit error for HTTP 429', path: 'core/error.ts', anchor: 'export class RateLimitError' },
  { query: 'split one stream into two independent streams', path: 'core/streaming.ts', anchor: 'tee(): [Stream<Item>, Stream<Item>]' },
  { query: 'iterate over server-sent event messages of a response body', path: 'core/streaming.ts', anchor: 'export async function* _iterSSEMessages(' },
  { query: 'fetch the next page of a cursor-paginated list', path: 'core/pagination.ts', anchor: 'async getNextPage(): Promise<this>' },
];
