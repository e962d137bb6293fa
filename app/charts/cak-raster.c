/* cak-raster.c: filling and outlining many polygons straight into an image's pixels
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-raster"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cak-raster.h"

typedef struct
{
  double x, y;
} RPoint;

/* An edge of a polygon as the fill sweeps it: its x at the centre of row y0, and the rows
 * whose centres it crosses, y0 to y1 (not included) */
typedef struct
{
  double x, dxdy;
  int y0, y1;
} Edge;

/* What waits to be drawn. Everything drawn through a raster is kept until cak_raster_end(),
 * then drawn a band of rows at a time: the band's part of the image and of the planes stays in
 * the processor's cache, where drawing each region over the whole image in turn missed it at
 * every row (eight megabytes at 1920x1080, a few pixels of each row at a time). */
typedef enum
{
  OP_FILL,       /* edges into the index plane with colour k */
  OP_FILL_BLEND, /* edges blended into the image (a colour not opaque) */
  OP_STROKE,     /* segments into the coverage plane */
  OP_PAINT,      /* the planes laid on the image, the coverage in a colour */
  OP_CLEAR,      /* every pixel of the clip set to a colour */
} OpKind;

typedef struct
{
  OpKind kind;
  guint first, n; /* subpaths */
  int y0, y1;     /* the rows it may touch, y1 not included */
  guint k;        /* OP_FILL: the colour's index */
  guint32 rgb;    /* OP_FILL_BLEND, OP_PAINT: the colour */
  guint alpha;
  double hw;       /* OP_STROKE: half the line's width, in pixels */
  gboolean closed; /* OP_STROKE: its subpaths are polygons */
} Op;

/* A subpath: its points, in points */
typedef struct
{
  guint first, n;
} Sub;

#define BAND_ROWS 64

struct _CakRaster
{
  cairo_surface_t *target;
  guint8 *data;
  int stride;
  double scale, ox, oy; /* device = user * scale + offset */
  int x0, y0, x1, y1;   /* the clip, in whole device pixels (x1 and y1 not included) */
  GArray *points;       /* RPoint, in device pixels: every path's, kept for the drawing */
  GArray *subs;         /* Sub: every path's subpaths */
  guint path;           /* the current path's first subpath */
  GArray *ops;          /* Op */
  /* Fill colours, 1 to n_colors (0 is none), and tiles */
  guint n_colors;
  guint32 colors[256];
  guint32 *tiles[256]; /* copies */
  int tile_sizes[256];
  guint8 *tile_x[256]; /* each pixel's column in the tile */
};

/* A band being drawn, by one thread: which colour covers each pixel (index), how much the
 * outlines do (mask), and the part of each row written */
typedef struct
{
  int y0, y1;
  guint8 *index;
  guint8 *mask;
  int row_min[BAND_ROWS], row_max[BAND_ROWS];
  GArray *active;    /* Edge: scratch of the fill */
  GArray *crossings; /* double: scratch of the fill */
} Band;

/**
 * cak_raster_begin:
 * @cr: where the caller draws
 * @clip_x: (in @cr's user coordinates) the rectangle drawn in, further clipped by @cr's clip
 *
 * Returns: (nullable) (transfer full): a raster drawing into @cr's target, or %NULL when it
 *   cannot (the target is no image, or is rotated or skewed, or the clip is no rectangle):
 *   draw with cairo then. Nothing may be drawn into @cr until cak_raster_end().
 */
