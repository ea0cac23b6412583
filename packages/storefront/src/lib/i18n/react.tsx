import { createContext, type ReactNode, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import type { TFunction, Translator } from './translator.js';

const TranslatorContext = createContext<Translator | null>(null);

export function TranslatorProvider({
  translator,
  children,
}: {
  translator: Translator;
  children: ReactNode;
}) {
  return <TranslatorContext.Provider value={translator}>{children}</TranslatorContext.Provider>;
}

/** `t` in the current language and the translator; re-renders when the language changes. */
export function useTranslation(): { t: TFunction; i18n: Translator } {
  const translator = useContext(TranslatorContext);
  if (!translator) throw new Error('useTranslation needs a <TranslatorProvider>');
  const subscribe = useCallback(
    (onChange: () => void) => {
      translator.on('languageChanged', onChange);
      return () => translator.off('languageChanged', onChange);
    },
    [translator],
  );
  const language = useSyncExternalStore(subscribe, () => translator.language);
  // A new function per language, so memoized children that take `t` re-render too.
  const t = useMemo<TFunction>(() => translator.getFixedT(language), [translator, language]);
  return { t, i18n: translator };
}
