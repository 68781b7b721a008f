import { appendFileSync, existsSync, fsyncSync, openSync, closeSync, readFileSync, renameSync, statSync } from "node:fs";
import { receiptKey, type Receipt, type ReceiptLog } from "../../core/ports/receipt-log";

export { receiptKey, type Receipt, type ReceiptLog };

/**
 * The receipt log in a file (one JSON line per send). A process killed with SIGKILL loses
 * nothing it appended; with `fsync` the line also survives the machine crashing, at the cost of
 * a disk flush per message. The file is rotated past `maxBytes` (the previous file is kept: its
 * sends are long recorded).
 */
export class FileReceiptLog implements ReceiptLog {
  constructor(
    private readonly path: string,
    private readonly options: { fsync?: boolean; maxBytes?: number } = {},
  ) {}

  write(receipt: Receipt): void {
    const line = `${JSON.stringify(receipt)}\n`;
    if (this.options.fsync) {
      const fd = openSync(this.path, "a");
      try {
        appendFileSync(fd, line);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } else {
      appendFileSync(this.path, line);
    }
    this.rotateIfLarge();
  }

  read(): Map<string, Receipt> {
    const receipts = new Map<string, Receipt>();
    for (const file of [`${this.path}.old`, this.path]) {
      if (!existsSync(file)) continue;
      for (const text of readFileSync(file, "utf8").split("\n")) {
        if (!text) continue;
        try {
          const receipt = JSON.parse(text) as Receipt;
          receipts.set(receiptKey(receipt.entryId, receipt.claimedAt), receipt);
        } catch {
          // a line torn by a crash: that send was not confirmed
        }
      }
    }
    return receipts;
  }

  private rotateIfLarge(): void {
    const maxBytes = this.options.maxBytes ?? 5 * 1024 * 1024;
    try {
      if (statSync(this.path).size > maxBytes) renameSync(this.path, `${this.path}.old`);
    } catch {
      // rotation is an optimisation
    }
  }
}
