import type { StrapiApp } from '@strapi/strapi/admin';
import { Bell } from '@strapi/icons';
import { registerEnumCells } from './extensions/enum-cells';
import { HOME } from './translations/home';
import { domainMessages } from './translations/domain';
import { STRAPI_EN, STRAPI_ZH_HANS } from './translations/strapi';
import { strapiTypeMessages } from './translations/strapi-types';

// Community staff work in Chinese: zh-Hans is the default admin language, en stays available.
// The admin reads its language from localStorage when it starts, so the default is set first.
const LANGUAGE_KEY = 'strapi-admin-language';
if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
  window.localStorage.setItem(LANGUAGE_KEY, 'zh-Hans');
}

// Strapi's guided tour ("Create your schema", "Copy an API token") is for developers, and 5.54
// shows it whatever `tutorials` says: it is switched off in the state it keeps in localStorage.
const TOUR_KEY = 'STRAPI_GUIDED_TOUR';
function disableGuidedTour(): void {
  let stored: Record<string, unknown> = {};
  try {
    stored = JSON.parse(window.localStorage.getItem(TOUR_KEY) ?? '{}') as Record<string, unknown>;
  } catch {
    stored = {};
  }
  window.localStorage.setItem(TOUR_KEY, JSON.stringify({ ...stored, enabled: false }));
}

// The "new Media Library" banner is product news; it stays dismissed once dismissed, under a key
// scoped by the instance's uuid, so it is dismissed here for this instance.
async function dismissMediaLibraryBanner(): Promise<void> {
  try {
    const res = await fetch('/admin/init');
    const body = (await res.json()) as { data?: { uuid?: string | false } };
    const uuid = String(body.data?.uuid);
    for (const legacy of [true, false]) {
      window.localStorage.setItem(`STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${uuid}`, 'true');
    }
  } catch {
    // Offline or still starting: the banner shows once and can be closed by hand.
  }
}

// Strapi's widgets that show developers' figures or raw document ids are left off the staff home.
const HIDDEN_WIDGETS = new Set(['last-edited-entries', 'last-published-entries', 'key-statistics', 'deploy-now']);

export default {
  config: {
    locales: ['zh-Hans'],
    tutorials: false,
    notifications: { releases: false },
    translations: {
      'zh-Hans': {
        ...STRAPI_ZH_HANS,
        ...strapiTypeMessages('zh-Hans'),
        ...domainMessages('zh-Hans'),
        ...HOME['zh-Hans'],
      },
      en: { ...STRAPI_EN, ...strapiTypeMessages('en'), ...domainMessages('en'), ...HOME.en },
    },
  },
  register(app: StrapiApp) {
    app.widgets.register((widgets) => [
      {
        id: 'todo',
        icon: Bell,
        title: { id: 'grassroots.todo.title', defaultMessage: 'Waiting for me today' },
        component: () => import('./widgets/Todo').then((m) => m.TodoWidget),
      },
      ...widgets.filter((w) => !HIDDEN_WIDGETS.has(w.id)),
    ]);
    registerEnumCells(app);
  },
  async bootstrap(_app: StrapiApp) {
    if (typeof window === 'undefined') return;
    disableGuidedTour();
    await dismissMediaLibraryBanner();
  },
};
