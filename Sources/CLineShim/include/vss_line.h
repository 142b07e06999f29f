#ifndef VSS_LINE_H
#define VSS_LINE_H
/// Installs the SIGINT (cancel) and SIGTERM/SIGHUP (exit cleanly) handlers.
void vss_install_signal_handlers(void);
/// Whether Ctrl-C was pressed since the last call; clears the flag.
int vss_take_interrupt(void);
/// Whether Ctrl-C was pressed, without clearing (long commands poll it).
int vss_peek_interrupt(void);
/// Whether SIGTERM or SIGHUP arrived.
int vss_was_terminated(void);
/// Reads one line: 0 with *out set (malloc'd; NULL at end of input), 1 when Ctrl-C cancelled it, 2 on SIGTERM/SIGHUP.
int vss_readline(const char *prompt, char **out);
#endif
