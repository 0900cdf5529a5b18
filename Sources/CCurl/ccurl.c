// libcurl is loaded with dlopen the first time `terms check` fetches a page, not linked: linked
// (through FoundationNetworking's URLSession before), it and the ~30 libraries it needs were
// loaded at every start of every yakkan command, 55 shared libraries instead of 24 (Benchmarks/
// RESULTS.md), and the static build needed libcurl's development package. This is C, not Swift
// function pointers as for libpq (Core/Server/LibPQ.swift), because curl_easy_setopt and
// curl_easy_getinfo are variadic: Swift cannot call a C variadic function through a pointer,
// and calling it through a pointer cast to a fixed-argument type is undefined behaviour. Here
// each wrapper calls the variadic function with its value's exact type.
#include "ccurl.h"

#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>

struct ccurl_library {
    int (*global_init)(long flags);
    void *(*easy_init)(void);
    void (*easy_cleanup)(void *);
    int (*easy_perform)(void *);
    const char *(*easy_strerror)(int);
    int (*easy_setopt)(void *, int, ...);
    int (*easy_getinfo)(void *, int, ...);
    void *(*slist_append)(void *, const char *);
    void (*slist_free_all)(void *);
};

#define FIND(field, name) if (!(*(void **)&curl->field = dlsym(handle, name))) goto missing

ccurl_library *ccurl_open(const char *name) {
    void *handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (!handle) return NULL;
    ccurl_library *curl = calloc(1, sizeof *curl);
    if (!curl) goto missing;
    FIND(global_init, "curl_global_init");
    FIND(easy_init, "curl_easy_init");
    FIND(easy_cleanup, "curl_easy_cleanup");
    FIND(easy_perform, "curl_easy_perform");
    FIND(easy_strerror, "curl_easy_strerror");
    FIND(easy_setopt, "curl_easy_setopt");
    FIND(easy_getinfo, "curl_easy_getinfo");
    FIND(slist_append, "curl_slist_append");
    FIND(slist_free_all, "curl_slist_free_all");
    // CURL_GLOBAL_DEFAULT; not thread-safe, so called here, where the caller opens once.
    if (curl->global_init(3) != 0) goto missing;
    return curl;
missing:
    free(curl);
    dlclose(handle);
    return NULL;
}

ccurl_easy *ccurl_easy_init(const ccurl_library *curl) { return curl->easy_init(); }
void ccurl_easy_cleanup(const ccurl_library *curl, ccurl_easy *easy) { if (easy) curl->easy_cleanup(easy); }
int ccurl_easy_perform(const ccurl_library *curl, ccurl_easy *easy) { return curl->easy_perform(easy); }
const char *ccurl_easy_strerror(const ccurl_library *curl, int code) { return curl->easy_strerror(code); }

int ccurl_set_long(const ccurl_library *curl, ccurl_easy *easy, int option, long value) {
    return curl->easy_setopt(easy, option, value);
}
int ccurl_set_offset(const ccurl_library *curl, ccurl_easy *easy, int option, long long value) {
    return curl->easy_setopt(easy, option, (int64_t)value); // curl_off_t
}
int ccurl_set_string(const ccurl_library *curl, ccurl_easy *easy, int option, const char *value) {
    return curl->easy_setopt(easy, option, value);
}
int ccurl_set_pointer(const ccurl_library *curl, ccurl_easy *easy, int option, void *value) {
    return curl->easy_setopt(easy, option, value);
}
int ccurl_set_write_callback(const ccurl_library *curl, ccurl_easy *easy, ccurl_write_callback callback) {
    return curl->easy_setopt(easy, 20011 /* CURLOPT_WRITEFUNCTION */, callback);
}
int ccurl_get_long(const ccurl_library *curl, ccurl_easy *easy, int info, long *value) {
    return curl->easy_getinfo(easy, info, value);
}
int ccurl_get_string(const ccurl_library *curl, ccurl_easy *easy, int info, const char **value) {
    return curl->easy_getinfo(easy, info, value);
}

ccurl_list *ccurl_slist_append(const ccurl_library *curl, ccurl_list *list, const char *value) {
    return curl->slist_append(list, value);
}
void ccurl_slist_free_all(const ccurl_library *curl, ccurl_list *list) { if (list) curl->slist_free_all(list); }
