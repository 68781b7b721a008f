/**
 * Loads something from the API for a view: loading, the data, the problem if any, and reload.
 * A newer load (changed inputs, reload) cancels the older one, so a slow answer never
 * overwrites a newer one.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { isAbort } from "./client";

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  /** Replaces the data in place (after a write that returned the new record). */
  set(update: (previous: T | undefined) => T | undefined): void;
}

/**
 * `initial`: the data when it is already at hand as the component first renders (an answer the
 * page's boot script fetched); the first load is then skipped, and `reload` loads as usual.
 */
export function useResource<T>(load: ((signal: AbortSignal) => Promise<T>) | undefined, deps: readonly unknown[], initial?: () => T | undefined): Resource<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>(() => {
    const data = initial?.();
    return data === undefined ? { data: undefined, error: undefined, loading: Boolean(load) } : { data, error: undefined, loading: false };
  });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const skipFirstLoad = useRef(state.data !== undefined);

  useEffect(() => {
    if (skipFirstLoad.current) {
      skipFirstLoad.current = false;
      return;
    }
    const run = loadRef.current;
    if (!run) {
      setState((s) => ({ ...s, loading: false }));
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    run(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ data, error: undefined, loading: false }),
      (error: unknown) => !controller.signal.aborted && !isAbort(error) && setState((s) => ({ ...s, error, loading: false })),
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the load depends on
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const set = useCallback((update: (previous: T | undefined) => T | undefined) => setState((s) => ({ ...s, data: update(s.data) })), []);
  return { ...state, reload, set };
}

/** Runs a write: busy while it runs, the problem if it failed. */
export function useAction<Args extends unknown[], R>(action: (...args: Args) => Promise<R>) {
  const [state, setState] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: undefined });
  const actionRef = useRef(action);
  actionRef.current = action;
  const run = useCallback(async (...args: Args): Promise<R | undefined> => {
    setState({ busy: true, error: undefined });
    try {
      const result = await actionRef.current(...args);
      setState({ busy: false, error: undefined });
      return result;
    } catch (error) {
      setState({ busy: false, error });
      return undefined;
    }
  }, []);
  const clear = useCallback(() => setState({ busy: false, error: undefined }), []);
  return { ...state, run, clear };
}
