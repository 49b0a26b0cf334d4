/*
 * oojwt -- inspect, build and verify the JSON Web Tokens of ONLYOFFICE Docs.
 *
 * This is the one header to include. The same C code is compiled
 * natively (tests, CLI, fuzzers) and to WebAssembly (the JS library and
 * the page), so everything a caller can observe is decided here.
 *
 * Layers
 * ------
 *
 * The code is in layers, one folder and one header each; a layer uses
 * only the layers above it in this table:
 *
 *   header                   folder        what
 *   core/oojwt_codes.h       src/core/     every code, with its number range
 *                                          per domain (oojwt_code_name())
 *   core/oojwt_core.h        src/core/     the JWT core: base64url, strict
 *                                          JSON, keys, decode, verify, sign,
 *                                          claims, token extraction, findings
 *   ds/oojwt_ds.h            src/ds/       the Document Server rules: its
 *                                          verify profile, secret forensics,
 *                                          server configuration, editor
 *                                          config, requests and callbacks
 *   deploy/oojwt_deploy.h    src/deploy/   the deployment checks: secure
 *                                          download links, nginx, TLS
 *                                          certificates
 *   diagnose/oojwt_diagnose.h src/diagnose/ one diagnosis of any number of
 *                                          pasted texts: what each is, every
 *                                          check that applies, one verdict;
 *                                          the symptom table (the products'
 *                                          messages, English and Chinese)
 *
 * The command line (src/cli/) uses all of them. The WebAssembly exports
 * of each layer are its `wasm_*.c` files, which only marshal: the JWT
 * core module (web/lib/oojwt.wasm) is src/core/, the full module
 * (web/lib/oojwt-full.wasm) every layer.
 *
 * Overview
 * --------
 *
 * A compact JWS is three base64url segments joined by two dots:
 * `header.payload.signature`. oojwt reads it strictly:
 *
 *   - the token is split on exactly two dots;
 *   - each segment is base64url without padding, without whitespace and
 *     with canonical trailing bits (oojwt_b64url_decode());
 *   - header and payload are JSON read by one strict layer: duplicate
 *     member names at any depth, `\u0000`, invalid UTF-8 (including
 *     escaped lone surrogates), a byte order mark, trailing bytes,
 *     nesting deeper than OOJWT_JSON_MAX_DEPTH and numbers that do not
 *     fit a finite double are all refused; member lookups are
 *     case-sensitive;
 *   - the header `alg` must be in the caller's allowed set, spelled
 *     exactly; `none` never verifies;
 *   - the MAC is compared in constant time; key material and computed
 *     MACs are wiped on every exit path;
 *   - RS/PS/ES signatures are checked strictly (exact PKCS#1 v1.5
 *     encoding, PSS salt = hash length, ECDSA r||s of the exact size)
 *     with a key whose type fits the algorithm (see "Keys");
 *   - the claims `exp`, `nbf`, `iat` must be numbers when present;
 *     `exp` and `nbf` are checked against the caller's clock with
 *     jsonwebtoken's rules.
 *
 * A verification does not stop at the first problem: every failure it
 * finds is recorded in the result (oojwt_result), each with a stable
 * code (enum oojwt_code, names from oojwt_code_name()). Codes are the
 * contract for JS, the CLI and the tests; messages are for people and
 * may change. The checks of the ds and deploy layers report findings
 * (oojwt_finding): a severity, a code, a path into the input, a message
 * that states the consequence, and a fix.
 *
 * Memory
 * ------
 *
 * Inputs are (pointer, length) pairs; nothing relies on NUL
 * termination. Outputs go to caller buffers of documented sizes, or to
 * one caller-allocated struct whose owned parts one free function
 * releases (oojwt_result_free(), oojwt_ds_result_free(), ...; each is
 * safe to call twice). Everything that held a secret is wiped before it
 * is freed. There is no global state, no locale and no clock: the caller
 * passes `now`.
 */
#ifndef OOJWT_H__
#define OOJWT_H__

#include "core/oojwt_codes.h"
#include "core/oojwt_core.h"
#include "ds/oojwt_ds.h"
#include "deploy/oojwt_deploy.h"
#include "diagnose/oojwt_diagnose.h"

#endif
