// double-report POST /check-ins: member k % members, a fresh Idempotency-Key and (member, activity)
// pair per request, GPS inside the radius.
const data = require('./data');

let n = 0;
module.exports = (req) => {
  const { jwts, activities } = data();
  const k = n++;
  const activity = activities[Math.floor(k / jwts.length) % activities.length];
  return {
    ...req,
    headers: {
      ...req.headers,
      'content-type': 'application/json',
      authorization: `Bearer ${jwts[k % jwts.length]}`,
      'idempotency-key': `bench-${k}`,
    },
    body: JSON.stringify({ activity, source: 'gps', lat: 34.41, lng: 114.19 }),
  };
};
