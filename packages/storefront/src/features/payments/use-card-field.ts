import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  type CardFieldMessage,
  cardFieldSrc,
  originOf,
  parseCardFieldMessage,
} from './card-field-messages.js';

export type CardToken = Extract<CardFieldMessage, { type: 'token' }>;

/** The field gave no token: `code` is the field's (`validation_error`, …) or `timeout` / `not_ready`. */
export class CardFieldError extends Error {
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
    this.name = 'CardFieldError';
  }
}

export type CardFieldStatus = 'loading' | 'ready' | 'unavailable';

const LOAD_TIMEOUT_MS = 15_000;
const TOKENIZE_TIMEOUT_MS = 30_000;

type Pending = { resolve: (token: CardToken) => void; reject: (error: CardFieldError) => void };

/**
 * The gateway's hosted card field in an <iframe>: renders nothing itself, returns what the iframe
 * needs and `tokenize()`, which asks the field for a single-use token. Only messages from that
 * iframe's window on the gateway's origin are read; the card number never reaches this page.
 */
export function useCardField(args: { fieldUrl: string; publishableKey: string; locale: string }) {
  const { fieldUrl, publishableKey, locale } = args;
  const iframeRef = useRef<HTMLIFrameElement>(null);
  const pending = useRef<Pending | null>(null);
  const [status, setStatus] = useState<CardFieldStatus>('loading');
  const [height, setHeight] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const gatewayOrigin = originOf(fieldUrl);
  const src = useMemo(
    () =>
      gatewayOrigin
        ? cardFieldSrc({ fieldUrl, publishableKey, parentOrigin: window.location.origin, locale })
        : null,
    [fieldUrl, publishableKey, locale, gatewayOrigin],
  );

  // A new page in the frame (first load, language, reload): wait for its `ready` again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` is the reload trigger
  useEffect(() => {
    setStatus(src ? 'loading' : 'unavailable');
    if (!src) return;
    const timer = window.setTimeout(
      () => setStatus((now) => (now === 'loading' ? 'unavailable' : now)),
      LOAD_TIMEOUT_MS,
    );
    return () => window.clearTimeout(timer);
  }, [src, generation]);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (!gatewayOrigin || event.origin !== gatewayOrigin) return;
      if (!iframeRef.current || event.source !== iframeRef.current.contentWindow) return;
      const message = parseCardFieldMessage(event.data);
      if (!message) return;
      switch (message.type) {
        case 'ready':
          setStatus('ready');
          break;
        case 'resize':
          setHeight(message.height);
          break;
        case 'change':
          break;
        case 'token':
          pending.current?.resolve(message);
          pending.current = null;
          break;
        case 'error':
          pending.current?.reject(new CardFieldError(message.code, message.message));
          pending.current = null;
          break;
      }
    };
    window.addEventListener('message', onMessage);
    return () => {
      window.removeEventListener('message', onMessage);
      pending.current?.reject(new CardFieldError('not_ready'));
      pending.current = null;
    };
  }, [gatewayOrigin]);

  const tokenize = useCallback((): Promise<CardToken> => {
    const target = iframeRef.current?.contentWindow;
    if (!target || !gatewayOrigin || status !== 'ready')
      return Promise.reject(new CardFieldError('not_ready'));
    pending.current?.reject(new CardFieldError('superseded'));
    return new Promise<CardToken>((resolve, reject) => {
      const timer = window.setTimeout(() => {
        pending.current = null;
        reject(new CardFieldError('timeout'));
      }, TOKENIZE_TIMEOUT_MS);
      pending.current = {
        resolve: (token) => {
          window.clearTimeout(timer);
          resolve(token);
        },
        reject: (error) => {
          window.clearTimeout(timer);
          reject(error);
        },
      };
      target.postMessage({ type: 'tokenize' }, gatewayOrigin);
    });
  }, [gatewayOrigin, status]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  return { iframeRef, src, status, height, tokenize, reload, frameKey: `${src}#${generation}` };
}
