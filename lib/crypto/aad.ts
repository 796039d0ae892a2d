/**
 * Joins context parts into associated data, e.g. `buildAad(['kite-app', userId, appId, 'api_secret'])`
 * gives `kite-app:<userId>:<appId>:api_secret`. Parts may not contain ":" or be empty, otherwise
 * ("a:b", "c") and ("a", "b:c") would produce the same string and bind nothing.
 */
export function buildAad(parts: readonly string[]): string {
  if (parts.length === 0) throw new TypeError('Associated data needs at least one part');
  for (const [index, part] of parts.entries()) {
    if (part.length === 0 || part.includes(':')) {
      throw new TypeError(`Associated data part ${index + 1} must be non-empty and must not contain ":"`);
    }
  }
  return parts.join(':');
}
