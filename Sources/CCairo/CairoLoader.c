// Cairo, opened when Folio first rasterises a page instead of when a process starts.
//
// Cairo draws PNG pages only, yet linked as a shared library it brings 14 more (X11, xcb,
// fontconfig, pixman, expat…) whose mapping and ~2,100 symbol relocations every `render` process
// paid before reading its input, PDF-only or not. Each Cairo function Folio calls is defined here
// with Cairo's own prototype (the compiler checks it against <cairo.h>) and calls through a table
// filled by `folio_cairo_open`, which CairoOutput calls before its first Cairo call.
#define _GNU_SOURCE
#include "CCairo.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

// Every Cairo function Folio calls. A function added to CairoOutput must be added here: the link
// fails with an undefined `cairo_…` symbol until it is.
#define FOLIO_CAIRO_FUNCTIONS(X) \
    X(cairo_create) \
    X(cairo_destroy) \
    X(cairo_fill) \
    X(cairo_font_face_destroy) \
    X(cairo_font_face_set_user_data) \
    X(cairo_font_face_status) \
    X(cairo_font_options_create) \
    X(cairo_font_options_destroy) \
    X(cairo_font_options_set_antialias) \
    X(cairo_font_options_set_hint_metrics) \
    X(cairo_font_options_set_hint_style) \
    X(cairo_ft_font_face_create_for_ft_face) \
    X(cairo_get_source) \
    X(cairo_image_surface_create) \
    X(cairo_image_surface_get_data) \
    X(cairo_image_surface_get_height) \
    X(cairo_image_surface_get_stride) \
    X(cairo_image_surface_get_width) \
    X(cairo_line_to) \
    X(cairo_move_to) \
    X(cairo_paint) \
    X(cairo_pattern_set_filter) \
    X(cairo_rectangle) \
    X(cairo_restore) \
    X(cairo_save) \
    X(cairo_scale) \
    X(cairo_set_dash) \
    X(cairo_set_font_face) \
    X(cairo_set_font_options) \
    X(cairo_set_font_size) \
    X(cairo_set_line_cap) \
    X(cairo_set_line_width) \
    X(cairo_set_source_rgb) \
    X(cairo_set_source_rgba) \
    X(cairo_set_source_surface) \
    X(cairo_show_text_glyphs) \
    X(cairo_status) \
    X(cairo_status_to_string) \
    X(cairo_stroke) \
    X(cairo_surface_destroy) \
    X(cairo_surface_flush) \
    X(cairo_surface_mark_dirty) \
    X(cairo_surface_status) \
    X(cairo_surface_write_to_png_stream) \
    X(cairo_translate) \
    X(cairo_version_string)

static struct {
#define X(name) __typeof__(name) *name;
    FOLIO_CAIRO_FUNCTIONS(X)
#undef X
} folio_cairo;

static pthread_once_t folio_cairo_once = PTHREAD_ONCE_INIT;
static int folio_cairo_loaded;
static char folio_cairo_failure[512];

