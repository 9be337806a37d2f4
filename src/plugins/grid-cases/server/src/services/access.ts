/** What each Users & Permissions role may call; the app grants these at boot (idempotently). */
const P = 'plugin::grid-cases';
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
      'party-unit': [
        `${P}.owner.cases`,
        `${P}.owner.sign`,
        `${P}.owner.start`,
        `${P}.owner.handle`,
        `${P}.owner.extension`,
      ],
    };
  },
});