CakRaster *
cak_raster_begin (cairo_t *cr, double clip_x, double clip_y, double clip_width, double clip_height)
{
  cairo_surface_t *target;
  cairo_rectangle_list_t *clips;
  cairo_format_t format;
  cairo_matrix_t m;
  double dev_x, dev_y, dev_sx, dev_sy, x0, y0, x1, y1;
  CakRaster *r;
  int width, height;

  g_return_val_if_fail (cr != NULL, NULL);

  target = cairo_get_group_target (cr);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS || target == NULL
      || cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return NULL;
  format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return NULL;
  cairo_get_matrix (cr, &m);
  cairo_surface_get_device_offset (target, &dev_x, &dev_y);
  cairo_surface_get_device_scale (target, &dev_sx, &dev_sy);
  if (m.xy != 0 || m.yx != 0 || m.xx != m.yy || !(m.xx > 0) || dev_sx != dev_sy || !(dev_sx > 0))
    return NULL;

  /* The clip: the caller's rectangle within cr's, which must be one rectangle */
  x0 = clip_x, y0 = clip_y, x1 = clip_x + clip_width, y1 = clip_y + clip_height;
  clips = cairo_copy_clip_rectangle_list (cr);
  if (clips->status != CAIRO_STATUS_SUCCESS || clips->num_rectangles > 1)
    {
      cairo_rectangle_list_destroy (clips);
      return NULL;
    }
  if (clips->num_rectangles == 0)
    x1 = x0, y1 = y0;
  else
    {
      const cairo_rectangle_t *c = &clips->rectangles[0];

      x0 = MAX (x0, c->x);
      y0 = MAX (y0, c->y);
      x1 = MIN (x1, c->x + c->width);
      y1 = MIN (y1, c->y + c->height);
    }
  cairo_rectangle_list_destroy (clips);

  cairo_surface_flush (target);
  width = cairo_image_surface_get_width (target);
  height = cairo_image_surface_get_height (target);
  r = g_new0 (CakRaster, 1);
  r->target = cairo_surface_reference (target);
  r->data = cairo_image_surface_get_data (target);
  r->stride = cairo_image_surface_get_stride (target);
  r->scale = m.xx * dev_sx;
  r->ox = m.x0 * dev_sx + dev_x;
  r->oy = m.y0 * dev_sy + dev_y;
  /* A pixel is inside when its centre is */
  r->x0 = (int)CLAMP (ceil (x0 * r->scale + r->ox - 0.5), 0, width);
  r->y0 = (int)CLAMP (ceil (y0 * r->scale + r->oy - 0.5), 0, height);
  r->x1 = (int)CLAMP (ceil (x1 * r->scale + r->ox - 0.5), r->x0, width);
  r->y1 = (int)CLAMP (ceil (y1 * r->scale + r->oy - 0.5), r->y0, height);
  r->points = g_array_new (FALSE, FALSE, sizeof (RPoint));
  r->subs = g_array_new (FALSE, FALSE, sizeof (Sub));
  r->ops = g_array_new (FALSE, FALSE, sizeof (Op));

  return r;
}

static void draw (CakRaster *r);

/**
 * cak_raster_supported:
 *
 * Returns: whether cak_raster_begin() would draw into @cr as it is now (with no clip of its own)
 */
gboolean
cak_raster_supported (cairo_t *cr)
{
  CakRaster *r = cak_raster_begin (cr, -1e6, -1e6, 2e6, 2e6);

  cak_raster_end (r);
  return r != NULL;
}

/**
 * cak_raster_end:
 *
 * Draws what was asked into the image and hands it back to cairo. Outlines not painted with
 * cak_raster_paint_strokes() are dropped.
 */
void
cak_raster_end (CakRaster *r)
{
  if (r == NULL)
    return;
  draw (r);
  cairo_surface_mark_dirty (r->target);
  cairo_surface_destroy (r->target);
  g_array_unref (r->points);
  g_array_unref (r->subs);
  g_array_unref (r->ops);

  for (guint k = 0; k < G_N_ELEMENTS (r->tile_x); k++)
    {
      g_free (r->tile_x[k]);
      g_free (r->tiles[k]);
    }
  g_free (r);
}

/* The path */

void
cak_raster_new_path (CakRaster *r)
{
  r->path = r->subs->len;
}

void
cak_raster_move_to (CakRaster *r, double x, double y)
{
  RPoint p = { x * r->scale + r->ox, y * r->scale + r->oy };
  Sub sub = { r->points->len, 1 };

  /* A subpath of one point is no polygon: a move after it replaces it */
  if (r->subs->len > r->path && g_array_index (r->subs, Sub, r->subs->len - 1).n == 1)
    {
      g_array_index (r->points, RPoint, r->points->len - 1) = p;
      return;
    }
  g_array_append_val (r->subs, sub);
  g_array_append_val (r->points, p);
}

void
cak_raster_line_to (CakRaster *r, double x, double y)
{
  RPoint p = { x * r->scale + r->ox, y * r->scale + r->oy };

  if (r->subs->len == r->path)
    {
      cak_raster_move_to (r, x, y);
      return;
    }
  g_array_append_val (r->points, p);
  g_array_index (r->subs, Sub, r->subs->len - 1).n++;
}

