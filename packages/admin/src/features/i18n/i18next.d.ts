import 'i18next';
import type { en } from './resources/en';

// Typed `t()`: keys and interpolation variables are checked against the English messages.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
