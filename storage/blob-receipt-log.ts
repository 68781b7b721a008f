import type { ContainerClient } from "@azure/storage-blob";
import { z } from "zod";
import { receiptKey, type Receipt, type ReceiptLog } from "../core/ports/receipt-log";
import { codeOf, statusOf } from "./errors";

/** What a receipt blob's metadata holds (base64url JSON: activity and conversation ids are not header-safe). */
const receiptSchema = z.object({
  entryId: z.string().min(1).max(256),
  claimedAt: z.string().max(64),
  activityId: z.string().max(512),
  conversationId: z.string().max(1024),
});

/**
 * The outbox's receipt log shared by every instance (core/ports/receipt-log.ts): one empty blob
 * per accepted send, named `{entryId}@{claimedAt}`, the receipt itself in the blob's metadata so
 * that a listing reads them all without a download per blob. A blob is created only if none of
 * that name exists (If-None-Match: *): the first record of a claim is the one that stays, and an
 * instance settling another's abandoned claim reads what that instance wrote before it died.
 * Reading is tolerant: a blob that is not a receipt (or was torn by hand) is skipped. A lifecycle
 * rule in infra/azure.bicep deletes receipts after a week: a claim is settled long before.
 */
export class BlobReceiptLog implements ReceiptLog {
  constructor(private readonly container: () => Promise<ContainerClient>) {}

  async write(receipt: Receipt): Promise<void> {
    const parsed = receiptSchema.parse(receipt);
    const blob = (await this.container()).getBlockBlobClient(receiptKey(parsed.entryId, parsed.claimedAt));
    try {
      await blob.upload("", 0, { metadata: { receipt: Buffer.from(JSON.stringify(parsed)).toString("base64url") }, conditions: { ifNoneMatch: "*" } });
    } catch (error) {
      // Already recorded for this claim (a retried upload whose first try went through): the first record stands.
      if (statusOf(error) === 409 || statusOf(error) === 412 || codeOf(error) === "BlobAlreadyExists") return;
      throw error;
    }
  }

  async read(): Promise<Map<string, Receipt>> {
    const receipts = new Map<string, Receipt>();
    for await (const item of (await this.container()).listBlobsFlat({ includeMetadata: true })) {
      const encoded = item.metadata?.receipt;
      if (!encoded) continue;
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
      } catch {
        continue;
      }
      const receipt = receiptSchema.safeParse(json);
      if (!receipt.success || receiptKey(receipt.data.entryId, receipt.data.claimedAt) !== item.name) continue;
      receipts.set(item.name, receipt.data);
    }
    return receipts;
  }
}
