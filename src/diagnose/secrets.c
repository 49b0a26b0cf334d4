/*
 * Every token against every secret held (oojwt_diag_matrix): the
 * signature's length first (a cut signature verifies with no secret),
 * then each secret in every variant of oojwt_secret_explain()
 * (src/ds/secret_variants.c), preferring the secret Document Server
 * uses for the token: secret.inbox for what comes to it (editor
 * configs, commands, conversions; DocsCoServer.js checkJwt,
 * utils.getSecretByElem), secret.outbox for its callbacks. A match is
 * then judged as Document Server judges it (oojwt_ds_verify(): expiry,
 * verifyOptions).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "diagnose.h"

static size_t
hs_mac_len(unsigned alg)
{
	switch (alg) {
	case OOJWT_ALG_HS256: return 32;
	case OOJWT_ALG_HS384: return 48;
	case OOJWT_ALG_HS512: return 64;
	default: return 0;
	}
}

/* What a variant did to the secret, in words; and whether the token's
 * signer had the extra bytes (1: an addition, the signer's copy is
 * longer) or the held copy had them (0: a removal). */
static const char *
variant_words(int v, int *signer_has_extra)
{
	static const char *const kinds[] = { "a space", "a tab",
		"a carriage return", "a line feed", "CR LF", "a no-break space",
		"a zero-width space", "a byte order mark" };
	const char *name = oojwt_secret_variant_name(v);

	*signer_has_extra = 0;
	switch (v) {
	case 1: return "with the white space around it removed";
	case 2: *signer_has_extra = 1; return "with a line feed added at the end";
	case 3: return "without its final line feed";
	case 4: *signer_has_extra = 1; return "wrapped in quotes";
	case 5: return "without the quotes around it";
	case 6: return "base64-decoded";
	case 7: return "base64url-decoded";
	case 8: return "hex-decoded";
	case 9: return "replaced by Document Server's default, \"secret\"";
	default: break;
	}
	if (name == NULL) {
		return "changed";
	}
	/* with-trailing-KIND, with-leading-KIND, without-... : the kind is
	 * the last word of the name. */
	{
		size_t k, nk = sizeof kinds / sizeof *kinds;
		static const char *const knames[] = { "space", "tab", "cr", "newline",
			"crlf", "nbsp", "zwsp", "bom" };
		const char *last = strrchr(name, '-');
		const char *what = "a character";
		last = last != NULL ? last + 1 : name;
		for (k = 0; k < nk; k++) {
			if (strcmp(last, knames[k]) == 0) {
				what = kinds[k];
			}
		}
		if (strncmp(name, "with-trailing", 13) == 0) {
			*signer_has_extra = 1;
			return what == kinds[0] ? "with a space added at the end"
				: what == kinds[1] ? "with a tab added at the end"
				: what == kinds[2] ? "with a carriage return added at the end"
				: what == kinds[4] ? "with CR LF added at the end"
				: what == kinds[5] ? "with a no-break space added at the end"
				: what == kinds[6] ? "with a zero-width space added at the end"
				: "with a byte order mark added at the end";
		}
		if (strncmp(name, "with-leading", 12) == 0) {
			*signer_has_extra = 1;
			return what == kinds[0] ? "with a space added at the start"
				: what == kinds[1] ? "with a tab added at the start"
				: what == kinds[2] ? "with a carriage return added at the start"
				: what == kinds[3] ? "with a line feed added at the start"
				: what == kinds[4] ? "with CR LF added at the start"
				: what == kinds[5] ? "with a no-break space added at the start"
				: what == kinds[6] ? "with a zero-width space added at the start"
				: "with a byte order mark added at the start";
		}
		if (strncmp(name, "without-trailing", 16) == 0) {
			return "without the white space at its end";
		}
		if (strncmp(name, "without-leading", 15) == 0) {
			return "without the white space at its start";
		}
	}
	return "changed";
}

/* What Document Server checks a token with, in words. */
static const char *
what_checks(const oojwt_diag_token *t)
{
	return t->direction == OOJWT_DIAG_FROM_DS
		? "signs its callbacks with secret.outbox"
		: "checks the tokens it receives (editor configs, commands, "
			"conversions) with secret.inbox";
}

