// What a load module needs from its scenario (JWTs, document ids), handed over as a JSON file
// because functions and closures cannot cross into autocannon's worker thread.
const fs = require('fs');

let cached;
module.exports = () => (cached ??= JSON.parse(fs.readFileSync(process.env.BENCH_LOAD_DATA, 'utf8')));
