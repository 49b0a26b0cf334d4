// Types of web/lib/i18n.mjs: catalog templates filled with an issue's or a
// finding's params (see that file for the template syntax).
import type { Params } from './oojwt.js';

/** One code's templates; `params` (en only) declares the params it uses. */
export interface CatalogEntry {
  params?: string[];
  message: string;
  fix: string;
}

/** web/lib/locales/<lang>.json */
export interface Catalog {
  lang: string;
  name: string;
  codes: Record<string, CatalogEntry>;
}

export interface Formatted {
  message: string;
  fix: string;
  /** The catalog's language, or null when the report's English was used. */
  lang: string | null;
}

/** Fill a template; throws SyntaxError (bad template) or RangeError (a param missing). */
export function render(template: string, params: Params, lang?: string): string;
/** The names of the params a template uses. */
export function templateParams(template: string): string[];
/** `lang`, its shorter forms, then en: zh-CN → ['zh-CN', 'zh', 'en']. */
export function fallbacks(lang: string): string[];

export class Catalogs {
  constructor(list?: Catalog[]);
  add(catalog: Catalog): this;
  readonly langs: string[];
  catalog(lang: string): Catalog | undefined;
  format(code: string, params: Params, lang?: string,
    english?: { message?: string; fix?: string }): Formatted;
}
