import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { of } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import type { Translator } from '../../lib/i18n/translator.js';
import { translatorWithAllLanguages } from '../i18n/resources.js';
import { SignOutEverywhereSection } from './components/sign-out-everywhere-section.js';
import { signOutEverywhere } from './sign-out-everywhere.js';

// The app's useTranslation subscribes with useSyncExternalStore, which server rendering (used
// here in place of a DOM) cannot do; the component gets the same real translator directly instead.
const i18n = vi.hoisted(() => ({ translator: null as Translator | null }));
vi.mock('../../lib/i18n/react.js', () => ({
  useTranslation: () => {
    if (!i18n.translator) throw new Error('no translator');
    return { t: i18n.translator.getFixedT(i18n.translator.language), i18n: i18n.translator };
  },
}));

// A stand-in for the account pages' viewer query (parsed here so codegen does not ship it).
const ViewerQuery: TypedDocumentNode<{ viewer: { __typename: 'User'; id: string; email: string } | null }> =
  parse('query SignOutEverywhereTest_Viewer { viewer { id email } }');

/** A client whose "server" keeps one session and records every operation it receives. */
function fakeApi({ failLogout = false } = {}) {
  const received: { operationName: string | undefined; variables: Record<string, unknown> }[] = [];
  let signedIn = true;
  const link = new ApolloLink((operation) => {
    received.push({ operationName: operation.operationName, variables: { ...operation.variables } });
    if (operation.operationName === 'SignOutEverywhere_LogoutMutation') {
      if (failLogout) throw new Error('network down');
      const loggedOut = signedIn;
      if (operation.variables.everywhere === true) signedIn = false;
      return of({ data: { logout: { __typename: 'LogoutPayload', loggedOut } } });
    }
    const viewer = signedIn ? { __typename: 'User', id: 'VXNlcjox', email: 'shopper@example.com' } : null;
    return of({ data: { viewer } });
  });
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return { client, received, isSignedIn: () => signedIn };
}

describe('signOutEverywhere', () => {
  it('sends logout with everywhere: true, leaves the account pages, then drops the cached account', async () => {
    const api = fakeApi();
    await api.client.query({ query: ViewerQuery });
    expect(JSON.stringify(api.client.cache.extract())).toContain('shopper@example.com');

    const steps: string[] = [];
    await signOutEverywhere(api.client, () => {
      // Still cached when leaving: the store is reset only once the shopper is off the account pages.
      steps.push(
        `leave (cached: ${JSON.stringify(api.client.cache.extract()).includes('shopper@example.com')})`,
      );
    });

    const logout = api.received.filter((op) => op.operationName === 'SignOutEverywhere_LogoutMutation');
    expect(logout).toEqual([
      { operationName: 'SignOutEverywhere_LogoutMutation', variables: { everywhere: true } },
    ]);
    expect(api.isSignedIn()).toBe(false);
    expect(steps).toEqual(['leave (cached: true)']);
    // Nothing of the account is left in the cache, and asking again shows a guest.
    expect(JSON.stringify(api.client.cache.extract())).not.toContain('shopper@example.com');
    const { data } = await api.client.query({ query: ViewerQuery });
    expect(data?.viewer).toBeNull();
  });

  it('keeps the account and stays put when the server cannot be reached', async () => {
    const api = fakeApi({ failLogout: true });
    await api.client.query({ query: ViewerQuery });
    let left = false;
    await expect(
      signOutEverywhere(api.client, () => {
        left = true;
      }),
    ).rejects.toThrow();
    expect(left).toBe(false);
    expect(JSON.stringify(api.client.cache.extract())).toContain('shopper@example.com');
  });
});

describe('SignOutEverywhereSection', () => {
  const render = (language: 'en' | 'zh-TW') => {
    i18n.translator = translatorWithAllLanguages(language);
    return renderToStaticMarkup(
      <ApolloProvider client={fakeApi().client}>
        <MemoryRouter>
          <SignOutEverywhereSection />
        </MemoryRouter>
      </ApolloProvider>,
    );
  };

  it.each([
    ['en', 'Sign out of all devices', 'Sign out of all devices?', 'Sign out everywhere', 'Cancel'],
    ['zh-TW', '登出所有裝置', '要登出所有裝置嗎？', '全部登出', '取消'],
  ] as const)(
    'in %s: a button that opens a closed confirmation dialog',
    (language, action, title, confirm, cancel) => {
      const html = render(language);
      expect(html).toMatch(
        new RegExp(`<button[^>]*data-testid="sign-out-everywhere"[^>]*><span>${action}</span></button>`),
      );
      // The confirmation is a native dialog, closed until the button is pressed, named by its title.
      expect(html).toMatch(/<dialog(?![^>]*\bopen\b)[^>]*aria-labelledby="[^"]+-title"/);
      expect(html).toContain(`-title" class="sign-out-everywhere__title">${title}</h2>`);
      expect(html).toMatch(
        new RegExp(`data-testid="confirm-sign-out-everywhere"[^>]*><span>${confirm}</span></button>`),
      );
      expect(html).toContain(`<span>${cancel}</span></button>`);
      // Every control is a real <button type="button">: reachable and pressable from the keyboard.
      expect(html.match(/<button /g)?.length).toBe(html.match(/<button[^>]*type="button"/g)?.length);
    },
  );
});
