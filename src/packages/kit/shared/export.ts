/** The two downloads staff open in Excel (the server writes them, admin pages offer a button for each). */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
