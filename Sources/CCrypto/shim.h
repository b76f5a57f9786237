/* OpenSSL's libcrypto (Debian's libssl-dev): only the one-shot SHA-256 is used. */
#include <openssl/sha.h>
