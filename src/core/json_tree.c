/*
 * The strict JSON layer, part two: reading a parsed tree. Types, dotted
 * paths, JavaScript truthiness, members by exact (case-sensitive) name,
 * arrays and member iteration, and printing. cJSON's own getters are
 * never used: they compare names case-insensitively.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "cJSON.h"
#include "inner.h"
#include "core.h"

int
oojwt_json_type(const oojwt_jv *jv)
{
	const cJSON *v = (const cJSON *)jv;

	if (v == NULL) {
		return OOJWT_JSON_INVALID;
	}
	switch (v->type & 0xFF) {
	case cJSON_NULL: return OOJWT_JSON_NULL;
	case cJSON_False: return OOJWT_JSON_FALSE;
	case cJSON_True: return OOJWT_JSON_TRUE;
	case cJSON_Number: return OOJWT_JSON_NUMBER;
	case cJSON_String: return OOJWT_JSON_STRING;
	case cJSON_Array: return OOJWT_JSON_ARRAY;
	case cJSON_Object: return OOJWT_JSON_OBJECT;
	default: return OOJWT_JSON_INVALID;
	}
}

const oojwt_jv *
oojwt_json_at(const oojwt_jv *root, const char *dotted)
{
	char name[64];
	const char *p = dotted;

	while (root != NULL && *p != 0) {
		size_t n = strcspn(p, ".");
		if (n >= sizeof name) {
			return NULL;
		}
		memcpy(name, p, n);
		name[n] = 0;
		root = oojwt_json_get(root, name);
		p += n + (p[n] == '.');
	}
	return root;
}

int
oojwt_json_truthy(const oojwt_jv *v)
{
	switch (oojwt_json_type(v)) {
	case OOJWT_JSON_TRUE:
	case OOJWT_JSON_ARRAY:
	case OOJWT_JSON_OBJECT:
		return 1;
	case OOJWT_JSON_NUMBER:
		return oojwt_json_number(v) != 0;
	case OOJWT_JSON_STRING:
		return oojwt_json_string(v)[0] != 0;
	default:
		return 0;
	}
}

const char *
oojwt_json_type_name(const oojwt_jv *v)
{
	return oojwt_json_type_word(oojwt_json_type(v));
}

const char *
oojwt_json_type_word(int type)
{
	switch (type) {
	case OOJWT_JSON_NULL: return "null";
	case OOJWT_JSON_FALSE: return "false";
	case OOJWT_JSON_TRUE: return "true";
	case OOJWT_JSON_NUMBER: return "a number";
	case OOJWT_JSON_STRING: return "a string";
	case OOJWT_JSON_ARRAY: return "an array";
	case OOJWT_JSON_OBJECT: return "an object";
	default: return "nothing";
	}
}

const char *
oojwt_json_type_key(int type)
{
	const char *w = oojwt_json_type_word(type);

	/* "a number", "an array": the word after the article. */
	return w[0] != 'a' ? w : w + (w[1] == ' ' ? 2 : 3);
}

const oojwt_jv *
oojwt_json_get(const oojwt_jv *obj, const char *name)
{
	const cJSON *c;

	if (oojwt_json_type(obj) != OOJWT_JSON_OBJECT) {
		return NULL;
	}
	for (c = ((const cJSON *)obj)->child; c != NULL; c = c->next) {
		if (strcmp(c->string, name) == 0) {
			return (const oojwt_jv *)c;
		}
	}
	return NULL;
}

double
oojwt_json_number(const oojwt_jv *v)
{
	return ((const cJSON *)v)->valuedouble;
}

const char *
oojwt_json_string(const oojwt_jv *v)
{
	return ((const cJSON *)v)->valuestring;
}

size_t
oojwt_json_array_size(const oojwt_jv *v)
{
	const cJSON *c;
	size_t n = 0;

	if (oojwt_json_type(v) != OOJWT_JSON_ARRAY) {
		return 0;
	}
	for (c = ((const cJSON *)v)->child; c != NULL; c = c->next) {
		n++;
	}
	return n;
}

const oojwt_jv *
oojwt_json_array_at(const oojwt_jv *v, size_t i)
{
	const cJSON *c;

	if (oojwt_json_type(v) != OOJWT_JSON_ARRAY) {
		return NULL;
	}
	for (c = ((const cJSON *)v)->child; c != NULL && i > 0; c = c->next) {
		i--;
	}
	return (const oojwt_jv *)c;
}

size_t
oojwt_json_object_size(const oojwt_jv *v)
{
	const cJSON *c;
	size_t n = 0;

	if (oojwt_json_type(v) != OOJWT_JSON_OBJECT) {
		return 0;
	}
	for (c = ((const cJSON *)v)->child; c != NULL; c = c->next) {
		n++;
	}
	return n;
}

const oojwt_jv *
oojwt_json_member_at(const oojwt_jv *obj, size_t i, const char **name)
{
	const cJSON *c;

	if (oojwt_json_type(obj) != OOJWT_JSON_OBJECT) {
		return NULL;
	}
	for (c = ((const cJSON *)obj)->child; c != NULL && i > 0; c = c->next) {
		i--;
	}
	if (c != NULL && name != NULL) {
		*name = c->string;
	}
	return (const oojwt_jv *)c;
}

