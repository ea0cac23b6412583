/**
 * The storefront's translation engine: nested string resources per language, `{{name}}`
 * interpolation, plural keys (`key_one` / `key_other`, chosen with `Intl.PluralRules` from
 * `count`), fallback to the fallback language, then to the key itself. Text can be loaded on
 * demand per language and part (`loaders`), so a visitor downloads only their language, and only
 * the text of the pages they open.
 *
 * It replaces i18next (≈17 KB gzip in the entry chunk for the handful of features used here).
 * Keys are typed: `features/i18n` registers the resource shape by augmenting `TranslationTypes`.
 */

/** Augment with `resource: <the English resource type>` to type every key. */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging.
export interface TranslationTypes {}

type Resource = TranslationTypes extends { resource: infer R } ? R : Record<string, unknown>;

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

type PluralBase<K> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`
  ? Base
  : never;

type AllLeaves = Leaves<Resource>;
/** Every key of the resources, plus the base of plural keys (`cart.items` for `cart.items_one`). */
export type TranslationKey = AllLeaves | PluralBase<AllLeaves>;

export type TranslateOptions = { readonly count?: number; readonly [name: string]: unknown };
export type TFunction = (key: TranslationKey, options?: TranslateOptions) => string;

type Tree = { readonly [key: string]: string | Tree };
type Listener = (language: string) => void;
type Loader = () => Promise<unknown>;

export type TranslatorOptions = {
  /** Bundled text: language → part name → resource tree. */
  readonly resources: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Text loaded on demand: language → part name → loader of the resource tree. */
  readonly loaders?: Readonly<Record<string, Readonly<Record<string, Loader>>>>;
  readonly language: string;
  readonly fallbackLanguage: string;
};

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * Text comes in parts (e.g. `shell` for the header and home page, `pages` for the rest), each a
 * tree of keys; a key lives in one part. The parts the app has asked for (`loadParts`) are loaded
 * for every language it switches to.
 */
export class Translator {
  #language: string;
  /** The language being switched to (the current one when no switch is under way). */
  #target: string;
  readonly #fallback: string;
  /** language → part → tree */
  readonly #resources = new Map<string, Map<string, Tree>>();
  readonly #loaders: Readonly<Record<string, Readonly<Record<string, Loader>>>>;
  readonly #loading = new Map<string, Promise<void>>();
  readonly #wanted = new Set<string>();
  readonly #plurals = new Map<string, Intl.PluralRules>();
  readonly #listeners = new Set<Listener>();

  constructor(options: TranslatorOptions) {
    for (const [language, parts] of Object.entries(options.resources)) {
      for (const [part, tree] of Object.entries(parts)) {
        this.#partsOf(language).set(part, tree as Tree);
        this.#wanted.add(part);
      }
    }
    this.#loaders = options.loaders ?? {};
    this.#fallback = options.fallbackLanguage;
    this.#language = this.#resources.has(options.language) ? options.language : options.fallbackLanguage;
    this.#target = this.#language;
  }

  /** The language texts are shown in (named like i18next's, which the app used before). */
  get resolvedLanguage(): string {
    return this.#language;
  }

  get language(): string {
    return this.#language;
  }

  /**
   * Makes sure these parts are there, now and in any language switched to later (during a switch:
   * in the language being switched to).
   */
  loadParts(parts: readonly string[]): Promise<void> {
    for (const part of parts) this.#wanted.add(part);
    return this.#load(this.#target, parts);
  }

  /** Switches language once every wanted part is there in it; listeners hear about it afterwards. */
  async changeLanguage(language: string): Promise<void> {
    this.#target = language;
    try {
      // Parts asked for while this one loads are wanted in the new language too.
      for (;;) {
        const missing = [...this.#wanted].filter((part) => !this.#resources.get(language)?.has(part));
        if (missing.length === 0) break;
        await this.#load(language, missing);
      }
    } catch (error) {
      if (this.#target === language) this.#target = this.#language;
      throw error;
    }
    // A later switch wins.
    if (this.#target !== language || language === this.#language) return;
    this.#language = language;
    for (const listener of [...this.#listeners]) listener(language);
  }

  on(_event: 'languageChanged', listener: Listener): void {
    this.#listeners.add(listener);
  }

  off(_event: 'languageChanged', listener: Listener): void {
    this.#listeners.delete(listener);
  }

  readonly t: TFunction = (key, options) => this.#translate(this.#language, key, options);

  /** A `t` bound to one language (its parts must be loaded). */
  getFixedT(language: string): TFunction {
    return (key, options) => this.#translate(language, key, options);
  }

  #partsOf(language: string): Map<string, Tree> {
    let parts = this.#resources.get(language);
    if (!parts) {
      parts = new Map();
      this.#resources.set(language, parts);
    }
    return parts;
  }

  async #load(language: string, parts: readonly string[]): Promise<void> {
    await Promise.all(parts.map((part) => this.#loadPart(language, part)));
  }

  #loadPart(language: string, part: string): Promise<void> {
    if (this.#resources.get(language)?.has(part)) return Promise.resolve();
    const loader = this.#loaders[language]?.[part];
    if (!loader) return Promise.reject(new Error(`no text for ${language}/${part}`));
    const id = `${language}/${part}`;
    let pending = this.#loading.get(id);
    if (!pending) {
      pending = loader().then(
        (tree) => {
          this.#partsOf(language).set(part, tree as Tree);
          this.#loading.delete(id);
        },
        (error: unknown) => {
          this.#loading.delete(id);
          throw error;
        },
      );
      this.#loading.set(id, pending);
    }
    return pending;
  }

  #translate(language: string, key: string, options?: TranslateOptions): string {
    const text =
      this.#lookup(language, key, options?.count) ?? this.#lookup(this.#fallback, key, options?.count);
    if (text === undefined) return key;
    if (!options || !text.includes('{{')) return text;
    return text.replace(PLACEHOLDER, (_, name: string) => {
      const value = options[name];
      return value === undefined || value === null ? '' : String(value);
    });
  }

  #lookup(language: string, key: string, count: number | undefined): string | undefined {
    const parts = this.#resources.get(language);
    if (!parts) return undefined;
    const form = typeof count === 'number' ? this.#pluralRules(language).select(count) : null;
    for (const tree of parts.values()) {
      const text = form
        ? (find(tree, `${key}_${form}`) ?? find(tree, `${key}_other`) ?? find(tree, key))
        : find(tree, key);
      if (text !== undefined) return text;
    }
    return undefined;
  }

  #pluralRules(language: string): Intl.PluralRules {
    let rules = this.#plurals.get(language);
    if (!rules) {
      rules = new Intl.PluralRules(language);
      this.#plurals.set(language, rules);
    }
    return rules;
  }
}

function find(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}
