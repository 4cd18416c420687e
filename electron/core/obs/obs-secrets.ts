import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const KEY = 'obsProfilePasswords';

/**
 * OBS profile passwords in the data dir's 0600 `secrets.json`, next to the API tokens (DESIGN §8).
 * Only this key is touched; the tokens and anything else in the file are kept as they are.
 */
export class ObsSecrets {
  constructor(private readonly file: string) {}

  get(id: string): string | undefined {
    return this.passwords()[id];
  }

  set(id: string, password: string | null): void {
    const all = this.read();
    const passwords = { ...this.passwords(all) };
    if (password) passwords[id] = password;
    else delete passwords[id];
    const tmp = `${this.file}.tmp`;
    // Written whole to a 0600 temp file and renamed, so a crash never leaves half a secrets file.
    writeFileSync(tmp, JSON.stringify({ ...all, [KEY]: passwords }, null, 2) + '\n', { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.file);
  }

  private passwords(all = this.read()): Record<string, string> {
    const value = all[KEY];
    if (typeof value !== 'object' || value === null) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }

  private read(): Record<string, unknown> {
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new Error(`${this.file} is unreadable or not JSON (${(error as Error).message})`);
    }
  }
}
