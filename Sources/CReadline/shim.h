// GNU readline for the vssdesk REPL.
//
// Swift 6 strict concurrency rejects direct use of readline's mutable globals (rl_point, rl_line_buffer, …), so
// every global is read or written through a tiny inline function here. The prompt loop uses readline's alternate
// (callback) interface with select(2), because Ctrl-C must cancel the current line without killing the program:
// the SIGINT handler only sets a flag, and the loop does the readline clean-up outside signal context.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <sys/select.h>
#include <readline/readline.h>
#include <readline/history.h>

static volatile sig_atomic_t vss_interrupted = 0;
static volatile sig_atomic_t vss_terminated = 0;
static char *vss_line = NULL;
static int vss_line_ready = 0;

static void vss_on_sigint(int sig) { (void)sig; vss_interrupted = 1; }
static void vss_on_sigterm(int sig) { (void)sig; vss_terminated = 1; }

static inline void vss_install_signal_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = vss_on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    struct sigaction st;
    memset(&st, 0, sizeof st);
    st.sa_handler = vss_on_sigterm;
    sigemptyset(&st.sa_mask);
    sigaction(SIGTERM, &st, NULL);
    sigaction(SIGHUP, &st, NULL);
}

/// Whether Ctrl-C was pressed since the last call; clears the flag.
static inline int vss_take_interrupt(void) { int v = vss_interrupted; vss_interrupted = 0; return v; }
static inline int vss_peek_interrupt(void) { return vss_interrupted; }
static inline int vss_was_terminated(void) { return vss_terminated; }

static void vss_line_handler(char *line) {
    vss_line = line;
    vss_line_ready = 1;
    rl_callback_handler_remove();
}

/// Reads one line. Returns 0 with *out set (malloc'd; NULL at end of input), 1 when Ctrl-C cancelled the line,
/// 2 when SIGTERM/SIGHUP arrived.
static inline int vss_readline(const char *prompt, char **out) {
    *out = NULL;
    vss_line_ready = 0;
    vss_line = NULL;
    rl_catch_signals = 0;
    rl_callback_handler_install(prompt, vss_line_handler);
    while (!vss_line_ready) {
        if (vss_interrupted) {
            vss_interrupted = 0;
            rl_free_line_state();
            rl_callback_sigcleanup();
            rl_cleanup_after_signal();
            rl_replace_line("", 0);
            rl_callback_handler_remove();
            fputs("^C\n", rl_outstream ? rl_outstream : stdout);
            return 1;
        }
        if (vss_terminated) {
            rl_callback_handler_remove();
            return 2;
        }
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(fileno(rl_instream ? rl_instream : stdin), &fds);
        int r = select(fileno(rl_instream ? rl_instream : stdin) + 1, &fds, NULL, NULL, NULL);
        if (r < 0) {
            if (errno == EINTR) continue;
            rl_callback_handler_remove();
            return 0;
        }
        rl_callback_read_char();
    }
    *out = vss_line;
    return 0;
}

typedef char **(*vss_completion_fn)(const char *, int, int);
static inline void vss_set_completion(vss_completion_fn fn) { rl_attempted_completion_function = fn; }
static inline void vss_completion_over(int over) { rl_attempted_completion_over = over; }
static inline void vss_set_append_character(int c) { rl_completion_append_character = c; }
static inline const char *vss_line_buffer(void) { return rl_line_buffer; }
static inline int vss_point(void) { return rl_point; }
static inline void vss_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void vss_set_word_breaks(const char *breaks) { rl_completer_word_break_characters = (char *)breaks; }
static inline void vss_set_quote_characters(const char *quotes) { rl_completer_quote_characters = quotes; }
static inline int vss_screen_width(void) { int rows = 0, cols = 0; rl_get_screen_size(&rows, &cols); return cols; }
static inline int vss_screen_height(void) { int rows = 0, cols = 0; rl_get_screen_size(&rows, &cols); return rows; }
static inline int vss_history_length(void) { return history_length; }
