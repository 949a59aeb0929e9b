/* snapshot.cgroups: every node of the cgroup2 tree with its limits and usage. */
#include "agent.h"
#include "snapshot.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>

#define CGROUP2_MAGIC 0x63677270
#define MAX_DEPTH 32
#define PROCS_MAX (4u * MIB)
#define SMALL_KNOB (64u * KIB)

typedef void knob_fmt(struct jw *w, const char *text);

struct walk {
	struct jw *w;
	char path[PATH_MAX];
	size_t root_len;
};

/* Reads <dir>/<name>; NULL if the file does not exist (or cannot be read). */
static char *read_knob(struct walk *wk, size_t len, const char *name, size_t max)
{
	size_t n;
	int err;
	char *buf;

	if (len + 1 + strlen(name) >= sizeof(wk->path))
		return NULL;
	wk->path[len] = '/';
	strcpy(wk->path + len + 1, name);
	buf = read_alloc(wk->path, max, &n, &err, NULL);
	wk->path[len] = '\0';
	return buf;
}

/* A decimal stays a JSON number (raw digits, no precision lost); anything
 * else, such as "max", becomes a string. */
static void write_scalar(struct jw *w, const char *s, size_t n)
{
	size_t i = s[0] == '-';
	int numeric = n > i && (s[i] != '0' || n == i + 1);

	for (size_t j = i; j < n && numeric; j++)
		numeric = s[j] >= '0' && s[j] <= '9';
	if (numeric)
		jw_raw(w, s, n);
	else
		jw_strn(w, s, n);
}

static void write_trimmed_scalar(struct jw *w, const char *s)
{
	if (!s) {
		jw_null(w);
		return;
	}
	while (*s == ' ' || *s == '\n')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == ' '))
		n--;
	write_scalar(w, s, n);
}

static void write_words(struct jw *w, const char *s, int as_numbers)
{
	jw_arr(w);
	while (s && *s) {
		size_t skip = strspn(s, " \t\n"), n;
		s += skip;
		n = strcspn(s, " \t\n");
		if (!n)
			break;
		if (as_numbers)
			write_scalar(w, s, n);
		else
			jw_strn(w, s, n);
		s += n;
	}
	jw_arr_end(w);
}

/* "key value" lines (memory.events, cpu.stat, ...) as an object. */
static void write_flat_keyed(struct jw *w, const char *s)
{
	if (!s) {
		jw_null(w);
		return;
	}
	jw_obj(w);
	while (*s) {
		size_t kn = strcspn(s, " \n");
		char key[64];

		if (s[kn] == ' ' && kn > 0 && kn < sizeof(key)) {
			memcpy(key, s, kn);
			key[kn] = '\0';
			const char *v = s + kn + 1;
			jw_key(w, key);
			write_scalar(w, v, strcspn(v, "\n"));
		}
		s = strchr(s, '\n');
		if (!s)
			break;
		s++;
	}
	jw_obj_end(w);
}

/* The number after "key " in a flat-keyed file, written raw, or null. */
static void write_keyed_value(struct jw *w, const char *s, const char *key)
{
	size_t kl = strlen(key);

	for (const char *l = s; l && *l;) {
		if (strncmp(l, key, kl) == 0 && l[kl] == ' ') {
			write_scalar(w, l + kl + 1, strcspn(l + kl + 1, "\n"));
			return;
		}
		l = strchr(l, '\n');
		if (l)
			l++;
	}
	jw_null(w);
}

/* Writes {"k1":..,"k2":..} with a member per knob file that exists, or null
 * if none does: a controller not enabled for this node has no files at all,
 * and the root lacks most limits (memory.max...) but has cpu.stat. */
static void write_group(struct jw *w, const char *const keys[3], char *vals[3],
			knob_fmt *const fmt[3])
{
	if (!vals[0] && !vals[1] && !vals[2]) {
		jw_null(w);
		return;
	}
	jw_obj(w);
	for (int i = 0; i < 3; i++) {
		if (vals[i]) {
			jw_key(w, keys[i]);
			fmt[i](w, vals[i]);
		}
	}
	jw_obj_end(w);
}

static void fmt_events_max(struct jw *w, const char *s)
{
	write_keyed_value(w, s, "max");
}

