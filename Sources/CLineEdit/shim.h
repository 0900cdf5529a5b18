#include <stdio.h>
#include <sys/select.h>
#include <histedit.h>
#include <editline/readline.h>

// Swift 6 refuses to read or assign C globals directly (they are not concurrency-safe),
// so the few libedit globals the line reader needs are reached through these functions.

static inline void cle_set_attempted_completion_function(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}

static inline void cle_set_attempted_completion_over(int over) {
    rl_attempted_completion_over = over;
}

static inline void cle_set_completion_append_character(int character) {
    rl_completion_append_character = character;
}

// An answer is one choice, spaces included, so the whole line before the cursor is
// the word to complete rather than the text after the last blank.
static inline void cle_complete_whole_line(void) {
    rl_basic_word_break_characters = "";
    rl_completer_word_break_characters = (char *)"";
}

// Must be set before libedit's first readline/read_history call: rl_initialize only
// installs the hook if it is already there.
static inline void cle_set_getc_function(int (*function)(FILE *)) {
    rl_getc_function = function;
}

// Waits until `fd` or `wake` is readable; -1 with errno EINTR when a signal arrives.
// FD_SET is a macro, which Swift cannot call.
static inline int cle_wait_readable(int fd, int wake) {
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(fd, &readable);
    FD_SET(wake, &readable);
    return select((fd > wake ? fd : wake) + 1, &readable, NULL, NULL, NULL);
}

static inline int cle_history_base(void) { return history_base; }
static inline int cle_history_length(void) { return history_length; }
