export default {
  rest: {
    defaultLimit: 25,
    // The public page cap: no caller gets more than 100 rows in one response.
    maxLimit: 100,
    withCount: true,
  },
};