void
cak_raster_rectangle (CakRaster *r, double x, double y, double width, double height)
{
  cak_raster_move_to (r, x, y);
  cak_raster_line_to (r, x + width, y);
  cak_raster_line_to (r, x + width, y + height);
  cak_raster_line_to (r, x, y + height);
}

/* Pixels */

/* floor () and ceil () without a call to libm (the build targets processors without SSE4.1),
 * for the coordinates of an image */
static inline int
ifloor (double v)
{
  int i = (int)v;

  return i - (v < i);
}

static inline int
iceil (double v)
{
  int i = (int)v;

  return i + (v > i);
}

/* A channel as cairo turns it into a byte (through 16 bits), so that a colour drawn here and
 * the same colour drawn by cairo (a legend's swatch) are the same pixels */
static inline guint8
to_byte (double v)
{
  return (guint8)(((guint)(CLAMP (v, 0, 1) * 65535.0 + 0.5)) >> 8);
}

/* An opaque colour at @alpha (0 to 255) over the premultiplied pixel @dst: two channels at a
 * time, each divided by 255 exactly */
static inline guint32
blend (guint32 dst, guint32 src_rgb, guint alpha)
{
  guint32 src = src_rgb | 0xff000000u, inv = 255 - alpha;
  guint32 rb = (src & 0x00ff00ffu) * alpha + (dst & 0x00ff00ffu) * inv + 0x00800080u;
  guint32 ag = ((src >> 8) & 0x00ff00ffu) * alpha + ((dst >> 8) & 0x00ff00ffu) * inv + 0x00800080u;

  rb = ((rb + ((rb >> 8) & 0x00ff00ffu)) >> 8) & 0x00ff00ffu;
  ag = (ag + ((ag >> 8) & 0x00ff00ffu)) & 0xff00ff00u;
  return rb | ag;
}

static inline guint32 *
row_pixels (const CakRaster *r, int y)
{
  return (guint32 *)(r->data + (gsize)y * r->stride);
}

static guint32
color_rgb (CakColor color)
{
  return ((guint32)to_byte (color.r) << 16) | ((guint32)to_byte (color.g) << 8) | to_byte (color.b);
}

/* Recording */

/* The rows the path's first @n_subs subpaths touch, @reach beyond their points */
static gboolean
path_rows (const CakRaster *r, guint first, guint n_subs, double reach, int *out_y0, int *out_y1)
{
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

  for (guint s = first; s < first + n_subs; s++)
    {
      const Sub *sub = &g_array_index (r->subs, Sub, s);
      const RPoint *pts = &g_array_index (r->points, RPoint, sub->first);

      for (guint i = 0; i < sub->n; i++)
        {
          lo = MIN (lo, pts[i].y);
          hi = MAX (hi, pts[i].y);
        }
    }
  if (!(lo <= hi))
    return FALSE;
  *out_y0 = MAX (ifloor (MAX (lo - reach, r->y0 - 1.0)), r->y0);
  *out_y1 = MIN (ifloor (MIN (hi + reach, r->y1 + 1.0)) + 1, r->y1);
  return *out_y0 < *out_y1;
}

/* The path, kept for the bands' drawing */
static void
record_fill (CakRaster *r, Op *op)
{
  op->first = r->path;
  op->n = r->subs->len - r->path;
  if (op->n > 0 && path_rows (r, op->first, op->n, 0.5, &op->y0, &op->y1))
    g_array_append_val (r->ops, *op);
  cak_raster_new_path (r);
}

/* The index of a fill colour, or of a tile; 0 when 255 are in use already (the fill is then
 * left out, which no chart comes near) */
static guint
color_index (CakRaster *r, guint32 pixel, const guint32 *tile, int size)
{
  gsize bytes = (gsize)size * size * sizeof (guint32);

  for (guint k = 1; k <= r->n_colors; k++)
    {
      if (tile == NULL && r->tiles[k] == NULL && r->colors[k] == pixel)
        return k;
      if (tile && r->tiles[k] && r->tile_sizes[k] == size && memcmp (r->tiles[k], tile, bytes) == 0)
        return k;
    }
  if (r->n_colors == 255)
    return 0;
  r->n_colors++;
  r->colors[r->n_colors] = pixel;
  /* A copy: the caller's tile may go before the drawing */
  r->tiles[r->n_colors] = tile ? g_memdup2 (tile, bytes) : NULL;
  r->tile_sizes[r->n_colors] = size;
  return r->n_colors;
}

