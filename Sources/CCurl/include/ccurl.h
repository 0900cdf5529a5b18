// libcurl, loaded the first time a page of terms is fetched rather than linked (see ccurl.c).
// The few types and constants used are declared here with libcurl's own numbers, which its
// ABI keeps (libcurl.so.4 since 2006), so that building yakkan needs no libcurl header.
#ifndef CCURL_H
#define CCURL_H

#include <stddef.h>

typedef struct ccurl_library ccurl_library;
typedef void ccurl_easy;
typedef void ccurl_list;
typedef size_t (*ccurl_write_callback)(char *data, size_t size, size_t count, void *context);

enum {
    CCURL_OPT_WRITEDATA = 10001,
    CCURL_OPT_URL = 10002,
    CCURL_OPT_ERRORBUFFER = 10010,
    CCURL_OPT_USERAGENT = 10018,
    CCURL_OPT_HTTPHEADER = 10023,
    CCURL_OPT_FOLLOWLOCATION = 52,
    CCURL_OPT_NOSIGNAL = 99,
    CCURL_OPT_MAXFILESIZE_LARGE = 30117,
    CCURL_OPT_TIMEOUT_MS = 155,
    CCURL_OPT_CONNECTTIMEOUT_MS = 156,
};

enum {
    CCURL_INFO_EFFECTIVE_URL = 0x100000 + 1,
    CCURL_INFO_RESPONSE_CODE = 0x200000 + 2,
    CCURL_INFO_CONTENT_TYPE = 0x100000 + 18,
    CCURL_INFO_REDIRECT_URL = 0x100000 + 31,
};

enum {
    CCURL_OK = 0,
    CCURL_COULDNT_RESOLVE_PROXY = 5,
    CCURL_COULDNT_RESOLVE_HOST = 6,
    CCURL_COULDNT_CONNECT = 7,
    CCURL_WRITE_ERROR = 23,
    CCURL_OPERATION_TIMEDOUT = 28,
    CCURL_FILESIZE_EXCEEDED = 63,
    CCURL_ERROR_SIZE = 256,
};

/// Loads the libcurl named (dlopen, then the functions below with dlsym); NULL when it is not
/// installed. Loaded for good: the caller keeps it for the life of the process.
ccurl_library *ccurl_open(const char *name);

ccurl_easy *ccurl_easy_init(const ccurl_library *curl);
void ccurl_easy_cleanup(const ccurl_library *curl, ccurl_easy *easy);
int ccurl_easy_perform(const ccurl_library *curl, ccurl_easy *easy);
const char *ccurl_easy_strerror(const ccurl_library *curl, int code);

// curl_easy_setopt and curl_easy_getinfo take their value through C's `...`: one wrapper per
// type, so that each value is passed as the type libcurl reads it as.
int ccurl_set_long(const ccurl_library *curl, ccurl_easy *easy, int option, long value);
int ccurl_set_offset(const ccurl_library *curl, ccurl_easy *easy, int option, long long value);
int ccurl_set_string(const ccurl_library *curl, ccurl_easy *easy, int option, const char *value);
int ccurl_set_pointer(const ccurl_library *curl, ccurl_easy *easy, int option, void *value);
int ccurl_set_write_callback(const ccurl_library *curl, ccurl_easy *easy, ccurl_write_callback callback);
int ccurl_get_long(const ccurl_library *curl, ccurl_easy *easy, int info, long *value);
int ccurl_get_string(const ccurl_library *curl, ccurl_easy *easy, int info, const char **value);

ccurl_list *ccurl_slist_append(const ccurl_library *curl, ccurl_list *list, const char *value);
void ccurl_slist_free_all(const ccurl_library *curl, ccurl_list *list);

#endif
