#include "base64.h"

#include <stdlib.h>

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void base64_encode_json(struct sbuf *b, const unsigned char *d, size_t n)
{
	size_t i = 0;
	char *o;

	if (sb_reserve(b, (n + 2) / 3 * 4 + 2) < 0)
		return;
	o = b->data + b->len;
	*o++ = '"';
	for (; n - i >= 3; i += 3) {
		unsigned v = (unsigned)d[i] << 16 | (unsigned)d[i + 1] << 8 | d[i + 2];
		*o++ = alphabet[v >> 18];
		*o++ = alphabet[(v >> 12) & 63];
		*o++ = alphabet[(v >> 6) & 63];
		*o++ = alphabet[v & 63];
	}
	if (n - i == 1) {
		unsigned v = (unsigned)d[i] << 16;
		*o++ = alphabet[v >> 18];
		*o++ = alphabet[(v >> 12) & 63];
		*o++ = '=';
		*o++ = '=';
	} else if (n - i == 2) {
		unsigned v = (unsigned)d[i] << 16 | (unsigned)d[i + 1] << 8;
		*o++ = alphabet[v >> 18];
		*o++ = alphabet[(v >> 12) & 63];
		*o++ = alphabet[(v >> 6) & 63];
		*o++ = '=';
	}
	*o++ = '"';
	b->len = (size_t)(o - b->data);
	b->data[b->len] = '\0';
}

static int sextet(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

unsigned char *base64_decode(const char *src, size_t n, size_t *outlen)
{
	const unsigned char *s = (const unsigned char *)src;
	unsigned acc = 0;
	int bits = 0, pad = 0;
	size_t o = 0;
	unsigned char *out = malloc(n / 4 * 3 + 3);

	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		int v;

		/* Line breaks are tolerated because some encoders wrap at 76 columns. */
		if (c == '\n' || c == '\r')
			continue;
		if (c == '=') {
			pad++;
			continue;
		}
		v = sextet(c);
		if (v < 0 || pad)
			goto bad;	/* junk, or data after padding */
		acc = acc << 6 | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (unsigned char)(acc >> bits);
		}
		acc &= (1u << bits) - 1;
	}
	/* Leftover bits must be the zero fill of a final partial group. */
	if (bits >= 6 || pad > 2 || acc != 0)
		goto bad;
	*outlen = o;
	return out;
bad:
	free(out);
	return NULL;
}
