// Results of external checks kept on disk, so repeated runs (and CI re-runs) do not hammer
// other people's servers. Only successes are cached; failures are always checked again.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

interface Entry {
  status: number;
  checkedAt: number;
}

export class ResultCache {
  private entries: Record<string, Entry> = {};

  constructor(
    private readonly file: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (existsSync(file)) {
      try {
        this.entries = JSON.parse(readFileSync(file, "utf8")) as Record<string, Entry>;
      } catch {
        this.entries = {}; // a damaged cache is only a slower run
      }
    }
  }

  fresh(url: string): Entry | undefined {
    const entry = this.entries[url];
    return entry && this.now() - entry.checkedAt < this.ttlMs ? entry : undefined;
  }

  remember(url: string, status: number): void {
    this.entries[url] = { status, checkedAt: this.now() };
  }

  save(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify(this.entries, null, 1));
  }
}
