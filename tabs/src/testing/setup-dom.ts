/**
 * The tab's component tests wait for what a person would see. On a busy machine (two cores,
 * every suite at once) a large view can take more than testing-library's default second to
 * render, so its `findBy…`/`waitFor` wait up to ten seconds: a test still fails when the thing
 * never appears, it only stops failing because the machine was slow.
 */
import { configure } from "@testing-library/react";

configure({ asyncUtilTimeout: 10_000 });

// For the same reason a test of a whole view (450 rows, dialogs) may take up to a minute.
jest.setTimeout(60_000);
