/** Users & Permissions grants; the public routes are auth:false and need none. */
export default () => ({
  contentApiGrants(): Record<string, string[]> {
    return {};
  },
});
