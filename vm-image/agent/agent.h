/* Declarations shared by the guest agent's request handlers. */
#ifndef CLAB_AGENT_H
#define CLAB_AGENT_H

#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "json.h"

#define KIB 1024u
#define MIB (1024u * 1024u)

/* Why a request failed; `code` is one of the protocol's error codes. */
struct agent_err {
	const char *code;
	char message[256];
};

void err_set(struct agent_err *e, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Maps errno to not_found / conflict / io and prefixes the message with what. */
void err_errno(struct agent_err *e, int errnum, const char *what);

/* A handler writes exactly one JSON value (the result) on success and
 * returns 0, or fills e and returns -1 (anything it wrote is discarded). */
typedef int handler_fn(const struct json *req, struct jw *w, struct agent_err *e);

handler_fn handle_ping, handle_snapshot, handle_exec;
handler_fn handle_read_file, handle_write_file, handle_stat, handle_resize;

/* Request parameters. Return 1 if absent (out untouched), 0 if read,
 * -1 with e set (bad_request) if present with the wrong type or range. */
int param_str(const struct json *req, const char *key, const char **out, size_t *len,
	      struct agent_err *e);
int param_int(const struct json *req, const char *key, long long min, long long max,
	      long long *out, struct agent_err *e);
/* Like param_str, but the value must be present and free of NUL bytes. */
int param_path(const struct json *req, const char *key, const char **out, struct agent_err *e);

/* Reads a whole file into buf (NUL-terminated, at most size-1 bytes).
 * Returns the length or -errno. */
ssize_t read_small(const char *path, char *buf, size_t size);
/* Reads up to max bytes into a fresh NUL-terminated buffer. NULL with *err
 * set to an errno on failure; *truncated (optional) tells if max was hit. */
char *read_alloc(const char *path, size_t max, size_t *len, int *err, int *truncated);

int write_all(int fd, const void *buf, size_t len);
long long monotonic_ms(void);
/* PID of the console's (ttyS0) foreground process, or -1: see console_pid.c. */
long console_foreground_pid(void);
long long boottime_ms(void);
/* "<seconds><9-digit nanoseconds>" as a decimal string: JS numbers would lose precision. */
void format_mtime_ns(const struct stat *st, char out[32]);

/* Set when the agent lowered its own OOM score, so exec children restore it. */
extern int agent_oom_protected;

#endif
