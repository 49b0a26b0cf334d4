/*
 * The findings list every judgement of a configuration, a request, a
 * link or a certificate fills (oojwt_finding, see oojwt_core.h): at most
 * OOJWT_MAX_FINDINGS, the rest counted as dropped, and the names of the
 * severities.
 */
#include <stdarg.h>
#include <string.h>
#include "inner.h"
#include "core.h"

static const char *const severity_names[] = { "error", "warning", "info" };

const char *
oojwt_severity_name(int s)
{
	return s >= 0 && s < 3 ? severity_names[s] : NULL;
}

oojwt_finding *
oojwt_finding_addp(oojwt_finding *list, size_t *n, size_t *dropped,
	int severity, int code, const char *path, const char *message,
	const char *fix, const char *params)
{
	oojwt_finding *f;

	if (*n >= OOJWT_MAX_FINDINGS) {
		(*dropped)++;
		return NULL;
	}
	f = &list[(*n)++];
	f->severity = severity;
	f->code = code;
	oojwt_fmt(f->path, sizeof f->path, "%s", path);
	oojwt_fmt(f->message, sizeof f->message, "%s", message);
	oojwt_fmt(f->fix, sizeof f->fix, "%s", fix);
	if (params == NULL || strlen(params) >= sizeof f->params) {
		params = "{}";
	}
	memcpy(f->params, params, strlen(params) + 1);
	return f;
}

void
oojwt_finding_vfmt(oojwt_finding *list, size_t *n, size_t *dropped,
	int severity, int code, const char *path, const char *fix,
	const char *names, const char *fmt, va_list ap)
{
	oojwt_finding *f = oojwt_finding_addp(list, n, dropped, severity, code,
		path, "", fix, NULL);
	oojwt_params p;

	if (f == NULL) {
		return;
	}
	oojwt_params_init(&p, f->params, sizeof f->params);
	oojwt_vfmtp(f->message, sizeof f->message, &p, names, fmt, ap);
}

void
oojwt_finding_fmt(oojwt_finding *list, size_t *n, size_t *dropped,
	int severity, int code, const char *path, const char *fix,
	const char *names, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	oojwt_finding_vfmt(list, n, dropped, severity, code, path, fix, names,
		fmt, ap);
	va_end(ap);
}

void
oojwt_finding_add(oojwt_finding *list, size_t *n, size_t *dropped,
	int severity, int code, const char *path, const char *message,
	const char *fix)
{
	(void)oojwt_finding_addp(list, n, dropped, severity, code, path, message,
		fix, NULL);
}
