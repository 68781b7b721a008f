// Writes the run's totals to build/test-summary.json so that .ci/run can print
// "N passed, N failed" without parsing jest's human-readable output.
const fs = require("node:fs");
const path = require("node:path");

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const failedSuites = results.numFailedTestSuites - countSuitesWithFailedTests(results);
    const summary = {
      passed: results.numPassedTests,
      // A suite that fails to load has no failed tests of its own: count it as one failure.
      failed: results.numFailedTests + Math.max(0, failedSuites),
      suites: results.numTotalTestSuites,
    };
    const file = path.join(this.rootDir, "build", "test-summary.json");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(summary));
  }
}

function countSuitesWithFailedTests(results) {
  return results.testResults.filter((suite) => suite.numFailingTests > 0).length;
}

module.exports = SummaryReporter;
