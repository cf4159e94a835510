/** A JSON response from the tickets API: its status and parsed body. */
export interface ApiResponse {
  status: number;
  /** Whatever the route answered: each test reads the fields it checks. */
  body: any;
}

/** Calls the tickets API as a helpdesk automation would: bearer token, JSON in and out. */
export async function callTicketsApi(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
