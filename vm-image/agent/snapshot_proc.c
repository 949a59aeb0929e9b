/* snapshot.processes: one entry per user-space process, from /proc. */
#include "agent.h"
#include "snapshot.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define STATUS_MAX MIB		/* Groups: can be long; fields we need follow it */
#define CMDLINE_MAX (256u * KIB)
#define SMALL_MAX (64u * KIB)

struct proc {
	int pid, ppid;
	char state;
	char comm[64];
	char *status;
	char *cmdline;
	size_t cmdline_len;
};

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* Sorted so the snapshot is stable and first members of namespaces are
 * the oldest processes. NULL with *n = 0 when /proc is unreadable. */
static int *list_pids(size_t *n)
{
	DIR *d = opendir("/proc");
	struct dirent *de;
	int *pids = NULL;
	size_t cap = 0;

	*n = 0;
	if (!d)
		return NULL;
	while ((de = readdir(d))) {
		char *end;
		long pid = strtol(de->d_name, &end, 10);

		if (*end || pid <= 0 || de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 256;
			int *np = realloc(pids, ncap * sizeof(*np));
			if (!np)
				break;	/* report the processes we have room for */
			pids = np;
			cap = ncap;
		}
		pids[(*n)++] = (int)pid;
	}
	closedir(d);
	if (pids)
		qsort(pids, *n, sizeof(*pids), cmp_int);
	return pids;
}

/* /proc/<pid>/stat: the comm field is raw bytes in parentheses and may itself
 * contain ") ", hence the last ')'. Unlike status's Name: it is unescaped. */
static int parse_stat(const char *buf, struct proc *p)
{
	const char *open = strchr(buf, '('), *close = strrchr(buf, ')');
	size_t n;

	if (!open || !close || close < open)
		return -1;
	n = (size_t)(close - open - 1);
	if (n >= sizeof(p->comm))
		n = sizeof(p->comm) - 1;
	memcpy(p->comm, open + 1, n);
	p->comm[n] = '\0';
	return sscanf(close + 1, " %c %d", &p->state, &p->ppid) == 2 ? 0 : -1;
}

/* The value of "Key:" in a status file, or NULL. */
static const char *status_field(const char *status, const char *key)
{
	size_t kl = strlen(key);

	for (const char *l = status; l && *l;) {
		if (strncmp(l, key, kl) == 0 && l[kl] == ':') {
			const char *v = l + kl + 1;
			while (*v == ' ' || *v == '\t')
				v++;
			return v;
		}
		l = strchr(l, '\n');
		if (l)
			l++;
	}
	return NULL;
}

/* Whitespace-separated decimals up to the end of the line, as a JSON array. */
static void write_number_list(struct jw *w, const char *v)
{
	jw_arr(w);
	while (v && *v && *v != '\n') {
		while (*v == ' ' || *v == '\t')
			v++;
		const char *s = v;
		while (*v >= '0' && *v <= '9')
			v++;
		if (v == s)
			break;
		jw_raw(w, s, (size_t)(v - s));
	}
	jw_arr_end(w);
}

static void write_line_str(struct jw *w, const char *v)
{
	if (!v) {
		jw_null(w);
		return;
	}
	jw_strn(w, v, strcspn(v, "\n"));
}

static long field_long(const char *status, const char *key)
{
	const char *v = status_field(status, key);

	return v ? strtol(v, NULL, 10) : 0;
}

static void write_cmdline(struct jw *w, const struct proc *p)
{
	size_t i = 0;

	jw_arr(w);
	while (i < p->cmdline_len) {
		size_t n = strnlen(p->cmdline + i, p->cmdline_len - i);
		jw_strn(w, p->cmdline + i, n);
		i += n + 1;
	}
	jw_arr_end(w);
}

static void write_cgroup(struct jw *w, int pid)
{
	char path[64];
	size_t len;
	int err;
	char *buf;

	snprintf(path, sizeof(path), "/proc/%d/cgroup", pid);
	buf = read_alloc(path, SMALL_MAX, &len, &err, NULL);
	for (const char *l = buf; l && *l;) {
		if (strncmp(l, "0::", 3) == 0) {
			write_line_str(w, l + 3);
			free(buf);
			return;
		}
		l = strchr(l, '\n');
		if (l)
			l++;
	}
	free(buf);
	jw_null(w);	/* no cgroup2 hierarchy */
}

