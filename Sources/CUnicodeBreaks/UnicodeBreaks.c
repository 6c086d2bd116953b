#include "CUnicodeBreaks.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

struct FolioBreakIterator {
    UBreakIterator *iterator;
    FolioBreakKind kind;
};

FolioBreakIterator *folio_break_open(FolioBreakKind kind, const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(kind == FOLIO_BREAK_LINE ? UBRK_LINE : UBRK_CHARACTER,
                                         locale && *locale ? locale : "", NULL, 0, &error);
    if (U_FAILURE(error) || iterator == NULL) {
        *status = error == U_ZERO_ERROR ? U_INTERNAL_PROGRAM_ERROR : error;
        if (iterator) ubrk_close(iterator);
        return NULL;
    }
    FolioBreakIterator *result = malloc(sizeof *result);
    if (result == NULL) {
        ubrk_close(iterator);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->iterator = iterator;
    result->kind = kind;
    *status = 0;
    return result;
}

void folio_break_close(FolioBreakIterator *iterator) {
    if (iterator == NULL) return;
    ubrk_close(iterator->iterator);
    free(iterator);
}

int32_t folio_break_utf8(FolioBreakIterator *iterator, const uint8_t *utf8, int32_t length, uint8_t *out) {
    memset(out, 0, (size_t)length);
    if (length == 0) return 0;
    UErrorCode error = U_ZERO_ERROR;
    /* A UText on the stack: no allocation per call; native indices are byte offsets. */
    UText text = UTEXT_INITIALIZER;
    utext_openUTF8(&text, (const char *)utf8, length, &error);
    if (U_FAILURE(error)) return error;
    ubrk_setUText(iterator->iterator, &text, &error);
    if (U_FAILURE(error)) {
        utext_close(&text);
        return error;
    }
    for (int32_t boundary = ubrk_next(iterator->iterator); boundary != UBRK_DONE; boundary = ubrk_next(iterator->iterator)) {
        if (boundary <= 0 || boundary > length) continue;
        uint8_t kind = 1;
        if (iterator->kind == FOLIO_BREAK_LINE) {
            int32_t status = ubrk_getRuleStatus(iterator->iterator);
            if (status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT) kind = 2;
        }
        out[boundary - 1] = kind;
    }
    /* Detach the iterator from the caller's bytes before they go away. */
    ubrk_setText(iterator->iterator, NULL, 0, &error);
    utext_close(&text);
    return 0;
}

void folio_break_unicode_version(char *buffer, int32_t capacity) {
    UVersionInfo version;
    u_getUnicodeVersion(version);
    u_versionToString(version, buffer);
    (void)capacity;
}