/**
 * cak_raster_fill:
 *
 * Fills the path with the even-odd rule, a pixel in when its centre is, and clears the path.
 */
void
cak_raster_fill (CakRaster *r, CakColor color)
{
  guint alpha = to_byte (color.a);
  Op op = { 0 };

  if (alpha == 0)
    {
      cak_raster_new_path (r);
      return;
    }
  op.rgb = color_rgb (color);
  op.alpha = alpha;
  op.kind = alpha == 255 ? OP_FILL : OP_FILL_BLEND;
  if (op.kind == OP_FILL)
    op.k = color_index (r, op.rgb | 0xff000000u, NULL, 0);
  if (op.kind == OP_FILL && op.k == 0)
    {
      g_warn_if_reached ();
      cak_raster_new_path (r);
      return;
    }
  record_fill (r, &op);
}

/**
 * cak_raster_fill_tile:
 *
 * Fills the path with the tile repeated (the raster keeps a copy).
 */
void
cak_raster_fill_tile (CakRaster *r, const guint32 *tile, int size)
{
  Op op = { OP_FILL };

  g_return_if_fail (tile != NULL && size > 0 && size <= 256);

  op.k = color_index (r, 0, tile, size);
  if (op.k == 0)
    {
      g_warn_if_reached ();
      cak_raster_new_path (r);
      return;
    }
  record_fill (r, &op);
}

static void
record_stroke (CakRaster *r, double width, gboolean closed, guint n_subpaths, gboolean keep)
{
  Op op = { OP_STROKE };

  op.hw = MAX (0, width * r->scale / 2);
  op.closed = closed;
  op.first = r->path;
  op.n = MIN (n_subpaths, r->subs->len - r->path);
  if (op.n > 0 && path_rows (r, op.first, op.n, op.hw + 1, &op.y0, &op.y1))
    g_array_append_val (r->ops, op);
  if (!keep)
    cak_raster_new_path (r);
}

/**
 * cak_raster_stroke_closed:
 *
 * Adds the outline of the path's polygons (each closed) to the outlines the next
 * cak_raster_paint_strokes() lays on the image, @width wide in user units; clears the path.
 */
void
cak_raster_stroke_closed (CakRaster *r, double width)
{
  record_stroke (r, width, TRUE, G_MAXUINT, FALSE);
}

/**
 * cak_raster_stroke_closed_preserve:
 * @n_subpaths: how many of the path's polygons, from its first, are outlined
 *
 * As cak_raster_stroke_closed(), but keeps the path (for a fill after it: outlines are laid
 * over every fill all the same)
 */
void
cak_raster_stroke_closed_preserve (CakRaster *r, double width, guint n_subpaths)
{
  record_stroke (r, width, TRUE, n_subpaths, TRUE);
}

/**
 * cak_raster_stroke_open:
 *
 * As cak_raster_stroke_closed(), for open polylines.
 */
void
cak_raster_stroke_open (CakRaster *r, double width)
{
  record_stroke (r, width, FALSE, G_MAXUINT, FALSE);
}

/**
 * cak_raster_paint_strokes:
 *
 * Lays what was filled and outlined since the last paint on the image, the outlines in @color
 * over the fills.
 */
void
cak_raster_paint_strokes (CakRaster *r, CakColor color)
{
  Op op = { OP_PAINT };

  op.rgb = color_rgb (color);
  op.alpha = to_byte (color.a);
  op.y0 = r->y0;
  op.y1 = r->y1;
  g_array_append_val (r->ops, op);
}

/**
 * cak_raster_clear:
 *
 * Sets every pixel of the raster's clip to @color (opaque), over everything drawn before.
 */
void
cak_raster_clear (CakRaster *r, CakColor color)
{
  Op op = { OP_CLEAR };

  op.rgb = color_rgb (color) | 0xff000000u;
  op.y0 = r->y0;
  op.y1 = r->y1;
  g_array_append_val (r->ops, op);
}

