import type { TranslationResource } from './resources/en.js';

declare module '../../lib/i18n/translator.js' {
  interface TranslationTypes {
    resource: TranslationResource;
  }
}
