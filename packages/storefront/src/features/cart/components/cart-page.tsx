import { useQuery } from '@apollo/client/react';
import { type MouseEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link, useNavigate } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Button, ButtonLink } from '../../../components/ui/button.js';
import { PageTitle } from '../../../components/ui/page-title.js';
import { Price } from '../../../components/ui/price.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { EmptyState, ErrorState } from '../../../components/ui/states.js';
import { getFragmentData } from '../../../gql/fragment-masking.js';
import { graphql } from '../../../gql/gql.js';
import type { CartPage_CartFragmentFragment } from '../../../gql/graphql.js';
import { cartTokenStore, useCartToken } from '../../../lib/cart-token.js';
import { useApiLocale } from '../../../lib/locale.js';
import { type CartActionResult, useCartActions } from '../use-cart-actions.js';
import { CartLineItem } from './cart-line-item.js';
import { DeleteSelectedDialog } from './delete-selected-dialog.js';
import './cart-page.css';

export const CartPage_CartFragment = graphql(`
  fragment CartPage_CartFragment on Cart {
    id
    totalQuantity
    selectedQuantity
    subtotal {
      amount
      currencyCode
    }
    selectedSubtotal {
      amount
      currencyCode
    }
    lines {
      id
      selected
      status
      variant {
        id
        product {
          id
          title(locale: $locale)
        }
      }
      ...CartLineItem_LineFragment
    }
  }
`);

const CartPage_CartQuery = graphql(`
  query CartPage_CartQuery($token: String, $locale: Locale!) {
    cart(token: $token) {
      ...CartPage_CartFragment
    }
  }
`);

export function CartPage() {
  const { t } = useTranslation();
  const locale = useApiLocale();
  const token = useCartToken();
  // The signed-in shopper's cart is found by the session; a guest's by the stored token.
  const result = useQuery(CartPage_CartQuery, {
    variables: { token, locale },
    // Prices and stock change: show the cached cart at once, then the server's current one.
    fetchPolicy: 'cache-and-network',
  });
  const data = result.data ?? result.previousData;
  const cart = data?.cart ? getFragmentData(CartPage_CartFragment, data.cart) : null;

  useEffect(() => {
    if (token && result.data && result.data.cart === null && cartTokenStore.get() === token) {
      cartTokenStore.set(null);
    }
  }, [token, result.data]);

  const title = t('cart.title');
  let content: ReactNode;
  if (!data) {
    content = result.error ? (
      <ErrorState description={t('cart.loadError')} onRetry={() => void result.refetch()} />
    ) : (
      <LoadingState />
    );
  } else if (!cart || cart.lines.length === 0) {
    content = (
      <EmptyState
        title={t('cart.emptyTitle')}
        description={t('cart.emptyDescription')}
        action={<ButtonLink to={paths.home.getHref()}>{t('cart.continueShopping')}</ButtonLink>}
      />
    );
  } else {
    content = <CartContents cart={cart} refetch={() => void result.refetch()} />;
  }

  return (
    <div className="page cart-page">
      <PageTitle title={title} />
      <h1 id="cart-title" tabIndex={-1}>
        {title}
      </h1>
      {content}
    </div>
  );
}

type CartView = CartPage_CartFragmentFragment;

