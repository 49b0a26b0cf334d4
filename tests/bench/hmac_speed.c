/*
 * HMAC throughput of the C core, built twice from this one file: as a
 * native program (prints MB/s) and as a small wasm module whose
 * `bench_hmac` tests/bench/bench.mjs times from JS. Both run exactly
 * oojwt_hmac() (src/core/hmac.c) over the same buffer sizes, so the ratio
 * wasm/native is the cost of WebAssembly alone.
 *
 *   hmac-native ALG SIZE ITERS [bearssl]    ALG: 1 HS256, 2 HS384, 4 HS512
 *
 * With `bearssl` (or a non-zero last argument of bench_hmac) the MAC is
 * BearSSL's br_hmac for every algorithm: the reference the issue's
 * throughput target names ("native BearSSL").
 */
#define _POSIX_C_SOURCE 199309L
#include <stdlib.h>
#include <string.h>
#include "bearssl_hmac.h"
#include "core/core.h"

#ifdef __EMSCRIPTEN__
#define BENCH_EXPORT __attribute__((export_name("bench_hmac"), used))
#else
#define BENCH_EXPORT
#endif

/* HMAC `iters` times over `size` bytes; returns a byte of the last MAC
 * (so the work cannot be optimised away), -1 when memory runs out. */
BENCH_EXPORT int bench_hmac(unsigned alg, size_t size, unsigned iters,
	int bearssl);

static void
bearssl_hmac(unsigned alg, const unsigned char *key, size_t key_len,
	const unsigned char *data, size_t len, unsigned char *out)
{
	br_hmac_key_context kc;
	br_hmac_context hc;

	br_hmac_key_init(&kc, alg == OOJWT_ALG_HS256 ? &br_sha256_vtable
		: alg == OOJWT_ALG_HS384 ? &br_sha384_vtable : &br_sha512_vtable,
		key, key_len);
	br_hmac_init(&hc, &kc, 0);
	br_hmac_update(&hc, data, len);
	br_hmac_out(&hc, out);
}

int
bench_hmac(unsigned alg, size_t size, unsigned iters, int bearssl)
{
	static const unsigned char key[32] = "v8ZEFf2ANTp4xQzmqU4JrVpGq5TW1Rkc";
	unsigned char mac[64];
	unsigned char *buf = (unsigned char *)malloc(size + 1);
	unsigned i;

	if (buf == NULL) {
		return -1;
	}
	for (i = 0; i < size; i++) {
		buf[i] = (unsigned char)('A' + i % 26);
	}
	memset(mac, 0, sizeof mac);
	for (i = 0; i < iters; i++) {
		buf[0] = mac[0];
		if (bearssl) {
			bearssl_hmac(alg, key, sizeof key, buf, size, mac);
		} else {
			oojwt_hmac(alg, key, sizeof key, buf, size, mac);
		}
	}
	free(buf);
	return mac[0];
}

#ifndef __EMSCRIPTEN__
#include <stdio.h>
#include <time.h>

int
main(int argc, char **argv)
{
	struct timespec a, b;
	unsigned alg, iters;
	size_t size;
	double s;

	if (argc != 4 && argc != 5) {
		fprintf(stderr, "usage: %s ALG SIZE ITERS [bearssl]\n", argv[0]);
		return 2;
	}
	alg = (unsigned)strtoul(argv[1], NULL, 10);
	size = (size_t)strtoul(argv[2], NULL, 10);
	iters = (unsigned)strtoul(argv[3], NULL, 10);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
	if (bench_hmac(alg, size, iters, argc == 5) < 0) {
		return 1;
	}
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
	s = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	printf("%.3f\n", (double)size * iters / s / 1e6);
	return 0;
}
#endif