/* Drawing, a band at a time */

static inline void
touch_row (Band *b, int y, int x0, int x1)
{
  int i = y - b->y0;

  b->row_min[i] = MIN (b->row_min[i], x0);
  b->row_max[i] = MAX (b->row_max[i], x1);
}

/* The planes of the band on the image: each pixel its fill's colour, then the outlines' colour
 * over it as far as they cover it */
static void
lay_band (const CakRaster *r, Band *b, guint32 stroke_rgb, guint stroke_alpha)
{
  int w = r->x1 - r->x0;

  for (int y = b->y0; y < b->y1; y++)
    {
      int i = y - b->y0, x0 = b->row_min[i], x1 = b->row_max[i];
      guint8 *index = b->index + (gsize)i * w - r->x0;
      guint8 *cover = b->mask + (gsize)i * w - r->x0;
      guint32 *row = row_pixels (r, y);

      if (x0 > x1)
        continue;
      /* Eight pixels at a time: much of a row is neither filled nor outlined */
      for (int x = x0; x <= x1; x += 8)
        {
          int end = MIN (x + 8, x1 + 1);

          if (end - x == 8)
            {
              guint64 some, more;

              memcpy (&some, index + x, 8);
              memcpy (&more, cover + x, 8);
              if ((some | more) == 0)
                continue;
              /* Inside a region: eight pixels of one colour */
              if (more == 0 && some == (some & 0xff) * G_GUINT64_CONSTANT (0x0101010101010101)
                  && r->tiles[some & 0xff] == NULL)
                {
                  guint32 color = r->colors[some & 0xff];

                  for (int p = x; p < end; p++)
                    row[p] = color;
                  continue;
                }
            }
          for (int p = x; p < end; p++)
            {
              guint k = index[p], c = cover[p];

              if (k)
                {
                  const guint32 *tile = r->tiles[k];

                  if (tile)
                    row[p]
                        = tile[(y % r->tile_sizes[k]) * r->tile_sizes[k] + r->tile_x[k][p - r->x0]];
                  else
                    row[p] = r->colors[k];
                }
              if (c && stroke_alpha)
                row[p] = blend (row[p], stroke_rgb, (c * stroke_alpha + 127) / 255);
            }
        }
      memset (index + x0, 0, x1 - x0 + 1);
      memset (cover + x0, 0, x1 - x0 + 1);
      b->row_min[i] = G_MAXINT;
      b->row_max[i] = -1;
    }
}

