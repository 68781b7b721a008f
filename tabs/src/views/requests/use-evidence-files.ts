/**
 * The evidence files of an answer being written: each file chosen is uploaded at once to the
 * request's folder in the Evidence library (the server's evidence policy decides whether it is
 * taken), and the answer lists those attached when it is sent.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { isAbort } from "../../api/client";
import type { ResponseOf } from "../../api/routes";
import { useSession } from "../../shell/session";

export type Attachment = ResponseOf<"uploadAttachment">;

export type EvidenceFile = { key: string; name: string } & ({ state: "uploading" } | { state: "attached"; attachment: Attachment } | { state: "refused"; error: unknown });

export interface EvidenceFiles {
  files: EvidenceFile[];
  /** Uploads each file at once. */
  add(chosen: readonly File[]): void;
  /** Takes a file off the answer (an upload under way is cancelled). */
  remove(key: string): void;
  uploading: boolean;
  /** What the answer lists: the files attached, in the order they were chosen. */
  attachments: Attachment[];
}

export function useEvidenceFiles(requestId: string): EvidenceFiles {
  const { api } = useSession();
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const uploads = useRef(new Map<string, AbortController>());

  useEffect(() => {
    const running = uploads.current;
    return () => running.forEach((controller) => controller.abort());
  }, []);

  const settle = useCallback((key: string, file: EvidenceFile) => {
    uploads.current.delete(key);
    // A file removed while it uploaded stays removed.
    setFiles((previous) => previous.map((f) => (f.key === key ? file : f)));
  }, []);

  const add = useCallback(
    (chosen: readonly File[]) => {
      const started = chosen.map((file) => ({ file, key: crypto.randomUUID(), controller: new AbortController() }));
      setFiles((previous) => [...previous, ...started.map(({ file, key }) => ({ key, name: file.name, state: "uploading" as const }))]);
      for (const { file, key, controller } of started) {
        uploads.current.set(key, controller);
        api.call("uploadAttachment", { params: { id: requestId }, query: { fileName: file.name }, body: file, signal: controller.signal }).then(
          (attachment) => settle(key, { key, name: file.name, state: "attached", attachment }),
          (error: unknown) => {
            if (!isAbort(error)) settle(key, { key, name: file.name, state: "refused", error });
          },
        );
      }
    },
    [api, requestId, settle],
  );

  const remove = useCallback((key: string) => {
    uploads.current.get(key)?.abort();
    uploads.current.delete(key);
    setFiles((previous) => previous.filter((f) => f.key !== key));
  }, []);

  return {
    files,
    add,
    remove,
    uploading: files.some((f) => f.state === "uploading"),
    attachments: files.flatMap((f) => (f.state === "attached" ? [f.attachment] : [])),
  };
}
