// libjpeg(-turbo) with its error handling made safe to call from Swift: libjpeg reports fatal
// errors by calling `error_exit`, which by default exits the process. Here it longjmps back into
// one C function that decodes a whole image, so a corrupt JPEG becomes an error return.
#include <setjmp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

struct folio_jpeg_error {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

static void folio_jpeg_error_exit(j_common_ptr info) {
    struct folio_jpeg_error *error = (struct folio_jpeg_error *)info->err;
    (*info->err->format_message)(info, error->message);
    longjmp(error->jump, 1);
}

static void folio_jpeg_ignore_message(j_common_ptr info, int level) {
    (void)info;
    (void)level;
}

/// Decodes `size` bytes of JPEG into 8-bit RGB, three bytes per pixel, rows top to bottom
/// (`pixels` holds width × height × 3 bytes). The image must be `width` × `height`. CMYK and YCCK
/// are converted as Adobe writes them (inverted: each channel times K). Returns 0, or 1 with a message.
static inline int folio_jpeg_decode_rgb(
    const unsigned char *data, unsigned long size, unsigned char *pixels, int width, int height,
    char *message, size_t message_size) {
    struct jpeg_decompress_struct info;
    struct folio_jpeg_error error;
    unsigned char *volatile row = NULL;
    info.err = jpeg_std_error(&error.base);
    error.base.error_exit = folio_jpeg_error_exit;
    error.base.emit_message = folio_jpeg_ignore_message;
    error.message[0] = 0;
    if (setjmp(error.jump)) {
        jpeg_destroy_decompress(&info);
        free(row);
        snprintf(message, message_size, "%s", error.message);
        return 1;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, data, size);
    jpeg_read_header(&info, TRUE);
    int cmyk = info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK;
    info.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
    jpeg_start_decompress(&info);
    if ((int)info.output_width != width || (int)info.output_height != height) {
        snprintf(message, message_size, "decoded size %ux%u differs from the header's %dx%d", info.output_width, info.output_height, width, height);
        jpeg_destroy_decompress(&info);
        return 1;
    }
    if (cmyk) row = malloc((size_t)width * 4);
    while (info.output_scanline < info.output_height) {
        unsigned char *target = pixels + (size_t)width * 3 * info.output_scanline;
        JSAMPROW rows[1] = { cmyk ? row : target };
        jpeg_read_scanlines(&info, rows, 1);
        if (cmyk) {
            for (int x = 0; x < width; x++) {
                unsigned int c = row[4 * x], m = row[4 * x + 1], y = row[4 * x + 2], k = row[4 * x + 3];
                target[3 * x] = (unsigned char)(c * k / 255);
                target[3 * x + 1] = (unsigned char)(m * k / 255);
                target[3 * x + 2] = (unsigned char)(y * k / 255);
            }
        }
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    free(row);
    return 0;
}