/* A fill's rows in the band: into the index plane, or blended into the image */
static void
band_fill (const CakRaster *r, Band *b, const Op *op)
{
  int w = r->x1 - r->x0;
  int y0 = MAX (op->y0, b->y0), y1 = MIN (op->y1, b->y1);
  Edge *edges, *band, *live;
  guint n_band, n_live = 0, next = 0;
  guint counts[BAND_ROWS + 1] = { 0 };

  /* The edges that cross the band's rows, by their first row (a pixel's row is crossed when
   * its centre is); then, row by row, those that cross the row, with their x there */
  g_array_set_size (b->active, 0);
  for (guint s = op->first; s < op->first + op->n; s++)
    {
      const Sub *sub = &g_array_index (r->subs, Sub, s);
      const RPoint *pts = &g_array_index (r->points, RPoint, sub->first);

      for (guint i = 0; i < sub->n; i++)
        {
          const RPoint *a = &pts[i], *c = &pts[i + 1 < sub->n ? i + 1 : 0];
          const RPoint *top = a->y < c->y ? a : c, *bottom = a->y < c->y ? c : a;
          Edge e;

          if (!(top->y < y1 && bottom->y > y0 - 1) || a->y == c->y)
            continue;
          if (!isfinite (a->x) || !isfinite (c->x) || !isfinite (a->y) || !isfinite (c->y))
            continue;
          e.y0 = MAX (iceil (MAX (top->y, y0 - 1.0) - 0.5), y0);
          e.y1 = MIN (iceil (MIN (bottom->y, y1 + 1.0) - 0.5), y1);
          if (e.y0 >= e.y1)
            continue;
          e.dxdy = (bottom->x - top->x) / (bottom->y - top->y);
          e.x = top->x + (e.y0 + 0.5 - top->y) * e.dxdy;
          g_array_append_val (b->active, e);
          counts[e.y0 - y0 + 1]++;
        }
    }
  /* By their first row: counted, then placed (there are at most BAND_ROWS rows) */
  n_band = b->active->len;
  g_array_set_size (b->active, 3 * n_band);
  edges = (Edge *)b->active->data;
  band = edges + n_band;
  live = band + n_band;
  for (int k = 1; k <= BAND_ROWS; k++)
    counts[k] += counts[k - 1];
  for (guint i = 0; i < n_band; i++)
    band[counts[edges[i].y0 - y0]++] = edges[i];
  g_array_set_size (b->crossings, n_band);
  for (int y = y0; y < y1; y++)
    {
      double *xs = (double *)b->crossings->data;
      guint n = 0;

      while (next < n_band && band[next].y0 <= y)
        {
          live[n_live] = band[next++];
          live[n_live].x += (y - live[n_live].y0) * live[n_live].dxdy;
          n_live++;
        }
      for (guint i = 0; i < n_live;)
        {
          double x;
          guint j;

          if (live[i].y1 <= y)
            {
              live[i] = live[--n_live];
              continue;
            }
          x = live[i].x;
          live[i].x += live[i].dxdy;
          for (j = n; j > 0 && xs[j - 1] > x; j--)
            xs[j] = xs[j - 1];
          xs[j] = x;
          n++;
          i++;
        }
      for (guint i = 0; i + 1 < n; i += 2)
        {
          int c0 = MAX (iceil (CLAMP (xs[i], -1e9, 1e9) - 0.5), r->x0);
          int c1 = MIN (iceil (CLAMP (xs[i + 1], -1e9, 1e9) - 0.5), r->x1);

          if (c0 >= c1)
            continue;
          if (op->kind == OP_FILL)
            {
              memset (b->index + (gsize)(y - b->y0) * w + (c0 - r->x0), (int)op->k, c1 - c0);
              touch_row (b, y, c0, c1 - 1);
            }
          else
            {
              guint32 *row = row_pixels (r, y);

              for (int c = c0; c < c1; c++)
                row[c] = blend (row[c], op->rgb, op->alpha);
            }
        }
    }
}

/* The coverage of the segment from (ua, va) to (ub, vb), ua <= ub, along its major axis u: x
 * when @along_x, else y. Written once for each, as the compiler specialises it. */
