/*
 * The foreground process of the student's console (/dev/ttyS0), given to lesson checks as
 * CONSOLE_PID: checks run outside the student's shell, and at a prompt this is the innermost
 * interactive shell — the process whose namespaces, cgroup and hostname a step is about.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent.h"

/* Kernel encoding of a tty's device number in /proc/<pid>/stat: ttyS0 is 4:64. */
#define TTYS0_NR ((4 << 8) | 64)

struct stat_fields {
	long pid, pgrp, tty_nr, tpgid;
};

static int read_stat(const char *pid, struct stat_fields *f)
{
	char path[64], buf[512];
	FILE *fp;
	size_t n;
	char *p;

	snprintf(path, sizeof(path), "/proc/%s/stat", pid);
	fp = fopen(path, "r");
	if (!fp)
		return -1;
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	/* comm may hold spaces and parentheses: the fields we want follow the last ')'. */
	p = strrchr(buf, ')');
	if (!p)
		return -1;
	f->pid = atol(pid);
	/* state ppid pgrp session tty_nr tpgid */
	if (sscanf(p + 1, " %*c %*d %ld %*d %ld %ld", &f->pgrp, &f->tty_nr, &f->tpgid) != 3)
		return -1;
	return 0;
}

long console_foreground_pid(void)
{
	DIR *dir = opendir("/proc");
	struct dirent *de;
	long tpgid = -1, leader = -1, lowest_member = -1;

	if (!dir)
		return -1;
	while ((de = readdir(dir))) {
		struct stat_fields f;

		if (!isdigit((unsigned char)de->d_name[0]) || read_stat(de->d_name, &f) < 0)
			continue;
		if (f.tty_nr != TTYS0_NR || f.tpgid <= 0)
			continue;
		tpgid = f.tpgid;
		if (f.pid == f.tpgid)
			leader = f.pid;
		else if (f.pgrp == f.tpgid && (lowest_member < 0 || f.pid < lowest_member))
			lowest_member = f.pid;
	}
	closedir(dir);
	if (tpgid < 0)
		return -1;
	/* The group leader may have exited while the rest of its job runs on. */
	return leader > 0 ? leader : lowest_member;
}
