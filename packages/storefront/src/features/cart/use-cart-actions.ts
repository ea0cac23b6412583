import { useMutation } from '@apollo/client/react';
import { useTranslation } from '../../lib/i18n/react.js';
import { graphql } from '../../gql/gql.js';
import { cartTokenStore } from '../../lib/cart-token.js';
import { useApiLocale } from '../../lib/locale.js';
import { type CartLineProblem, cartLineErrorMessage } from './cart-line-errors.js';

// Each mutation returns the whole cart view, so Apollo's cache updates the page and the header count.
const CartActions_UpdateLineMutation = graphql(`
  mutation CartActions_UpdateLineMutation($input: UpdateCartLineInput!, $locale: Locale!) {
    updateCartLine(input: $input) {
      cart {
        ...CartPage_CartFragment
      }
      userErrors {
        code
        message
        lineId
        maxQuantity
      }
    }
  }
`);

const CartActions_RemoveLinesMutation = graphql(`
  mutation CartActions_RemoveLinesMutation($input: RemoveCartLinesInput!, $locale: Locale!) {
    removeCartLines(input: $input) {
      cart {
        ...CartPage_CartFragment
      }
      removedLineIds
      userErrors {
        code
        message
        lineId
      }
    }
  }
`);

const CartActions_SelectLinesMutation = graphql(`
  mutation CartActions_SelectLinesMutation($input: SetCartLinesSelectedInput!, $locale: Locale!) {
    setCartLinesSelected(input: $input) {
      cart {
        ...CartPage_CartFragment
      }
      userErrors {
        code
        message
        lineId
      }
    }
  }
`);

/** A refusal or failure, translated, and the line it is about (null: the cart as a whole). */
export type CartActionError = { readonly lineId: string | null; readonly text: string };

/** What happened: `errors` is empty on success. `stale`: the cart changed elsewhere, refetch it. */
export type CartActionResult = { readonly errors: CartActionError[]; readonly stale: boolean };

/**
 * The cart page's changes to lines. Errors come back translated and attached to their line; a
 * vanished guest cart clears the stored token.
 */
export function useCartActions() {
  const { t } = useTranslation();
  const locale = useApiLocale();
  const [update] = useMutation(CartActions_UpdateLineMutation);
  const [remove] = useMutation(CartActions_RemoveLinesMutation);
  const [select] = useMutation(CartActions_SelectLinesMutation);

  const settle = (
    userErrors: readonly (CartLineProblem & { lineId?: string | null })[],
    fallbackLineId: string | null,
  ): CartActionResult => {
    if (userErrors.some((e) => e.code === 'CART_NOT_FOUND')) cartTokenStore.set(null);
    return {
      errors: userErrors.map((e) => ({
        lineId: e.lineId ?? fallbackLineId,
        text: cartLineErrorMessage(t, e),
      })),
      stale: userErrors.some((e) => e.code === 'LINE_NOT_FOUND' || e.code === 'CART_NOT_FOUND'),
    };
  };
  const failed = (lineId: string | null): CartActionResult => ({
    errors: [{ lineId, text: t('cart.lineErrors.unknown') }],
    stale: false,
  });

  return {
    async updateQuantity(lineId: string, quantity: number): Promise<CartActionResult> {
      try {
        const { data } = await update({
          variables: { input: { cartToken: cartTokenStore.get(), lineId, quantity }, locale },
        });
        return data ? settle(data.updateCartLine.userErrors, lineId) : failed(lineId);
      } catch {
        return failed(lineId);
      }
    },
    async removeLines(lineIds: string[]): Promise<CartActionResult> {
      const only = lineIds.length === 1 ? (lineIds[0] ?? null) : null;
      try {
        const { data } = await remove({
          variables: { input: { cartToken: cartTokenStore.get(), lineIds }, locale },
        });
        return data ? settle(data.removeCartLines.userErrors, only) : failed(only);
      } catch {
        return failed(only);
      }
    },
    /** `lineIds` null: every line ("select all"). */
    async setSelected(lineIds: string[] | null, selected: boolean): Promise<CartActionResult> {
      const only = lineIds?.length === 1 ? (lineIds[0] ?? null) : null;
      try {
        const { data } = await select({
          variables: { input: { cartToken: cartTokenStore.get(), lineIds, selected }, locale },
        });
        return data ? settle(data.setCartLinesSelected.userErrors, only) : failed(only);
      } catch {
        return failed(only);
      }
    },
  };
}
