#include "agent.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void err_set(struct agent_err *e, const char *code, const char *fmt, ...)
{
	va_list ap;

	e->code = code;
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof(e->message), fmt, ap);
	va_end(ap);
}

void err_errno(struct agent_err *e, int errnum, const char *what)
{
	const char *code = "io";

	if (errnum == ENOENT || errnum == ENOTDIR)
		code = "not_found";
	else if (errnum == EEXIST)
		code = "conflict";
	err_set(e, code, "%s: %s", what, strerror(errnum));
}

int param_str(const struct json *req, const char *key, const char **out, size_t *len,
	      struct agent_err *e)
{
	const struct json *v = json_get(req, key);

	if (!v)
		return 1;
	if (v->type != JSON_STRING) {
		err_set(e, "bad_request", "'%s' must be a string", key);
		return -1;
	}
	*out = v->str;
	if (len)
		*len = v->len;
	return 0;
}

int param_int(const struct json *req, const char *key, long long min, long long max,
	      long long *out, struct agent_err *e)
{
	const struct json *v = json_get(req, key);

	if (!v)
		return 1;
	/* Range first: the cast to long long is only defined inside it. */
	if (v->type != JSON_NUMBER || !(v->number >= (double)min && v->number <= (double)max) ||
	    (double)(long long)v->number != v->number) {
		err_set(e, "bad_request", "'%s' must be an integer in [%lld, %lld]", key, min, max);
		return -1;
	}
	*out = (long long)v->number;
	return 0;
}

int param_path(const struct json *req, const char *key, const char **out, struct agent_err *e)
{
	size_t len = 0;
	int r = param_str(req, key, out, &len, e);

	if (r < 0)
		return -1;
	if (r == 1 || len == 0 || strlen(*out) != len) {
		err_set(e, "bad_request", "'%s' must be a non-empty string without NUL bytes", key);
		return -1;
	}
	return 0;
}

static ssize_t read_fd(int fd, char *buf, size_t size)
{
	size_t got = 0;

	while (got < size) {
		ssize_t n = read(fd, buf + got, size - got);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

ssize_t read_small(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);

	if (fd < 0)
		return -errno;
	ssize_t n = read_fd(fd, buf, size - 1);
	close(fd);
	buf[n < 0 ? 0 : n] = '\0';
	return n;
}

char *read_alloc(const char *path, size_t max, size_t *len, int *err, int *truncated)
{
	size_t cap = 4096, got = 0;
	char *buf = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);

	if (truncated)
		*truncated = 0;
	if (fd < 0) {
		*err = errno;
		return NULL;
	}
	/* /proc and sysfs files report size 0, so grow as data arrives. */
	for (;;) {
		if (cap > max + 1)
			cap = max + 1;
		char *nb = realloc(buf, cap);
		if (!nb) {
			*err = ENOMEM;
			goto fail;
		}
		buf = nb;
		ssize_t n = read_fd(fd, buf + got, cap - 1 - got);
		if (n < 0) {
			*err = (int)-n;
			goto fail;
		}
		got += (size_t)n;
		if (got < cap - 1)
			break;	/* short read: end of file */
		if (got >= max) {
			char probe;
			if (truncated && read_fd(fd, &probe, 1) == 1)
				*truncated = 1;
			break;
		}
		cap *= 2;
	}
	close(fd);
	buf[got] = '\0';
	*len = got;
	return buf;
fail:
	close(fd);
	free(buf);
	return NULL;
}

int write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN) {
				struct pollfd pfd = { .fd = fd, .events = POLLOUT };
				poll(&pfd, 1, 1000);
				continue;
			}
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static long long clock_ms(clockid_t id)
{
	struct timespec ts;

	if (clock_gettime(id, &ts) < 0)
		return 0;
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

long long monotonic_ms(void)
{
	return clock_ms(CLOCK_MONOTONIC);
}

long long boottime_ms(void)
{
	return clock_ms(CLOCK_BOOTTIME);
}

void format_mtime_ns(const struct stat *st, char out[32])
{
	/* int64 nanoseconds cover the years 1678..2262, enough for any mtime. */
	long long ns = (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;

	snprintf(out, 32, "%lld", ns);
}
