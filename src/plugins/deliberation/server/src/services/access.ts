/** Users & Permissions grants: residents who log in may evaluate closed topics. Reads are public (auth: false). */
export default () => ({
  contentApiGrants(): Record<string, string[]> {
    const evaluate = ['plugin::deliberation.public.evaluate'];
    return { authenticated: evaluate, 'party-member': evaluate, 'party-unit': [] };
  },
});
