/**
 * What a production deployment sets besides NODE_ENV (its own gateway credentials, never the sandbox's):
 * for tests that load the configuration as production (config.ts refuses it without them).
 */
export const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://marketplace:s3cret@db.internal:5432/marketplace',
  PAYPAL_API_URL: 'https://api-m.paypal.example',
  PAYPAL_CLIENT_ID: 'live-client-id-0123456789',
  PAYPAL_CLIENT_SECRET: 'live-client-secret-0123456789abcdef',
  PAYPAL_WEBHOOK_ID: 'WH-LIVE-0123456789',
  CARD_API_URL: 'https://api.card-acquirer.example',
  CARD_SECRET_KEY: 'sk_live_0123456789abcdef',
  CARD_PUBLISHABLE_KEY: 'pk_live_0123456789abcdef',
} as const;
