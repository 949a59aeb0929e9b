/*
 * Minimal JSON for the guest agent and seccomp-run: a parser that builds a
 * small DOM, and a streaming writer that always emits valid JSON (control
 * characters escaped, invalid UTF-8 replaced by U+FFFD).
 */
#ifndef CLAB_JSON_H
#define CLAB_JSON_H

#include <stddef.h>

enum json_type { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT };

struct json {
	enum json_type type;
	int boolean;
	double number;
	char *str;		/* JSON_STRING: decoded bytes, NUL-terminated */
	size_t len;		/* string byte length, or element/member count */
	struct json *items;	/* array elements, or object member values */
	char **keys;		/* object member names, parallel to items */
};

struct json_error {
	size_t line, col;	/* 1-based position of the problem */
	char msg[96];
};

/* Returns NULL on a syntax error (err filled) or when out of memory. */
struct json *json_parse(const char *text, size_t len, struct json_error *err);
void json_free(struct json *v);
/* First member named key, or NULL; obj may be NULL or a non-object. */
const struct json *json_get(const struct json *obj, const char *key);

/* Length of the well-formed UTF-8 sequence at s, or 0 if it is not one. */
int utf8_seq_len(const unsigned char *s, size_t n);
int utf8_valid(const unsigned char *s, size_t n);

/*
 * Growable byte buffer. An allocation failure latches `failed` and turns
 * further appends into no-ops, so callers check once at the end.
 */
struct sbuf {
	char *data;
	size_t len, cap;
	int failed;
};

void sb_init(struct sbuf *b);
void sb_free(struct sbuf *b);
int sb_reserve(struct sbuf *b, size_t extra);
void sb_append(struct sbuf *b, const void *p, size_t n);
void sb_putc(struct sbuf *b, char c);
void sb_puts(struct sbuf *b, const char *s);
void sb_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define JW_MAX_DEPTH 32

/* Streaming writer: inserts commas and colons itself. */
struct jw {
	struct sbuf sb;
	int depth;
	int after_key;
	unsigned char has_item[JW_MAX_DEPTH];
};

void jw_init(struct jw *w);
void jw_reset(struct jw *w);
void jw_free(struct jw *w);
void jw_obj(struct jw *w);
void jw_obj_end(struct jw *w);
void jw_arr(struct jw *w);
void jw_arr_end(struct jw *w);
void jw_key(struct jw *w, const char *key);
void jw_str(struct jw *w, const char *s);
void jw_strn(struct jw *w, const char *s, size_t n);
void jw_int(struct jw *w, long long v);
void jw_uint(struct jw *w, unsigned long long v);
void jw_double(struct jw *w, double v);
void jw_bool(struct jw *w, int v);
void jw_null(struct jw *w);
/* Emits text verbatim as one value; the caller guarantees it is valid JSON. */
void jw_raw(struct jw *w, const char *text, size_t n);

/* Appends s as a quoted JSON string. */
void json_escape(struct sbuf *b, const char *s, size_t n);

#endif
