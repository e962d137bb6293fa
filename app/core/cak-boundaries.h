/* cak-boundaries.h: the outlines of the 514 regencies and cities, for maps
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cak-region-catalog.h"

G_BEGIN_DECLS

/* Coordinates are degrees: x is the longitude (east), y the latitude (north). */
typedef struct
{
  float x, y;
} CakGeoPoint;

typedef struct
{
  double x0, y0, x1, y1; /* west, south, east, north */
} CakGeoBox;

typedef struct
{
  const CakRegion *region; /* a regency or city of the catalog */
  CakGeoPoint label;       /* inside the region and inside no other: where its name goes */
  CakGeoBox box;
  double area; /* in square degrees, for ordering */
  guint first_ring, n_rings;
} CakBoundaryShape;

/* A tile map's place for a region: column and row, the row counted from the top. */
typedef struct
{
  int col, row;
} CakTile;

typedef struct _CakBoundaries CakBoundaries;

/* Levels of detail of the outlines */
typedef enum
{
  CAK_BOUNDARIES_DETAIL_FULL,   /* as bundled */
  CAK_BOUNDARIES_DETAIL_COARSE, /* for the whole country, where a pixel is a large distance */
} CakBoundariesDetail;

#define CAK_BOUNDARIES_ERROR (cak_boundaries_error_quark ())

typedef enum
{
  CAK_BOUNDARIES_ERROR_INVALID,      /* the data is malformed */
  CAK_BOUNDARIES_ERROR_UNKNOWN_CODE, /* a shape's code is no regency of the catalog */
  CAK_BOUNDARIES_ERROR_MISSING,      /* a regency of the catalog has no shape */
} CakBoundariesError;

GQuark cak_boundaries_error_quark (void);

CakBoundaries *cak_boundaries_new_from_bytes (GBytes *bytes, CakRegionCatalog *catalog,
                                              GError **error);
CakBoundaries *cak_boundaries_get_default (void);
void cak_boundaries_free (CakBoundaries *self);

/* Shapes in drawing order: the largest first, so that a city drawn over its regency stays seen. */
guint cak_boundaries_get_n_shapes (CakBoundaries *self);
const CakBoundaryShape *cak_boundaries_get_shape (CakBoundaries *self, guint index);
const CakBoundaryShape *cak_boundaries_lookup (CakBoundaries *self, const char *code);
const CakGeoPoint *cak_boundaries_get_ring (CakBoundaries *self, guint ring, guint *out_n_points);
const CakGeoPoint *cak_boundaries_get_ring_at (CakBoundaries *self, guint ring,
                                               CakBoundariesDetail detail, guint *out_n_points);
const CakGeoBox *cak_boundaries_get_ring_box (CakBoundaries *self, guint ring);
double cak_boundaries_get_ring_area (CakBoundaries *self, guint ring);
double cak_boundaries_get_coarse_tolerance (void);

/* Province borders as polylines (coasts are not among them) */
guint cak_boundaries_get_n_borders (CakBoundaries *self);
const CakGeoPoint *cak_boundaries_get_border (CakBoundaries *self, guint index,
                                              guint *out_n_points);
const CakGeoBox *cak_boundaries_get_border_box (CakBoundaries *self, guint index);

gboolean cak_boundaries_shape_contains (CakBoundaries *self, const CakBoundaryShape *shape,
                                        double x, double y);
const CakBoundaryShape *cak_boundaries_hit (CakBoundaries *self, const char *province_code,
                                            double x, double y);
gboolean cak_boundaries_get_extent (CakBoundaries *self, const char *province_code,
                                    CakGeoBox *out_box);

CakTile *cak_boundaries_tile_layout (CakBoundaries *self, const CakRegion *const *regions,
                                     guint n_regions, double aspect, int *out_cols, int *out_rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CakBoundaries, cak_boundaries_free)

G_END_DECLS
