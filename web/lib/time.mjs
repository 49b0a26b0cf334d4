// Time formatting for the page and the deployment checks (deploy.mjs):
// seconds since 1970 as UTC, local time and "in 3 days" / "5 minutes ago".
// Interface only: the claims are checked in C.
//
// Words: the functions that write words take, last, the reader's words
// (web/lib/words.mjs loadWords(lang)); without them they write English,
// and local() the browser's own format. In Chinese a duration reads
// "3 天", a claim "3 天后过期" / "3 分钟前已过期", a span "1 小时 9 分".
import { ENGLISH } from './words.mjs';

const pad = (n) => String(n).padStart(2, '0');

/** "2026-11-22 14:52:12 UTC", or null when the date is out of range. */
export function utc(seconds) {
  const d = new Date(seconds * 1000);
  if (Number.isNaN(d.getTime())) return null;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} `
    + `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/**
 * The same instant in the browser's time zone, with the zone's name: in
 * the browser's format, or in that of `words`' language when given (not English).
 */
export function local(seconds, words) {
  if (words !== undefined && words.lang !== 'en') return words.date(seconds);
  const d = new Date(seconds * 1000);
  if (Number.isNaN(d.getTime())) return null;
  return d.toLocaleString(undefined, {
    year: 'numeric', month: 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short',
  });
}

const UNITS = [
  ['year', 365.25 * 86400, '{n, plural, one {# year} other {# years}}'],
  ['month', 30.44 * 86400, '{n, plural, one {# month} other {# months}}'],
  ['week', 7 * 86400, '{n, plural, one {# week} other {# weeks}}'],
  ['day', 86400, '{n, plural, one {# day} other {# days}}'],
  ['hour', 3600, '{n, plural, one {# hour} other {# hours}}'],
  ['minute', 60, '{n, plural, one {# minute} other {# minutes}}'],
  ['second', 1, '{n, plural, one {# second} other {# seconds}}'],
];

/** A duration in words: "29 days", "3 minutes", "1 second" (in `words`' language). */
export function duration(seconds, words = ENGLISH) {
  const s = Math.abs(seconds);
  // Switch units late so "90 minutes" and "36 hours" stay readable.
  const limits = { second: 90, minute: 90 * 60, hour: 48 * 3600, day: 14 * 86400, week: 60 * 86400, month: 730 * 86400 };
  for (let i = UNITS.length - 1; i >= 0; i--) {
    const [name, size, template] = UNITS[i];
    if (limits[name] === undefined || s < limits[name]) {
      const n = name === 'second' ? Math.floor(s) : Math.round(s / size);
      return words.t(template, { n });
    }
  }
  return words.t(UNITS[UNITS.length - 1][2], { n: Math.floor(s) });
}

/** How a claim reads relative to `now`: "expires in 29 days", "expired 3 minutes ago". */
export function relative(claim, value, now, words = ENGLISH) {
  const d = value - now;
  const when = duration(d, words);
  const future = d > 0;
  const t = (en) => words.t(en, { when });
  if (Math.abs(d) < 1) {
    return { exp: t('expires now'), nbf: t('becomes valid now'), iat: t('issued now') }[claim];
  }
  if (claim === 'exp') return future ? t('expires in {when}') : t('expired {when} ago');
  if (claim === 'nbf') return future ? t('becomes valid in {when}') : t('valid since {when} ago');
  return future ? t('issued {when} in the future') : t('issued {when} ago');
}

/** Value for an <input type="datetime-local"> (local time, seconds). */
export function toLocalInput(seconds) {
  const d = new Date(Math.floor(seconds) * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T`
    + `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Seconds since 1970 from an <input type="datetime-local"> value, or null. */
export function fromLocalInput(value) {
  const m = /^(\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?$/.exec(value);
  if (!m) return null;
  const d = new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0));
  const t = d.getTime();
  return Number.isNaN(t) ? null : t / 1000;
}

/** A number of seconds as people read it: "45 s", "3 min 20 s", "1 h 9 min", "2 days 3 h" (in `words`' language). */
export function span(seconds, words = ENGLISH) {
  const s = Math.round(Math.abs(seconds));
  if (s < 90) return words.t('{s} s', { s });
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return h ? words.t('{d, plural, one {# day} other {# days}} {h} h', { d, h }) : words.t('{d, plural, one {# day} other {# days}}', { d });
  if (h > 0) return m ? words.t('{h} h {m} min', { h, m }) : words.t('{h} h', { h });
  return s % 60 ? words.t('{m} min {s} s', { m, s: s % 60 }) : words.t('{m} min', { m });
}

/** A message with its "4168 s" counts written as span() writes them ("1 h 9 min"). */
export const readableSeconds = (text, words = ENGLISH) => String(text).replace(/\b(\d+(?:\.\d+)?) s\b/g, (all, n) => (Number(n) < 90 ? all : span(Number(n), words)));
