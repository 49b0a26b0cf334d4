/*
 * What every folder of src/ shares: the public API (oojwt.h), the
 * marker of wasm exports, and the small helpers (wiping, constant-time
 * comparison, formatting, UTF-8) every layer calls. Not installed, not
 * part of the API. Each folder's own declarations are in its header:
 * core/core.h, ds/ds.h, deploy/deploy.h, cli/cli.h.
 */
#ifndef OOJWT_INNER_H__
#define OOJWT_INNER_H__

#include <stddef.h>
#include <stdint.h>
#include "oojwt.h"

/*
 * Functions of the wasm boundary (src/<layer>/wasm_*.c) carry OOJWT_WASM_EXPORT:
 * the wasm build exports them under their own name, so a new wasm_*.c
 * file needs no change to the Makefile's export list.
 */
#if defined(__wasm__)
#define OOJWT_WASM_EXPORT(name) __attribute__((export_name(name)))
#else
#define OOJWT_WASM_EXPORT(name)
#endif

/* ---- util.c ---------------------------------------------------------- */

/* Zero `len` bytes in a way the compiler may not elide. */
void oojwt_wipe(void *p, size_t len);

/* Constant-time equality of two `len`-byte buffers: 1 when equal. */
int oojwt_ct_equal(const unsigned char *a, const unsigned char *b, size_t len);

/*
 * OOJWT_DECLASSIFY(p, len): the `len` bytes at `p` were computed from
 * secrets but are now public (a verdict: "the MAC matches", "the key is
 * valid base64url"), so code may branch on them. It compiles to nothing;
 * the constant-time check (tests/ct, built with -DOOJWT_CT_CHECK, run
 * under valgrind) marks secrets undefined, and this tells valgrind that
 * branching on the verdict is intended. Anything else that branches on
 * or indexes memory with a secret is reported there.
 */
#ifdef OOJWT_CT_CHECK
#include <valgrind/memcheck.h>
#define OOJWT_DECLASSIFY(p, len) ((void)VALGRIND_MAKE_MEM_DEFINED((p), (len)))
#else
#define OOJWT_DECLASSIFY(p, len) ((void)0)
#endif

/* Length (1-4) of the valid UTF-8 sequence at `s` (`n` > 0 bytes
 * available): no overlongs, surrogates or code points above U+10FFFF.
 * 0 when the bytes there are not valid UTF-8. */
size_t oojwt_utf8_len(const unsigned char *s, size_t n);

/* Wipe `len` bytes at `p`, then free it. NULL is allowed. */
void oojwt_wipe_free(void *p, size_t len);

/* Number of '.' in the `len` bytes at `s`; the places of the first two
 * go to *dot1 and *dot2 (each left untouched when there is no such dot). */
size_t oojwt_dots(const char *s, size_t len, size_t *dot1, size_t *dot2);

/*
 * Zero OOJWT_STACK_WIPE_LEN bytes of stack below the caller's frame,
 * where the functions it called had theirs. BearSSL leaves copies of
 * secrets in its own frames (br_hmac_out's copy of the MAC, the key XOR
 * ipad/opad blocks of br_hmac_key_init); a function that ran HMAC calls
 * this before it returns (tests/wasm_memory.test.mjs looks for them).
 */
#define OOJWT_STACK_WIPE_LEN 4096
void oojwt_wipe_stack(void);

/*
 * Formatting without stdio (the wasm build has no locale and no files).
 * oojwt_fmt() understands %s (NUL-terminated string), %S (string with an
 * explicit length: const char *, size_t, printed with non-printable
 * bytes as \xNN), %d (int), %z (size_t), %l (long), %t (double, written
 * as a whole number of seconds, rounded toward zero, with a sign when
 * negative) and %%. Output is truncated to fit `cap` and always
 * NUL-terminated (cap > 0).
 */
void oojwt_fmt(char *out, size_t cap, const char *fmt, ...);

/* "2026-11-22 14:52:12 UTC" for whole seconds since 1970 (proleptic
 * Gregorian, negative times too), into `out` (`cap` bytes). */
void oojwt_utc_text(char *out, size_t cap, long long t);

/* The value of the ASCII hex digit `c` (0-9, a-f, A-F): 0 to 15, or -1
 * for anything else. Branches on `c`: not for secret bytes (see
 * oojwt_hex_decode_ct). */
int oojwt_hex_value(int c);

/*
 * Hex text of secret material into bytes, without branching on or
 * indexing memory with the characters: `n` characters at `src` (`n` is
 * public) into n / 2 bytes at `dst`. Returns 1 when `n` is even and not 0
 * and every character is a hex digit (either case); otherwise 0, with
 * `dst` wiped. Only that verdict is declassified (tests/ct/ct_check.c).
 */
int oojwt_hex_decode_ct(unsigned char *dst, const unsigned char *src,
	size_t n);


#endif
