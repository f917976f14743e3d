/**
 * @title Normalise and sanitise user input: trim, collapse spaces, strip control characters
 * @tags validation, sanitization, normalization, user input, unicode
 * @stack typescript
 */
export function cleanText(input: string, maxLength = 500): string {
  return input
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxLength);
}

export function slug(input: string): string {
  return cleanText(input, 80)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
