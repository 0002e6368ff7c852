// Random values drawn in the browser. Draws are seeded: the command carries the seed, the server
// records it with the outcome, so a replay of the session's events draws the same cards again.

/** A 53-bit random seed: a safe integer, since JSON numbers beyond 2^53 would lose digits. */
export function randomSeed() {
  const words = new Uint32Array(2);
  crypto.getRandomValues(words);
  return (words[0] & 0x1fffff) * 2 ** 32 + words[1];
}

/** A 128-bit random token, base64url (22 characters), like the server's own tokens. */
export function randomToken() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A short random tag of lower-case letters and digits (not a secret: it only tells things apart). */
export function randomTag(length = 6) {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}
