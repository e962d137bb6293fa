/* cak-raster.h: filling and outlining many polygons straight into an image's pixels
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "cak-chart-theme.h"

G_BEGIN_DECLS

/* The national map is 514 regions of 30,000 edges, each region filled and outlined. Cairo
 * 1.16 (Debian 12) spends 30 ms on it, most of it turning every outline into a polygon; this
 * draws the same thing in a few: fills without antialiasing (a pixel is in when its centre
 * is, with the even-odd rule, as cairo's CAIRO_ANTIALIAS_NONE), and outlines antialiased by
 * the distance of each pixel's centre from the line, all outlines of one colour merged into
 * one coverage before they are laid on the image (so shared borders, drawn twice, look
 * once). It works on an image surface seen through a scale and a translation, with a clip
 * that is one rectangle; cak_raster_begin() says when it cannot, and cairo draws then. */

typedef struct _CakRaster CakRaster;

CakRaster *cak_raster_begin (cairo_t *cr, double clip_x, double clip_y, double clip_width,
                             double clip_height);
void cak_raster_end (CakRaster *raster);
gboolean cak_raster_supported (cairo_t *cr);

void cak_raster_clear (CakRaster *raster, CakColor color);

/* The path, in @cr's user coordinates: polygons are closed by the fill or the stroke */
void cak_raster_move_to (CakRaster *raster, double x, double y);
void cak_raster_line_to (CakRaster *raster, double x, double y);
void cak_raster_rectangle (CakRaster *raster, double x, double y, double width, double height);
void cak_raster_new_path (CakRaster *raster);

/* Fills the path and clears it */
void cak_raster_fill (CakRaster *raster, CakColor color);
/* Fills the path with an image of @size x @size pixels repeated from the device's origin
 * (premultiplied ARGB, as cairo's images) and clears it */
void cak_raster_fill_tile (CakRaster *raster, const guint32 *tile, int size);

/* Adds the outline of the path's polygons (each closed) to the coverage of the outlines to
 * come, @width wide in user units, and clears the path */
void cak_raster_stroke_closed (CakRaster *raster, double width);
/* The same for the first @n_subpaths polygons, keeping the path */
void cak_raster_stroke_closed_preserve (CakRaster *raster, double width, guint n_subpaths);
/* The same for open polylines: each subpath is drawn as it goes */
void cak_raster_stroke_open (CakRaster *raster, double width);
/* Lays the outlines added since the last paint on the image in @color */
void cak_raster_paint_strokes (CakRaster *raster, CakColor color);

G_END_DECLS
