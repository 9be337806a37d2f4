// Nothing of the registers is public or reachable with a content-API token: every route is an admin route.
export default {
  type: 'content-api' as const,
  routes: [] as unknown[],
};
