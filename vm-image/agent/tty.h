/* Serial port handling for the agent's own channel. */
#ifndef CLAB_TTY_H
#define CLAB_TTY_H

/* Opens path read/write, raw, no echo, modem lines ignored. Returns fd or -1. */
int tty_open_raw(const char *path);

#endif
