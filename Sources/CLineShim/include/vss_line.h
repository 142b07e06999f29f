#ifndef VSS_LINE_H
#define VSS_LINE_H
/// Installs the SIGINT (cancel), SIGTERM/SIGHUP (exit cleanly) and SIGWINCH (resized) handlers.
void vss_install_signal_handlers(void);
/// Whether Ctrl-C was pressed since the last call; clears the flag.
int vss_take_interrupt(void);
/// Whether Ctrl-C was pressed, without clearing (long commands poll it).
int vss_peek_interrupt(void);
/// Whether SIGTERM or SIGHUP arrived.
int vss_was_terminated(void);
/// The terminal's width and height now (asked of the terminal, so a resize counts at once); 0 when not a terminal.
int vss_terminal_columns(void);
int vss_terminal_rows(void);
/// Reads one line with readline: 0 with *out set (malloc'd; NULL at end of input), 1 when Ctrl-C cancelled it,
/// 2 on SIGTERM/SIGHUP.
int vss_readline(const char *prompt, char **out);
/// Reads one line from stdin without readline (not a terminal): 0 with *out set (malloc'd, no newline), 1 Ctrl-C,
/// 2 SIGTERM/SIGHUP, 3 end of input or a read error.
int vss_read_plain_line(char **out);
#endif
