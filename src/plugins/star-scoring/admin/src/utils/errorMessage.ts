/** The server's 400/409 message (it already names the field and the rule), else the transport error. */
export const errorMessage = (e: any): string => {
  const err = e?.response?.data?.error;
  if (!err) return String(e?.message ?? e);
  return String(err.message);
};
