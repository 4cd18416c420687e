/**
 * Secrets (API tokens, the OBS password) never reach a log (DESIGN §8). The supervisor knows the
 * exact values it passed or received and removes them; the patterns catch secrets it could not know,
 * such as a token in a URL the core printed.
 */

export const REDACTED = '[redacted]';

/** CLI flags of the core whose value is a secret (DESIGN §3.1). */
export const SECRET_FLAGS: readonly string[] = ['--token', '--obs-password'];

const PATTERNS: readonly (readonly [RegExp, string])[] = [
  // ?token=…, &overlayToken=…, password=…, secret=…
  [/\b((?:[a-z]*token|[a-z]*password|passwd|secret)=)[^\s&"',;]+/gi, `$1${REDACTED}`],
  // "token":"…", "obsPassword": "…"
  [/("(?:[a-z]*token|[a-z]*password|secret)"\s*:\s*")[^"]*"/gi, `$1${REDACTED}"`],
  [/\b(Bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`],
];

/** The values of secret flags in an argument list, in both `--flag value` and `--flag=value` form. */
export function secretsInArgs(args: readonly string[]): string[] {
  const found: string[] = [];
  args.forEach((arg, i) => {
    for (const flag of SECRET_FLAGS) {
      if (arg === flag && i + 1 < args.length) found.push(args[i + 1] as string);
      else if (arg.startsWith(`${flag}=`)) found.push(arg.slice(flag.length + 1));
    }
  });
  return found.filter((s) => s.length > 0);
}

/** Replaces every known secret and every secret-looking key/value in `text`. */
export function redact(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  // Longest first, so that a secret containing another one is removed whole.
  const known = [...new Set(secrets)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  for (const secret of known) out = out.split(secret).join(REDACTED);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** Arguments as they may be logged: secret flag values replaced. */
export function redactArgs(args: readonly string[]): string[] {
  const secrets = secretsInArgs(args);
  return args.map((arg) => redact(arg, secrets));
}