static void folio_cairo_load(void) {
    // RTLD_GLOBAL is not needed: Cairo's own dependencies (FreeType, already loaded) resolve on their own.
    void *library = dlopen("libcairo.so.2", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(folio_cairo_failure, sizeof folio_cairo_failure, "%s", reason ? reason : "libcairo.so.2 cannot be opened");
        return;
    }
#define X(name) \
    folio_cairo.name = (__typeof__(name) *)dlsym(library, #name); \
    if (folio_cairo.name == NULL) { \
        snprintf(folio_cairo_failure, sizeof folio_cairo_failure, "libcairo.so.2 has no %s", #name); \
        return; \
    }
    FOLIO_CAIRO_FUNCTIONS(X)
#undef X
    folio_cairo_loaded = 1;
}

const char *folio_cairo_open(void) {
    pthread_once(&folio_cairo_once, folio_cairo_load);
    return folio_cairo_loaded ? NULL : folio_cairo_failure;
}

cairo_t *cairo_create(cairo_surface_t *target) { return folio_cairo.cairo_create(target); }
void cairo_destroy(cairo_t *cr) { folio_cairo.cairo_destroy(cr); }
void cairo_fill(cairo_t *cr) { folio_cairo.cairo_fill(cr); }
void cairo_font_face_destroy(cairo_font_face_t *font_face) { folio_cairo.cairo_font_face_destroy(font_face); }
cairo_status_t cairo_font_face_set_user_data(cairo_font_face_t *font_face, const cairo_user_data_key_t *key, void *user_data, cairo_destroy_func_t destroy) { return folio_cairo.cairo_font_face_set_user_data(font_face, key, user_data, destroy); }
cairo_status_t cairo_font_face_status(cairo_font_face_t *font_face) { return folio_cairo.cairo_font_face_status(font_face); }
cairo_font_options_t *cairo_font_options_create(void) { return folio_cairo.cairo_font_options_create(); }
void cairo_font_options_destroy(cairo_font_options_t *options) { folio_cairo.cairo_font_options_destroy(options); }
void cairo_font_options_set_antialias(cairo_font_options_t *options, cairo_antialias_t antialias) { folio_cairo.cairo_font_options_set_antialias(options, antialias); }
void cairo_font_options_set_hint_metrics(cairo_font_options_t *options, cairo_hint_metrics_t hint_metrics) { folio_cairo.cairo_font_options_set_hint_metrics(options, hint_metrics); }
void cairo_font_options_set_hint_style(cairo_font_options_t *options, cairo_hint_style_t hint_style) { folio_cairo.cairo_font_options_set_hint_style(options, hint_style); }
cairo_font_face_t *cairo_ft_font_face_create_for_ft_face(FT_Face face, int load_flags) { return folio_cairo.cairo_ft_font_face_create_for_ft_face(face, load_flags); }
cairo_pattern_t *cairo_get_source(cairo_t *cr) { return folio_cairo.cairo_get_source(cr); }
cairo_surface_t *cairo_image_surface_create(cairo_format_t format, int width, int height) { return folio_cairo.cairo_image_surface_create(format, width, height); }
unsigned char *cairo_image_surface_get_data(cairo_surface_t *surface) { return folio_cairo.cairo_image_surface_get_data(surface); }
int cairo_image_surface_get_height(cairo_surface_t *surface) { return folio_cairo.cairo_image_surface_get_height(surface); }
int cairo_image_surface_get_stride(cairo_surface_t *surface) { return folio_cairo.cairo_image_surface_get_stride(surface); }
int cairo_image_surface_get_width(cairo_surface_t *surface) { return folio_cairo.cairo_image_surface_get_width(surface); }
void cairo_line_to(cairo_t *cr, double x, double y) { folio_cairo.cairo_line_to(cr, x, y); }
void cairo_move_to(cairo_t *cr, double x, double y) { folio_cairo.cairo_move_to(cr, x, y); }
void cairo_paint(cairo_t *cr) { folio_cairo.cairo_paint(cr); }
void cairo_pattern_set_filter(cairo_pattern_t *pattern, cairo_filter_t filter) { folio_cairo.cairo_pattern_set_filter(pattern, filter); }
void cairo_rectangle(cairo_t *cr, double x, double y, double width, double height) { folio_cairo.cairo_rectangle(cr, x, y, width, height); }
void cairo_restore(cairo_t *cr) { folio_cairo.cairo_restore(cr); }
void cairo_save(cairo_t *cr) { folio_cairo.cairo_save(cr); }
void cairo_scale(cairo_t *cr, double sx, double sy) { folio_cairo.cairo_scale(cr, sx, sy); }
void cairo_set_dash(cairo_t *cr, const double *dashes, int num_dashes, double offset) { folio_cairo.cairo_set_dash(cr, dashes, num_dashes, offset); }
void cairo_set_font_face(cairo_t *cr, cairo_font_face_t *font_face) { folio_cairo.cairo_set_font_face(cr, font_face); }
void cairo_set_font_options(cairo_t *cr, const cairo_font_options_t *options) { folio_cairo.cairo_set_font_options(cr, options); }
void cairo_set_font_size(cairo_t *cr, double size) { folio_cairo.cairo_set_font_size(cr, size); }
void cairo_set_line_cap(cairo_t *cr, cairo_line_cap_t line_cap) { folio_cairo.cairo_set_line_cap(cr, line_cap); }
void cairo_set_line_width(cairo_t *cr, double width) { folio_cairo.cairo_set_line_width(cr, width); }
void cairo_set_source_rgb(cairo_t *cr, double red, double green, double blue) { folio_cairo.cairo_set_source_rgb(cr, red, green, blue); }
void cairo_set_source_rgba(cairo_t *cr, double red, double green, double blue, double alpha) { folio_cairo.cairo_set_source_rgba(cr, red, green, blue, alpha); }
void cairo_set_source_surface(cairo_t *cr, cairo_surface_t *surface, double x, double y) { folio_cairo.cairo_set_source_surface(cr, surface, x, y); }
void cairo_show_text_glyphs(cairo_t *cr, const char *utf8, int utf8_len, const cairo_glyph_t *glyphs, int num_glyphs, const cairo_text_cluster_t *clusters, int num_clusters, cairo_text_cluster_flags_t cluster_flags) { folio_cairo.cairo_show_text_glyphs(cr, utf8, utf8_len, glyphs, num_glyphs, clusters, num_clusters, cluster_flags); }
cairo_status_t cairo_status(cairo_t *cr) { return folio_cairo.cairo_status(cr); }
const char *cairo_status_to_string(cairo_status_t status) { return folio_cairo.cairo_status_to_string(status); }
void cairo_stroke(cairo_t *cr) { folio_cairo.cairo_stroke(cr); }
void cairo_surface_destroy(cairo_surface_t *surface) { folio_cairo.cairo_surface_destroy(surface); }
void cairo_surface_flush(cairo_surface_t *surface) { folio_cairo.cairo_surface_flush(surface); }
void cairo_surface_mark_dirty(cairo_surface_t *surface) { folio_cairo.cairo_surface_mark_dirty(surface); }
cairo_status_t cairo_surface_status(cairo_surface_t *surface) { return folio_cairo.cairo_surface_status(surface); }
cairo_status_t cairo_surface_write_to_png_stream(cairo_surface_t *surface, cairo_write_func_t write_func, void *closure) { return folio_cairo.cairo_surface_write_to_png_stream(surface, write_func, closure); }
void cairo_translate(cairo_t *cr, double tx, double ty) { folio_cairo.cairo_translate(cr, tx, ty); }
const char *cairo_version_string(void) { return folio_cairo.cairo_version_string(); }
