// Finds which workspace file holds the same secret a command carries ("the same token is in .env"),
// so the person sees where the agent got it. Searched once per secret (cached by hash, never by the
// secret itself), and bounded in files, bytes and time so a huge workspace cannot stall the modal.
import { createHash } from 'crypto';

export interface WorkspaceFiles {
  /** Candidate files, most likely first (`.env*` before the rest). */
  list(): Promise<string[]>;
  /** At most `maxBytes` of the file as text, or undefined when unreadable. */
  read(file: string, maxBytes: number): Promise<string | undefined>;
  /** Path shown to the person (relative to the workspace). */
  display(file: string): string;
}

export interface SearchBudget {
  maxFiles: number;
  maxBytesPerFile: number;
  maxTotalBytes: number;
  maxMillis: number;
}

export const DEFAULT_BUDGET: SearchBudget = { maxFiles: 2000, maxBytesPerFile: 512 * 1024, maxTotalBytes: 32 * 1024 * 1024, maxMillis: 1500 };

/** Secrets shorter than this are too common to attribute to a file. */
const MIN_SECRET = 8;

export class SecretLocator {
  private readonly cache = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly files: WorkspaceFiles,
    private readonly budget: SearchBudget = DEFAULT_BUDGET,
    private readonly now: () => number = Date.now,
  ) {}

  /** The first workspace file containing `secret`, or undefined (not found, too short, over budget). */
  locate(secret: string): Promise<string | undefined> {
    if (secret.length < MIN_SECRET || secret.startsWith('$')) return Promise.resolve(undefined);
    const key = createHash('sha256').update(secret).digest('hex');
    let found = this.cache.get(key);
    if (!found) {
      found = this.search(secret).catch(() => undefined);
      this.cache.set(key, found);
    }
    return found;
  }

  private async search(secret: string): Promise<string | undefined> {
    const started = this.now();
    const files = (await this.files.list()).slice(0, this.budget.maxFiles);
    let total = 0;
    for (const f of files) {
      if (this.now() - started > this.budget.maxMillis || total > this.budget.maxTotalBytes) return undefined;
      const text = await this.files.read(f, this.budget.maxBytesPerFile);
      if (text === undefined) continue;
      total += text.length;
      if (text.includes(secret)) return this.files.display(f);
    }
    return undefined;
  }
}

const SECRETISH_NAME = /secret|credential|token|\.npmrc|\.pgpass|config/;

/** `.env`, `.env.local`, `prod.env` first: that is where secrets usually are. */
export function byLikelihood(a: string, b: string): number {
  const score = (p: string): number => {
    const base = p.slice(p.lastIndexOf('/') + 1).toLowerCase();
    if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 0;
    if (SECRETISH_NAME.test(base)) return 1;
    return 2;
  };
  return score(a) - score(b) || a.localeCompare(b);
}
