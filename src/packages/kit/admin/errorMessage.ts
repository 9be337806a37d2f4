/** An error as the admin fetch client throws it: the server's envelope under response.data. */
interface FetchFailure {
  message?: string;
  response?: { data?: { error?: { message?: string } } };
}

/** The server's refusal (it already names the field and the rule), else the transport error. */
export function errorMessage(e: unknown): string {
  const failure = e as FetchFailure | null | undefined;
  return failure?.response?.data?.error?.message ?? String(failure?.message ?? e);
}
