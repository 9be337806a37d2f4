/** The server's refusal (it already reads `field: rule`), else the transport error. */
export const errorMessage = (e: any): string => e?.response?.data?.error?.message ?? String(e?.message ?? e);
