/* read_file, write_file and stat: the lab's file editor talks to these. */
#include "agent.h"
#include "base64.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_READ_MAX (4u * MIB)
/* The reply must fit in guest memory alongside its base64 copy. */
#define READ_MAX_LIMIT (32u * MIB)

static void write_mtime(struct jw *w, const struct stat *st)
{
	char mt[32];

	format_mtime_ns(st, mt);
	jw_key(w, "mtime_ns");
	jw_str(w, mt);
}

int handle_read_file(const struct json *req, struct jw *w, struct agent_err *e)
{
	const char *path;
	long long max = DEFAULT_READ_MAX;
	struct stat st;
	char *buf = NULL;
	size_t got = 0, cap;
	int fd;

	if (param_path(req, "path", &path, e) < 0 ||
	    param_int(req, "max_bytes", 0, READ_MAX_LIMIT, &max, e) < 0)
		return -1;
	/* O_NONBLOCK so that a FIFO cannot hang the agent in open(). */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		err_errno(e, errno, path);
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		err_errno(e, errno, path);
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		err_set(e, "bad_request", "%s: is a directory", path);
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		/* Devices and pipes can block or never end (think /dev/ttyS0). */
		err_set(e, "bad_request", "%s: not a regular file", path);
		goto fail;
	}
	if (st.st_size > max) {
		err_set(e, "too_large", "%s: %lld bytes is more than max_bytes %lld", path,
			(long long)st.st_size, max);
		goto fail;
	}
	/* st_size is 0 for /proc files, so read until EOF and enforce max as we go. */
	cap = (size_t)st.st_size + 1;
	if (cap < 4096)
		cap = 4096;
	for (;;) {
		if (cap > (size_t)max + 1)
			cap = (size_t)max + 1;
		char *nb = realloc(buf, cap);
		if (!nb) {
			err_set(e, "io", "%s: out of memory", path);
			goto fail;
		}
		buf = nb;
		ssize_t n = read(fd, buf + got, cap - got);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			err_errno(e, errno, path);
			goto fail;
		}
		if (n == 0)
			break;
		got += (size_t)n;
		if (got > (size_t)max) {
			err_set(e, "too_large", "%s: more than max_bytes %lld", path, max);
			goto fail;
		}
		if (got == cap)
			cap *= 2;
	}
	close(fd);
	jw_obj(w);
	jw_key(w, "content");
	int utf8 = utf8_valid((const unsigned char *)buf, got);
	if (utf8)
		jw_strn(w, buf, got);
	else {
		jw_raw(w, "", 0);	/* emits the separator; the encoder writes the value */
		base64_encode_json(&w->sb, (const unsigned char *)buf, got);
	}
	jw_key(w, "encoding");
	jw_str(w, utf8 ? "utf8" : "base64");
	jw_key(w, "size");
	jw_uint(w, got);
	write_mtime(w, &st);
	jw_key(w, "mode");
	jw_int(w, st.st_mode & 07777);
	jw_obj_end(w);
	free(buf);
	return 0;
fail:
	close(fd);
	free(buf);
	return -1;
}

int handle_stat(const struct json *req, struct jw *w, struct agent_err *e)
{
	const char *path;
	struct stat st;

	if (param_path(req, "path", &path, e) < 0)
		return -1;
	if (stat(path, &st) < 0) {
		if (errno != ENOENT && errno != ENOTDIR) {
			err_errno(e, errno, path);
			return -1;
		}
		jw_obj(w);
		jw_key(w, "exists");
		jw_bool(w, 0);
		jw_obj_end(w);
		return 0;
	}
	jw_obj(w);
	jw_key(w, "exists");
	jw_bool(w, 1);
	jw_key(w, "size");
	jw_int(w, (long long)st.st_size);
	write_mtime(w, &st);
	jw_key(w, "mode");
	jw_int(w, st.st_mode & 07777);
	jw_key(w, "is_dir");
	jw_bool(w, S_ISDIR(st.st_mode));
	jw_obj_end(w);
	return 0;
}

/* Decoded write_file content; `owned` is freed after use. */
struct content {
	const char *data;
	size_t len;
	unsigned char *owned;
};

