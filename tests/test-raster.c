/* test-raster.c: cak-raster fills as cairo does without antialiasing, outlines as wide as cairo's,
 * inside its clip, through scales and offsets, in bands and threads, and says when it cannot
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-raster"

#include "config.h"

#include <math.h>

#include "cak-raster.h"

typedef struct
{
  double x, y;
} P;

static const CakColor white = { 1, 1, 1, 1 };
static const CakColor teal = { 0.16, 0.5, 0.72, 1 };

static cairo_surface_t *
blank (int width, int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface, int x, int y)
{
  cairo_surface_flush (surface);
  return ((guint32 *)(cairo_image_surface_get_data (surface)
                      + y * cairo_image_surface_get_stride (surface)))[x];
}

/* How many pixels differ */
static guint
count_differences (cairo_surface_t *a, cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  guint n = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      n += pixel (a, x, y) != pixel (b, x, y);
  return n;
}

/* How much darker than white a surface is, in pixels of black */
static double
ink (cairo_surface_t *surface, int x0, int y0, int x1, int y1)
{
  double sum = 0;

  cairo_surface_flush (surface);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      sum += (255 - (pixel (surface, x, y) & 0xff)) / 255.0;
  return sum;
}

/* A star of @n points with a square hole: crossing edges, a hole, slopes of every kind */
static GArray *
star (double cx, double cy, double r_out, double r_in, int n)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (P));

  for (int i = 0; i < 2 * n; i++)
    {
      double a = G_PI * i / n + 0.1, r = i % 2 ? r_in : r_out;
      P p = { cx + r * cos (a), cy + r * sin (a) };

      g_array_append_val (points, p);
    }
  return points;
}

static void
path_cairo (cairo_t *cr, GArray *ring, double hole)
{
  for (guint i = 0; i < ring->len; i++)
    {
      P *p = &g_array_index (ring, P, i);

      if (i == 0)
        cairo_move_to (cr, p->x, p->y);
      else
        cairo_line_to (cr, p->x, p->y);
    }
  cairo_close_path (cr);
  if (hole > 0)
    cairo_rectangle (cr, 100 - hole, 100 - hole, 2 * hole, 2 * hole);
}

static void
path_raster (CakRaster *r, GArray *ring, double hole)
{
  for (guint i = 0; i < ring->len; i++)
    {
      P *p = &g_array_index (ring, P, i);

      if (i == 0)
        cak_raster_move_to (r, p->x, p->y);
      else
        cak_raster_line_to (r, p->x, p->y);
    }
  if (hole > 0)
    cak_raster_rectangle (r, 100 - hole, 100 - hole, 2 * hole, 2 * hole);
}

/* The same star filled by cairo without antialiasing and by the raster, at scales and offsets
 * (a HiDPI window, a translated chart), with bands of rows crossed: the same pixels, but for
 * the few whose centres lie on an edge */
static void
test_fill_like_cairo (void)
{
  const struct
  {
    double scale, dx, dy;
  } cases[] = { { 1, 0, 0 }, { 2, 0, 0 }, { 1, 13.25, -7.5 }, { 1.5, 3, 40 }, { 3, -20, -20 } };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr (GArray) ring = star (100, 100, 90, 35, 7);
      cairo_surface_t *expected = blank (640, 640), *got = blank (640, 640);
      cairo_t *cr = cairo_create (expected);
      CakRaster *r;
      guint differ;

      cairo_translate (cr, cases[c].dx, cases[c].dy);
      cairo_scale (cr, cases[c].scale, cases[c].scale);
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      path_cairo (cr, ring, 12);
      cairo_set_source_rgb (cr, teal.r, teal.g, teal.b);
      cairo_fill (cr);
      cairo_destroy (cr);

      cr = cairo_create (got);
      cairo_translate (cr, cases[c].dx, cases[c].dy);
      cairo_scale (cr, cases[c].scale, cases[c].scale);
      r = cak_raster_begin (cr, -50, -50, 400, 400);
      g_assert_nonnull (r);
      path_raster (r, ring, 12);
      cak_raster_fill (r, teal);
      cak_raster_end (r);
      cairo_destroy (cr);

      differ = count_differences (expected, got);
      g_test_message ("scale %.1f: %u pixels differ", cases[c].scale, differ);
      /* The star's area is some 8,000 pixels at scale 1 */
      g_assert_cmpuint (differ, <=, 40 * cases[c].scale);
      /* Inside the hole nothing, inside a point the colour */
      g_assert_cmphex (pixel (got, (int)(cases[c].dx + 100 * cases[c].scale),
                              (int)(cases[c].dy + 100 * cases[c].scale)),
                       ==, 0xffffffff);
      cairo_surface_destroy (expected);
      cairo_surface_destroy (got);
    }
}

/* Outlines: as much ink as cairo's antialiased stroke of the same width, drawn once where two
 * polygons share an edge, laid over fills made after them */
