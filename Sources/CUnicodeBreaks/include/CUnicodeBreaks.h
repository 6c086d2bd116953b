#ifndef FOLIO_CUNICODEBREAKS_H
#define FOLIO_CUNICODEBREAKS_H

#include <stdint.h>

/* ICU's C API renames every function with its version (ubrk_open_72), which Swift cannot call
   through the renaming macros. These few wrappers give the break iterators stable names and keep
   ICU's types out of Swift. */

typedef struct FolioBreakIterator FolioBreakIterator;

typedef enum {
    FOLIO_BREAK_LINE = 0,
    FOLIO_BREAK_CHARACTER = 1,
} FolioBreakKind;

/* Opens a break iterator for a locale ID such as "fr_FR" (NULL or "": the root locale).
   Returns NULL and a non-zero ICU error code in *status when ICU cannot open one. */
FolioBreakIterator *folio_break_open(FolioBreakKind kind, const char *locale, int32_t *status);

void folio_break_close(FolioBreakIterator *iterator);

/* Marks the boundaries of UTF-8 text: out[i] describes the boundary after byte i
   (0: none, 1: allowed, 2: mandatory — a line iterator's hard breaks; a character iterator
   gives 1 at every grapheme cluster boundary). Returns 0 or an ICU error code. */
int32_t folio_break_utf8(FolioBreakIterator *iterator, const uint8_t *utf8, int32_t length, uint8_t *out);

/* The Unicode version of ICU's character data, such as "16.0"; an empty string when `capacity` is
   too small for it. */
void folio_break_unicode_version(char *buffer, int32_t capacity);

#endif
