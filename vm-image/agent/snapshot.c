/* snapshot: one consistent-enough picture of processes, namespaces,
 * cgroups and mounts for the lab's visualisations. */
#include "agent.h"
#include "snapshot.h"

#include <sys/resource.h>
#include <sys/utsname.h>

static long long cpu_time_us(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru) < 0)
		return 0;
	return ((long long)ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000 +
	       ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
}

int handle_snapshot(const struct json *req, struct jw *w, struct agent_err *e)
{
	struct ns_table t = { 0 };
	struct utsname u;
	long long cpu0 = cpu_time_us();

	(void)req;
	jw_obj(w);
	jw_key(w, "uptime_ms");
	jw_int(w, boottime_ms());
	jw_key(w, "hostname");
	jw_str(w, uname(&u) == 0 ? u.nodename : "");
	jw_key(w, "processes");
	snapshot_processes(w, &t);
	jw_key(w, "namespaces");
	snapshot_namespaces(w, &t);
	jw_key(w, "cgroups");
	snapshot_cgroups(w);
	jw_key(w, "mount_namespaces");
	snapshot_mount_namespaces(w, &t);
	jw_key(w, "containers");
	snapshot_containers(w);
	/* Last, so the figure covers building everything above: the lab shows
	 * what observing the system costs on the emulated CPU. */
	jw_key(w, "cpu_us");
	jw_int(w, cpu_time_us() - cpu0);
	jw_obj_end(w);
	int failed = t.failed;
	ns_table_free(&t);
	if (failed) {
		err_set(e, "io", "out of memory building snapshot");
		return -1;
	}
	return 0;
}
