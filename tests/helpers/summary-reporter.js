// Prints one plain closing line per run ("sqlite: 42 passed, 0 failed, 1 skipped") and
// records it for .ci/run, which adds the runs up.
const fs = require('fs');
const path = require('path');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const label = process.env.TEST_LABEL || (process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite');
    const line = `${results.numPassedTests} passed, ${results.numFailedTests + results.numRuntimeErrorTestSuites} failed, ${results.numPendingTests} skipped`;
    console.log(`\n${label}: ${line}`);
    const dir = path.resolve(__dirname, '..', '..', '.tmp');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, `test-summary-${label}.json`),
      JSON.stringify({
        label,
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests,
      }),
    );
  }
}

module.exports = SummaryReporter;
