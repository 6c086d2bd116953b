#include <fribidi.h>

// FriBidi's paragraph types are composite macros Swift cannot import; expose them as functions.
static inline FriBidiParType folio_fribidi_par_ltr(void) { return FRIBIDI_PAR_LTR; }
static inline FriBidiParType folio_fribidi_par_rtl(void) { return FRIBIDI_PAR_RTL; }
static inline FriBidiParType folio_fribidi_par_on(void) { return FRIBIDI_PAR_ON; }
