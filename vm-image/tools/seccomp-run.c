/*
 * seccomp-run [-v] PROFILE.json -- CMD [ARGS...]
 *
 * Loads a Docker-style seccomp profile, turns it into a classic BPF filter for
 * i386 by hand (the guest has no libseccomp), installs it and execs CMD. It
 * lets the lab show what `docker run --security-opt seccomp=...` does.
 */
#include "json.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#define EXIT_SETUP 125		/* like docker run: the wrapper failed, not the command */
#define MAX_PROFILE (16u * 1024 * 1024)
#define MAX_NR 1024		/* i386 numbers are below 500; room for growth */

struct syscall_name {
	const char *name;
	int nr;
};

/* Generated at build time from the kernel's unistd_32.h (see gen-syscall-table.sh). */
static const struct syscall_name syscall_table[] = {
#include "syscall_table_i386.h"
};

static int verbose;
static const char *profile_path;

__attribute__((format(printf, 1, 2), noreturn))
static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "seccomp-run: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(EXIT_SETUP);
}

static int cmp_name(const void *key, const void *elem)
{
	return strcmp(key, ((const struct syscall_name *)elem)->name);
}

static int syscall_nr(const char *name)
{
	const struct syscall_name *s = bsearch(name, syscall_table,
		sizeof(syscall_table) / sizeof(syscall_table[0]), sizeof(syscall_table[0]), cmp_name);

	return s ? s->nr : -1;
}

static char *read_profile(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 64 * 1024;
	char *buf = NULL;

	if (!f)
		die("%s: %s", path, strerror(errno));
	*len = 0;
	for (;;) {
		char *nb = realloc(buf, cap + 1);
		if (!nb)
			die("out of memory");
		buf = nb;
		*len += fread(buf + *len, 1, cap - *len, f);
		if (ferror(f))
			die("%s: read error: %s", path, strerror(errno));
		if (*len < cap)
			break;
		if (cap >= MAX_PROFILE)
			die("%s: larger than %u bytes", path, MAX_PROFILE);
		cap *= 2;
	}
	fclose(f);
	return buf;
}

/* errnoRet if present, else EPERM, which is what Docker uses. */
static uint32_t errno_value(const struct json *v, const char *where)
{
	if (!v || v->type == JSON_NULL)
		return EPERM;
	if (v->type != JSON_NUMBER || v->number < 0 || v->number > 4095 ||
	    (double)(int)v->number != v->number)
		die("%s: %s must be an integer errno between 0 and 4095", profile_path, where);
	return (uint32_t)v->number;
}

static uint32_t parse_action(const struct json *action, const struct json *errno_ret,
			     const char *where)
{
	static const struct {
		const char *name;
		uint32_t ret;
	} actions[] = {
		{ "SCMP_ACT_ALLOW", SECCOMP_RET_ALLOW },
		{ "SCMP_ACT_KILL", SECCOMP_RET_KILL_THREAD },	/* libseccomp's meaning */
		{ "SCMP_ACT_KILL_THREAD", SECCOMP_RET_KILL_THREAD },
		{ "SCMP_ACT_KILL_PROCESS", SECCOMP_RET_KILL_PROCESS },
		{ "SCMP_ACT_TRAP", SECCOMP_RET_TRAP },
		{ "SCMP_ACT_LOG", SECCOMP_RET_LOG },
	};

	if (!action || action->type != JSON_STRING)
		die("%s: %s: the action must be a string", profile_path, where);
	if (strcmp(action->str, "SCMP_ACT_ERRNO") == 0)
		return SECCOMP_RET_ERRNO | (errno_value(errno_ret, where) & SECCOMP_RET_DATA);
	for (size_t i = 0; i < sizeof(actions) / sizeof(actions[0]); i++)
		if (strcmp(action->str, actions[i].name) == 0)
			return actions[i].ret;
	die("%s: %s: unknown action \"%.64s\"", profile_path, where, action->str);
}

/* Per-syscall decisions gathered from the profile's rules. */
struct policy {
	uint32_t default_action;
	uint32_t action[MAX_NR];
	unsigned char set[MAX_NR];
	int max_nr;
};

