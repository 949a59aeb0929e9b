/*
 * guest-agent: answers newline-delimited JSON requests from the host page
 * over a serial port (or stdin/stdout for testing). See PROTOCOL.md.
 */
#include "agent.h"
#include "tty.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PROTOCOL_VERSION 1
#define MAX_LINE (8u * MIB)
/* Buffers that grew past this for one big request are given back to the
 * guest afterwards: it has little memory. */
#define KEEP_BUFFER (1u * MIB)

int agent_oom_protected;

static const struct {
	const char *type;
	handler_fn *fn;
} handlers[] = {
	{ "ping", handle_ping },
	{ "snapshot", handle_snapshot },
	{ "exec", handle_exec },
	{ "read_file", handle_read_file },
	{ "write_file", handle_write_file },
	{ "stat", handle_stat },
	{ "resize", handle_resize },
};

static int out_fd = 1;
static struct jw reply;

int handle_ping(const struct json *req, struct jw *w, struct agent_err *e)
{
	(void)req;
	(void)e;
	jw_obj(w);
	jw_key(w, "uptime_ms");
	jw_int(w, boottime_ms());
	jw_obj_end(w);
	return 0;
}

static void send_reply(void)
{
	sb_putc(&reply.sb, '\n');
	if (reply.sb.failed) {
		/* Could not build the reply; say so with a line that needs no memory. */
		static const char oom[] = "{\"id\":null,\"ok\":false,\"error\":{\"code\":\"io\","
					  "\"message\":\"out of memory while building reply\"}}\n";
		write_all(out_fd, oom, sizeof(oom) - 1);
	} else if (write_all(out_fd, reply.sb.data, reply.sb.len) < 0 && errno == EPIPE) {
		exit(0);	/* the host end is gone */
	}
	if (reply.sb.cap > KEEP_BUFFER)
		jw_free(&reply);
	jw_reset(&reply);
}

static void write_id(const struct json *id)
{
	jw_key(&reply, "id");
	if (id)
		jw_double(&reply, id->number);
	else
		jw_null(&reply);
}

static void send_error(const struct json *id, const char *code, const char *message)
{
	jw_reset(&reply);
	jw_obj(&reply);
	write_id(id);
	jw_key(&reply, "ok");
	jw_bool(&reply, 0);
	jw_key(&reply, "error");
	jw_obj(&reply);
	jw_key(&reply, "code");
	jw_str(&reply, code);
	jw_key(&reply, "message");
	jw_str(&reply, message);
	jw_obj_end(&reply);
	jw_obj_end(&reply);
	send_reply();
}

static void handle_line(const char *line, size_t len)
{
	struct json_error perr;
	struct agent_err e = { 0 };
	char msg[160];

	while (len && (line[len - 1] == '\r' || line[len - 1] == ' ' || line[len - 1] == '\t'))
		len--;
	if (len == 0)
		return;	/* blank lines are keep-alives, not requests */

	struct json *req = json_parse(line, len, &perr);
	if (!req) {
		if (perr.msg[0])
			snprintf(msg, sizeof(msg), "malformed JSON at column %zu: %s", perr.col, perr.msg);
		else
			snprintf(msg, sizeof(msg), "out of memory parsing request");
		send_error(NULL, "bad_request", msg);
		return;
	}
	const struct json *id = json_get(req, "id");
	const struct json *type = json_get(req, "type");
	if (req->type != JSON_OBJECT) {
		send_error(NULL, "bad_request", "request must be a JSON object");
	} else if (!id || id->type != JSON_NUMBER) {
		send_error(NULL, "bad_request", "request needs a numeric 'id'");
	} else if (!type || type->type != JSON_STRING) {
		send_error(id, "bad_request", "request needs a string 'type'");
	} else {
		handler_fn *fn = NULL;

		for (size_t i = 0; i < sizeof(handlers) / sizeof(handlers[0]); i++)
			if (strcmp(handlers[i].type, type->str) == 0)
				fn = handlers[i].fn;
		if (!fn) {
			snprintf(msg, sizeof(msg), "unknown request type '%.100s'", type->str);
			send_error(id, "unknown_type", msg);
		} else {
			jw_reset(&reply);
			jw_obj(&reply);
			write_id(id);
			jw_key(&reply, "ok");
			jw_bool(&reply, 1);
			jw_key(&reply, "result");
			if (fn(req, &reply, &e) == 0) {
				jw_obj_end(&reply);
				send_reply();
			} else {
				send_error(id, e.code ? e.code : "io", e.message);
			}
		}
	}
	json_free(req);
}

