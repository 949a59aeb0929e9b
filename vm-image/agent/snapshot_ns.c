/* snapshot.namespaces: distinct namespaces, their members and hierarchy. */
#include "agent.h"
#include "snapshot.h"

#include <fcntl.h>
#include <linux/nsfs.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

const char *const ns_kind_names[NS_KINDS] = {
	"mnt", "uts", "ipc", "pid", "net", "user", "cgroup", "time",
};

void ns_table_add(struct ns_table *t, int kind, unsigned long long inode, int pid)
{
	struct ns_entry *e = NULL;

	/* Linear search: a lab guest has tens of namespaces, not thousands. */
	for (size_t i = 0; i < t->n; i++) {
		if (t->v[i].kind == kind && t->v[i].inode == inode) {
			e = &t->v[i];
			break;
		}
	}
	if (!e) {
		if (t->n == t->cap) {
			size_t ncap = t->cap ? t->cap * 2 : 32;
			struct ns_entry *nv = realloc(t->v, ncap * sizeof(*nv));
			if (!nv) {
				t->failed = 1;
				return;
			}
			t->v = nv;
			t->cap = ncap;
		}
		e = &t->v[t->n++];
		*e = (struct ns_entry){ .kind = kind, .inode = inode };
	}
	if (e->npids == e->cap) {
		size_t ncap = e->cap ? e->cap * 2 : 8;
		int *np = realloc(e->pids, ncap * sizeof(*np));
		if (!np) {
			t->failed = 1;
			return;
		}
		e->pids = np;
		e->cap = ncap;
	}
	e->pids[e->npids++] = pid;
}

void ns_table_free(struct ns_table *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].pids);
	free(t->v);
	*t = (struct ns_table){ 0 };
}

/* Inode of the namespace an nsfs ioctl returns a descriptor for, or 0:
 * EPERM means the answer lies outside our own namespace tree. */
static unsigned long long related_inode(int nsfd, unsigned long request)
{
	struct stat st;
	int fd = ioctl(nsfd, request);
	unsigned long long ino = 0;

	if (fd < 0)
		return 0;
	if (fstat(fd, &st) == 0)
		ino = st.st_ino;
	close(fd);
	return ino;
}

static void write_inode_or_null(struct jw *w, unsigned long long ino)
{
	if (ino)
		jw_uint(w, ino);
	else
		jw_null(w);
}

void snapshot_namespaces(struct jw *w, const struct ns_table *t)
{
	jw_arr(w);
	for (size_t i = 0; i < t->n; i++) {
		const struct ns_entry *e = &t->v[i];
		unsigned long long owner = 0, parent = 0;
		int has_parent = e->kind == NS_PID || e->kind == NS_USER;

		/* Any member will do; the first may have exited meanwhile. */
		for (size_t j = 0; j < e->npids; j++) {
			char path[64];
			int fd;

			snprintf(path, sizeof(path), "/proc/%d/ns/%s", e->pids[j], ns_kind_names[e->kind]);
			fd = open(path, O_RDONLY | O_CLOEXEC);
			if (fd < 0)
				continue;
			owner = related_inode(fd, NS_GET_USERNS);
			if (has_parent)
				parent = related_inode(fd, NS_GET_PARENT);
			close(fd);
			break;
		}
		jw_obj(w);
		jw_key(w, "type");
		jw_str(w, ns_kind_names[e->kind]);
		jw_key(w, "inode");
		jw_uint(w, e->inode);
		jw_key(w, "owner_user");
		write_inode_or_null(w, owner);
		jw_key(w, "parent");
		write_inode_or_null(w, parent);
		jw_key(w, "pids");
		jw_arr(w);
		for (size_t j = 0; j < e->npids; j++)
			jw_int(w, e->pids[j]);
		jw_arr_end(w);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}
