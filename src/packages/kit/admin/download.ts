import type { useFetchClient } from '@strapi/strapi/admin';

type Get = ReturnType<typeof useFetchClient>['get'];

/** Fetches a file from an admin route (the admin's token goes along) and hands it to the browser as a download. */
export async function downloadFile(get: Get, url: string, filename: string): Promise<void> {
  const res = (await get(url, { responseType: 'blob' })) as { data: Blob };
  const href = URL.createObjectURL(res.data);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(href);
}