static void apply_rule(struct policy *p, const struct json *rule, size_t index, int *skipped_args)
{
	char where[48];
	const struct json *names, *single, *args;
	uint32_t act;

	snprintf(where, sizeof(where), "syscalls[%zu]", index);
	if (rule->type != JSON_OBJECT)
		die("%s: %s must be an object", profile_path, where);
	act = parse_action(json_get(rule, "action"), json_get(rule, "errnoRet"), where);
	args = json_get(rule, "args");
	if (args && args->type == JSON_ARRAY && args->len > 0) {
		/* Without argument matching the rule would hit every call of these
		 * syscalls, which is wrong either way; leave them to defaultAction. */
		(*skipped_args)++;
		if (verbose)
			fprintf(stderr, "seccomp-run: warning: %s has argument filters; rule skipped\n", where);
		return;
	}
	names = json_get(rule, "names");
	single = json_get(rule, "name");	/* older profile format */
	if (!names && single)
		names = single;
	if (!names || (names->type != JSON_ARRAY && names->type != JSON_STRING))
		die("%s: %s needs \"names\" (an array of strings)", profile_path, where);
	size_t count = names->type == JSON_ARRAY ? names->len : 1;
	for (size_t i = 0; i < count; i++) {
		const struct json *n = names->type == JSON_ARRAY ? &names->items[i] : names;
		int nr;

		if (n->type != JSON_STRING)
			die("%s: %s: syscall names must be strings", profile_path, where);
		nr = syscall_nr(n->str);
		if (nr < 0 || nr >= MAX_NR) {
			/* Profiles list syscalls of every architecture; missing ones are normal. */
			if (verbose)
				fprintf(stderr, "seccomp-run: warning: no syscall \"%s\" on i386; ignored\n", n->str);
			continue;
		}
		if (p->set[nr]) {
			if (verbose && p->action[nr] != act)
				fprintf(stderr, "seccomp-run: warning: %s listed again in %s; first rule wins\n",
					n->str, where);
			continue;
		}
		p->set[nr] = 1;
		p->action[nr] = act;
		if (nr > p->max_nr)
			p->max_nr = nr;
	}
}

static void load_policy(struct policy *p, const char *path)
{
	size_t len;
	char *text = read_profile(path, &len);
	struct json_error err;
	struct json *root = json_parse(text, len, &err);
	const struct json *syscalls;
	int skipped_args = 0;

	if (!root) {
		if (err.msg[0])
			die("%s:%zu:%zu: invalid JSON: %s", path, err.line, err.col, err.msg);
		die("out of memory");
	}
	if (root->type != JSON_OBJECT)
		die("%s: the profile must be a JSON object", path);
	memset(p, 0, sizeof(*p));
	p->default_action = parse_action(json_get(root, "defaultAction"),
					 json_get(root, "defaultErrnoRet"), "defaultAction");
	syscalls = json_get(root, "syscalls");
	if (syscalls && syscalls->type != JSON_NULL) {
		if (syscalls->type != JSON_ARRAY)
			die("%s: \"syscalls\" must be an array", path);
		for (size_t i = 0; i < syscalls->len; i++)
			apply_rule(p, &syscalls->items[i], i, &skipped_args);
	}
	if (skipped_args)
		fprintf(stderr, "seccomp-run: warning: skipped %d rule(s) with argument filters "
			"(not supported; -v lists them)\n", skipped_args);
	json_free(root);
	free(text);
}

/*
 * The filter checks the architecture first (a syscall number means nothing
 * without it), then walks ascending runs of syscall numbers that share an
 * action: "nr < end of run → return its action". Runs keep the program short
 * for typical profiles, which matters when every syscall pays for the walk on
 * an emulated CPU.
 */
static size_t build_filter(const struct policy *p, struct sock_filter *prog)
{
	size_t n = 0;

	prog[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
						 offsetof(struct seccomp_data, arch));
	prog[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_I386, 1, 0);
	prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
	prog[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
						 offsetof(struct seccomp_data, nr));
	for (int lo = 0; lo <= p->max_nr;) {
		uint32_t act = p->set[lo] ? p->action[lo] : p->default_action;
		int hi = lo;

		while (hi + 1 <= p->max_nr &&
		       (p->set[hi + 1] ? p->action[hi + 1] : p->default_action) == act)
			hi++;
		if (act != p->default_action || hi < p->max_nr) {
			prog[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K,
								 (uint32_t)hi + 1, 1, 0);
			prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, act);
		}
		lo = hi + 1;
	}
	prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, p->default_action);
	return n;
}

static void usage(void)
{
	fprintf(stderr, "usage: seccomp-run [-v] PROFILE.json -- CMD [ARGS...]\n");
	exit(EXIT_SETUP);
}

int main(int argc, char **argv)
{
	static struct policy policy;
	/* Two instructions per run, at most one run per syscall number, plus the frame. */
	static struct sock_filter prog[2 * MAX_NR + 8];
	int i = 1;

	if (i < argc && strcmp(argv[i], "-v") == 0) {
		verbose = 1;
		i++;
	}
	if (i >= argc || argv[i][0] == '-')
		usage();
	profile_path = argv[i++];
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i >= argc)
		usage();

	load_policy(&policy, profile_path);
	size_t n = build_filter(&policy, prog);
	if (n > BPF_MAXINSNS)
		die("filter too long (%zu instructions)", n);
	struct sock_fprog fprog = { .len = (unsigned short)n, .filter = prog };

	/* Required for an unprivileged filter, and keeps setuid binaries from
	 * gaining privileges the filter was meant to contain. */
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		die("PR_SET_NO_NEW_PRIVS: %s", strerror(errno));
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fprog, 0, 0) < 0)
		die("installing the filter: %s", strerror(errno));
	execvp(argv[i], argv + i);
	fprintf(stderr, "seccomp-run: %s: %s\n", argv[i], strerror(errno));
	return errno == ENOENT ? 127 : 126;
}
