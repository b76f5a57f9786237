#ifndef MW_CCURL_SHIM_H
#define MW_CCURL_SHIM_H
/* Typed wrappers around libcurl for Swift: curl_easy_setopt and curl_easy_getinfo are variadic,
 * which Swift cannot call. Also the socket policy that refuses private addresses, in C because
 * it inspects a sockaddr on the connect path. */
#include <curl/curl.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

static inline CURLcode mw_curl_global_init(void) { return curl_global_init(CURL_GLOBAL_DEFAULT); }

static inline CURLcode mw_setopt_long(CURL *curl, CURLoption option, long value) { return curl_easy_setopt(curl, option, value); }
static inline CURLcode mw_setopt_string(CURL *curl, CURLoption option, const char *value) { return curl_easy_setopt(curl, option, value); }
static inline CURLcode mw_setopt_pointer(CURL *curl, CURLoption option, void *value) { return curl_easy_setopt(curl, option, value); }
static inline CURLcode mw_setopt_slist(CURL *curl, CURLoption option, struct curl_slist *value) { return curl_easy_setopt(curl, option, value); }
static inline CURLcode mw_setopt_write_function(CURL *curl, curl_write_callback callback) { return curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, callback); }
static inline CURLcode mw_setopt_header_function(CURL *curl, curl_write_callback callback) { return curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, callback); }
static inline CURLcode mw_setopt_read_function(CURL *curl, curl_read_callback callback) { return curl_easy_setopt(curl, CURLOPT_READFUNCTION, callback); }

/* An SMTP conversation's last command and the server's reply to it, for telling a refused recipient
 * (RCPT) from a refused sender or message, and for saying in the log what the server said. */
typedef struct {
    char command[16];
    char reply[512];
    /* The first command the server answered with a 4xx or 5xx, and that answer: curl goes on to QUIT. */
    char failed_command[16];
    char failed_reply[512];
} mw_smtp_trace;

static inline int mw_smtp_debug(CURL *curl, curl_infotype type, char *data, size_t size, void *clientp) {
    mw_smtp_trace *trace = (mw_smtp_trace *)clientp;
    (void)curl;
    if (type == CURLINFO_HEADER_OUT) {
        size_t n = 0;
        while (n < size && n < sizeof trace->command - 1 && data[n] != ' ' && data[n] != ':' && data[n] != '\r') {
            trace->command[n] = data[n];
            n++;
        }
        trace->command[n] = 0;
        trace->reply[0] = 0;
    } else if (type == CURLINFO_HEADER_IN) {
        size_t n = size < sizeof trace->reply - 1 ? size : sizeof trace->reply - 1;
        while (n > 0 && (data[n - 1] == '\n' || data[n - 1] == '\r')) n--;
        memcpy(trace->reply, data, n);
        trace->reply[n] = 0;
        if ((data[0] == '4' || data[0] == '5') && trace->failed_command[0] == 0 && trace->command[0] != 0) {
            memcpy(trace->failed_command, trace->command, sizeof trace->command);
            memcpy(trace->failed_reply, trace->reply, sizeof trace->reply);
        }
    }
    return 0;
}

static inline void mw_set_smtp_trace(CURL *curl, mw_smtp_trace *trace) {
    curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, mw_smtp_debug);
    curl_easy_setopt(curl, CURLOPT_DEBUGDATA, trace);
    curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);
}

static inline CURLMcode mw_multi_setopt_long(CURLM *multi, CURLMoption option, long value) { return curl_multi_setopt(multi, option, value); }

static inline long mw_getinfo_long(CURL *curl, CURLINFO info) { long value = 0; curl_easy_getinfo(curl, info, &value); return value; }
static inline const char *mw_getinfo_string(CURL *curl, CURLINFO info) { char *value = NULL; curl_easy_getinfo(curl, info, &value); return value; }

/* The value of a response header of the last response (after redirects), or NULL. */
static inline const char *mw_response_header(CURL *curl, const char *name) {
    struct curl_header *header = NULL;
    if (curl_easy_header(curl, name, 0, CURLH_HEADER, -1, &header) != CURLHE_OK || header == NULL) return NULL;
    return header->value;
}

