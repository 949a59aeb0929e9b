/*
 * Test helper for seccomp-run on an x86_64 host: the filter admits only i386
 * syscalls, so the command under test must be an i386 program too, and the
 * host's own chmod/grep are not. Built by agent/test-host.sh, not shipped.
 *   seccomp-probe chmod PATH   chmod(PATH, 0777); prints "ok" or the error
 *   seccomp-probe status       prints the Seccomp: line of /proc/self/status
 *   seccomp-probe getpid       calls getpid() and prints "alive"
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char line[256];

	if (argc == 3 && strcmp(argv[1], "chmod") == 0) {
		if (chmod(argv[2], 0777) < 0) {
			printf("chmod: %s\n", strerror(errno));
			return 1;
		}
		puts("ok");
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "status") == 0) {
		FILE *f = fopen("/proc/self/status", "r");
		if (!f)
			return 1;
		while (fgets(line, sizeof(line), f))
			if (strncmp(line, "Seccomp:", 8) == 0)
				fputs(line, stdout);
		fclose(f);
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "getpid") == 0) {
		printf("alive %d\n", (int)getpid() > 0);
		return 0;
	}
	fprintf(stderr, "usage: seccomp-probe chmod PATH | status | getpid\n");
	return 2;
}
