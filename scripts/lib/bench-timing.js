// Latency one request at a time, for the bench scenarios: what a member of staff waits for when
// nothing queues, beside autocannon's throughput under load.

/** The q-quantile of a list of numbers (nearest rank). */
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

/** `runs` GET requests one after another; median and p95 in ms. A non-200 answer stops the bench. */
async function oneAtATime(url, headers, runs = 30) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const res = await fetch(url, { headers });
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

module.exports = { quantile, oneAtATime };
