// Jest's order of the suites, for two workers: the longest first, so that no long suite starts
// near the end and runs on alone while the other worker idles. Jest's own order puts first the
// suites that failed last time, then the slowest of its last run (its cache), and without a cache
// (a fresh clone, CI) the largest files. LONG_SUITES are the suites known to take minutes or a
// good part of one (docs/performance.md, "The test loop"): they go first, in this order, even
// without a cache; Jest's order applies to the rest.
const Sequencer = require('@jest/test-sequencer').default;

const LONG_SUITES = ['tests/openapi-schemathesis.test.ts'];

class LongestFirstSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const rank = (test) => {
      const index = LONG_SUITES.findIndex((suite) => test.path.endsWith(suite));
      return index === -1 ? LONG_SUITES.length : index;
    };
    // Array.prototype.sort is stable: Jest's order holds within the rest.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = LongestFirstSequencer;