static inline void
segment_along (const CakRaster *r, Band *b, double ua, double va, double ub, double vb, double hw,
               const gboolean along_x)
{
  int w = r->x1 - r->x0;
  int umin = along_x ? r->x0 : b->y0, umax = along_x ? r->x1 : b->y1;
  int vmin = along_x ? b->y0 : r->x0, vmax = along_x ? b->y1 : r->x1;
  double slope = ub > ua ? (vb - va) / (ub - ua) : 0;
  double half = hw * sqrt (1 + slope * slope);
  int c0 = MAX (iceil (MAX (ua, umin - 2.0) - 1), umin);
  int c1 = MIN (ifloor (MIN (ub, umax + 2.0) + 0.5), umax - 1);
  int lo_v = G_MAXINT, hi_v = G_MININT;

  /* A line no thicker than a pixel across (the regencies' outlines): it covers at most the two
   * pixels its centre passes between, each by its share of its width (as Xiaolin Wu draws) */
  if (2 * half <= 1)
    {
      for (int c = c0; c <= c1; c++)
        {
          double uc = CLAMP (c + 0.5, ua, ub);
          double vc = va + (uc - ua) * slope - 0.5;
          int v = ifloor (CLAMP (vc, vmin - 2.0, vmax + 1.0));
          double f = vc - v;
          guint8 both[2];

          both[0] = (guint8)((1 - f) * 2 * half * 255 + 0.5);
          both[1] = (guint8)(f * 2 * half * 255 + 0.5);
          for (int k = 0; k < 2; k++)
            {
              guint8 *cell;

              if (v + k < vmin || v + k >= vmax || both[k] == 0)
                continue;
              cell = along_x ? &b->mask[(gsize)(v + k - b->y0) * w + (c - r->x0)]
                             : &b->mask[(gsize)(c - b->y0) * w + (v + k - r->x0)];
              if (both[k] > *cell)
                *cell = both[k];
            }
          if (v + 1 < vmin || v >= vmax)
            continue;
          if (along_x)
            lo_v = MIN (lo_v, MAX (v, vmin)), hi_v = MAX (hi_v, MIN (v + 1, vmax - 1));
          else
            touch_row (b, c, MAX (v, vmin), MIN (v + 1, vmax - 1));
        }
      if (along_x)
        for (int v = lo_v; v <= hi_v; v++)
          touch_row (b, v, c0, c1);
      return;
    }
  for (int c = c0; c <= c1; c++)
    {
      double uc = CLAMP (c + 0.5, ua, ub);
      double vc = va + (uc - ua) * slope, lo = vc - half, hi = vc + half;
      int v0 = MAX (ifloor (MAX (lo, vmin - 1.0)), vmin);
      int v1 = MIN (ifloor (MIN (hi, vmax + 1.0)), vmax - 1);

      for (int v = v0; v <= v1; v++)
        {
          double cover = MIN (hi, v + 1.0) - MAX (lo, (double)v);
          guint8 value, *cell;

          if (cover <= 0)
            continue;
          value = (guint8)(MIN (cover, 1.0) * 255 + 0.5);
          cell = along_x ? &b->mask[(gsize)(v - b->y0) * w + (c - r->x0)]
                         : &b->mask[(gsize)(c - b->y0) * w + (v - r->x0)];
          if (value > *cell)
            *cell = value;
        }
      if (v0 > v1)
        continue;
      if (along_x)
        lo_v = MIN (lo_v, v0), hi_v = MAX (hi_v, v1);
      else
        touch_row (b, c, v0, v1);
    }
  /* Along x, the rows crossed, each from the first column to the last */
  if (along_x)
    for (int v = lo_v; v <= hi_v; v++)
      touch_row (b, v, c0, c1);
}

/* One segment's coverage in the band's rows. Along its major axis (x for a line flatter than
 * 45 degrees), each column whose centre lies on the segment, or within half a pixel of its ends
 * (so that polylines close at their corners), is covered where the line crosses it: a vertical
 * run of the line's width divided by the cosine of its angle, each pixel by the length of the
 * run it holds (so a line thinner than a pixel is never quite solid, as its area says). Each
 * pixel keeps the most any line gives it. */
static void
band_segment (const CakRaster *r, Band *b, const RPoint *p, const RPoint *q, double hw)
{
  if (!isfinite (p->x) || !isfinite (p->y) || !isfinite (q->x) || !isfinite (q->y))
    return;
  if (fabs (q->x - p->x) >= fabs (q->y - p->y))
    {
      if (p->x <= q->x)
        segment_along (r, b, p->x, p->y, q->x, q->y, hw, TRUE);
      else
        segment_along (r, b, q->x, q->y, p->x, p->y, hw, TRUE);
    }
  else if (p->y <= q->y)
    segment_along (r, b, p->y, p->x, q->y, q->x, hw, FALSE);
  else
    segment_along (r, b, q->y, q->x, p->y, p->x, hw, FALSE);
}

/* An outline's segments in the band */
static void
band_stroke (const CakRaster *r, Band *b, const Op *op)
{
  double reach = op->hw + 1;

  for (guint s = op->first; s < op->first + op->n; s++)
    {
      const Sub *sub = &g_array_index (r->subs, Sub, s);
      const RPoint *pts = &g_array_index (r->points, RPoint, sub->first);
      guint n = op->closed && sub->n > 2 ? sub->n : sub->n - 1;

      for (guint i = 0; i < n; i++)
        {
          const RPoint *p = &pts[i], *q = &pts[i + 1 < sub->n ? i + 1 : 0];

          /* Most segments of an outline lie in other bands */
          if ((p->y < b->y0 - reach && q->y < b->y0 - reach)
              || (p->y > b->y1 + reach && q->y > b->y1 + reach))
            continue;
          band_segment (r, b, p, q, op->hw);
        }
    }
}