static void
test_strokes (void)
{
  const double widths[] = { 0.6, 1, 1.5, 3 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      cairo_surface_t *expected = blank (300, 300), *got = blank (300, 300);
      cairo_t *cr = cairo_create (expected);
      CakRaster *r;
      double want, have;

      /* A polyline of every slope */
      cairo_set_line_width (cr, widths[i]);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, 20, 20);
      cairo_line_to (cr, 280, 60);
      cairo_line_to (cr, 200, 270);
      cairo_line_to (cr, 30, 180);
      cairo_stroke (cr);
      cairo_destroy (cr);

      cr = cairo_create (got);
      r = cak_raster_begin (cr, 0, 0, 300, 300);
      cak_raster_move_to (r, 20, 20);
      cak_raster_line_to (r, 280, 60);
      cak_raster_line_to (r, 200, 270);
      cak_raster_line_to (r, 30, 180);
      cak_raster_stroke_open (r, widths[i]);
      cak_raster_paint_strokes (r, (CakColor){ 0, 0, 0, 1 });
      cak_raster_end (r);
      cairo_destroy (cr);

      want = ink (expected, 0, 0, 300, 300);
      have = ink (got, 0, 0, 300, 300);
      g_test_message ("width %.1f: cairo %.0f, raster %.0f", widths[i], want, have);
      g_assert_cmpfloat (have, >, want * 0.85);
      g_assert_cmpfloat (have, <, want * 1.15);
      cairo_surface_destroy (expected);
      cairo_surface_destroy (got);
    }

  /* Two squares side by side, outlined in white over a fill: their shared edge is one line,
   * no darker or lighter than their other edges, and the fill made after the outlines does
   * not cover them */
  {
    cairo_surface_t *got = blank (100, 60);
    cairo_t *cr = cairo_create (got);
    CakRaster *r = cak_raster_begin (cr, 0, 0, 100, 60);

    cak_raster_rectangle (r, 10, 10, 40, 40);
    cak_raster_stroke_closed_preserve (r, 2, 1);
    cak_raster_fill (r, teal);
    cak_raster_rectangle (r, 50, 10, 40, 40);
    cak_raster_stroke_closed_preserve (r, 2, 1);
    cak_raster_fill (r, teal);
    cak_raster_paint_strokes (r, white);
    cak_raster_end (r);
    cairo_destroy (cr);
    /* The shared edge at x = 50 and the outer one at x = 90, in the middle of the squares */
    g_assert_cmphex (pixel (got, 49, 30), ==, pixel (got, 89, 30));
    g_assert_cmphex (pixel (got, 50, 30), ==, pixel (got, 90, 30));
    g_assert_cmphex (pixel (got, 50, 30), ==, 0xffffffff);
    /* Inside, the fill */
    g_assert_cmphex (pixel (got, 30, 30), !=, 0xffffffff);
    g_assert_cmphex (pixel (got, 30, 30), ==, pixel (got, 70, 30));
    cairo_surface_destroy (got);
  }
}

/* Nothing lands outside the rectangle asked for, nor outside cairo's own clip; a path far
 * outside, or of huge coordinates, draws nothing and breaks nothing */
static void
test_clip (void)
{
  cairo_surface_t *got = blank (200, 200);
  cairo_t *cr = cairo_create (got);
  CakRaster *r;

  cairo_rectangle (cr, 0, 0, 150, 200);
  cairo_clip (cr);
  r = cak_raster_begin (cr, 50, 50, 200, 100);
  g_assert_nonnull (r);
  cak_raster_rectangle (r, 0, 0, 200, 200);
  cak_raster_fill (r, teal);
  cak_raster_move_to (r, 0, 100);
  cak_raster_line_to (r, 200, 100);
  cak_raster_stroke_open (r, 4);
  cak_raster_move_to (r, -1e12, -1e12);
  cak_raster_line_to (r, 1e12, 3);
  cak_raster_line_to (r, 5, 1e12);
  cak_raster_fill (r, teal);
  cak_raster_move_to (r, NAN, 4);
  cak_raster_line_to (r, 30, INFINITY);
  cak_raster_stroke_open (r, 1);
  cak_raster_paint_strokes (r, (CakColor){ 0, 0, 0, 1 });
  cak_raster_end (r);
  cairo_destroy (cr);
  for (int y = 0; y < 200; y++)
    for (int x = 0; x < 200; x++)
      {
        gboolean inside = x >= 50 && x < 150 && y >= 50 && y < 150;

        if (!inside)
          g_assert_cmphex (pixel (got, x, y), ==, 0xffffffff);
      }
  g_assert_cmphex (pixel (got, 60, 60), !=, 0xffffffff);
  cairo_surface_destroy (got);
}

