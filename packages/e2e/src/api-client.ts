/** Asks the running API directly, so journeys assert against real data instead of copies of it. */
export async function queryApi<T>(
  apiUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(`API error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Every demo account's password (packages/api seeder). */
export const DEMO_PASSWORD = 'demo-pass-2026';

/** GraphQL as a signed-in user: signs in once through `login` and sends the bearer token. */
export async function asUser(apiUrl: string, email: string, password: string = DEMO_PASSWORD) {
  const { login } = await queryApi<{ login: { token: string | null } }>(
    apiUrl,
    'mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { token } }',
    { email, password },
  );
  if (!login.token) throw new Error(`cannot sign in as ${email}`);
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: T; errors?: unknown[] };
    if (body.errors) throw new Error(`API error: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}
