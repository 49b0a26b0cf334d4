/*
 * The command line parser of build/oojwt: `--name VALUE`, `--name=VALUE`
 * and flags, in any order around one positional argument; `--` ends the
 * options. The Node command bin/oojwt.mjs runs this same parser (wasm).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int
oojwt_cli_number(const char *s, double *out)
{
	const char *p = s;
	char *end;
	double d;

	if (*p == '-') {
		p++;
	}
	if (!is_digit(*p)) {
		return 0;
	}
	while (is_digit(*p)) {
		p++;
	}
	if (*p == '.') {
		p++;
		if (!is_digit(*p)) {
			return 0;
		}
		while (is_digit(*p)) {
			p++;
		}
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-') {
			p++;
		}
		if (!is_digit(*p)) {
			return 0;
		}
		while (is_digit(*p)) {
			p++;
		}
	}
	if (*p != 0) {
		return 0;
	}
	d = strtod(s, &end);
	if (*end != 0 || !(d - d == 0)) {
		return 0;
	}
	*out = d;
	return 1;
}

enum { T_FLAG, T_STRING, T_NUMBER, T_IAT };

typedef struct {
	const char *name;
	int type;
	size_t off;           /* offset of the field in oojwt_cli_opts */
	size_t has_off;       /* for numbers: offset of the has_ field */
} option;

#define F(field) offsetof(oojwt_cli_opts, field)

static const option OPTIONS[] = {
	{ "json", T_FLAG, F(json), 0 },
	{ "quiet", T_FLAG, F(quiet), 0 },
	{ "help", T_FLAG, F(help), 0 },
	{ "profile", T_STRING, F(profile), 0 },
	{ "secret", T_STRING, F(secret), 0 },
	{ "secret-file", T_STRING, F(secret_file), 0 },
	{ "secret-env", T_STRING, F(secret_env), 0 },
	{ "secret-from-local-json", T_STRING, F(local_json), 0 },
	{ "which", T_STRING, F(which), 0 },
	{ "key-file", T_STRING, F(jwt_key_file), 0 },
	{ "algorithms", T_STRING, F(algorithms), 0 },
	{ "now", T_NUMBER, F(now), F(has_now) },
	{ "clock-tolerance", T_NUMBER, F(tolerance), F(has_tolerance) },
	{ "alg", T_STRING, F(alg), 0 },
	{ "header", T_STRING, F(header), 0 },
	{ "iat", T_IAT, F(iat), 0 },
	{ "expires-in", T_STRING, F(expires_in), 0 },
	{ "defaults", T_STRING, F(defaults), 0 },
	{ "show-secrets", T_FLAG, F(show_secrets), 0 },
	{ "payload", T_FLAG, F(show_payload), 0 },
	{ "server-config", T_STRING, F(server_config), 0 },
	{ "nginx-config", T_STRING, F(nginx_config), 0 },
	{ "key", T_STRING, F(key_file), 0 },
	{ "host", T_STRING, F(host), 0 },
	{ "kind", T_STRING, F(kind), 0 },
	{ "server-version", T_STRING, F(server_version), 0 },
	{ "connector", T_STRING, F(connector), 0 },
	{ "leeway", T_NUMBER, F(leeway), F(has_leeway) },
	{ "other-secret-file", T_STRING, F(other_secret_file), 0 },
	{ "other-secret-env", T_STRING, F(other_secret_env), 0 },
	{ "container", T_STRING, F(container), 0 },
	{ "url", T_STRING, F(url), 0 },
	{ "jwt-header", T_STRING, F(jwt_header), 0 },
	{ "sign-with", T_STRING, F(sign_with), 0 },
	{ "self-signed", T_FLAG, F(self_signed), 0 },
	{ "include-secret", T_FLAG, F(include_secret), 0 },
	{ "export", T_STRING, F(export_format), 0 },
	{ "root", T_STRING, F(root), 0 },
	{ "lang", T_STRING, F(lang), 0 }
};

static const option *
find_option(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof OPTIONS / sizeof OPTIONS[0]; i++) {
		if (strlen(OPTIONS[i].name) == len
			&& memcmp(OPTIONS[i].name, name, len) == 0)
		{
			return &OPTIONS[i];
		}
	}
	return NULL;
}

int
oojwt_cli_parse(oojwt_cli_opts *o, int argc, char **argv,
	char *err, size_t cap)
{
	int i, only_positional = 0;
	char *base = (char *)o;

	for (i = 2; i < argc; i++) {
		const char *a = argv[i];
		const char *eq, *value = NULL;
		const option *opt;
		size_t name_len;

		if ((only_positional || a[0] != '-' || a[1] == 0)
			&& strcmp(o->command, "diagnose") == 0)
		{
			if (o->n_inputs >= OOJWT_DIAG_MAX_ITEMS) {
				oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("usage.diagnose_too_many"),
					"arg,n", "%s%z", a, (size_t)OOJWT_DIAG_MAX_ITEMS);
				return OOJWT_EXIT_USAGE;
			}
			o->inputs[o->n_inputs++] = a;
			o->input = o->inputs[0];
			continue;
		}
		if (only_positional || a[0] != '-' || a[1] == 0) {
			if (o->input != NULL) {
				oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("usage.one_input"),
					"arg,command", "%s%s", a, o->command);
				return OOJWT_EXIT_USAGE;
			}
			o->input = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_positional = 1;
			continue;
		}
		if (strcmp(a, "-h") == 0) {
			o->help = 1;
			continue;
		}
		if (a[1] != '-') {
			oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("usage.unknown_option"), "opt",
				"%s", a);
			return OOJWT_EXIT_USAGE;
		}
		eq = strchr(a + 2, '=');
		name_len = eq != NULL ? (size_t)(eq - (a + 2)) : strlen(a + 2);
		opt = find_option(a + 2, name_len);
		if (opt == NULL) {
			char opt_name[128];
			snprintf(opt_name, sizeof opt_name, "%.*s", (int)(name_len + 2), a);
			oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("usage.unknown_option"), "opt",
				"%s", opt_name);
			return OOJWT_EXIT_USAGE;
		}
		if (eq != NULL) {
			value = eq + 1;
		}
		switch (opt->type) {
		case T_FLAG:
			if (value != NULL) {
				oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("usage.no_value"), "opt", "%s",
					opt->name);
				return OOJWT_EXIT_USAGE;
			}
			*(int *)(void *)(base + opt->off) = 1;
			break;
		case T_IAT:
			if (value == NULL) {
				o->iat = 1;
			} else if (oojwt_cli_number(value, &o->iat_value)) {
				o->iat = 2;
			} else {
				oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("usage.iat"), "value", "%s",
					value);
				return OOJWT_EXIT_USAGE;
			}
			break;
		default:
			if (value == NULL) {
				if (i + 1 >= argc) {
					oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("usage.needs_value"), "opt",
						"%s", opt->name);
					return OOJWT_EXIT_USAGE;
				}
				value = argv[++i];
			}
			if (opt->type == T_STRING) {
				*(const char **)(void *)(base + opt->off) = value;
			} else if (oojwt_cli_number(value,
				(double *)(void *)(base + opt->off)))
			{
				*(int *)(void *)(base + opt->has_off) = 1;
			} else {
				oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("usage.needs_seconds"),
					"opt,value", "%s%s", opt->name, value);
				return OOJWT_EXIT_USAGE;
			}
			break;
		}
	}
	return OOJWT_EXIT_OK;
}

