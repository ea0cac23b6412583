import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { resources } from '../../i18n/resources/resources';
import { signOutEverywhere } from '../lib/sign-out-everywhere';
import { LogoutEverywhereButton } from './logout-everywhere-button';

// A stand-in for the layout's viewer query (parsed here so codegen does not ship it).
const ViewerQuery: TypedDocumentNode<{ viewer: { __typename: 'User'; id: string; email: string } | null }> =
  parse('query LogoutEverywhereTest_Viewer { viewer { id email } }');

/** A client whose "server" keeps one session and records every operation it receives. */
function fakeApi({ failLogout = false } = {}) {
  const received: { operationName: string | undefined; variables: Record<string, unknown> }[] = [];
  let signedIn = true;
  const link = new ApolloLink((operation) => {
    received.push({ operationName: operation.operationName, variables: { ...operation.variables } });
    if (operation.operationName === 'LogoutEverywhereButton_LogoutMutation') {
      if (failLogout) throw new Error('network down');
      const loggedOut = signedIn;
      if (operation.variables.everywhere === true) signedIn = false;
      return of({ data: { logout: { __typename: 'LogoutPayload', loggedOut } } });
    }
    const viewer = signedIn ? { __typename: 'User', id: 'VXNlcjo5', email: 'admin@example.com' } : null;
    return of({ data: { viewer } });
  });
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return { client, received, isSignedIn: () => signedIn };
}

const cached = (client: ApolloClient) => JSON.stringify(client.cache.extract()).includes('admin@example.com');

describe('signOutEverywhere', () => {
  it('sends logout with everywhere: true, goes to the login page, then clears the cache', async () => {
    const api = fakeApi();
    await api.client.query({ query: ViewerQuery });
    expect(cached(api.client)).toBe(true);

    const steps: string[] = [];
    await signOutEverywhere(api.client, () => {
      steps.push(`leave (cached: ${cached(api.client)})`);
    });

    expect(api.received.filter((op) => op.operationName === 'LogoutEverywhereButton_LogoutMutation')).toEqual(
      [{ operationName: 'LogoutEverywhereButton_LogoutMutation', variables: { everywhere: true } }],
    );
    expect(api.isSignedIn()).toBe(false);
    // The signed-in pages are left before the cache is cleared under them.
    expect(steps).toEqual(['leave (cached: true)']);
    expect(api.client.cache.extract()).toEqual({});
    const { data } = await api.client.query({ query: ViewerQuery });
    expect(data?.viewer).toBeNull();
  });

  it('keeps the session data and stays put when the server cannot be reached', async () => {
    const api = fakeApi({ failLogout: true });
    await api.client.query({ query: ViewerQuery });
    let left = false;
    await expect(
      signOutEverywhere(api.client, () => {
        left = true;
      }),
    ).rejects.toThrow();
    expect(left).toBe(false);
    expect(cached(api.client)).toBe(true);
  });
});

describe('LogoutEverywhereButton', () => {
  const render = (lng: 'en' | 'zh-TW') => {
    const i18n = i18next.createInstance();
    void i18n.init({
      resources,
      lng,
      fallbackLng: 'en',
      initAsync: false,
      interpolation: { escapeValue: false },
    });
    return renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <ApolloProvider client={fakeApi().client}>
          <MemoryRouter>
            <LogoutEverywhereButton />
          </MemoryRouter>
        </ApolloProvider>
      </I18nextProvider>,
    );
  };

  it.each([
    ['en', 'Sign out of all devices', 'Sign out of all devices?', 'Sign out everywhere', 'Cancel'],
    ['zh-TW', '登出所有裝置', '要登出所有裝置嗎？', '全部登出', '取消'],
  ] as const)(
    'in %s: a button that opens a closed confirmation dialog',
    (lng, open, title, confirm, cancel) => {
      const html = render(lng);
      expect(html).toMatch(new RegExp(`<button[^>]*data-testid="logout-everywhere"[^>]*>(<[^>]+>)*${open}<`));
      // The confirmation is a native dialog, closed until the button is pressed, named by its title.
      expect(html).toMatch(/<dialog(?![^>]*\bopen\b)[^>]*aria-labelledby="[^"]+-title"/);
      expect(html).toContain(`-title" class="logout-everywhere__title">${title}</h2>`);
      expect(html).toMatch(new RegExp(`data-testid="confirm-logout-everywhere"[^>]*>(<[^>]+>)*${confirm}<`));
      expect(html).toMatch(new RegExp(`<button[^>]*>(<[^>]+>)*${cancel}<`));
      // Every control is a real <button type="button">: reachable and pressable from the keyboard.
      expect(html.match(/<button /g)?.length).toBe(html.match(/<button[^>]*type="button"/g)?.length);
    },
  );
});
