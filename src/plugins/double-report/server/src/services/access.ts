/** What each Users & Permissions role may call; the app grants these at boot (idempotently). */
const P = 'plugin::double-report';
export default () => ({
  contentApiGrants(): Record<string, string[]> {
    return {
      'party-member': [
        `${P}.check-in.create`,
        `${P}.check-in.checkOut`,
        `${P}.check-in.mine`,
        `${P}.check-in.cancel`,
        `${P}.registration.reportMember`,
        `${P}.registration.withdrawMember`,
        `${P}.registration.mine`,
        `${P}.summary.me`,
      ],
      'party-unit': [
        `${P}.unit.members`,
        `${P}.unit.addMember`,
        `${P}.unit.memberCheckIns`,
        `${P}.registration.reportUnit`,
        `${P}.registration.withdrawUnit`,
        `${P}.registration.unitMine`,
        `${P}.list-item.claim`,
        `${P}.list-item.progress`,
        `${P}.summary.unit`,
      ],
    };
  },
});
