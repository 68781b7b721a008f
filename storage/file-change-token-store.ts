import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { changeTokenKeySchema, changeTokenSchema, type ChangeToken, type ChangeTokenStore } from "../core/ports/change-tokens";

/**
 * The change feeds' places in a folder next to the local data (one `{key}.json` per feed),
 * written whole through a temporary file so that a crash leaves the old token or the new one.
 * A file that is not a token reads as none.
 */
export class FileChangeTokenStore implements ChangeTokenStore {
  constructor(private readonly folder: string) {}

  private file(key: string): string {
    return path.join(this.folder, `${changeTokenKeySchema.parse(key)}.json`);
  }

  async read(key: string): Promise<ChangeToken | undefined> {
    let text: string;
    try {
      text = readFileSync(this.file(key), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    try {
      const parsed = changeTokenSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async write(key: string, token: ChangeToken): Promise<void> {
    const file = this.file(key);
    mkdirSync(this.folder, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(changeTokenSchema.parse(token)), { mode: 0o600 });
    renameSync(temporary, file);
  }

  async remove(key: string): Promise<void> {
    rmSync(this.file(key), { force: true });
  }
}
