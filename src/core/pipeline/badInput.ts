/** Refusing bad input before any run starts: empty requests and requests over 100 KB. */

/** Largest request accepted, in UTF-8 bytes. */
export const MAX_REQUEST_BYTES = 100 * 1024;

/** Input the pipeline refuses outright (exit code 2 in the CLI). */
export class BadInputError extends Error {
  override readonly name = 'BadInputError';
  readonly code = 'bad-input';
}

/** The request, trimmed, or BadInputError saying what is wrong with it. */
export function checkRequest(request: string): string {
  const trimmed = request.trim();
  if (trimmed === '') throw new BadInputError('The request is empty: describe what to build, e.g. "A REST API for task management with users and projects".');
  const bytes = Buffer.byteLength(trimmed, 'utf8');
  if (bytes > MAX_REQUEST_BYTES) {
    throw new BadInputError(`The request is ${Math.ceil(bytes / 1024)} KB; the limit is ${MAX_REQUEST_BYTES / 1024} KB. Shorten it or put the details in files in the workspace.`);
  }
  return trimmed;
}
