#include "json.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Deep nesting would otherwise let one request line exhaust the C stack. */
#define MAX_NESTING 64

/* ---------- UTF-8 ---------- */

int utf8_seq_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	int need;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		if (c == 0xE0)
			lo = 0xA0;	/* overlong */
		else if (c == 0xED)
			hi = 0x9F;	/* UTF-16 surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		if (c == 0xF0)
			lo = 0x90;	/* overlong */
		else if (c == 0xF4)
			hi = 0x8F;	/* above U+10FFFF */
	} else {
		return 0;
	}
	if (n <= (size_t)need || s[1] < lo || s[1] > hi)
		return 0;
	for (int i = 2; i <= need; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return need + 1;
}

int utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		int k = utf8_seq_len(s + i, n - i);
		if (!k)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

/* ---------- sbuf ---------- */

void sb_init(struct sbuf *b)
{
	memset(b, 0, sizeof(*b));
}

void sb_free(struct sbuf *b)
{
	free(b->data);
	sb_init(b);
}

int sb_reserve(struct sbuf *b, size_t extra)
{
	if (b->failed)
		return -1;
	if (extra < b->cap - b->len)
		return 0;
	if (extra > SIZE_MAX / 2 - b->len) {
		b->failed = 1;
		return -1;
	}
	size_t cap = b->cap ? b->cap : 256;
	while (cap - b->len <= extra)
		cap *= 2;
	char *p = realloc(b->data, cap);
	if (!p) {
		b->failed = 1;
		return -1;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

/* Keeps data NUL-terminated so it can be handed to string functions. */
void sb_append(struct sbuf *b, const void *p, size_t n)
{
	if (sb_reserve(b, n) < 0)
		return;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void sb_putc(struct sbuf *b, char c)
{
	sb_append(b, &c, 1);
}

void sb_puts(struct sbuf *b, const char *s)
{
	sb_append(b, s, strlen(s));
}

void sb_printf(struct sbuf *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = 1;
		return;
	}
	if ((size_t)n < sizeof(tmp)) {
		sb_append(b, tmp, (size_t)n);
		return;
	}
	if (sb_reserve(b, (size_t)n) < 0)
		return;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* ---------- writer ---------- */

void json_escape(struct sbuf *b, const char *str, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, run = 0;

	sb_putc(b, '"');
	/* Copy maximal runs of bytes that need no escaping in one append:
	 * multi-megabyte file contents pass through here on a slow CPU. */
	while (i < n) {
		unsigned char c = s[i];
		int k = 1;

		if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0x80) {
			k = utf8_seq_len(s + i, n - i);
			if (k) {
				i += (size_t)k;
				continue;
			}
		}
		sb_append(b, s + run, i - run);
		switch (c) {
		case '"': sb_append(b, "\\\"", 2); break;
		case '\\': sb_append(b, "\\\\", 2); break;
		case '\n': sb_append(b, "\\n", 2); break;
		case '\r': sb_append(b, "\\r", 2); break;
		case '\t': sb_append(b, "\\t", 2); break;
		case '\b': sb_append(b, "\\b", 2); break;
		case '\f': sb_append(b, "\\f", 2); break;
		default:
			if (c < 0x20) {
				char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
				sb_append(b, u, 6);
			} else {
				sb_append(b, "\xEF\xBF\xBD", 3);	/* U+FFFD */
			}
		}
		i++;
		run = i;
	}
	sb_append(b, s + run, n - run);
	sb_putc(b, '"');
}

void jw_init(struct jw *w)
{
	memset(w, 0, sizeof(*w));
}

void jw_reset(struct jw *w)
{
	struct sbuf sb = w->sb;

	sb.len = 0;
	sb.failed = 0;
	if (sb.data)
		sb.data[0] = '\0';
	jw_init(w);
	w->sb = sb;
}

void jw_free(struct jw *w)
{
	sb_free(&w->sb);
	jw_init(w);
}

/* Separator bookkeeping before any value or key. */
static void jw_pre(struct jw *w)
{
	if (w->after_key) {
		w->after_key = 0;
		return;
	}
	if (w->depth > 0) {
		if (w->has_item[w->depth])
			sb_putc(&w->sb, ',');
		w->has_item[w->depth] = 1;
	}
}

static void jw_open(struct jw *w, char c)
{
	jw_pre(w);
	sb_putc(&w->sb, c);
	if (w->depth + 1 >= JW_MAX_DEPTH) {
		w->sb.failed = 1;	/* a bug in the caller; never valid output */
		return;
	}
	w->depth++;
	w->has_item[w->depth] = 0;
}

static void jw_close(struct jw *w, char c)
{
	sb_putc(&w->sb, c);
	if (w->depth > 0)
		w->depth--;
}

void jw_obj(struct jw *w) { jw_open(w, '{'); }
void jw_obj_end(struct jw *w) { jw_close(w, '}'); }
void jw_arr(struct jw *w) { jw_open(w, '['); }
void jw_arr_end(struct jw *w) { jw_close(w, ']'); }

void jw_key(struct jw *w, const char *key)
{
	jw_pre(w);
	json_escape(&w->sb, key, strlen(key));
	sb_putc(&w->sb, ':');
	w->after_key = 1;
}

void jw_strn(struct jw *w, const char *s, size_t n)
{
	jw_pre(w);
	json_escape(&w->sb, s, n);
}

void jw_str(struct jw *w, const char *s)
{
	jw_strn(w, s, strlen(s));
}

void jw_int(struct jw *w, long long v)
{
	jw_pre(w);
	sb_printf(&w->sb, "%lld", v);
}

void jw_uint(struct jw *w, unsigned long long v)
{
	jw_pre(w);
	sb_printf(&w->sb, "%llu", v);
}

void jw_double(struct jw *w, double v)
{
	jw_pre(w);
	if (!isfinite(v))
		sb_puts(&w->sb, "null");	/* JSON has no NaN/Inf */
	else if (fabs(v) < 9007199254740992.0 && (double)(long long)v == v)
		sb_printf(&w->sb, "%.0f", v);
	else
		sb_printf(&w->sb, "%.17g", v);
}

void jw_bool(struct jw *w, int v)
{
	jw_pre(w);
	sb_puts(&w->sb, v ? "true" : "false");
}

void jw_null(struct jw *w)
{
	jw_pre(w);
	sb_puts(&w->sb, "null");
}

void jw_raw(struct jw *w, const char *text, size_t n)
{
	jw_pre(w);
	sb_append(&w->sb, text, n);
}

/* ---------- parser ---------- */

struct parser {
	const char *start, *p, *end;
	int depth;
	struct json_error *err;
};

static void fail(struct parser *ps, const char *msg)
{
	struct json_error *e = ps->err;
	size_t line = 1, col = 1;

	if (!e || e->msg[0])
		return;	/* keep the first (innermost) complaint */
	for (const char *q = ps->start; q < ps->p && q < ps->end; q++) {
		if (*q == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	e->line = line;
	e->col = col;
	snprintf(e->msg, sizeof(e->msg), "%s", msg);
}

static void skip_ws(struct parser *ps)
{
	while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
		ps->p++;
}

static void free_contents(struct json *v)
{
	if (v->type == JSON_STRING) {
		free(v->str);
	} else if (v->type == JSON_ARRAY || v->type == JSON_OBJECT) {
		for (size_t i = 0; i < v->len; i++) {
			free_contents(&v->items[i]);
			if (v->keys)
				free(v->keys[i]);
		}
		free(v->items);
		free(v->keys);
	}
	memset(v, 0, sizeof(*v));
}

void json_free(struct json *v)
{
	if (!v)
		return;
	free_contents(v);
	free(v);
}

static int hex4(const char *p, unsigned *out)
{
	unsigned v = 0;

	for (int i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

static void put_utf8(struct sbuf *b, unsigned cp)
{
	unsigned char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (unsigned char)(0xC0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (unsigned char)(0xE0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (unsigned char)(0xF0 | (cp >> 18));
		u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	sb_append(b, u, n);
}

/* Parses a string literal at ps->p (which points at the quote). */
static int parse_string(struct parser *ps, char **out, size_t *outlen)
{
	struct sbuf b;

	sb_init(&b);
	sb_reserve(&b, 16);
	ps->p++;
	for (;;) {
		const char *run = ps->p;

		while (ps->p < ps->end && *ps->p != '"' && *ps->p != '\\' && (unsigned char)*ps->p >= 0x20)
			ps->p++;
		sb_append(&b, run, (size_t)(ps->p - run));
		if (ps->p >= ps->end) {
			fail(ps, "unterminated string");
			goto bad;
		}
		char c = *ps->p;
		if (c == '"') {
			ps->p++;
			break;
		}
		if (c != '\\') {
			fail(ps, "control character in string");
			goto bad;
		}
		if (ps->end - ps->p < 2) {
			fail(ps, "unterminated string");
			goto bad;
		}
		c = ps->p[1];
		ps->p += 2;
		switch (c) {
		case '"': sb_putc(&b, '"'); break;
		case '\\': sb_putc(&b, '\\'); break;
		case '/': sb_putc(&b, '/'); break;
		case 'b': sb_putc(&b, '\b'); break;
		case 'f': sb_putc(&b, '\f'); break;
		case 'n': sb_putc(&b, '\n'); break;
		case 'r': sb_putc(&b, '\r'); break;
		case 't': sb_putc(&b, '\t'); break;
		case 'u': {
			unsigned cp, lo;

			if (ps->end - ps->p < 4 || hex4(ps->p, &cp) < 0) {
				fail(ps, "bad \\u escape");
				goto bad;
			}
			ps->p += 4;
			if (cp >= 0xD800 && cp <= 0xDBFF && ps->end - ps->p >= 6 &&
			    ps->p[0] == '\\' && ps->p[1] == 'u' && hex4(ps->p + 2, &lo) == 0 &&
			    lo >= 0xDC00 && lo <= 0xDFFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				ps->p += 6;
			} else if (cp >= 0xD800 && cp <= 0xDFFF) {
				cp = 0xFFFD;	/* lone surrogate: not encodable in UTF-8 */
			}
			put_utf8(&b, cp);
			break;
		}
		default:
			ps->p -= 1;
			fail(ps, "bad escape in string");
			goto bad;
		}
	}
	if (b.failed) {
		fail(ps, "out of memory");
		goto bad;
	}
	*out = b.data;
	*outlen = b.len;
	return 0;
bad:
	sb_free(&b);
	return -1;
}

static int parse_value(struct parser *ps, struct json *v);

static int parse_number(struct parser *ps, struct json *v)
{
	const char *s = ps->p, *q = s;
	char tmp[64];

	if (q < ps->end && *q == '-')
		q++;
	if (q < ps->end && *q == '0') {
		q++;
	} else if (q < ps->end && *q >= '1' && *q <= '9') {
		while (q < ps->end && *q >= '0' && *q <= '9')
			q++;
	} else {
		fail(ps, "bad number");
		return -1;
	}
	if (q < ps->end && *q == '.') {
		q++;
		if (q >= ps->end || *q < '0' || *q > '9') {
			ps->p = q;
			fail(ps, "bad number");
			return -1;
		}
		while (q < ps->end && *q >= '0' && *q <= '9')
			q++;
	}
	if (q < ps->end && (*q == 'e' || *q == 'E')) {
		q++;
		if (q < ps->end && (*q == '+' || *q == '-'))
			q++;
		if (q >= ps->end || *q < '0' || *q > '9') {
			ps->p = q;
			fail(ps, "bad number");
			return -1;
		}
		while (q < ps->end && *q >= '0' && *q <= '9')
			q++;
	}
	if ((size_t)(q - s) >= sizeof(tmp)) {
		fail(ps, "number too long");
		return -1;
	}
	memcpy(tmp, s, (size_t)(q - s));
	tmp[q - s] = '\0';
	v->type = JSON_NUMBER;
	v->number = strtod(tmp, NULL);
	ps->p = q;
	return 0;
}

static int literal(struct parser *ps, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0) {
		fail(ps, "unexpected character");
		return -1;
	}
	ps->p += n;
	return 0;
}

/* Grows the element (and key) arrays of an array/object being parsed. */
static int grow(struct json *v, size_t *cap, int with_keys)
{
	if (v->len < *cap)
		return 0;
	size_t ncap = *cap ? *cap * 2 : 4;
	if (ncap > SIZE_MAX / sizeof(struct json))
		return -1;
	struct json *items = realloc(v->items, ncap * sizeof(*items));
	if (!items)
		return -1;
	v->items = items;
	if (with_keys) {
		char **keys = realloc(v->keys, ncap * sizeof(*keys));
		if (!keys)
			return -1;
		v->keys = keys;
	}
	*cap = ncap;
	return 0;
}

static int parse_container(struct parser *ps, struct json *v, int is_obj)
{
	size_t cap = 0;
	char close = is_obj ? '}' : ']';

	if (++ps->depth > MAX_NESTING) {
		fail(ps, "nesting too deep");
		return -1;
	}
	v->type = is_obj ? JSON_OBJECT : JSON_ARRAY;
	ps->p++;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == close) {
		ps->p++;
		ps->depth--;
		return 0;
	}
	for (;;) {
		char *key = NULL;
		size_t keylen;

		skip_ws(ps);
		if (is_obj) {
			if (ps->p >= ps->end || *ps->p != '"') {
				fail(ps, "expected member name");
				return -1;
			}
			if (parse_string(ps, &key, &keylen) < 0)
				return -1;
			skip_ws(ps);
			if (ps->p >= ps->end || *ps->p != ':') {
				free(key);
				fail(ps, "expected ':'");
				return -1;
			}
			ps->p++;
		}
		if (grow(v, &cap, is_obj) < 0) {
			free(key);
			fail(ps, "out of memory");
			return -1;
		}
		struct json *item = &v->items[v->len];
		memset(item, 0, sizeof(*item));
		if (is_obj)
			v->keys[v->len] = key;
		v->len++;	/* counted now so json_free releases a half-built item */
		if (parse_value(ps, item) < 0)
			return -1;
		skip_ws(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && *ps->p == close) {
			ps->p++;
			break;
		}
		fail(ps, is_obj ? "expected ',' or '}'" : "expected ',' or ']'");
		return -1;
	}
	ps->depth--;
	return 0;
}

static int parse_value(struct parser *ps, struct json *v)
{
	skip_ws(ps);
	if (ps->p >= ps->end) {
		fail(ps, "unexpected end of input");
		return -1;
	}
	switch (*ps->p) {
	case '{':
		return parse_container(ps, v, 1);
	case '[':
		return parse_container(ps, v, 0);
	case '"':
		v->type = JSON_STRING;
		return parse_string(ps, &v->str, &v->len);
	case 't':
		v->type = JSON_BOOL;
		v->boolean = 1;
		return literal(ps, "true");
	case 'f':
		v->type = JSON_BOOL;
		return literal(ps, "false");
	case 'n':
		v->type = JSON_NULL;
		return literal(ps, "null");
	default:
		if (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9'))
			return parse_number(ps, v);
		fail(ps, "unexpected character");
		return -1;
	}
}

struct json *json_parse(const char *text, size_t len, struct json_error *err)
{
	struct parser ps = { text, text, text + len, 0, err };
	struct json *v = calloc(1, sizeof(*v));

	if (err)
		memset(err, 0, sizeof(*err));
	if (!v) {
		fail(&ps, "out of memory");
		return NULL;
	}
	if (parse_value(&ps, v) < 0) {
		json_free(v);
		return NULL;
	}
	skip_ws(&ps);
	if (ps.p != ps.end) {
		fail(&ps, "trailing characters after JSON value");
		json_free(v);
		return NULL;
	}
	return v;
}

const struct json *json_get(const struct json *obj, const char *key)
{
	if (!obj || obj->type != JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < obj->len; i++)
		if (strcmp(obj->keys[i], key) == 0)
			return &obj->items[i];
	return NULL;
}