static int get_content(const struct json *req, struct content *c, struct agent_err *e)
{
	const char *enc = "utf8", *s;
	size_t n;

	if (param_str(req, "content", &s, &n, e) != 0) {
		if (!e->code)
			err_set(e, "bad_request", "'content' is required");
		return -1;
	}
	if (param_str(req, "encoding", &enc, NULL, e) < 0)
		return -1;
	if (strcmp(enc, "utf8") == 0) {
		c->data = s;
		c->len = n;
		return 0;
	}
	if (strcmp(enc, "base64") != 0) {
		err_set(e, "bad_request", "'encoding' must be \"utf8\" or \"base64\"");
		return -1;
	}
	c->owned = base64_decode(s, n, &c->len);
	if (!c->owned) {
		err_set(e, "bad_request", "'content' is not valid base64");
		return -1;
	}
	c->data = (const char *)c->owned;
	return 0;
}

/* Checks expect_mtime_ns against the current file (exists tells if st is valid). */
static int check_expectation(const struct json *req, int exists, const struct stat *st,
			     struct agent_err *e)
{
	const char *expect;
	char mt[32];
	int r = param_str(req, "expect_mtime_ns", &expect, NULL, e);

	if (r != 0)
		return r < 0 ? -1 : 0;
	if (strcmp(expect, "absent") == 0) {
		if (exists) {
			err_set(e, "conflict", "file exists but was expected to be absent");
			return -1;
		}
		return 0;
	}
	if (!exists) {
		err_set(e, "conflict", "file no longer exists");
		return -1;
	}
	format_mtime_ns(st, mt);
	if (strcmp(mt, expect) != 0) {
		err_set(e, "conflict", "file changed: mtime_ns is %s, expected %.40s", mt, expect);
		return -1;
	}
	return 0;
}

int handle_write_file(const struct json *req, struct jw *w, struct agent_err *e)
{
	const char *path;
	char target[PATH_MAX], tmp[PATH_MAX + 32];
	struct content c = { 0 };
	struct stat st, lst;
	long long mode = -1;
	int exists, fd = -1;

	if (param_path(req, "path", &path, e) < 0 ||
	    param_int(req, "mode", 0, 07777, &mode, e) < 0 ||
	    get_content(req, &c, e) < 0)
		goto fail;
	if (strlen(path) >= sizeof(target)) {
		err_set(e, "bad_request", "path too long");
		goto fail;
	}
	strcpy(target, path);
	/* Rename would replace a symlink itself; editing through a link must
	 * change the file it points to, as an editor would. */
	if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) && !realpath(path, target))
		strcpy(target, path);	/* dangling link: replace the link */

	exists = stat(target, &st) == 0;
	if (!exists && errno != ENOENT) {
		err_errno(e, errno, path);
		goto fail;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		err_set(e, "bad_request", "%s: not a regular file", path);
		goto fail;
	}
	if (check_expectation(req, exists, &st, e) < 0)
		goto fail;
	if (mode < 0)
		mode = exists ? (st.st_mode & 07777) : 0644;

	/* Same directory as the target, so rename(2) is atomic and never crosses filesystems. */
	const char *slash = strrchr(target, '/');
	if (!slash)
		snprintf(tmp, sizeof(tmp), ".%s.XXXXXX", target);
	else
		snprintf(tmp, sizeof(tmp), "%.*s/.%s.XXXXXX", (int)(slash - target), target, slash + 1);
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			err_set(e, "not_found", "%s: directory does not exist", path);
		else
			err_errno(e, errno, path);
		goto fail;
	}
	/* No fsync: the guest disk lives in browser memory, a crash loses it anyway,
	 * and a sync on an emulated disk is slow. */
	if (write_all(fd, c.data, c.len) < 0 || fchmod(fd, (mode_t)mode) < 0) {
		err_errno(e, errno, tmp);
		goto fail_unlink;
	}
	if (exists && (st.st_uid != geteuid() || st.st_gid != getegid()))
		(void)!fchown(fd, st.st_uid, st.st_gid);	/* best effort: keep the owner */
	if (close(fd) < 0) {
		fd = -1;
		err_errno(e, errno, tmp);
		goto fail_unlink;
	}
	fd = -1;
	if (rename(tmp, target) < 0) {
		err_errno(e, errno, path);
		goto fail_unlink;
	}
	if (stat(target, &st) < 0) {
		err_errno(e, errno, path);
		goto fail;
	}
	jw_obj(w);
	jw_key(w, "size");
	jw_int(w, (long long)st.st_size);
	write_mtime(w, &st);
	jw_obj_end(w);
	free(c.owned);
	return 0;
fail_unlink:
	if (fd >= 0)
		close(fd);
	fd = -1;
	unlink(tmp);
fail:
	if (fd >= 0)
		close(fd);
	free(c.owned);
	return -1;
}
