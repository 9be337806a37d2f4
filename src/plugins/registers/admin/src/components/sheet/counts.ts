import type { SheetCounts } from '../../types';

/** The sheet's figures in the order of the printed form: groups of (translation key, count). */
export const COUNT_GROUPS: Array<{ title: string; items: Array<keyof SheetCounts> }> = [
  {
    title: 'sheet.group.houses',
    items: ['compounds', 'buildings', 'houses', 'ownerOccupied', 'rented', 'vacant', 'shopHouses'],
  },
  {
    title: 'sheet.group.people',
    items: ['residents', 'permanent', 'temporary', 'lodging', 'registeredElsewhere', 'partyMembers'],
  },
  { title: 'sheet.group.things', items: ['rentals', 'shops', 'firms', 'partyOrganisations'] },
];
