/*
 * The strict JSON layer, part three: what node-config does to Document
 * Server's configuration files and what the editor config checks need.
 * Merging one tree into another (objects merge member by member, the
 * rest replaces), comparing trees, copying a dotted path, and small
 * edits. Member indexes sorted by name keep every lookup O(log n) on
 * huge objects.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "cJSON.h"
#include "inner.h"
#include "core.h"

/* ---- member indexes: lookups that stay O(log n) on huge objects ------- */

static int
cmp_items(const void *a, const void *b)
{
	return strcmp((*(cJSON *const *)a)->string, (*(cJSON *const *)b)->string);
}

/* The members of `obj` sorted by name, in a malloc'd array of *n
 * pointers (NULL with *n = 0 when the object is empty; NULL with
 * *failed set when memory runs out). */
static cJSON **
index_members(const cJSON *obj, size_t *n, int *failed)
{
	const cJSON *c;
	cJSON **items;
	size_t k = 0;

	*n = 0;
	*failed = 0;
	for (c = obj->child; c != NULL; c = c->next) {
		k++;
	}
	if (k == 0) {
		return NULL;
	}
	items = (cJSON **)malloc(k * sizeof *items);
	if (items == NULL) {
		*failed = 1;
		return NULL;
	}
	k = 0;
	for (c = obj->child; c != NULL; c = c->next) {
		items[k++] = (cJSON *)(size_t)c;
	}
	oojwt_sort(items, k, sizeof *items, cmp_items);
	*n = k;
	return items;
}

/* The slot of member `name` in an index, or NULL. */
static cJSON **
index_find(cJSON **items, size_t n, const char *name)
{
	cJSON key, *kp = &key;

	if (n == 0) {
		return NULL;
	}
	memset(&key, 0, sizeof key);
	key.string = (char *)(size_t)name;
	return (cJSON **)bsearch(&kp, items, n, sizeof *items, cmp_items);
}

static int merge_into(cJSON *base, const cJSON *over);

/* Merge member `c` of the overriding object into `base`, where `have` is
 * the member of that name (NULL when none), held at `slot` of the index. */
static int
merge_one(cJSON *base, cJSON *have, const cJSON *c, cJSON **slot)
{
	cJSON *copy;

	if (have != NULL && cJSON_IsObject(have) && cJSON_IsObject(c)) {
		return merge_into(have, c);
	}
	copy = cJSON_Duplicate(c, 1);
	if (copy == NULL) {
		return 0;
	}
	if (have != NULL) {
		if (!cJSON_ReplaceItemViaPointer(base, have, copy)) {
			cJSON_Delete(copy);
			return 0;
		}
		*slot = copy;
	} else if (!cJSON_AddItemToObject(base, c->string, copy)) {
		cJSON_Delete(copy);
		return 0;
	}
	return 1;
}

/* node-config's merge: objects merge member by member, anything else
 * (scalars, arrays, null) replaces. `base` is looked up through a sorted
 * index (O((n + m) log n), not O(n * m), for objects of any size); the
 * names of `over` are unique (every tree from oojwt_json_parse*), so the
 * members appended to `base` need not be in the index. */
static int
merge_into(cJSON *base, const cJSON *over)
{
	const cJSON *c;
	size_t n;
	int failed, ok = 1;
	cJSON **idx = index_members(base, &n, &failed);

	if (failed) {
		return 0;
	}
	for (c = over->child; c != NULL && ok; c = c->next) {
		cJSON **slot = index_find(idx, n, c->string);
		ok = merge_one(base, slot != NULL ? *slot : NULL, c, slot);
	}
	free(idx);
	return ok;
}

