/**
 * The tab's component tests wait for what a person would see. On a busy machine (two cores,
 * every suite at once) a large view can take more than testing-library's default second to
 * render, so its `findBy…`/`waitFor` wait up to ten seconds: a test still fails when the thing
 * never appears, it only stops failing because the machine was slow.
 */
import { configure } from "@testing-library/react";

configure({ asyncUtilTimeout: 10_000 });

// Role queries also find elements marked aria-hidden. In jsdom, tabster (Fluent's focus manager)
// focuses an opening dialog's surface rather than its first field (nothing is laid out) and then,
// on a timer, marks the dialog aria-hidden as an inactive modal: on a busy machine a test found
// the dialog and then lost its fields. Chromium focuses the first field; the browser tests
// (tests/e2e) check what assistive technologies are given there.
configure({ defaultHidden: true });

// For the same reason a test of a whole view (450 rows, dialogs) may take up to a minute.
jest.setTimeout(60_000);