const oojwt_jv *
oojwt_json_first(const oojwt_jv *v, const char **name)
{
	int t = oojwt_json_type(v);
	const cJSON *c;

	if (t != OOJWT_JSON_ARRAY && t != OOJWT_JSON_OBJECT) {
		return NULL;
	}
	c = ((const cJSON *)v)->child;
	if (c != NULL && name != NULL) {
		*name = c->string;
	}
	return (const oojwt_jv *)c;
}

const oojwt_jv *
oojwt_json_next(const oojwt_jv *v, const char **name)
{
	const cJSON *c = v != NULL ? ((const cJSON *)v)->next : NULL;

	if (c != NULL && name != NULL) {
		*name = c->string;
	}
	return (const oojwt_jv *)c;
}

int
oojwt_wtf8_has_lone(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i;

	for (i = 0; i + 2 < len; i++) {
		if (u[i] == 0xED && u[i + 1] >= 0xA0 && u[i + 1] <= 0xBF) {
			return 1;
		}
	}
	return 0;
}

/* Append `name` to the dotted path at path[at..) (truncated to `size`). */
static size_t
path_push(char *path, size_t size, size_t at, const char *name)
{
	size_t n = strlen(name);

	if (at > 0 && at + 1 < size) {
		path[at++] = '.';
	}
	if (at + n >= size) {
		n = at < size ? size - at - 1 : 0;
	}
	memcpy(path + at, name, n);
	path[at + n] = 0;
	return at + n;
}

/* oojwt_json_lone_path() below `v`, whose own path fills path[0..at);
 * `found` strings were found before. The path grows only until the
 * first is found, and then stays. */
static size_t
lone_walk(const cJSON *v, char *path, size_t size, size_t at, size_t found)
{
	const cJSON *c;
	unsigned long i = 0;

	if (cJSON_IsString(v) && v->valuestring != NULL
		&& oojwt_wtf8_has_lone(v->valuestring, strlen(v->valuestring)))
	{
		found++;
	}
	for (c = v->child; c != NULL; c = c->next, i++) {
		size_t end = at;
		if (found == 0) {
			char idx[24];
			oojwt_fmt(idx, sizeof idx, "%l", (long)i);
			end = path_push(path, size, at, c->string != NULL ? c->string
				: idx);
		}
		if (c->string != NULL && oojwt_wtf8_has_lone(c->string,
			strlen(c->string)))
		{
			found++;
		}
		found = lone_walk(c, path, size, end, found);
		if (found == 0) {
			path[at] = 0;
		}
	}
	return found;
}

void
oojwt_json_lone_replace(oojwt_jv *jv)
{
	cJSON *v = (cJSON *)jv, *c;
	char *s[2];
	int k;

	if (v == NULL) {
		return;
	}
	s[0] = v->valuestring;
	s[1] = v->string;
	for (k = 0; k < 2; k++) {
		unsigned char *u = (unsigned char *)s[k];
		size_t i, n = u != NULL ? strlen(s[k]) : 0;
		for (i = 0; i + 2 < n; i++) {
			if (u[i] == 0xED && u[i + 1] >= 0xA0 && u[i + 1] <= 0xBF) {
				u[i] = 0xEF;
				u[i + 1] = 0xBF;
				u[i + 2] = 0xBD;
				i += 2;
			}
		}
	}
	for (c = v->child; c != NULL; c = c->next) {
		oojwt_json_lone_replace((oojwt_jv *)c);
	}
}

size_t
oojwt_json_lone_path(const oojwt_jv *v, char *path, size_t size)
{
	if (size == 0) {
		return 0;
	}
	path[0] = 0;
	return v != NULL ? lone_walk((const cJSON *)v, path, size, 0, 0) : 0;
}

char *
oojwt_json_print(const oojwt_jv *v, size_t *len)
{
	static const char hex[] = "0123456789abcdef";
	char *text = cJSON_PrintUnformatted((const cJSON *)v), *t;
	const unsigned char *u = (const unsigned char *)text;
	size_t n, i, o = 0, lone = 0;

	*len = text != NULL ? strlen(text) : 0;
	if (text == NULL || !oojwt_wtf8_has_lone(text, *len)) {
		return text;
	}
	/* Outside strings cJSON prints ASCII, and valid UTF-8 never holds
	 * ED A0-BF: every such sequence is a kept lone surrogate. */
	n = *len;
	for (i = 0; i + 2 < n; i++) {
		lone += u[i] == 0xED && u[i + 1] >= 0xA0 && u[i + 1] <= 0xBF;
	}
	t = (char *)malloc(n + 3 * lone + 1);
	if (t == NULL) {
		free(text);
		*len = 0;
		return NULL;
	}
	for (i = 0; i < n; i++) {
		if (i + 2 < n && u[i] == 0xED && u[i + 1] >= 0xA0 && u[i + 1] <= 0xBF) {
			unsigned cp = 0xD000u | ((u[i + 1] & 0x3Fu) << 6)
				| (u[i + 2] & 0x3Fu);
			t[o++] = '\\';
			t[o++] = 'u';
			t[o++] = hex[(cp >> 12) & 15];
			t[o++] = hex[(cp >> 8) & 15];
			t[o++] = hex[(cp >> 4) & 15];
			t[o++] = hex[cp & 15];
			i += 2;
		} else {
			t[o++] = text[i];
		}
	}
	t[o] = 0;
	free(text);
	*len = o;
	return t;
}
