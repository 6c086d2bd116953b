#ifndef FOLIO_CCAIRO_H
#define FOLIO_CCAIRO_H

#include <cairo/cairo.h>
#include <cairo/cairo-ft.h>

/// Opens Cairo (`libcairo.so.2`) and finds every function Folio calls, once per process.
/// Returns NULL when Cairo is ready, or why it is not; call it before any other Cairo function.
const char *folio_cairo_open(void);

#endif
