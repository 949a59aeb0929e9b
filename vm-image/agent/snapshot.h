/* Pieces of the snapshot reply, one file each. */
#ifndef CLAB_SNAPSHOT_H
#define CLAB_SNAPSHOT_H

#include <stddef.h>

#include "json.h"

enum ns_kind { NS_MNT, NS_UTS, NS_IPC, NS_PID, NS_NET, NS_USER, NS_CGROUP, NS_TIME, NS_KINDS };

/* Names as used in /proc/<pid>/ns/ and in the protocol. */
extern const char *const ns_kind_names[NS_KINDS];

/* One distinct namespace and the processes in it (ascending pids). */
struct ns_entry {
	int kind;
	unsigned long long inode;
	int *pids;
	size_t npids, cap;
};

struct ns_table {
	struct ns_entry *v;
	size_t n, cap;
	int failed;	/* out of memory: the reply must be abandoned */
};

void ns_table_add(struct ns_table *t, int kind, unsigned long long inode, int pid);
void ns_table_free(struct ns_table *t);

/* Each writes one JSON array value. */
void snapshot_processes(struct jw *w, struct ns_table *t);
void snapshot_namespaces(struct jw *w, const struct ns_table *t);
void snapshot_cgroups(struct jw *w);
void snapshot_mount_namespaces(struct jw *w, const struct ns_table *t);
void snapshot_containers(struct jw *w);

#endif