/* 1 when a held secret is the one Document Server uses for `t`, or
 * when no server config says which and the user gave it. */
static int
ds_uses(const oojwt_diag_ctx *c, const oojwt_diag_held *h,
	const oojwt_diag_token *t)
{
	unsigned role = t->direction == OOJWT_DIAG_FROM_DS
		? 1u << OOJWT_SECRET_OUTBOX : 1u << OOJWT_SECRET_INBOX;

	if (h->roles & role) {
		return 1;
	}
	if (c->cfg == NULL) {
		return (h->roles & (OOJWT_DIAG_ROLE_TYPED | OOJWT_DIAG_ROLE_PASTED
			| OOJWT_DIAG_ROLE_CONNECTOR)) != 0;
	}
	return 0;
}

static const char *
ds_secret_name(const oojwt_diag_ctx *c, const oojwt_diag_token *t)
{
	if (c->cfg != NULL && c->cfg->form == OOJWT_CONFIG_DOCKER) {
		return "JWT_SECRET";
	}
	return t->direction == OOJWT_DIAG_FROM_DS ? "secret.outbox" : "secret.inbox";
}

/* The signer, for the fix: the connector when one is known. */
static const char *
signer_words(const oojwt_diag_ctx *c, const oojwt_diag_token *t)
{
	if (t->direction == OOJWT_DIAG_FROM_DS) {
		return "Document Server";
	}
	switch (c->connector) {
	case OOJWT_CONNECTOR_NEXTCLOUD: return "Nextcloud's ONLYOFFICE app";
	case OOJWT_CONNECTOR_OWNCLOUD: return "ownCloud's ONLYOFFICE app";
	case OOJWT_CONNECTOR_MOODLE: return "Moodle's ONLYOFFICE plugin";
	case OOJWT_CONNECTOR_MATTERMOST: return "Mattermost's ONLYOFFICE plugin";
	default: return "the integration that signed it";
	}
}

/* The params signer_words and ds_secret_name speak of: signer (ds,
 * nextcloud, owncloud, moodle, mattermost, other) and expected. */
static void
signer_params(oojwt_params *p, const oojwt_diag_ctx *c,
	const oojwt_diag_token *t)
{
	const char *k = t->direction == OOJWT_DIAG_FROM_DS ? "ds"
		: c->connector == OOJWT_CONNECTOR_NEXTCLOUD ? "nextcloud"
		: c->connector == OOJWT_CONNECTOR_OWNCLOUD ? "owncloud"
		: c->connector == OOJWT_CONNECTOR_MOODLE ? "moodle"
		: c->connector == OOJWT_CONNECTOR_MATTERMOST ? "mattermost" : "other";
	const char *e = ds_secret_name(c, t);

	oojwt_params_str(p, "signer", k, strlen(k));
	oojwt_params_str(p, "expected", e, strlen(e));
}

