#include "agent.h"
#include "tty.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int tty_open_raw(const char *path)
{
	struct termios t;
	/* O_NOCTTY: the agent must never become the port's session leader, or a
	 * hangup would SIGHUP it. O_CLOEXEC keeps exec children off the channel. */
	int fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (tcgetattr(fd, &t) < 0)
		goto fail;
	cfmakeraw(&t);
	t.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
	/* CLOCAL: the emulated UART has no carrier; reads must not wait for one. */
	t.c_cflag |= CLOCAL | CREAD;
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	if (tcsetattr(fd, TCSANOW, &t) < 0)
		goto fail;
	tcflush(fd, TCIFLUSH);	/* drop whatever the host sent before we were listening */
	return fd;
fail:;
	int saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

int handle_resize(const struct json *req, struct jw *w, struct agent_err *e)
{
	long long rows = 0, cols = 0;
	const char *tty = "/dev/ttyS0";
	struct winsize ws = { 0 };
	int r;

	if (param_int(req, "rows", 1, 65535, &rows, e) != 0 ||
	    param_int(req, "cols", 1, 65535, &cols, e) != 0) {
		if (!e->code)
			err_set(e, "bad_request", "'rows' and 'cols' are required");
		return -1;
	}
	r = param_str(req, "tty", &tty, NULL, e);
	if (r < 0)
		return -1;
	/* O_NONBLOCK: opening a serial port may otherwise wait for carrier. */
	int fd = open(tty, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		err_errno(e, errno, tty);
		return -1;
	}
	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;
	/* The kernel sends SIGWINCH to the tty's foreground process group when
	 * the size changes; that is how the shell and its job learn about it. */
	if (ioctl(fd, TIOCSWINSZ, &ws) < 0) {
		err_errno(e, errno, "TIOCSWINSZ");
		close(fd);
		return -1;
	}
	close(fd);
	jw_obj(w);
	jw_obj_end(w);
	return 0;
}
