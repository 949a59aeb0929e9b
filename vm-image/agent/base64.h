/* RFC 4648 base64 (standard alphabet, padded) for binary file contents. */
#ifndef CLAB_BASE64_H
#define CLAB_BASE64_H

#include <stddef.h>

#include "json.h"

/* Appends the quoted base64 encoding of data as a JSON string. */
void base64_encode_json(struct sbuf *b, const unsigned char *data, size_t n);
/* Decodes src into a fresh buffer; NULL if src is not valid base64 or out of memory. */
unsigned char *base64_decode(const char *src, size_t n, size_t *outlen);

#endif
