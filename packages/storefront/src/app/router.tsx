import { createBrowserRouter } from 'react-router';
import { paths } from './paths.js';
import { NotFound } from './routes/not-found.js';
import { RootErrorBoundary, RootHydrateFallback, RootLayout, RouteErrorBoundary } from './routes/root.js';

/**
 * The layout (and the not-found page) is in the entry chunk; every other page is its own lazily loaded route module, so a
 * shopper landing on a product page does not download the cart page.
 */
export function createAppRouter() {
  return createBrowserRouter([
    {
      id: 'root',
      Component: RootLayout,
      ErrorBoundary: RootErrorBoundary,
      HydrateFallback: RootHydrateFallback,
      children: [
        {
          // Page errors render inside the layout, so the header stays usable.
          ErrorBoundary: RouteErrorBoundary,
          children: [
            // Home and search results are the same listing, filtered by the URL.
            { index: true, lazy: () => import('./routes/product-list.js') },
            { path: paths.search.path, lazy: () => import('./routes/product-list.js') },
            { path: paths.product.path, lazy: () => import('./routes/product.js') },
            { path: paths.cart.path, lazy: () => import('./routes/cart.js') },
            { path: paths.signIn.path, lazy: () => import('./routes/sign-in.js') },
            { path: paths.register.path, lazy: () => import('./routes/register.js') },
            { path: paths.verifyEmail.path, lazy: () => import('./routes/verify-email.js') },
            { path: paths.forgotPassword.path, lazy: () => import('./routes/forgot-password.js') },
            { path: paths.resetPassword.path, lazy: () => import('./routes/reset-password.js') },
            { path: paths.account.path, lazy: () => import('./routes/account.js') },
            { path: paths.addresses.path, lazy: () => import('./routes/addresses.js') },
            { path: paths.changePassword.path, lazy: () => import('./routes/change-password.js') },
            { path: paths.checkout.path, lazy: () => import('./routes/checkout.js') },
            { path: paths.checkoutComplete.path, lazy: () => import('./routes/checkout-complete.js') },
            { path: paths.orders.path, lazy: () => import('./routes/orders.js') },
            { path: paths.order.path, lazy: () => import('./routes/order.js') },
            { path: paths.paypalReturn.path, lazy: () => import('./routes/paypal-return.js') },
            { path: paths.paypalCancel.path, lazy: () => import('./routes/paypal-cancel.js') },
            { path: paths.payments.path, lazy: () => import('./routes/payments.js') },
            { path: paths.paymentVoucher.path, lazy: () => import('./routes/payment-voucher.js') },
            { path: paths.consultation.path, lazy: () => import('./routes/consultation.js') },
            { path: paths.consultationLink.path, lazy: () => import('./routes/consultation-link.js') },
            { path: paths.help.path, lazy: () => import('./routes/help.js') },
            { path: paths.contact.path, lazy: () => import('./routes/contact.js') },
            { path: paths.helpArticle.path, lazy: () => import('./routes/help-article.js') },
            { path: paths.messages.path, lazy: () => import('./routes/messages.js') },
            { path: paths.newMessage.path, lazy: () => import('./routes/new-message.js') },
            { path: paths.conversation.path, lazy: () => import('./routes/conversation.js') },
            // Tiny and already needed by the error boundary, so not split out.
            { path: '*', Component: NotFound },
          ],
        },
      ],
    },
  ]);
}