static void write_node(struct walk *wk, size_t len)
{
	struct jw *w = wk->w;
	char *v[3];

	jw_obj(w);
	jw_key(w, "path");
	jw_str(w, len > wk->root_len ? wk->path + wk->root_len : "/");

	v[0] = read_knob(wk, len, "cgroup.controllers", SMALL_KNOB);
	jw_key(w, "controllers");
	write_words(w, v[0], 0);
	free(v[0]);
	v[0] = read_knob(wk, len, "cgroup.subtree_control", SMALL_KNOB);
	jw_key(w, "subtree_control");
	write_words(w, v[0], 0);
	free(v[0]);
	v[0] = read_knob(wk, len, "cgroup.procs", PROCS_MAX);
	jw_key(w, "procs");
	write_words(w, v[0], 1);
	free(v[0]);

	static const char *const mem_keys[3] = { "current", "max", "events" };
	static knob_fmt *const mem_fmt[3] = {
		write_trimmed_scalar, write_trimmed_scalar, write_flat_keyed };
	v[0] = read_knob(wk, len, "memory.current", SMALL_KNOB);
	v[1] = read_knob(wk, len, "memory.max", SMALL_KNOB);
	v[2] = read_knob(wk, len, "memory.events", SMALL_KNOB);
	jw_key(w, "memory");
	write_group(w, mem_keys, v, mem_fmt);
	for (int i = 0; i < 3; i++)
		free(v[i]);

	static const char *const pids_keys[3] = { "current", "max", "events_max" };
	static knob_fmt *const pids_fmt[3] = {
		write_trimmed_scalar, write_trimmed_scalar, fmt_events_max };
	v[0] = read_knob(wk, len, "pids.current", SMALL_KNOB);
	v[1] = read_knob(wk, len, "pids.max", SMALL_KNOB);
	v[2] = read_knob(wk, len, "pids.events", SMALL_KNOB);
	jw_key(w, "pids");
	write_group(w, pids_keys, v, pids_fmt);
	for (int i = 0; i < 3; i++)
		free(v[i]);

	static const char *const cpu_keys[3] = { "max", "weight", "stat" };
	static knob_fmt *const cpu_fmt[3] = {
		write_trimmed_scalar, write_trimmed_scalar, write_flat_keyed };
	v[0] = read_knob(wk, len, "cpu.max", SMALL_KNOB);
	v[1] = read_knob(wk, len, "cpu.weight", SMALL_KNOB);
	v[2] = read_knob(wk, len, "cpu.stat", SMALL_KNOB);
	jw_key(w, "cpu");
	write_group(w, cpu_keys, v, cpu_fmt);
	for (int i = 0; i < 3; i++)
		free(v[i]);

	/* The root has no cgroup.events, so no "frozen" either. */
	v[0] = read_knob(wk, len, "cgroup.events", SMALL_KNOB);
	if (v[0]) {
		jw_key(w, "frozen");
		write_keyed_value(w, v[0], "frozen");
	}
	free(v[0]);
	jw_obj_end(w);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(struct walk *wk, size_t len, int depth)
{
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	DIR *d;

	write_node(wk, len);
	if (depth >= MAX_DEPTH || !(d = opendir(wk->path)))
		return;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (de->d_type != DT_DIR && de->d_type != DT_UNKNOWN)
			continue;
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			char **nn = realloc(names, ncap * sizeof(*nn));
			if (!nn)
				break;
			names = nn;
			cap = ncap;
		}
		if (!(names[n] = strdup(de->d_name)))
			break;
		n++;
	}
	closedir(d);
	/* Sorted for a stable order between snapshots. */
	if (n)
		qsort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		size_t nl = strlen(names[i]);

		if (len + 1 + nl < sizeof(wk->path)) {
			wk->path[len] = '/';
			memcpy(wk->path + len + 1, names[i], nl + 1);
			if (lstat(wk->path, &st) == 0 && S_ISDIR(st.st_mode))
				walk(wk, len + 1 + nl, depth + 1);
			wk->path[len] = '\0';
		}
		free(names[i]);
	}
	free(names);
}

void snapshot_cgroups(struct jw *w)
{
	/* The override exists for host-side tests, where /sys/fs/cgroup is v1. */
	const char *root = getenv("GUEST_AGENT_CGROUP_ROOT");
	struct walk *wk = calloc(1, sizeof(*wk));
	struct statfs sf;

	jw_arr(w);
	if (!root || !*root)
		root = "/sys/fs/cgroup";
	/* A v1 hierarchy has different files and meaning; report nothing rather than nonsense. */
	if (wk && strlen(root) < sizeof(wk->path) && statfs(root, &sf) == 0 &&
	    sf.f_type == CGROUP2_MAGIC) {
		wk->w = w;
		strcpy(wk->path, root);
		wk->root_len = strlen(root);
		while (wk->root_len > 1 && wk->path[wk->root_len - 1] == '/')
			wk->path[--wk->root_len] = '\0';
		walk(wk, wk->root_len, 0);
	}
	jw_arr_end(w);
	free(wk);
}
