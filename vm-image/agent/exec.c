/* exec: run a shell snippet with captured output and a hard timeout. */
#include "agent.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define OUTPUT_CAP MIB
#define DEFAULT_TIMEOUT_MS 10000
#define MAX_TIMEOUT_MS 600000
/* After the shell exits, a background job may still hold the pipes open;
 * wait this long for EOF, then answer anyway and leave the job running. */
#define EXIT_GRACE_MS 200

struct stream {
	int fd;
	struct sbuf buf;
	int truncated;
};

struct child_setup {
	const char *shell;
	char *argv[4];
	char **envp;
	const char *cwd;
	int in_fd, out_fd, err_fd, status_fd;
};

/* What the child reports through the status pipe when it cannot exec. */
struct child_failure {
	int stage;	/* 'c' chdir, 'e' execve */
	int err;
};

static void free_env(char **envp)
{
	if (!envp)
		return;
	for (char **p = envp; *p; p++)
		free(*p);
	free(envp);
}

static char *env_entry(const char *k, size_t kl, const char *v, size_t vl)
{
	char *s = malloc(kl + vl + 2);

	if (s) {
		memcpy(s, k, kl);
		s[kl] = '=';
		memcpy(s + kl + 1, v, vl);
		s[kl + vl + 1] = '\0';
	}
	return s;
}

/* Fixed defaults, overridden by same-named entries of the request's env. */
static char **build_env(const struct json *req, struct agent_err *e)
{
	static const char *const defaults[][2] = {
		{ "PATH", "/usr/sbin:/usr/bin:/sbin:/bin" },
		{ "HOME", "/root" },
		{ "TERM", "dumb" },
	};
	const struct json *env = json_get(req, "env");
	size_t extra = 0, n = 0;
	char **envp;

	if (env && env->type != JSON_OBJECT && env->type != JSON_NULL) {
		err_set(e, "bad_request", "'env' must be an object of strings");
		return NULL;
	}
	if (env && env->type == JSON_OBJECT)
		extra = env->len;
	envp = calloc(3 + 1 + extra + 1, sizeof(*envp));
	if (!envp) {
		err_set(e, "io", "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < 3; i++) {
		if (json_get(env, defaults[i][0]))
			continue;
		envp[n] = env_entry(defaults[i][0], strlen(defaults[i][0]), defaults[i][1],
				    strlen(defaults[i][1]));
		if (!envp[n++])
			goto oom;
	}
	if (!json_get(env, "CONSOLE_PID")) {
		char pid[24] = "";
		long fg = console_foreground_pid();

		if (fg > 0)
			snprintf(pid, sizeof(pid), "%ld", fg);
		envp[n] = env_entry("CONSOLE_PID", 11, pid, strlen(pid));
		if (!envp[n++])
			goto oom;
	}
	for (size_t i = 0; i < extra; i++) {
		const char *k = env->keys[i];
		const struct json *v = &env->items[i];

		if (!*k || strchr(k, '=') || v->type != JSON_STRING || strlen(v->str) != v->len) {
			err_set(e, "bad_request", "env '%.64s': names must be non-empty without '=', "
				"values strings without NUL", k);
			free_env(envp);
			return NULL;
		}
		envp[n] = env_entry(k, strlen(k), v->str, v->len);
		if (!envp[n++])
			goto oom;
	}
	return envp;
oom:
	free_env(envp);
	err_set(e, "io", "out of memory");
	return NULL;
}

static void close_fds_from(int lowest)
{
#ifdef SYS_close_range
	if (syscall(SYS_close_range, (unsigned)lowest, ~0u, 0u) == 0)
		return;
#endif
	long max = sysconf(_SC_OPEN_MAX);
	if (max < 0 || max > 65536)
		max = 65536;
	for (int fd = lowest; fd < max; fd++)
		close(fd);
}

static void report_and_exit(int stage)
{
	struct child_failure f = { stage, errno };

	(void)!write(3, &f, sizeof(f));
	_exit(127);
}

/* Runs in the forked child; never returns. */
static void run_child(const struct child_setup *cs)
{
	sigset_t none;

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGPIPE, SIG_DFL);	/* SIG_IGN would survive execve */
	/* Own session and process group: a timeout kills the whole group, and the
	 * snippet can never acquire the console or the agent's port as its tty. */
	setsid();
	/* stdio first: any source fd may be 3. All sources are >= 3 because the
	 * agent keeps 0-2 open, so these dup2s cannot clobber each other. */
	if (dup2(cs->in_fd, 0) < 0 || dup2(cs->out_fd, 1) < 0 || dup2(cs->err_fd, 2) < 0 ||
	    dup2(cs->status_fd, 3) < 0)
		_exit(127);
	fcntl(3, F_SETFD, FD_CLOEXEC);
	close_fds_from(4);	/* the agent's serial port and anything else inherited */
	if (agent_oom_protected) {
		int fd = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
		if (fd >= 0) {
			(void)!write(fd, "0", 1);
			close(fd);
		}
	}
	if (cs->cwd && chdir(cs->cwd) < 0)
		report_and_exit('c');
	execve(cs->shell, cs->argv, cs->envp);
	report_and_exit('e');
}

