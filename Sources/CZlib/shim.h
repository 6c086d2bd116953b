// zlib: streaming DEFLATE, for the one PDF stream too large to compress whole (the e-invoice XML of
// a long invoice); libdeflate (CDeflate) compresses every other stream in one call.
#include <zlib.h>
