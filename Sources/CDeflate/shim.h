// libdeflate: whole-buffer DEFLATE (zlib framing for PDF's FlateDecode), several times faster than
// zlib at the same ratio. PDF streams are always compressed whole, so its one-shot API fits.
#include <libdeflate.h>