/* Loopback, private, link-local, CGNAT, multicast and unspecified addresses (RFC 1918, RFC 6598, RFC 4193, RFC 4291). */
static inline int mw_is_private_ipv4(const unsigned char *a) {
    return a[0] == 0 || a[0] == 10 || a[0] == 127 || (a[0] == 100 && (a[1] & 0xC0) == 64) || (a[0] == 169 && a[1] == 254)
        || (a[0] == 172 && (a[1] & 0xF0) == 16) || (a[0] == 192 && a[1] == 168) || a[0] >= 224
        || (a[0] == 192 && a[1] == 0 && a[2] == 0)            /* 192.0.0.0/24, IETF protocol assignments */
        || (a[0] == 198 && (a[1] & 0xFE) == 18);              /* 198.18.0.0/15, benchmarking (RFC 2544) */
}

static inline int mw_is_private_address(const struct sockaddr *address) {
    if (address->sa_family == AF_INET) {
        return mw_is_private_ipv4((const unsigned char *)&((const struct sockaddr_in *)address)->sin_addr);
    }
    if (address->sa_family == AF_INET6) {
        const unsigned char *a = ((const struct sockaddr_in6 *)address)->sin6_addr.s6_addr;
        static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
        static const unsigned char zero[12] = {0};
        static const unsigned char nat64[12] = {0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0};
        if (memcmp(a, mapped, 12) == 0) return mw_is_private_ipv4(a + 12);       /* ::ffff:a.b.c.d */
        if (memcmp(a, nat64, 12) == 0) return mw_is_private_ipv4(a + 12);        /* 64:ff9b::a.b.c.d (RFC 6052) */
        if (a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xFF && a[3] == 0x9B && a[4] == 0x00 && a[5] == 0x01) return 1;  /* 64:ff9b:1::/48, local NAT64 (RFC 8215) */
        if (a[0] == 0x20 && a[1] == 0x02) return mw_is_private_ipv4(a + 2);     /* 2002:aabb:ccdd:: 6to4 (RFC 3056) */
        if (memcmp(a, zero, 12) == 0) return 1;   /* ::, ::1 and the deprecated ::a.b.c.d */
        return (a[0] & 0xFE) == 0xFC || (a[0] == 0xFE && (a[1] & 0x80) == 0x80) || a[0] == 0xFF;   /* ULA, link- and site-local, multicast */
    }
    return 1;  /* anything else (unix sockets...) is not a public feed */
}

typedef struct {
    int allow_private;
    int blocked;     /* set when a connection was refused by this policy */
} mw_socket_policy;

/* Runs for the address curl is about to connect to, after DNS: a name cannot smuggle in a private address. */
static inline curl_socket_t mw_open_socket(void *clientp, curlsocktype purpose, struct curl_sockaddr *address) {
    mw_socket_policy *policy = (mw_socket_policy *)clientp;
    (void)purpose;
    if (!policy->allow_private && mw_is_private_address(&address->addr)) {
        policy->blocked = 1;
        return CURL_SOCKET_BAD;
    }
    return socket(address->family, address->socktype, address->protocol);
}

/* Runs before every request, also on a reused connection and on each redirect hop: a connection that
 * another feed (one allowed private addresses) left open must not carry this one to a private address. */
static inline int mw_before_request(void *clientp, char *primary_ip, char *local_ip, int primary_port, int local_port) {
    mw_socket_policy *policy = (mw_socket_policy *)clientp;
    (void)local_ip; (void)primary_port; (void)local_port;
    /* No address at all: not a network transfer (file:). */
    if (policy->allow_private || primary_ip == NULL || primary_ip[0] == 0) return CURL_PREREQFUNC_OK;
    struct sockaddr_in6 v6;
    struct sockaddr_in v4;
    memset(&v6, 0, sizeof v6);
    memset(&v4, 0, sizeof v4);
    int blocked = 1;  /* an address we cannot read is not let through */
    if (inet_pton(AF_INET, primary_ip, &v4.sin_addr) == 1) {
        v4.sin_family = AF_INET;
        blocked = mw_is_private_address((struct sockaddr *)&v4);
    } else if (inet_pton(AF_INET6, primary_ip, &v6.sin6_addr) == 1) {
        v6.sin6_family = AF_INET6;
        blocked = mw_is_private_address((struct sockaddr *)&v6);
    }
    if (blocked) {
        policy->blocked = 1;
        return CURL_PREREQFUNC_ABORT;
    }
    return CURL_PREREQFUNC_OK;
}

static inline void mw_set_socket_policy(CURL *curl, mw_socket_policy *policy) {
    curl_easy_setopt(curl, CURLOPT_OPENSOCKETFUNCTION, mw_open_socket);
    curl_easy_setopt(curl, CURLOPT_OPENSOCKETDATA, policy);
    curl_easy_setopt(curl, CURLOPT_PREREQFUNCTION, mw_before_request);
    curl_easy_setopt(curl, CURLOPT_PREREQDATA, policy);
}

#endif
