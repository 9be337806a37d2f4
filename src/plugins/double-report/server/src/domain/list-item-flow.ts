import { defineFlow } from '@grassroots/kit/shared';

export type ItemStatus = 'open' | 'claimed' | 'in_progress' | 'done' | 'evaluated';

/** A claimable list item's life: open → claimed → in_progress → done → evaluated (a claimed item may be done at once). */
export const ITEM_FLOW = defineFlow<ItemStatus>({
  open: ['claimed'],
  claimed: ['in_progress', 'done'],
  in_progress: ['done'],
  done: ['evaluated'],
  evaluated: [],
});

export const ITEM_PATH = 'open → claimed → in_progress → done → evaluated';
