/* snapshot.containers: the OCI containers the runtimes know of, from their own state files
 * (crun: <root>/<id>/status, runc: <root>/<id>/state.json), so the panels can say which
 * processes, namespaces and cgroups belong to which container. Podman's containers are crun's
 * (or runc's) too; their names come from conmon's command line, which the panels already have. */
#include "agent.h"
#include "snapshot.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STATE_MAX MIB	/* runc's state.json carries the whole container config */

struct runtime {
	const char *name;	/* "crun" or "runc" */
	const char *state_file;	/* in <root>/<id>/ */
	const char *pid_key;	/* the container's init pid in that file */
};

static const struct runtime runtimes[] = {
	{ "crun", "status", "pid" },
	{ "runc", "state.json", "init_process_pid" },
};

/* runc keeps the bundle as a "bundle=<path>" label in config.labels. */
static const char *runc_bundle(const struct json *state)
{
	const struct json *labels = json_get(json_get(state, "config"), "labels");

	if (!labels || labels->type != JSON_ARRAY)
		return NULL;
	for (size_t i = 0; i < labels->len; i++) {
		const struct json *l = &labels->items[i];
		if (l->type == JSON_STRING && strncmp(l->str, "bundle=", 7) == 0)
			return l->str + 7;
	}
	return NULL;
}

static void one_container(struct jw *w, const struct runtime *rt, const char *root, const char *id)
{
	char path[512];
	size_t len;
	int err;
	struct json_error jerr;

	if (snprintf(path, sizeof(path), "%s/%s/%s", root, id, rt->state_file) >= (int)sizeof(path))
		return;
	char *text = read_alloc(path, STATE_MAX, &len, &err, NULL);
	if (!text)
		return;	/* gone meanwhile, or not a container directory */
	struct json *state = json_parse(text, len, &jerr);
	free(text);
	const struct json *pid = json_get(state, rt->pid_key);
	if (pid && pid->type == JSON_NUMBER && pid->number > 0) {
		const struct json *bundle = json_get(state, "bundle");
		const char *bundle_path = bundle && bundle->type == JSON_STRING ? bundle->str : runc_bundle(state);
		jw_obj(w);
		jw_key(w, "runtime");
		jw_str(w, rt->name);
		jw_key(w, "id");
		jw_str(w, id);
		jw_key(w, "pid");
		jw_int(w, (long long)pid->number);
		jw_key(w, "root");
		jw_str(w, root);
		jw_key(w, "bundle");
		if (bundle_path)
			jw_str(w, bundle_path);
		else
			jw_null(w);
		jw_obj_end(w);
	}
	json_free(state);
}

static void scan_root(struct jw *w, const struct runtime *rt, const char *root)
{
	DIR *d = opendir(root);
	struct dirent *de;

	if (!d)
		return;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		one_container(w, rt, root, de->d_name);
	}
	closedir(d);
}

void snapshot_containers(struct jw *w)
{
	jw_arr(w);
	for (size_t r = 0; r < sizeof(runtimes) / sizeof(runtimes[0]); r++) {
		char root[256];
		/* Root's state, then each user's (rootless runtimes default to /run/user/<uid>/<name>). */
		snprintf(root, sizeof(root), "/run/%s", runtimes[r].name);
		scan_root(w, &runtimes[r], root);
		DIR *users = opendir("/run/user");
		struct dirent *de;
		if (!users)
			continue;
		while ((de = readdir(users))) {
			if (de->d_name[0] == '.')
				continue;
			if (snprintf(root, sizeof(root), "/run/user/%s/%s", de->d_name, runtimes[r].name) <
			    (int)sizeof(root))
				scan_root(w, &runtimes[r], root);
		}
		closedir(users);
	}
	jw_arr_end(w);
}
