import { accessSync, chmodSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The OS user-data directory + /livedesk, as Electron's `app.getPath('userData')` would place it. */
export function defaultDataDir(): string {
  const home = homedir();
  switch (process.platform) {
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'livedesk');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'livedesk');
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'livedesk');
  }
}

/**
 * Creates `dir` and its missing parents. Not `mkdirSync(recursive)`: on pseudo file systems such as
 * /proc, mkdir answers ENOENT under an existing parent and Node's recursive mkdir then spins forever.
 */
function ensureDir(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) ensureDir(parent);
  mkdirSync(dir);
}

export function prepareDataDir(dir: string): void {
  try {
    ensureDir(dir);
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    accessSync(dir, constants.W_OK | constants.R_OK);
  } catch (error) {
    throw new Error(`data dir ${dir} is not usable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

export interface Secrets {
  token: string;
  overlayToken: string;
  obsPassword?: string;
}

/**
 * Tokens and the OBS password live in a 0600 file in headless mode (DESIGN §8); they are generated
 * once, so bookmarks and OBS overlay URLs keep working across restarts.
 */
export function loadSecrets(dir: string): Secrets {
  const file = join(dir, 'secrets.json');
  let stored: Partial<Secrets> = {};
  let parsed: unknown = {};
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`${file} is unreadable or not JSON (${(error as Error).message}); fix or delete it to generate new tokens`);
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file} must hold a JSON object, not ${parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : typeof parsed}; fix or delete it to generate new tokens`);
  }
  stored = parsed as Partial<Secrets>;
  const secrets: Secrets = {
    ...stored,
    token: typeof stored.token === 'string' && stored.token.length >= 16 ? stored.token : newToken(),
    overlayToken: typeof stored.overlayToken === 'string' && stored.overlayToken.length >= 16 ? stored.overlayToken : newToken(),
  };
  if (secrets.token !== stored.token || secrets.overlayToken !== stored.overlayToken) {
    writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return secrets;
}

const newToken = () => randomBytes(24).toString('base64url');
