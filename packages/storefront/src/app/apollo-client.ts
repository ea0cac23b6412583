import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/**
 * One client for the app. Entities are normalized by their global `id`, so a cart returned by
 * `addToCart` updates the header count and any open cart view without refetching. Value objects
 * without identity (Image, Money …) merge field by field, so different views of the same product
 * can select different fields of them. Product pages are cached per cursor (`after` is a key
 * argument), so no connection merging is configured.
 */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql' }),
    cache: new InMemoryCache({
      typePolicies: {
        Product: { keyFields: ['id'] },
        ProductVariant: { keyFields: ['id'] },
        Merchant: { keyFields: ['id'] },
        Category: { keyFields: ['id'] },
        Cart: { keyFields: ['id'] },
        CartLine: { keyFields: ['id'] },
        Image: { merge: true },
        Money: { merge: true },
        PriceRange: { merge: true },
        PageInfo: { merge: true },
      },
    }),
  });
}