int
oojwt_json_merge(oojwt_jv *base, const oojwt_jv *over)
{
	if (oojwt_json_type(base) != OOJWT_JSON_OBJECT
		|| oojwt_json_type(over) != OOJWT_JSON_OBJECT)
	{
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	return merge_into((cJSON *)base, (const cJSON *)over)
		? OOJWT_OK : OOJWT_ERR_NO_MEMORY;
}

/* Objects with the same members, in any order: both sorted by name and
 * compared side by side (O(n log n); names are unique in parsed trees).
 * When memory runs out, each member is looked up instead (O(n * m)). */
static int
objects_equal(const cJSON *a, const cJSON *b)
{
	size_t n, m, k;
	int fa, fb, eq = 1;
	cJSON **ia, **ib;
	const cJSON *c;

	if (oojwt_json_object_size((const oojwt_jv *)a)
		!= oojwt_json_object_size((const oojwt_jv *)b))
	{
		return 0;
	}
	ia = index_members(a, &n, &fa);
	ib = index_members(b, &m, &fb);
	if (!fa && !fb) {
		for (k = 0; k < n && eq; k++) {
			eq = strcmp(ia[k]->string, ib[k]->string) == 0
				&& oojwt_json_equal((const oojwt_jv *)ia[k],
					(const oojwt_jv *)ib[k]);
		}
		free(ia);
		free(ib);
		return eq;
	}
	free(ia);
	free(ib);
	for (c = a->child; c != NULL && eq; c = c->next) {
		const oojwt_jv *o = oojwt_json_get((const oojwt_jv *)b, c->string);
		eq = o != NULL && oojwt_json_equal((const oojwt_jv *)c, o);
	}
	return eq;
}

int
oojwt_json_equal(const oojwt_jv *ja, const oojwt_jv *jb)
{
	const cJSON *a = (const cJSON *)ja, *b = (const cJSON *)jb, *c;
	int t = oojwt_json_type(ja);

	if (t != oojwt_json_type(jb)) {
		return 0;
	}
	switch (t) {
	case OOJWT_JSON_NUMBER:
		/* Object.is: 0 and -0 differ. */
		return a->valuedouble == b->valuedouble
			&& !signbit(a->valuedouble) == !signbit(b->valuedouble);
	case OOJWT_JSON_STRING:
		return strcmp(a->valuestring, b->valuestring) == 0;
	case OOJWT_JSON_ARRAY: {
		const cJSON *d = b->child;
		for (c = a->child; c != NULL; c = c->next, d = d->next) {
			if (d == NULL || !oojwt_json_equal((const oojwt_jv *)c,
				(const oojwt_jv *)d))
			{
				return 0;
			}
		}
		return d == NULL;
	}
	case OOJWT_JSON_OBJECT:
		return objects_equal(a, b);
	default:
		return t != OOJWT_JSON_INVALID;
	}
}

int
oojwt_json_copy_path(oojwt_jv *dst, const oojwt_jv *src, const char *dotted)
{
	char name[64];
	const char *p = dotted;
	const oojwt_jv *from = src;
	cJSON *to = (cJSON *)dst, *copy, *have;
	size_t n;

	/* The value to copy, if any. */
	while (from != NULL && *p != 0) {
		n = strcspn(p, ".");
		if (n >= sizeof name) {
			return OOJWT_ERR_BAD_ARGUMENT;
		}
		memcpy(name, p, n);
		name[n] = 0;
		from = oojwt_json_get(from, name);
		p += n + (p[n] == '.');
	}
	if (from == NULL) {
		return OOJWT_OK;
	}
	p = dotted;
	for (;;) {
		n = strcspn(p, ".");
		memcpy(name, p, n);
		name[n] = 0;
		have = cJSON_GetObjectItemCaseSensitive(to, name);
		if (p[n] == 0) {
			break;
		}
		if (!cJSON_IsObject(have)) {
			cJSON *obj = cJSON_CreateObject();
			if (obj == NULL) {
				return OOJWT_ERR_NO_MEMORY;
			}
			if (have != NULL) {
				cJSON_ReplaceItemViaPointer(to, have, obj);
			} else if (!cJSON_AddItemToObject(to, name, obj)) {
				cJSON_Delete(obj);
				return OOJWT_ERR_NO_MEMORY;
			}
			have = obj;
		}
		to = have;
		p += n + 1;
	}
	copy = cJSON_Duplicate((const cJSON *)from, 1);
	if (copy == NULL) {
		return OOJWT_ERR_NO_MEMORY;
	}
	if (have != NULL) {
		if (!cJSON_ReplaceItemViaPointer(to, have, copy)) {
			cJSON_Delete(copy);
			return OOJWT_ERR_NO_MEMORY;
		}
	} else if (!cJSON_AddItemToObject(to, name, copy)) {
		cJSON_Delete(copy);
		return OOJWT_ERR_NO_MEMORY;
	}
	return OOJWT_OK;
}

oojwt_jv *
oojwt_json_new_object(void)
{
	return (oojwt_jv *)cJSON_CreateObject();
}

int
oojwt_json_set_number(oojwt_jv *obj, const char *name, double v)
{
	cJSON *o = (cJSON *)obj, *n, *have;

	if (!cJSON_IsObject(o) || !isfinite(v)) {
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	n = cJSON_CreateNumber(v);
	if (n == NULL) {
		return OOJWT_ERR_NO_MEMORY;
	}
	/* cJSON_ReplaceItemViaPointer would leave the new item nameless:
	 * the ...InObject form gives it the member's name. */
	have = cJSON_GetObjectItemCaseSensitive(o, name);
	if (have != NULL ? !cJSON_ReplaceItemInObjectCaseSensitive(o, name, n)
		: !cJSON_AddItemToObject(o, name, n))
	{
		cJSON_Delete(n);
		return OOJWT_ERR_NO_MEMORY;
	}
	return OOJWT_OK;
}

void
oojwt_json_remove(oojwt_jv *obj, const char *name)
{
	cJSON *o = (cJSON *)obj;
	cJSON *have = cJSON_IsObject(o)
		? cJSON_GetObjectItemCaseSensitive(o, name) : NULL;

	if (have != NULL) {
		cJSON_Delete(cJSON_DetachItemViaPointer(o, have));
	}
}