static void
draw_band (const CakRaster *r, Band *b)
{
  const Op *ops = (const Op *)r->ops->data;

  for (int i = 0; i < BAND_ROWS; i++)
    b->row_min[i] = G_MAXINT, b->row_max[i] = -1;
  for (guint i = 0; i < r->ops->len; i++)
    {
      const Op *op = &ops[i];

      if (op->y1 <= b->y0 || op->y0 >= b->y1)
        continue;
      switch (op->kind)
        {
          case OP_FILL:
            band_fill (r, b, op);
            break;
          case OP_FILL_BLEND:
            /* Over what waits: that goes on first */
            lay_band (r, b, 0, 0);
            band_fill (r, b, op);
            break;
          case OP_STROKE:
            band_stroke (r, b, op);
            break;
          case OP_PAINT:
            lay_band (r, b, op->rgb, op->alpha);
            break;
          case OP_CLEAR:
            lay_band (r, b, 0, 0);
            for (int y = b->y0; y < b->y1; y++)
              {
                guint32 *row = row_pixels (r, y);

                for (int x = r->x0; x < r->x1; x++)
                  row[x] = op->rgb;
              }
            break;
        }
    }
  /* Fills after the last paint */
  lay_band (r, b, 0, 0);
}

/* The bands are drawn by this thread and, on a machine of several processors, one more: each
 * takes the next band not taken until none is left. */
typedef struct
{
  const CakRaster *raster;
  int n_bands;
  gint next;    /* atomic: the next band to draw */
  gint running; /* the helpers still drawing, under lock */
  GMutex lock;
  GCond done;
} Job;

static void
run_bands (Job *job)
{
  const CakRaster *r = job->raster;
  int w = r->x1 - r->x0, i;
  Band b = { 0 };

  b.index = g_malloc0 ((gsize)w * BAND_ROWS);
  b.mask = g_malloc0 ((gsize)w * BAND_ROWS);
  b.active = g_array_new (FALSE, FALSE, sizeof (Edge));
  b.crossings = g_array_new (FALSE, FALSE, sizeof (double));
  while ((i = g_atomic_int_add (&job->next, 1)) < job->n_bands)
    {
      b.y0 = r->y0 + i * BAND_ROWS;
      b.y1 = MIN (b.y0 + BAND_ROWS, r->y1);
      draw_band (r, &b);
    }
  g_free (b.index);
  g_free (b.mask);
  g_array_unref (b.active);
  g_array_unref (b.crossings);
}

static void
helper_run (gpointer data, gpointer user_data)
{
  Job *job = data;

  run_bands (job);
  g_mutex_lock (&job->lock);
  job->running--;
  g_cond_signal (&job->done);
  g_mutex_unlock (&job->lock);
}

static GThreadPool *
helpers (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      guint n = g_get_num_processors ();
      GThreadPool *made = NULL;

      if (n > 1)
        made = g_thread_pool_new (helper_run, NULL, (int)MIN (n - 1, 3), FALSE, NULL);
      g_once_init_leave (&pool, made ? made : (GThreadPool *)GINT_TO_POINTER (1));
    }
  return pool == GINT_TO_POINTER (1) ? NULL : pool;
}

static void
draw (CakRaster *r)
{
  int w = r->x1 - r->x0;
  GThreadPool *pool;
  Job job = { 0 };

  if (r->ops->len == 0 || w <= 0 || r->y1 <= r->y0)
    return;
  for (guint k = 1; k <= r->n_colors; k++)
    if (r->tiles[k])
      {
        r->tile_x[k] = g_malloc (w);
        for (int x = 0; x < w; x++)
          r->tile_x[k][x] = (guint8)((x + r->x0) % r->tile_sizes[k]);
      }
  job.raster = r;
  job.n_bands = (r->y1 - r->y0 + BAND_ROWS - 1) / BAND_ROWS;
  g_mutex_init (&job.lock);
  g_cond_init (&job.done);
  pool = job.n_bands > 2 ? helpers () : NULL;
  if (pool)
    {
      guint n = (guint)g_thread_pool_get_max_threads (pool);

      job.running = (int)n;
      for (guint i = 0; i < n; i++)
        g_thread_pool_push (pool, &job, NULL);
    }
  run_bands (&job);
  g_mutex_lock (&job.lock);
  while (job.running > 0)
    g_cond_wait (&job.done, &job.lock);
  g_mutex_unlock (&job.lock);
  g_mutex_clear (&job.lock);
  g_cond_clear (&job.done);
}
