// Core POST /api/branches: a new, unique branch per request (the bench's baseline create).
const data = require('./data');

let n = 0;
module.exports = (req) => {
  const { prefix } = data();
  n += 1;
  return {
    ...req,
    body: JSON.stringify({
      data: { name: `压测党支部${prefix}-${n}`, code: `BENCH-${prefix}-${n}`, level: 'community_branch' },
    }),
  };
};
