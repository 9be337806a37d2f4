// Admin routes: every one needs an admin session and one of ACTIONS (permissions.ts), within the caller's organisation.
export default {
  type: 'admin' as const,
  routes: [] as unknown[],
};
