/** The server's 400/409 message (it already reads `field: rule`), or the transport error. */
export const errorMessage = (e: any): string => e?.response?.data?.error?.message ?? String(e?.message ?? e);
