/** What each Users & Permissions role may call; the app grants these at boot (idempotently). */
const P = 'plugin::grid-cases';
const OWNER_ROUTES = [
  `${P}.owner.cases`,
  `${P}.owner.sign`,
  `${P}.owner.start`,
  `${P}.owner.handle`,
  `${P}.owner.extension`,
];
export default () => ({
  contentApiGrants(): Record<string, string[]> {
    return {
      'grid-worker': [
        `${P}.worker.report`,
        `${P}.worker.mine`,
        `${P}.worker.grid`,
        `${P}.worker.rate`,
        `${P}.worker.photos`,
        `${P}.worker.duties`,
      ],
      'party-unit': OWNER_ROUTES,
      // 承办方账号 (county departments, property companies): the same owner routes, their own cases only
      'case-owner': OWNER_ROUTES,
    };
  },
});