/* Accumulates bytes into lines, discarding (and reporting) lines over MAX_LINE. */
struct line_reader {
	struct sbuf line;
	int discarding;
};

static void feed(struct line_reader *lr, const char *p, size_t n, int eof)
{
	const char *end = p + n;

	while (p < end || eof) {
		const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
		size_t seg = (size_t)((nl ? nl : end) - p);

		if (!lr->discarding) {
			if (seg > MAX_LINE - lr->line.len) {
				lr->discarding = 1;
			} else {
				sb_append(&lr->line, p, seg);
				if (lr->line.failed)
					lr->discarding = 1;
			}
		}
		if (!nl && !eof)
			break;
		if (lr->discarding)
			send_error(NULL, "too_large", "request line longer than 8 MiB (or out of memory); discarded");
		else if (lr->line.len)
			handle_line(lr->line.data, lr->line.len);
		lr->discarding = 0;
		if (lr->line.cap > KEEP_BUFFER)
			sb_free(&lr->line);
		lr->line.len = 0;
		lr->line.failed = 0;
		if (!nl)
			break;
		p = nl + 1;
	}
}

/* A daemon started with 0-2 closed would hand those numbers to pipes,
 * which exec's dup2 shuffle must never collide with. */
static void ensure_std_fds(void)
{
	for (int fd = 0; fd < 3; fd++) {
		if (fcntl(fd, F_GETFD) < 0) {
			int n = open("/dev/null", O_RDWR);
			if (n > 2)
				close(n);
		}
	}
}

/* A global OOM caused by a lab exercise must not take the agent down with it;
 * exec children restore the default score. */
static void protect_from_oom(void)
{
	int fd = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		return;
	if (write(fd, "-1000", 5) == 5)
		agent_oom_protected = 1;
	close(fd);
}

int main(int argc, char **argv)
{
	static char buf[64 * KIB];
	struct line_reader lr = { 0 };
	int in_fd = 0;
	int test_mode;

	if (argc != 2) {
		fprintf(stderr, "usage: %s /dev/ttyS1 | -\n", argv[0]);
		return 2;
	}
	test_mode = strcmp(argv[1], "-") == 0;
	ensure_std_fds();
	/* A daemon must not pin the directory it was started from; this also
	 * makes "/" the default cwd of exec and the base of relative paths. */
	if (chdir("/") < 0)
		return 1;
	signal(SIGPIPE, SIG_IGN);	/* a dead exec child's stdin pipe is an error, not a death */
	if (!test_mode) {
		in_fd = tty_open_raw(argv[1]);
		if (in_fd < 0) {
			fprintf(stderr, "guest-agent: %s: %s\n", argv[1], strerror(errno));
			return 1;
		}
		out_fd = in_fd;
		protect_from_oom();
	}
	jw_init(&reply);
	sb_init(&lr.line);

	jw_obj(&reply);
	jw_key(&reply, "event");
	jw_str(&reply, "ready");
	jw_key(&reply, "version");
	jw_int(&reply, PROTOCOL_VERSION);
	jw_obj_end(&reply);
	send_reply();

	for (;;) {
		ssize_t n = read(in_fd, buf, sizeof(buf));
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0) {
			if (test_mode)
				break;
			/* A serial port does not really end; wait out a hangup instead of spinning. */
			usleep(200 * 1000);
			continue;
		}
		feed(&lr, buf, (size_t)n, 0);
	}
	feed(&lr, buf, 0, 1);
	sb_free(&lr.line);
	jw_free(&reply);
	return 0;
}
