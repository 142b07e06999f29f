// The prompt loop and signal flags of the vssdesk REPL, in one C translation unit.
//
// Why C: the SIGINT/SIGTERM handlers may only set a sig_atomic_t flag, and that flag must be a single object shared
// by the handler and the loop (static state in a header would be copied into every Swift file that imports it).
// The loop uses readline's alternate (callback) interface with pselect(2), so Ctrl-C cancels the current line —
// the clean-up runs outside signal context — and never kills the program.
//
// The signals are blocked while a line is read, except inside pselect: a flag set between its check and the wait
// would otherwise go unseen until the next key, and that key would land on the line the Ctrl-C cancelled.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <readline/readline.h>
#include <readline/history.h>
#include "vss_line.h"

static volatile sig_atomic_t vss_interrupted = 0;
static volatile sig_atomic_t vss_terminated = 0;
static volatile sig_atomic_t vss_resized = 0;
static char *vss_line = NULL;
static int vss_line_ready = 0;

static void vss_on_sigint(int sig) { (void)sig; vss_interrupted = 1; }
static void vss_on_sigterm(int sig) { (void)sig; vss_terminated = 1; }
static void vss_on_sigwinch(int sig) { (void)sig; vss_resized = 1; }

static void vss_signal_set(sigset_t *set) {
    sigemptyset(set);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGHUP);
    sigaddset(set, SIGWINCH);
}

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
    // Our own SIGWINCH flag: readline's handler exists only while a line is read, so a resize during a command
    // would be missed; the loop below tells readline, and the renderer asks the terminal itself.
    struct sigaction sw;
    memset(&sw, 0, sizeof sw);
    sw.sa_handler = vss_on_sigwinch;
    sw.sa_flags = SA_RESTART;
    sigemptyset(&sw.sa_mask);
    sigaction(SIGWINCH, &sw, NULL);
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
    // A parent may start us with these blocked (the mask survives exec); blocked, they would never stop a command.
    sigset_t wanted;
    vss_signal_set(&wanted);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
}

int vss_take_interrupt(void) { int v = vss_interrupted; vss_interrupted = 0; return v; }
int vss_peek_interrupt(void) { return vss_interrupted; }
int vss_was_terminated(void) { return vss_terminated; }

int vss_terminal_columns(void) {
    struct winsize ws;
    int fds[] = { STDOUT_FILENO, STDERR_FILENO, STDIN_FILENO };
    for (int i = 0; i < 3; i++) {
        memset(&ws, 0, sizeof ws);
        if (ioctl(fds[i], TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    }
    return 0;
}

int vss_terminal_rows(void) {
    struct winsize ws;
    int fds[] = { STDOUT_FILENO, STDERR_FILENO, STDIN_FILENO };
    for (int i = 0; i < 3; i++) {
        memset(&ws, 0, sizeof ws);
        if (ioctl(fds[i], TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0) return ws.ws_row;
    }
    return 0;
}

static void vss_line_handler(char *line) {
    vss_line = line;
    vss_line_ready = 1;
    rl_callback_handler_remove();
}

/// Cancels the line being typed: `^C` after what was typed, then a fresh line for the next prompt. The `^C` goes out
/// before readline gives the terminal back, because giving it back (ending bracketed paste) returns the cursor to
/// column 0, where `^C` would overwrite the prompt.
static void vss_cancel_line(void) {
    FILE *out = rl_outstream ? rl_outstream : stdout;
    rl_point = rl_end;
    rl_redisplay();
    fputs("^C", out);
    rl_crlf();
    fflush(out);
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_replace_line("", 0);
    rl_callback_handler_remove();
}

int vss_readline(const char *prompt, char **out) {
    *out = NULL;
    vss_line_ready = 0;
    vss_line = NULL;
    sigset_t blocked, old;
    vss_signal_set(&blocked);
    sigprocmask(SIG_BLOCK, &blocked, &old);
    // Resized while a command ran: readline still has the old width.
    if (vss_resized) {
        vss_resized = 0;
        rl_reset_screen_size();
    }
    rl_callback_handler_install(prompt, vss_line_handler);
    int status = 0;
    while (!vss_line_ready) {
        if (vss_interrupted) {
            vss_interrupted = 0;
            vss_cancel_line();
            status = 1;
            break;
        }
        if (vss_terminated) {
            rl_callback_handler_remove();
            status = 2;
            break;
        }
        if (vss_resized) {
            vss_resized = 0;
            rl_resize_terminal();
        }
        int fd = fileno(rl_instream ? rl_instream : stdin);
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(fd, &fds);
        int r = pselect(fd + 1, &fds, NULL, NULL, NULL, &old);
        if (r < 0) {
            if (errno == EINTR) continue;
            rl_callback_handler_remove();
            break;
        }
        rl_callback_read_char();
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (status == 0) *out = vss_line;
    return status;
}

int vss_read_plain_line(char **out) {
    *out = NULL;
    size_t cap = 128, len = 0;
    char *buf = malloc(cap);
    if (!buf) return 3;
    sigset_t blocked, old;
    vss_signal_set(&blocked);
    sigprocmask(SIG_BLOCK, &blocked, &old);
    int status = 0;
    for (;;) {
        if (vss_interrupted) { vss_interrupted = 0; status = 1; break; }
        if (vss_terminated) { status = 2; break; }
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(STDIN_FILENO, &fds);
        int r = pselect(STDIN_FILENO + 1, &fds, NULL, NULL, NULL, &old);
        if (r < 0) {
            if (errno == EINTR) continue;
            status = 3;
            break;
        }
        char c;
        ssize_t n = read(STDIN_FILENO, &c, 1);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n <= 0) { status = 3; break; }
        if (c == '\n') break;
        if (len + 1 >= cap) {
            char *grown = realloc(buf, cap * 2);
            if (!grown) { status = 3; break; }
            buf = grown;
            cap *= 2;
        }
        buf[len++] = c;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (status != 0) { free(buf); return status; }
    buf[len] = '\0';
    *out = buf;
    return 0;
}
