#include "CUnicodeBreaks.h"

#include <stdlib.h>
#include <string.h>

/* ICU's C API from the ICU the Swift toolchain's Foundation carries (`_FoundationICU`: ICU 76,
   Unicode 16.0, with the break rules and the Thai, Lao, Khmer, Burmese and CJK dictionaries),
   whose functions are exported with a `swift_` prefix. Every Folio program links it already, for
   Foundation; Debian's libicuuc would load a second ICU beside it, and with it libicudata and
   libstdc++: 3.2 M instructions in the dynamic loader before `main`, in every `render` process.

   The toolchain ships no C headers for it that a C target can include, so the few functions and
   constants used are declared here. They are ICU's stable C API (ubrk.h, utext.h, uversion.h):
   signatures and values unchanged since ICU 3.4. Iterators and texts stay opaque. */

typedef int32_t UErrorCode; /* an enum in ICU: 0 is success, > 0 a failure */
typedef uint16_t UChar;
typedef uint8_t UVersionInfo[4];
typedef struct UBreakIterator UBreakIterator;
typedef struct UText UText;

enum {
    UBRK_CHARACTER = 0,
    UBRK_LINE = 2,
    UBRK_DONE = -1,
    UBRK_LINE_HARD = 100,
    UBRK_LINE_HARD_LIMIT = 200,
    U_ZERO_ERROR = 0,
    U_INTERNAL_PROGRAM_ERROR = 5,
    U_MEMORY_ALLOCATION_ERROR = 7,
    U_MAX_VERSION_STRING_LENGTH = 20,
};

UBreakIterator *swift_ubrk_open(int32_t type, const char *locale, const UChar *text, int32_t textLength, UErrorCode *status);
void swift_ubrk_close(UBreakIterator *iterator);
void swift_ubrk_setUText(UBreakIterator *iterator, UText *text, UErrorCode *status);
void swift_ubrk_setText(UBreakIterator *iterator, const UChar *text, int32_t textLength, UErrorCode *status);
int32_t swift_ubrk_next(UBreakIterator *iterator);
int32_t swift_ubrk_getRuleStatus(UBreakIterator *iterator);
UText *swift_utext_openUTF8(UText *text, const char *utf8, int64_t length, UErrorCode *status);
UText *swift_utext_close(UText *text);
void swift_u_getUnicodeVersion(UVersionInfo version);
void swift_u_versionToString(const UVersionInfo version, char *versionString);

struct FolioBreakIterator {
    UBreakIterator *iterator;
    /* ICU's UText over the caller's bytes, allocated by ICU on first use and re-pointed at each
       text after (its layout is not declared here, so it cannot live on the stack). */
    UText *text;
    FolioBreakKind kind;
};

FolioBreakIterator *folio_break_open(FolioBreakKind kind, const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = swift_ubrk_open(kind == FOLIO_BREAK_LINE ? UBRK_LINE : UBRK_CHARACTER,
                                               locale && *locale ? locale : "", NULL, 0, &error);
    if (error > U_ZERO_ERROR || iterator == NULL) {
        *status = error == U_ZERO_ERROR ? U_INTERNAL_PROGRAM_ERROR : error;
        if (iterator) swift_ubrk_close(iterator);
        return NULL;
    }
    FolioBreakIterator *result = malloc(sizeof *result);
    if (result == NULL) {
        swift_ubrk_close(iterator);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->iterator = iterator;
    result->text = NULL;
    result->kind = kind;
    *status = 0;
    return result;
}

void folio_break_close(FolioBreakIterator *iterator) {
    if (iterator == NULL) return;
    swift_ubrk_close(iterator->iterator);
    if (iterator->text) swift_utext_close(iterator->text);
    free(iterator);
}

int32_t folio_break_utf8(FolioBreakIterator *iterator, const uint8_t *utf8, int32_t length, uint8_t *out) {
    memset(out, 0, (size_t)length);
    if (length == 0) return 0;
    UErrorCode error = U_ZERO_ERROR;
    /* Native indices of a UTF-8 UText are byte offsets. */
    UText *text = swift_utext_openUTF8(iterator->text, (const char *)utf8, length, &error);
    if (error > U_ZERO_ERROR) return error;
    iterator->text = text;
    swift_ubrk_setUText(iterator->iterator, text, &error);
    if (error > U_ZERO_ERROR) return error;
    for (int32_t boundary = swift_ubrk_next(iterator->iterator); boundary != UBRK_DONE; boundary = swift_ubrk_next(iterator->iterator)) {
        if (boundary <= 0 || boundary > length) continue;
        uint8_t kind = 1;
        if (iterator->kind == FOLIO_BREAK_LINE) {
            int32_t status = swift_ubrk_getRuleStatus(iterator->iterator);
            if (status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT) kind = 2;
        }
        out[boundary - 1] = kind;
    }
    /* Detach the iterator from the caller's bytes before they go away; the UText is re-pointed
       at the next text before it is read again. */
    swift_ubrk_setText(iterator->iterator, NULL, 0, &error);
    return 0;
}

void folio_break_unicode_version(char *buffer, int32_t capacity) {
    if (capacity < U_MAX_VERSION_STRING_LENGTH) {
        if (capacity > 0) buffer[0] = 0;
        return;
    }
    UVersionInfo version;
    swift_u_getUnicodeVersion(version);
    swift_u_versionToString(version, buffer);
}
