// The prompt loop and signal flags of the vssdesk REPL, in one C translation unit.
//
// Why C: the SIGINT/SIGTERM handlers may only set a sig_atomic_t flag, and that flag must be a single object shared
// by the handler and the loop (static state in a header would be copied into every Swift file that imports it).
// The loop uses readline's alternate (callback) interface with select(2), so Ctrl-C cancels the current line —
// the clean-up runs outside signal context — and never kills the program.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <sys/select.h>
#include <readline/readline.h>
#include <readline/history.h>
#include "vss_line.h"

static volatile sig_atomic_t vss_interrupted = 0;
static volatile sig_atomic_t vss_terminated = 0;
static char *vss_line = NULL;
static int vss_line_ready = 0;

static void vss_on_sigint(int sig) { (void)sig; vss_interrupted = 1; }
static void vss_on_sigterm(int sig) { (void)sig; vss_terminated = 1; }

void vss_install_signal_handlers(void) {
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
    // A parent may start us with these blocked (the mask survives exec); blocked, they would never stop a command.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
}

int vss_take_interrupt(void) { int v = vss_interrupted; vss_interrupted = 0; return v; }
int vss_peek_interrupt(void) { return vss_interrupted; }
int vss_was_terminated(void) { return vss_terminated; }

static void vss_line_handler(char *line) {
    vss_line = line;
    vss_line_ready = 1;
    rl_callback_handler_remove();
}

int vss_readline(const char *prompt, char **out) {
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
        int fd = fileno(rl_instream ? rl_instream : stdin);
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(fd, &fds);
        int r = select(fd + 1, &fds, NULL, NULL, NULL);
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