static void
judge_as_ds(oojwt_diag_ctx *c, const oojwt_diag_token *t,
	const oojwt_diag_held *h)
{
	oojwt_ds_result *ds = malloc(sizeof *ds);
	oojwt_ds_opts o;
	oojwt_params p;
	char pbuf[OOJWT_DIAG_PARAMS_LEN];
	char msg[OOJWT_MESSAGE_LEN], cause[OOJWT_MESSAGE_LEN];

	if (ds == NULL) {
		return;
	}
	memset(&o, 0, sizeof o);
	o.algorithms = OOJWT_ALG_HS256 | OOJWT_ALG_HS384 | OOJWT_ALG_HS512;
	o.now = c->o->now;
	o.clock_tolerance = 60;
	o.strict_clock_tolerance = 60;
	if (c->cfg != NULL && c->cfg->verify_options != NULL) {
		o.verify_options = c->cfg->verify_options;
		o.verify_options_len = c->cfg->verify_options_len;
	}
	memset(ds, 0, sizeof *ds);
	if (oojwt_ds_verify(ds, t->p, t->len, h->value, h->len, &o) != OOJWT_OK) {
		free(ds);
		return;
	}
	oojwt_params_init(&p, pbuf, sizeof pbuf);
	oojwt_params_str(&p, "secret", h->name, strlen(h->name));
	if (ds->valid) {
		snprintf(msg, sizeof msg, "The token verifies with %s, and Document "
			"Server accepts it.", h->name);
		snprintf(cause, sizeof cause, "the token verifies with %s", h->name);
		oojwt_diag_add(c, OOJWT_SEVERITY_INFO, OOJWT_FIND_DIAG_TOKEN_VERIFIES,
			t->item, 5, pbuf, msg, "", cause);
	} else {
		const char *code = oojwt_code_name(ds->code);
		oojwt_params_str(&p, "source", "ds", 2);
		oojwt_params_str(&p, "serverMessage", ds->server_message,
			ds->server_message_len < 200 ? ds->server_message_len : 200);
		oojwt_params_str(&p, "reason", code != NULL ? code : "",
			code != NULL ? strlen(code) : 0);
		snprintf(msg, sizeof msg, "The token is signed with %s, but Document "
			"Server refuses it: %.300s", h->name, ds->message);
		oojwt_params_str(&p, "dsMessage", ds->message,
			strlen(ds->message) < 300 ? strlen(ds->message) : 300);
		snprintf(cause, sizeof cause, "the token is refused (%.*s)",
			(int)(ds->server_message_len < 200 ? ds->server_message_len : 200),
			ds->server_message);
		oojwt_diag_add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_DIAG_TOKEN_REJECTED,
			t->item, 2, pbuf, msg, ds->code == OOJWT_ERR_EXPIRED
			? "Sign a new token when the page opens (not a cached one), and check "
				"that both servers' clocks are right (timedatectl)."
			: "Sign the token as Document Server expects it: the fields it "
				"requires, no padding or white space, HS256.", cause);
	}
	oojwt_ds_result_free(ds);
	free(ds);
}

