import type { ContainerClient } from "@azure/storage-blob";
import { changeTokenKeySchema, changeTokenSchema, type ChangeToken, type ChangeTokenStore } from "../core/ports/change-tokens";
import { statusOf } from "./errors";

/**
 * The change feeds' places in Blob Storage: one small JSON blob per feed (`{key}.json`), read by
 * whichever instance leads. A blob that is not a token (torn, edited by hand) reads as none: the
 * feed then reads its list whole again, which repeats nothing (docs/graph.md).
 */
export class BlobChangeTokenStore implements ChangeTokenStore {
  constructor(private readonly container: () => Promise<ContainerClient>) {}

  async read(key: string): Promise<ChangeToken | undefined> {
    const blob = (await this.container()).getBlockBlobClient(`${changeTokenKeySchema.parse(key)}.json`);
    let text: string;
    try {
      text = (await blob.downloadToBuffer()).toString("utf8");
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
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
    const body = JSON.stringify(changeTokenSchema.parse(token));
    const blob = (await this.container()).getBlockBlobClient(`${changeTokenKeySchema.parse(key)}.json`);
    await blob.upload(body, Buffer.byteLength(body), { blobHTTPHeaders: { blobContentType: "application/json" } });
  }

  async remove(key: string): Promise<void> {
    await (await this.container()).getBlockBlobClient(`${changeTokenKeySchema.parse(key)}.json`).deleteIfExists();
  }
}
