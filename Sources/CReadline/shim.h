// GNU readline for the vssdesk REPL.
//
// Swift 6 strict concurrency rejects direct use of readline's mutable globals (rl_point, rl_line_buffer, …), so
// every global is read or written through a tiny inline function here. These functions keep no state of their
// own; the signal flags and the prompt loop live in the CLineShim C target, which must be one translation unit.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <sys/select.h>
#include <readline/readline.h>
#include <readline/history.h>

typedef char **(*vss_completion_fn)(const char *, int, int);
static inline void vss_set_completion(vss_completion_fn fn) { rl_attempted_completion_function = fn; }
static inline vss_completion_fn vss_completion(void) { return rl_attempted_completion_function; }
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