static void
check_token(oojwt_diag_ctx *c, const oojwt_diag_token *t)
{
	oojwt_result dec;
	oojwt_secret_report *rep;
	oojwt_params p;
	char pbuf[OOJWT_DIAG_PARAMS_LEN];
	char msg[OOJWT_MESSAGE_LEN], fix[OOJWT_MESSAGE_LEN], cause[OOJWT_MESSAGE_LEN];
	size_t i, want;
	int exact = -1, exact_ds = -1, var = -1, var_ds = -1, var_v = -1, var_ds_v = -1;
	unsigned alg;

	memset(&dec, 0, sizeof dec);
	oojwt_decode(&dec, t->p, t->len);
	if (dec.header == NULL || dec.dot2 == 0) {
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		snprintf(msg, sizeof msg, "The token cannot be read: %.340s",
			dec.n_errors > 0 ? dec.errors[0].message : "it is not a JWT.");
		oojwt_params_str(&p, "reason", msg + 26, strlen(msg + 26));
		oojwt_diag_add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_DIAG_TOKEN_UNREADABLE,
			t->item, 3, pbuf, msg, "Copy the whole token again: three parts "
			"joined by dots, nothing cut, added or wrapped.",
			"the token cannot be read");
		oojwt_result_free(&dec);
		return;
	}
	alg = dec.alg;
	want = hs_mac_len(alg);
	if (want != 0 && dec.sig != NULL && dec.sig_len != want) {
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_params_num(&p, "signatureBytes", (double)dec.sig_len);
		oojwt_params_num(&p, "expectedBytes", (double)want);
		oojwt_params_str(&p, "alg", oojwt_alg_name(alg),
			strlen(oojwt_alg_name(alg)));
		snprintf(msg, sizeof msg, "The token's signature is %u bytes long; an "
			"%s signature is %u. It was cut (an example shortened for display, "
			"or a copy that lost its end): no secret can verify it.",
			(unsigned)dec.sig_len, oojwt_alg_name(alg), (unsigned)want);
		snprintf(cause, sizeof cause, "the token's signature is cut to %u bytes "
			"(%s needs %u)", (unsigned)dec.sig_len, oojwt_alg_name(alg),
			(unsigned)want);
		oojwt_diag_add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_DIAG_SIGNATURE_TRUNCATED,
			t->item, 1, pbuf, msg, "Copy the whole token, "
			"up to its last character; to make one, sign the payload with your "
			"secret (oojwt sign, or the page's builder).", cause);
		oojwt_result_free(&dec);
		return;
	}
	oojwt_result_free(&dec);
	if (want == 0) {
		/* DocsCoServer.js checkJwt: a shared-secret key, so jsonwebtoken
		 * accepts HS256/384/512 only. */
		const char *name = alg != 0 ? oojwt_alg_name(alg) : NULL;
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_params_str(&p, "source", "alg", 3);
		oojwt_params_str(&p, "alg", name != NULL ? name : "",
			name != NULL ? strlen(name) : 0);
		oojwt_params_str(&p, "known", name != NULL ? "yes" : "no",
			name != NULL ? 3 : 2);
		snprintf(msg, sizeof msg, "The token is signed with %s; Document "
			"Server checks tokens with a shared secret, so it accepts only "
			"HS256, HS384 and HS512, and refuses this one.", name != NULL
			? name : "an algorithm it does not know");
		oojwt_diag_add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_DIAG_TOKEN_REJECTED,
			t->item, 2, pbuf, msg, "Sign with HS256 and "
			"the secret Document Server has (secret.inbox).",
			"the token is not signed with a shared secret (HS256)");
		return;
	}
	if (c->n_held == 0) {
		oojwt_diag_add(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_DIAG_NO_SECRET,
			t->item, 8, NULL, "There is a token, but no secret to check it with.",
			"Paste Document Server's local.json (or its JWT_SECRET setting), or "
			"type the secret: oojwt checks the token against each.",
			"no secret was given to check the token");
		return;
	}
	rep = malloc(sizeof *rep);
	if (rep == NULL) {
		return;
	}
	for (i = 0; i < c->n_held && exact_ds < 0; i++) {
		const oojwt_diag_held *h = &c->held[i];
		int uses = ds_uses(c, h, t);
		if (oojwt_secret_explain(rep, t->p, t->len, h->value, h->len) != OOJWT_OK) {
			continue;
		}
		if (rep->verifies) {
			if (uses) {
				exact_ds = (int)i;
			} else if (exact < 0) {
				exact = (int)i;
			}
		} else if (rep->variant > 0 && rep->variant < 40) {
			if (uses && var_ds < 0) {
				var_ds = (int)i;
				var_ds_v = rep->variant;
			} else if (var < 0) {
				var = (int)i;
				var_v = rep->variant;
			}
		}
	}
	oojwt_wipe(rep, sizeof *rep);
	free(rep);
	if (t->item >= 0 && (size_t)t->item < OOJWT_DIAG_MAX_ITEMS) {
		c->token_checked[t->item] = 1;
	}
	oojwt_params_init(&p, pbuf, sizeof pbuf);
	if (exact_ds >= 0) {
		judge_as_ds(c, t, &c->held[exact_ds]);
		return;
	}
	if (exact >= 0) {
		const oojwt_diag_held *h = &c->held[exact];
		const char *ds_name = ds_secret_name(c, t);
		const char *role = (h->roles & (1u << OOJWT_SECRET_BROWSER))
			? "browser" : (h->roles & (1u << OOJWT_SECRET_SESSION))
			? "session" : "other";
		oojwt_params_str(&p, "signedWith", h->name, strlen(h->name));
		signer_params(&p, c, t);
		oojwt_params_str(&p, "direction", t->direction == OOJWT_DIAG_FROM_DS
			? "from_ds" : "to_ds", t->direction == OOJWT_DIAG_FROM_DS ? 7 : 5);
		oojwt_params_str(&p, "role", role, strlen(role));
		snprintf(msg, sizeof msg, "The token is signed with %s; Document Server "
			"%s%s.", h->name, what_checks(t), (h->roles & (1u
			<< OOJWT_SECRET_BROWSER)) ? " (since 7.2 it does not read "
			"secret.browser at all)" : (h->roles & (1u << OOJWT_SECRET_SESSION))
			? " (secret.session signs only its own session tokens)" : "");
		snprintf(cause, sizeof cause, "it is signed with %s, not %s", h->name,
			ds_name);
		snprintf(fix, sizeof fix, "Make %s sign with the value of %s (or set %s "
			"to the value it signs with, and restart Document Server).",
			signer_words(c, t), ds_name, ds_name);
		oojwt_diag_add(c, OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_DIAG_SIGNED_WITH_OTHER_SECRET, t->item, 0,
			pbuf, msg, fix, cause);
		return;
	}
	if (var_ds >= 0 || var >= 0) {
		const oojwt_diag_held *h = &c->held[var_ds >= 0 ? var_ds : var];
		int v = var_ds >= 0 ? var_ds_v : var_v, extra;
		const char *words = variant_words(v, &extra);
		const char *vname = oojwt_secret_variant_name(v);
		const char *fix_kind = extra && (strstr(vname, "newline") != NULL
			|| strstr(vname, "cr") != NULL) ? "newline" : extra ? "extra"
			: v == 9 ? "default" : "other";
		oojwt_params_str(&p, "secret", h->name, strlen(h->name));
		oojwt_params_str(&p, "variant", vname, strlen(vname));
		oojwt_params_str(&p, "tail", extra ? "extra" : v == 9 ? "default"
			: "missing", extra ? 5 : v == 9 ? 7 : 7);
		oojwt_params_str(&p, "fixKind", fix_kind, strlen(fix_kind));
		signer_params(&p, c, t);
		snprintf(msg, sizeof msg, "The token is signed with %s %s: %s.",
			h->name, words, extra ? "the copy of the secret where it was "
			"signed has those extra characters"
			: v == 9 ? "it was signed with the default secret, not yours"
			: "the copy you gave has characters the signer's does not");
		snprintf(cause, sizeof cause, "the token was signed with %s %s",
			h->name, words);
		if (extra && (strstr(vname, "newline") != NULL || strstr(vname, "cr") != NULL)) {
			snprintf(fix, sizeof fix, "Set the secret in %s again, with "
				"nothing around it (read it with docker exec ... json -f "
				"local.json services.CoAuthoring.secret.inbox.string | tr -d "
				"'\\n', and paste it without the line break).", signer_words(c, t));
		} else if (extra) {
			snprintf(fix, sizeof fix, "Set the secret in %s again, exactly: "
				"no space, tab, quote or invisible character around it.",
				signer_words(c, t));
		} else if (v == 9) {
			snprintf(fix, sizeof fix, "Give %s the secret Document Server "
				"uses (%s), not the example value \"secret\".", signer_words(c, t),
				ds_secret_name(c, t));
		} else {
			snprintf(fix, sizeof fix, "Use the secret %s: where you copied %s, "
				"leave out what is around it.", words, h->name);
		}
		oojwt_diag_add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_DIAG_SECRET_VARIANT,
			t->item, 0, pbuf, msg, fix, cause);
		return;
	}
	oojwt_params_num(&p, "secretsTried", (double)c->n_held);
	oojwt_params_str(&p, "first", c->held[0].name, strlen(c->held[0].name));
	signer_params(&p, c, t);
	if (c->n_held == 1) {
		snprintf(msg, sizeof msg, "%s does not verify the token, in any "
			"variant (white space, quotes, encodings): it was signed with "
			"another secret.", c->held[0].name);
		if (msg[0] >= 'a' && msg[0] <= 'z') {
			msg[0] = (char)(msg[0] - 32);
		}
		/* the name as the sentence starts with it */
		oojwt_params_str(&p, "firstCap", msg, strlen(c->held[0].name));
	} else {
		snprintf(msg, sizeof msg, "None of the %u secrets held (%s, ...) "
			"verifies the token, in any variant (white space, quotes, "
			"encodings): it was signed with another secret.",
			(unsigned)c->n_held, c->held[0].name);
	}
	snprintf(fix, sizeof fix, "Make the secret that signs these tokens (in "
		"the settings of %s) equal to Document Server's %s, then sign again.",
		signer_words(c, t), ds_secret_name(c, t));
	oojwt_diag_add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_DIAG_SECRET_UNKNOWN,
		t->item, 1, pbuf, msg, fix,
		"the token was signed with a secret you did not give");
}

void
oojwt_diag_matrix(oojwt_diag_ctx *c)
{
	size_t i;

	for (i = 0; i < c->n_tokens; i++) {
		check_token(c, &c->tokens[i]);
	}
}
