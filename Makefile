# oojwt -- one GNU Makefile for everything.
#
#   make serve   build everything and serve web/ on http://127.0.0.1:$(PORT)
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

# ---- our sources ----------------------------------------------------------

# Every src/*.c is core, except the wasm boundary (src/wasm*.c) and the
# native command line (src/cli*.c).
BOUNDARY_SRC := $(wildcard src/wasm*.c)
CLI_SRC := $(wildcard src/cli*.c)
CORE_SRC := $(filter-out $(BOUNDARY_SRC) $(CLI_SRC),$(sort $(wildcard src/*.c)))
WASM_SRC := $(CORE_SRC) $(BOUNDARY_SRC)
HEADERS := $(wildcard src/*.h)

OUR_CFLAGS := -std=c99 -Wall -Wextra -Wpedantic -Wshadow -Wconversion \
	-Wstrict-prototypes -Wmissing-prototypes -Werror
DEP_INC := -I$(BEARSSL_DIR)/inc -I$(BEARSSL_DIR)/src -I$(CJSON_DIR)

CC ?= cc
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# ---- Emscripten -----------------------------------------------------------

EMCC := NODE_PATH=/usr/share/nodejs emcc
EMSDK_VERSION := $(shell cat emsdk-version)
# src/wasm*.c functions export themselves (OOJWT_WASM_EXPORT in inner.h);
# these are core functions the JS loader also calls.
WASM_EXPORTS := $(subst $() ,,_oojwt_code_name, _oojwt_alg_name, _oojwt_alg_by_index, \
	_oojwt_alg_supported)
WASM_FLAGS := -O2 -sSTANDALONE_WASM --no-entry -sMALLOC=emmalloc \
	-sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=1MB -sTOTAL_STACK=256KB -sFILESYSTEM=0 \
	-sEXPORTED_FUNCTIONS=$(WASM_EXPORTS)

# ---- top-level targets ----------------------------------------------------

.PHONY: all wasm native test serve deps tools clean size sanitize bench fuzz check-emcc

all: wasm native

wasm: web/oojwt.wasm
native: $(BUILD)/test/oojwt-tests

serve: all
	@echo "oojwt: serving web/ on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	@cd web && exec python3 -m http.server --bind 127.0.0.1 $(PORT)

test: all node_modules/.package-lock.json
	@node tests/run.mjs $(BUILD)/test/oojwt-tests

size: web/oojwt.wasm
	@raw=$$(stat -c %s web/oojwt.wasm); gz=$$(gzip -9c web/oojwt.wasm | wc -c); \
	echo "web/oojwt.wasm: $$raw bytes raw, $$gz bytes gzipped"

sanitize: native
	$(BUILD)/test/oojwt-tests tests/vectors

# Speed against jsonwebtoken, jose, fast-jwt and the node:crypto floor,
# measured in one run (no timing assertions anywhere in make test).
bench: wasm node_modules/.package-lock.json
	@node tests/bench/bench.mjs

fuzz:
	@echo "make $@: not built yet (see the hardening issue)" >&2; exit 2

clean:
	rm -rf $(BUILD) web/oojwt.wasm

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
	test -x "$${CHROMIUM:-/usr/bin/chromium}" || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
		echo "oojwt: installing:$$missing"; \
		if [ "$$(id -u)" != 0 ]; then \
			echo "oojwt: run as root, or install these Debian packages:$$missing" >&2; exit 1; fi; \
		apt-get update -q >/dev/null && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing >/dev/null \
			|| { echo "oojwt: apt-get install$$missing failed" >&2; exit 1; }; \
	fi
	@$(MAKE) --no-print-directory check-emcc
	@touch $@

check-emcc:
	@have=$$($(EMCC) --version 2>/dev/null | head -n1 | sed -n 's/.* \([0-9][0-9.]*\) .*/\1/p'); \
	if [ "$$have" != "$(EMSDK_VERSION)" ]; then \
		echo "oojwt: emcc reports version '$$have', but emsdk-version pins $(EMSDK_VERSION)." >&2; \
		echo "       Install Debian's emscripten $(EMSDK_VERSION) (apt-get install emscripten=$(EMSDK_VERSION)~dfsg-5)," >&2; \
		echo "       or activate emsdk $(EMSDK_VERSION) (emsdk install $(EMSDK_VERSION) && emsdk activate $(EMSDK_VERSION))." >&2; \
		exit 1; \
	fi

# ---- third-party sources: fetched, checked, unpacked ----------------------

APT_DIR := $(abspath $(BUILD)/apt)

deps: $(DEPS)/.ok

$(DEPS)/.ok: | $(TOOLS_STAMP)
	@if [ "$(BEARSSL_DIR)" != "$(DEPS)/bearssl" ] || [ "$(CJSON_DIR)" != "$(DEPS)/cjson" ]; then \
		test -f "$(BEARSSL_DIR)/inc/bearssl.h" || { echo "oojwt: BEARSSL_DIR=$(BEARSSL_DIR) has no inc/bearssl.h" >&2; exit 1; }; \
		test -f "$(CJSON_DIR)/cJSON.c" || { echo "oojwt: CJSON_DIR=$(CJSON_DIR) has no cJSON.c" >&2; exit 1; }; \
	fi
	@if [ "$(BEARSSL_DIR)" = "$(DEPS)/bearssl" ] || [ "$(CJSON_DIR)" = "$(DEPS)/cjson" ]; then \
		$(MAKE) --no-print-directory fetch-deps; fi
	@touch $@

.PHONY: fetch-deps
fetch-deps:
	@rm -rf $(DEPS)/dl $(DEPS)/bearssl $(DEPS)/cjson
	@mkdir -p $(DEPS)/dl $(APT_DIR)/lists/partial $(APT_DIR)/cache/archives/partial
	@printf '%s\n' \
		'deb-src http://deb.debian.org/debian bookworm main' \
		'deb-src http://deb.debian.org/debian-security bookworm-security main' \
		> $(APT_DIR)/sources.list
	@printf '%s\n' \
		'Dir::Etc::sourcelist "$(APT_DIR)/sources.list";' \
		'Dir::Etc::sourceparts "-";' \
		'Dir::State::lists "$(APT_DIR)/lists";' \
		'Dir::Cache "$(APT_DIR)/cache";' \
		'APT::Sandbox::User "root";' \
		> $(APT_DIR)/apt.conf
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

# ---- native build (tests run with ASan + UBSan) ---------------------------

NATIVE_OBJ := $(patsubst src/%.c,$(BUILD)/test/%.o,$(CORE_SRC))
BEARSSL_TEST_OBJ := $(patsubst %.c,$(BUILD)/test/bearssl/%.o,$(BEARSSL_SRC))

$(BUILD)/test/%.o: src/%.c $(HEADERS) $(DEPS)/.ok
	@mkdir -p $(@D)
	$(CC) $(OUR_CFLAGS) -g -O1 $(SAN_FLAGS) $(DEP_INC) -c $< -o $@

$(BUILD)/test/bearssl/%.o: $(DEPS)/.ok
	@mkdir -p $(@D)
	$(CC) -O2 -g $(SAN_FLAGS) -I$(BEARSSL_DIR)/inc -I$(BEARSSL_DIR)/src -c $(BEARSSL_DIR)/src/$*.c -o $@

$(BUILD)/test/cJSON.o: $(DEPS)/.ok
	@mkdir -p $(@D)
	$(CC) -O2 -g $(SAN_FLAGS) -c $(CJSON_DIR)/cJSON.c -o $@

TEST_SRC := $(sort $(wildcard tests/native/*.c))
TEST_OBJ := $(patsubst tests/native/%.c,$(BUILD)/test/native/%.o,$(TEST_SRC))

$(BUILD)/test/native/%.o: tests/native/%.c $(HEADERS) $(wildcard tests/native/*.h) $(DEPS)/.ok
	@mkdir -p $(@D)
	$(CC) -std=c99 -Wall -Wextra -Werror -g -O1 $(SAN_FLAGS) -Isrc $(DEP_INC) -c $< -o $@

$(BUILD)/test/oojwt-tests: $(TEST_OBJ) $(NATIVE_OBJ) $(BEARSSL_TEST_OBJ) $(BUILD)/test/cJSON.o
	$(CC) $(SAN_FLAGS) $^ -lm -o $@

# ---- wasm build -----------------------------------------------------------

WASM_OBJ := $(patsubst src/%.c,$(BUILD)/wasm/%.o,$(WASM_SRC))
BEARSSL_WASM_OBJ := $(patsubst %.c,$(BUILD)/wasm/bearssl/%.o,$(BEARSSL_SRC))

$(BUILD)/wasm/%.o: src/%.c $(HEADERS) $(DEPS)/.ok | check-emcc
	@mkdir -p $(@D)
	$(EMCC) $(OUR_CFLAGS) -O2 $(DEP_INC) -c $< -o $@

$(BUILD)/wasm/bearssl/%.o: $(DEPS)/.ok
	@mkdir -p $(@D)
	$(EMCC) -O2 -I$(BEARSSL_DIR)/inc -I$(BEARSSL_DIR)/src -c $(BEARSSL_DIR)/src/$*.c -o $@

$(BUILD)/wasm/cJSON.o: $(DEPS)/.ok
	@mkdir -p $(@D)
	$(EMCC) -O2 -c $(CJSON_DIR)/cJSON.c -o $@

web/oojwt.wasm: $(WASM_OBJ) $(BEARSSL_WASM_OBJ) $(BUILD)/wasm/cJSON.o
	$(EMCC) $(WASM_FLAGS) $^ -o $@
	@raw=$$(stat -c %s $@); gz=$$(gzip -9c $@ | wc -c); echo "oojwt: $@ is $$raw bytes ($$gz gzipped)"