static void write_id_map(struct jw *w, int pid, const char *name)
{
	char path[64];
	size_t len;
	int err;
	char *buf;

	snprintf(path, sizeof(path), "/proc/%d/%s", pid, name);
	buf = read_alloc(path, SMALL_MAX, &len, &err, NULL);
	if (!buf) {
		jw_null(w);
		return;
	}
	jw_arr(w);
	for (const char *l = buf; *l;) {
		unsigned long long in, out, count;

		if (sscanf(l, "%llu %llu %llu", &in, &out, &count) == 3) {
			jw_arr(w);
			jw_uint(w, in);
			jw_uint(w, out);
			jw_uint(w, count);
			jw_arr_end(w);
		}
		l = strchr(l, '\n');
		if (!l)
			break;
		l++;
	}
	jw_arr_end(w);
	free(buf);
}

/* readlink gives "mnt:[4026531841]"; 0 when unavailable (zombies have none). */
static unsigned long long ns_inode(int pid, const char *kind)
{
	char path[64], link[64];
	ssize_t n;
	const char *b;

	snprintf(path, sizeof(path), "/proc/%d/ns/%s", pid, kind);
	n = readlink(path, link, sizeof(link) - 1);
	if (n <= 0)
		return 0;
	link[n] = '\0';
	b = strchr(link, '[');
	return b ? strtoull(b + 1, NULL, 10) : 0;
}

static void write_process(struct jw *w, const struct proc *p, struct ns_table *t)
{
	const char *st = p->status, *v;
	char state[2] = { p->state, '\0' };

	jw_obj(w);
	jw_key(w, "pid");
	jw_int(w, p->pid);
	jw_key(w, "ppid");
	jw_int(w, p->ppid);
	jw_key(w, "comm");
	jw_str(w, p->comm);
	jw_key(w, "cmdline");
	write_cmdline(w, p);
	jw_key(w, "state");
	jw_str(w, state);
	jw_key(w, "uid");
	write_number_list(w, status_field(st, "Uid"));
	jw_key(w, "gid");
	write_number_list(w, status_field(st, "Gid"));
	jw_key(w, "nspid");
	v = status_field(st, "NSpid");
	if (v) {
		write_number_list(w, v);
	} else {
		jw_arr(w);
		jw_int(w, p->pid);
		jw_arr_end(w);
	}
	jw_key(w, "cap_eff");
	write_line_str(w, status_field(st, "CapEff"));
	jw_key(w, "cap_prm");
	write_line_str(w, status_field(st, "CapPrm"));
	jw_key(w, "cap_bnd");
	write_line_str(w, status_field(st, "CapBnd"));
	jw_key(w, "no_new_privs");
	jw_int(w, field_long(st, "NoNewPrivs"));
	jw_key(w, "seccomp");
	jw_int(w, field_long(st, "Seccomp"));
	jw_key(w, "cgroup");
	write_cgroup(w, p->pid);
	jw_key(w, "ns");
	jw_obj(w);
	for (int k = 0; k < NS_KINDS; k++) {
		unsigned long long ino = ns_inode(p->pid, ns_kind_names[k]);

		jw_key(w, ns_kind_names[k]);
		if (ino) {
			jw_uint(w, ino);
			ns_table_add(t, k, ino, p->pid);
		} else {
			jw_null(w);
		}
	}
	jw_obj_end(w);
	jw_key(w, "uid_map");
	write_id_map(w, p->pid, "uid_map");
	jw_key(w, "gid_map");
	write_id_map(w, p->pid, "gid_map");
	jw_obj_end(w);
}

/* Reads the files every entry needs; -1 if the process is gone. */
static int load_process(struct proc *p)
{
	char path[64], stat_buf[1024];
	size_t len;
	int err;

	snprintf(path, sizeof(path), "/proc/%d/stat", p->pid);
	if (read_small(path, stat_buf, sizeof(stat_buf)) <= 0 || parse_stat(stat_buf, p) < 0)
		return -1;
	snprintf(path, sizeof(path), "/proc/%d/status", p->pid);
	p->status = read_alloc(path, STATUS_MAX, &len, &err, NULL);
	if (!p->status)
		return -1;
	snprintf(path, sizeof(path), "/proc/%d/cmdline", p->pid);
	p->cmdline = read_alloc(path, CMDLINE_MAX, &p->cmdline_len, &err, NULL);
	return p->cmdline ? 0 : -1;
}

void snapshot_processes(struct jw *w, struct ns_table *t)
{
	size_t n;
	int *pids = list_pids(&n);

	jw_arr(w);
	for (size_t i = 0; i < n; i++) {
		struct proc p = { .pid = pids[i] };

		if (load_process(&p) == 0) {
			/* Kernel threads have no command line and hang off kthreadd (pid 2). */
			int kthread = p.cmdline_len == 0 && (p.ppid == 2 || p.pid == 2);
			if (!kthread)
				write_process(w, &p, t);
		}
		free(p.status);
		free(p.cmdline);
	}
	jw_arr_end(w);
	free(pids);
}