/** Lines with selection, quantities and removal, and the summary with the way to checkout. */
function CartContents({ cart, refetch }: { cart: CartView; refetch: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const actions = useCartActions();
  // A tick shows at once; the server's value takes over when it has answered the latest change.
  const [pendingSelection, setPendingSelection] = useState<Record<string, boolean>>({});
  const selectionVersion = useRef(new Map<string, number>());
  const selectionsInFlight = useRef(new Set<Promise<unknown>>());
  const [lineErrors, setLineErrors] = useState<Record<string, string>>({});
  const [pageError, setPageError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [removing, setRemoving] = useState<ReadonlySet<string>>(new Set());
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [showCheckoutHint, setShowCheckoutHint] = useState(false);
  const deletedInDialog = useRef(false);

  const isSelected = (line: CartView['lines'][number]) => pendingSelection[line.id] ?? line.selected;
  const selectedLines = cart.lines.filter(isSelected);
  const allSelected = selectedLines.length === cart.lines.length;
  const unavailableSelected = selectedLines.some((l) => l.status === 'UNAVAILABLE');
  const canCheckout = selectedLines.length > 0 && !unavailableSelected;
  const titleOf = (lineId: string) => cart.lines.find((l) => l.id === lineId)?.variant.product.title ?? '';

  /** Shows refusals next to their lines (the rest above the list) and refetches a cart changed elsewhere. */
  const report = (outcome: CartActionResult, lineIds: readonly string[]) => {
    setLineErrors((current) => {
      const next = { ...current };
      for (const id of lineIds) delete next[id];
      for (const e of outcome.errors) if (e.lineId) next[e.lineId] = e.text;
      return next;
    });
    const general = outcome.errors.find((e) => !e.lineId || !cart.lines.some((l) => l.id === e.lineId));
    setPageError(general ? general.text : null);
    if (outcome.stale) refetch();
    return outcome.errors.length === 0;
  };

  const setLineError = (lineId: string, text: string | null) =>
    setLineErrors((current) => {
      const next = { ...current };
      if (text) next[lineId] = text;
      else delete next[lineId];
      return next;
    });

  const changeSelection = (lineIds: string[] | null, selected: boolean) => {
    const ids = lineIds ?? cart.lines.map((l) => l.id);
    const versions = new Map(ids.map((id) => [id, (selectionVersion.current.get(id) ?? 0) + 1]));
    for (const [id, version] of versions) selectionVersion.current.set(id, version);
    setPendingSelection((current) => ({
      ...current,
      ...Object.fromEntries(ids.map((id) => [id, selected])),
    }));
    setShowCheckoutHint(false);
    const request = actions.setSelected(lineIds, selected).then((outcome) => {
      report(outcome, ids);
      setPendingSelection((current) => {
        const next = { ...current };
        for (const [id, version] of versions)
          if (selectionVersion.current.get(id) === version) delete next[id];
        return next;
      });
    });
    selectionsInFlight.current.add(request);
    void request.finally(() => selectionsInFlight.current.delete(request));
  };

  const focusTitle = () => document.getElementById('cart-title')?.focus();

  const removeLines = async (lineIds: string[], moveFocus: boolean) => {
    setRemoving(new Set(lineIds));
    const names = lineIds.map(titleOf);
    const outcome = await actions.removeLines(lineIds);
    setRemoving(new Set());
    if (report(outcome, lineIds)) {
      setAnnouncement(
        lineIds.length === 1
          ? t('cart.removed', { title: names[0] })
          : t('cart.deletedCount', { count: lineIds.length }),
      );
      // The focused control has gone with its line.
      if (moveFocus) focusTitle();
    }
    return outcome.errors.length === 0;
  };

  const onCheckout = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!canCheckout) {
      event.preventDefault();
      setShowCheckoutHint(true);
      return;
    }
    if (selectionsInFlight.current.size > 0) {
      // Checkout reads the selection from the server: let the latest ticks arrive first.
      event.preventDefault();
      void Promise.all([...selectionsInFlight.current]).then(() => navigate(paths.checkout.getHref()));
    }
  };

  return (
    <div className="cart-page__layout">
      <section className="cart-page__main" aria-labelledby="cart-title">
        <div className="cart-toolbar">
          <label className="cart-toolbar__select-all">
            <input
              type="checkbox"
              name="select-all"
              checked={allSelected}
              ref={(box) => {
                if (box) box.indeterminate = !allSelected && selectedLines.length > 0;
              }}
              onChange={(event) => changeSelection(null, event.currentTarget.checked)}
            />
            <span>{t('cart.selectAll')}</span>
          </label>
          <Button
            variant="secondary"
            data-testid="delete-selected"
            disabled={selectedLines.length === 0}
            onClick={() => setConfirmOpen(true)}
          >
            {t('cart.deleteSelected')}
            {selectedLines.length > 0 && ` (${selectedLines.length})`}
          </Button>
        </div>
        {pageError && (
          <p className="cart-page__error" role="alert">
            {pageError}
          </p>
        )}
        <ul className="cart-page__lines" aria-label={t('cart.title')}>
          {cart.lines.map((line) => (
            <CartLineItem
              key={line.id}
              line={line}
              selected={isSelected(line)}
              error={lineErrors[line.id] ?? null}
              removing={removing.has(line.id)}
              onSelect={(selected) => changeSelection([line.id], selected)}
              onQuantity={async (quantity) => {
                report(await actions.updateQuantity(line.id, quantity), [line.id]);
              }}
              onInvalid={(text) => setLineError(line.id, text)}
              onRemove={() => void removeLines([line.id], true)}
            />
          ))}
        </ul>
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      </section>
      <aside className="cart-summary" aria-labelledby="cart-summary-title">
        <h2 id="cart-summary-title" className="cart-summary__title">
          {t('cart.summaryTitle')}
        </h2>
        <dl className="cart-summary__rows" aria-busy={Object.keys(pendingSelection).length > 0 || undefined}>
          <div>
            <dt>{t('cart.allItems', { count: cart.totalQuantity })}</dt>
            <dd data-testid="cart-subtotal">
              <Price money={cart.subtotal} />
            </dd>
          </div>
          <div className="cart-summary__subtotal">
            <dt>{t('cart.selectedItems', { count: cart.selectedQuantity })}</dt>
            <dd data-testid="cart-selected-subtotal">
              <Price money={cart.selectedSubtotal} />
            </dd>
          </div>
        </dl>
        <p className="cart-summary__note">{t('cart.summaryNote')}</p>
        {/* Checkout slot: the link to the checkout page, for the selected lines. */}
        <div className="cart-summary__checkout" data-testid="checkout-slot">
          <Link
            to={paths.checkout.getHref()}
            className="button button--primary button--lg"
            data-testid="go-to-checkout"
            aria-disabled={!canCheckout || undefined}
            aria-describedby={!canCheckout ? 'cart-checkout-hint' : undefined}
            onClick={onCheckout}
          >
            {t('cart.checkout')}
          </Link>
          {!canCheckout && (
            <p
              id="cart-checkout-hint"
              className="cart-summary__hint"
              data-emphasis={showCheckoutHint || undefined}
              role={showCheckoutHint ? 'alert' : undefined}
            >
              {unavailableSelected ? t('cart.unavailableHint') : t('cart.checkoutHint')}
            </p>
          )}
        </div>
        <ButtonLink to={paths.home.getHref()} variant="secondary">
          {t('cart.continueShopping')}
        </ButtonLink>
      </aside>
      <DeleteSelectedDialog
        open={confirmOpen}
        count={selectedLines.length}
        deleting={removing.size > 0}
        onClose={() => {
          setConfirmOpen(false);
          // Closing returned focus to "Delete selected"; after a deletion that button is disabled.
          if (deletedInDialog.current) focusTitle();
          deletedInDialog.current = false;
        }}
        onConfirm={() =>
          void removeLines(
            selectedLines.map((l) => l.id),
            false,
          ).then((ok) => {
            deletedInDialog.current = ok;
            setConfirmOpen(false);
          })
        }
      />
    </div>
  );
}
