// grid-cases POST /cases: a grid account reports in its own grid, a fresh Idempotency-Key per request.
const data = require('./data');

let n = 0;
module.exports = (req) => {
  const { jwt, grid, category, prefix } = data();
  const k = n++;
  return {
    ...req,
    headers: {
      ...req.headers,
      'content-type': 'application/json',
      authorization: `Bearer ${jwt}`,
      'idempotency-key': `${prefix}-${k}`,
    },
    body: JSON.stringify({
      title: `3号楼路灯不亮 ${k}`,
      description: '3号楼东侧路灯连续三晚不亮，老人夜间出行不便。',
      category,
      source: 'five_heads',
      grid,
      building: '3号楼',
      lat: 34.41,
      lng: 114.19,
    }),
  };
};
