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

char *
oojwt_json_print(const oojwt_jv *v, size_t *len)
{
	char *text = cJSON_PrintUnformatted((const cJSON *)v);

	*len = text != NULL ? strlen(text) : 0;
	return text;
}
