/** The tab's build for the end-to-end tests and the benchmarks: the same one `npm start` uses. */
export { ensureTabBuilt, ROOT, sourceHash, TAB_DIR, TAB_DIST } from "../../../server/local/tab-build";