static void drain(struct stream *s)
{
	char tmp[16 * KIB];
	ssize_t n = read(s->fd, tmp, sizeof(tmp));

	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		close(s->fd);
		s->fd = -1;
		return;
	}
	/* Keep reading past the cap so the child never blocks on a full pipe. */
	size_t room = OUTPUT_CAP - s->buf.len;
	if ((size_t)n > room) {
		s->truncated = 1;
		n = (ssize_t)room;
	}
	sb_append(&s->buf, tmp, (size_t)n);
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static int open_pidfd(pid_t pid)
{
#ifdef SYS_pidfd_open
	return (int)syscall(SYS_pidfd_open, pid, 0);
#else
	(void)pid;
	return -1;
#endif
}

static pid_t wait_child(pid_t pid, int *status, int flags)
{
	pid_t r;

	do
		r = waitpid(pid, status, flags);
	while (r < 0 && errno == EINTR);
	return r;
}

int handle_exec(const struct json *req, struct jw *w, struct agent_err *e)
{
	const char *cmd, *in_text = NULL, *cwd = NULL;
	size_t cmd_len = 0, in_len = 0, in_off = 0;
	long long timeout = DEFAULT_TIMEOUT_MS;
	struct stream out = { -1, { 0 }, 0 }, err = { -1, { 0 }, 0 };
	int in_fd = -1, pidfd = -1, status = 0, exited = 0, timed_out = 0;
	int p_out[2] = { -1, -1 }, p_err[2] = { -1, -1 }, p_in[2] = { -1, -1 }, p_st[2] = { -1, -1 };
	struct child_setup cs = { 0 };
	struct child_failure fail_msg;
	int rc = -1;

	if (param_str(req, "cmd", &cmd, &cmd_len, e) != 0 || strlen(cmd) != cmd_len) {
		if (!e->code)
			err_set(e, "bad_request", "'cmd' must be a string without NUL bytes");
		return -1;
	}
	if (param_int(req, "timeout_ms", 1, MAX_TIMEOUT_MS, &timeout, e) < 0 ||
	    param_str(req, "stdin", &in_text, &in_len, e) < 0 ||
	    param_str(req, "cwd", &cwd, NULL, e) < 0)
		return -1;
	cs.envp = build_env(req, e);
	if (!cs.envp)
		return -1;
	cs.shell = access("/bin/bash", X_OK) == 0 ? "/bin/bash" : "/bin/sh";
	cs.argv[0] = (char *)cs.shell;
	cs.argv[1] = "-c";
	cs.argv[2] = (char *)cmd;
	cs.cwd = cwd;

	/* O_CLOEXEC everywhere: only the dup2'd copies may reach the command. */
	if (pipe2(p_out, O_CLOEXEC) < 0 || pipe2(p_err, O_CLOEXEC) < 0 || pipe2(p_st, O_CLOEXEC) < 0 ||
	    (in_text && pipe2(p_in, O_CLOEXEC) < 0)) {
		err_errno(e, errno, "pipe");
		goto out;
	}
	if (in_text) {
		in_fd = p_in[0];	/* in_fd owns it from here on */
		p_in[0] = -1;
	} else {
		in_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	}
	if (in_fd < 0) {
		err_errno(e, errno, "/dev/null");
		goto out;
	}
	cs.in_fd = in_fd;
	cs.out_fd = p_out[1];
	cs.err_fd = p_err[1];
	cs.status_fd = p_st[1];

	long long start = monotonic_ms();
	long long deadline = start + timeout, grace_end = 0;
	pid_t pid = fork();
	if (pid < 0) {
		err_errno(e, errno, "fork");
		goto out;
	}
	if (pid == 0)
		run_child(&cs);

	close_fd(&p_out[1]);
	close_fd(&p_err[1]);
	close_fd(&p_st[1]);
	close_fd(&in_fd);

	/* EOF here means execve succeeded (the pipe is close-on-exec). */
	ssize_t n;
	do
		n = read(p_st[0], &fail_msg, sizeof(fail_msg));
	while (n < 0 && errno == EINTR);
	if (n == (ssize_t)sizeof(fail_msg)) {
		wait_child(pid, &status, 0);
		if (fail_msg.stage == 'c')
			err_errno(e, fail_msg.err, cwd);
		else
			err_errno(e, fail_msg.err, cs.shell);
		goto out;
	}

	out.fd = p_out[0];
	err.fd = p_err[0];
	p_out[0] = p_err[0] = -1;
	fcntl(out.fd, F_SETFL, O_NONBLOCK);
	fcntl(err.fd, F_SETFL, O_NONBLOCK);
	if (in_text)
		fcntl(p_in[1], F_SETFL, O_NONBLOCK);
	else
		close_fd(&p_in[1]);
	/* A pidfd makes poll() wake on exit; without one, poll in short slices. */
	pidfd = open_pidfd(pid);

	for (;;) {
		struct pollfd pf[4];
		int np = 0, i_out = -1, i_err = -1, i_in = -1;
		long long now = monotonic_ms(), wait_ms;

		if (!exited && wait_child(pid, &status, WNOHANG) == pid) {
			exited = 1;
			grace_end = now + EXIT_GRACE_MS;
			close_fd(&p_in[1]);
		}
		if (exited && ((out.fd < 0 && err.fd < 0) || now >= grace_end))
			break;
		if (!exited && now >= deadline) {
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			wait_child(pid, &status, 0);
			timed_out = 1;
			break;
		}
		if (out.fd >= 0) {
			i_out = np;
			pf[np++] = (struct pollfd){ .fd = out.fd, .events = POLLIN };
		}
		if (err.fd >= 0) {
			i_err = np;
			pf[np++] = (struct pollfd){ .fd = err.fd, .events = POLLIN };
		}
		if (p_in[1] >= 0) {
			i_in = np;
			pf[np++] = (struct pollfd){ .fd = p_in[1], .events = POLLOUT };
		}
		if (pidfd >= 0 && !exited)
			pf[np++] = (struct pollfd){ .fd = pidfd, .events = POLLIN };
		wait_ms = (exited ? grace_end : deadline) - now;
		if (pidfd < 0 && !exited && wait_ms > 50)
			wait_ms = 50;
		if (poll(pf, (nfds_t)np, (int)wait_ms) < 0 && errno != EINTR) {
			err_errno(e, errno, "poll");
			kill(-pid, SIGKILL);
			wait_child(pid, &status, 0);
			goto out;
		}
		if (i_out >= 0 && pf[i_out].revents)
			drain(&out);
		if (i_err >= 0 && pf[i_err].revents)
			drain(&err);
		if (i_in >= 0 && pf[i_in].revents) {
			ssize_t wr = in_len > in_off ? write(p_in[1], in_text + in_off, in_len - in_off) : 0;
			if (wr > 0)
				in_off += (size_t)wr;
			/* Done, or the command closed its stdin (EPIPE): either way stop. */
			if (in_off >= in_len || (wr < 0 && errno != EAGAIN && errno != EINTR) ||
			    (pf[i_in].revents & (POLLERR | POLLHUP)))
				close_fd(&p_in[1]);
		}
	}
	long long duration = monotonic_ms() - start;

	if (out.buf.failed || err.buf.failed) {
		err_set(e, "io", "out of memory capturing output");
		goto out;
	}
	jw_obj(w);
	jw_key(w, "exit_code");
	if (!timed_out && WIFEXITED(status))
		jw_int(w, WEXITSTATUS(status));
	else
		jw_null(w);
	jw_key(w, "signal");
	if (WIFSIGNALED(status))
		jw_int(w, WTERMSIG(status));
	else
		jw_null(w);
	jw_key(w, "stdout");
	jw_strn(w, out.buf.data ? out.buf.data : "", out.buf.len);
	jw_key(w, "stderr");
	jw_strn(w, err.buf.data ? err.buf.data : "", err.buf.len);
	jw_key(w, "timed_out");
	jw_bool(w, timed_out);
	jw_key(w, "truncated");
	jw_bool(w, out.truncated || err.truncated);
	jw_key(w, "duration_ms");
	jw_int(w, duration);
	jw_obj_end(w);
	rc = 0;
out:
	close_fd(&out.fd);
	close_fd(&err.fd);
	close_fd(&pidfd);
	close_fd(&in_fd);
	for (int i = 0; i < 2; i++) {
		close_fd(&p_out[i]);
		close_fd(&p_err[i]);
		close_fd(&p_in[i]);
		close_fd(&p_st[i]);
	}
	sb_free(&out.buf);
	sb_free(&err.buf);
	free_env(cs.envp);
	return rc;
}
