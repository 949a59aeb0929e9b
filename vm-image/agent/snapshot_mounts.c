/* snapshot.mount_namespaces: the mount table of each mount namespace. */
#include "agent.h"
#include "snapshot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MOUNTINFO_MAX (4u * MIB)
#define MAX_FIELDS 64

/* The kernel writes space, tab, newline and backslash in paths as \ooo. */
static void unescape_octal(char *s)
{
	char *o = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' &&
		    s[3] >= '0' && s[3] <= '7') {
			*o++ = (char)((s[1] - '0') << 6 | (s[2] - '0') << 3 | (s[3] - '0'));
			s += 3;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
}

/*
 * One mountinfo line (see proc(5)):
 *   36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
 * Fields 7.. up to the lone "-" are the optional tags.
 */
static void write_mount(struct jw *w, char *line)
{
	char *f[MAX_FIELDS];
	int n = 0, dash = -1;

	for (char *tok = strtok(line, " "); tok && n < MAX_FIELDS; tok = strtok(NULL, " ")) {
		if (dash < 0 && n >= 6 && strcmp(tok, "-") == 0)
			dash = n;
		f[n++] = tok;
	}
	if (dash < 0 || n < dash + 4)
		return;	/* not a line we understand; skip rather than guess */
	for (int i = 0; i < n; i++)
		unescape_octal(f[i]);
	jw_obj(w);
	jw_key(w, "id");
	jw_int(w, strtol(f[0], NULL, 10));
	jw_key(w, "parent");
	jw_int(w, strtol(f[1], NULL, 10));
	jw_key(w, "dev");
	jw_str(w, f[2]);
	jw_key(w, "root");
	jw_str(w, f[3]);
	jw_key(w, "mount_point");
	jw_str(w, f[4]);
	jw_key(w, "options");
	jw_str(w, f[5]);
	jw_key(w, "fs_type");
	jw_str(w, f[dash + 1]);
	jw_key(w, "source");
	jw_str(w, f[dash + 2]);
	jw_key(w, "super_options");
	jw_str(w, f[dash + 3]);
	jw_key(w, "optional");
	jw_arr(w);
	for (int i = 6; i < dash; i++)
		jw_str(w, f[i]);
	jw_arr_end(w);
	jw_obj_end(w);
}

void snapshot_mount_namespaces(struct jw *w, const struct ns_table *t)
{
	jw_arr(w);
	for (size_t i = 0; i < t->n; i++) {
		const struct ns_entry *e = &t->v[i];
		char *buf = NULL;
		int pid = 0;

		if (e->kind != NS_MNT)
			continue;
		/* The first member may have exited since; any member shows the same table. */
		for (size_t j = 0; j < e->npids && !buf; j++) {
			char path[64];
			size_t len;
			int err;

			pid = e->pids[j];
			snprintf(path, sizeof(path), "/proc/%d/mountinfo", pid);
			buf = read_alloc(path, MOUNTINFO_MAX, &len, &err, NULL);
		}
		if (!buf)
			continue;
		jw_obj(w);
		jw_key(w, "inode");
		jw_uint(w, e->inode);
		jw_key(w, "pid");
		jw_int(w, pid);
		jw_key(w, "mounts");
		jw_arr(w);
		for (char *line = buf; *line;) {
			char *nl = strchr(line, '\n');

			if (nl)
				*nl = '\0';
			write_mount(w, line);
			if (!nl)
				break;
			line = nl + 1;
		}
		jw_arr_end(w);
		jw_obj_end(w);
		free(buf);
	}
	jw_arr_end(w);
}