/* Clearing: every pixel of the clip, over what was drawn before, and nothing outside it */
static void
test_clear (void)
{
  cairo_surface_t *got = blank (300, 200);
  cairo_t *cr = cairo_create (got);
  CakRaster *r = cak_raster_begin (cr, 10, 10, 280, 180);

  cak_raster_rectangle (r, 0, 0, 300, 200);
  cak_raster_fill (r, teal);
  cak_raster_clear (r, (CakColor){ 0, 0, 0, 1 });
  cak_raster_end (r);
  cairo_destroy (cr);
  for (int y = 0; y < 200; y++)
    for (int x = 0; x < 300; x++)
      g_assert_cmphex (pixel (got, x, y), ==,
                       x >= 10 && x < 290 && y >= 10 && y < 190 ? 0xff000000 : 0xffffffff);
  cairo_surface_destroy (got);
}

/* Hatching: a tile repeated from the device's origin */
static void
test_tile (void)
{
  cairo_surface_t *got = blank (64, 64);
  cairo_t *cr = cairo_create (got);
  guint32 tile[4] = { 0xff000000, 0xffffffff, 0xffffffff, 0xff000000 };
  CakRaster *r = cak_raster_begin (cr, 0, 0, 64, 64);

  cak_raster_rectangle (r, 8, 8, 40, 40);
  cak_raster_fill_tile (r, tile, 2);
  cak_raster_end (r);
  cairo_destroy (cr);
  for (int y = 8; y < 48; y++)
    for (int x = 8; x < 48; x++)
      g_assert_cmphex (pixel (got, x, y), ==, tile[(y % 2) * 2 + x % 2]);
  g_assert_cmphex (pixel (got, 4, 4), ==, 0xffffffff);
  cairo_surface_destroy (got);
}

/* A raster is refused where it cannot draw as cairo would: not an image, a rotation, a clip of
 * more than one rectangle; a clip that is empty draws nothing */
static void
test_refused (void)
{
  cairo_surface_t *image = blank (50, 50);
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (recording);

  g_assert_null (cak_raster_begin (cr, 0, 0, 50, 50));
  cairo_destroy (cr);

  cr = cairo_create (image);
  cairo_rotate (cr, 0.3);
  g_assert_null (cak_raster_begin (cr, 0, 0, 50, 50));
  cairo_destroy (cr);

  cr = cairo_create (image);
  cairo_rectangle (cr, 0, 0, 10, 10);
  cairo_rectangle (cr, 20, 20, 10, 10);
  cairo_clip (cr);
  g_assert_null (cak_raster_begin (cr, 0, 0, 50, 50));
  cairo_destroy (cr);

  cr = cairo_create (image);
  {
    CakRaster *r = cak_raster_begin (cr, 60, 60, 10, 10);

    g_assert_nonnull (r);
    cak_raster_rectangle (r, 0, 0, 50, 50);
    cak_raster_fill (r, teal);
    cak_raster_end (r);
  }
  cairo_destroy (cr);
  g_assert_cmphex (pixel (image, 25, 25), ==, 0xffffffff);
  cairo_surface_destroy (image);
  cairo_surface_destroy (recording);
}

/* Many polygons over a tall image, drawn in bands by more than one thread: the same as cairo */
static void
test_many_bands (void)
{
  cairo_surface_t *expected = blank (800, 1200), *got = blank (800, 1200);
  cairo_t *ce = cairo_create (expected), *cg = cairo_create (got);
  CakRaster *r = cak_raster_begin (cg, 0, 0, 800, 1200);
  guint differ;

  cairo_set_antialias (ce, CAIRO_ANTIALIAS_NONE);
  cairo_set_fill_rule (ce, CAIRO_FILL_RULE_EVEN_ODD);
  for (int i = 0; i < 60; i++)
    {
      g_autoptr (GArray) ring
          = star (60 + (i % 6) * 130, 60 + (i / 6) * 115, 55 + i % 7, 20 + i % 5, 5 + i % 4);
      CakColor color = { (i % 5) / 5.0, (i % 3) / 3.0, 0.5, 1 };

      path_cairo (ce, ring, 0);
      cairo_set_source_rgb (ce, color.r, color.g, color.b);
      cairo_fill (ce);
      path_raster (r, ring, 0);
      cak_raster_fill (r, color);
    }
  cak_raster_end (r);
  cairo_destroy (ce);
  cairo_destroy (cg);
  differ = count_differences (expected, got);
  g_test_message ("%u pixels differ", differ);
  g_assert_cmpuint (differ, <=, 600);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (got);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/raster/fill-like-cairo", test_fill_like_cairo);
  g_test_add_func ("/raster/strokes", test_strokes);
  g_test_add_func ("/raster/clip", test_clip);
  g_test_add_func ("/raster/tile", test_tile);
  g_test_add_func ("/raster/clear", test_clear);
  g_test_add_func ("/raster/refused", test_refused);
  g_test_add_func ("/raster/many-bands", test_many_bands);
  return g_test_run ();
}
