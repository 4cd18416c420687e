import { createHash } from 'node:crypto';

/**
 * Viewer names and ids are personal data (DESIGN §8): stored as a salted hash, so review can still
 * count distinct buyers and returning viewers without keeping who they are.
 */
export function createPseudonymizer(salt: string): (value: string) => string {
  const cache = new Map<string, string>();
  // The salt's part of the hash is computed once; each new name continues from a copy (ingest speed).
  const salted = createHash('sha256').update(salt).update('\0');
  return (value) => {
    let hashed = cache.get(value);
    if (hashed === undefined) {
      hashed = 'h:' + salted.copy().update(value).digest('base64url').slice(0, 16);
      if (cache.size > 100_000) cache.clear();
      cache.set(value, hashed);
    }
    return hashed;
  };
}

/**
 * A viewer's name as people see it on the desk (DESIGN §8): the first character and stars, so the
 * controller can tell comments apart without the screen (or a screenshot) showing who wrote them.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '*';
  return `${chars[0]}${'*'.repeat(Math.min(Math.max(chars.length - 1, 1), 3))}`;
}
