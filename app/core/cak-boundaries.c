/* cak-boundaries.c: the outlines of the 514 regencies and cities, for maps
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-boundaries"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-boundaries.h"

/* The data is data/boundaries.bin, which data/make-boundaries.py writes from the geoBoundaries
 * ADM2 outlines (CC BY 3.0 IGO; see data/BOUNDARIES-SOURCE.md). The script's header describes
 * the format: coordinates in thousandths of a degree from an origin, varints, each shape keyed
 * by its Kemendagri code, shapes largest first. Everything is checked here as it is read: a
 * truncated or altered file is an error, never a crash. */

#define DEFAULT_RESOURCE "/io/github/cakupan/Cakupan/data/boundaries.bin"
#define MAGIC "CAKB"
#define VERSION 1
#define HEADER_SIZE 18
#define CODE_SIZE 5
#define UNIT 1000.0

/* The coarse level: every ring simplified (Douglas-Peucker) to within this many degrees, for
 * maps at a scale where that is under a pixel (the whole country). */
#define COARSE_TOLERANCE 0.03

struct _CakBoundaries
{
  GArray *shapes;      /* CakBoundaryShape, in drawing order */
  GArray *points;      /* CakGeoPoint: every ring's and border's points */
  GArray *rings;       /* guint: the first point of each ring, and one past the last ring */
  GArray *borders;     /* guint: the first point of each border, and one past the last */
  GHashTable *by_code; /* Kemendagri code -> CakBoundaryShape * (into shapes) */
  GArray *ring_boxes;  /* CakGeoBox of each ring */
  GArray *ring_areas;  /* double: the area each ring encloses, in square degrees */
  GArray *border_boxes;  /* CakGeoBox of each border */
  GArray *coarse_points; /* CakGeoPoint: every ring simplified by COARSE_TOLERANCE */
  GArray *coarse_rings;  /* guint: as rings, into coarse_points */
};

typedef struct
{
  const guint8 *data;
  gsize size, pos;
  gboolean failed;
} Reader;

G_DEFINE_QUARK (cak - boundaries - error - quark, cak_boundaries_error)

static guint64
read_varint (Reader *r)
{
  guint64 value = 0;
  guint shift = 0;

  while (!r->failed)
    {
      guint8 byte;

      if (r->pos >= r->size || shift > 35)
        {
          r->failed = TRUE;
          break;
        }
      byte = r->data[r->pos++];
      value |= (guint64)(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0)
        return value;
      shift += 7;
    }
  return 0;
}

static gint64
read_zigzag (Reader *r)
{
  guint64 v = read_varint (r);

  return (v & 1) ? -(gint64)(v >> 1) - 1 : (gint64)(v >> 1);
}

static guint
read_u16 (Reader *r)
{
  guint v;

  if (r->failed || r->pos + 2 > r->size)
    {
      r->failed = TRUE;
      return 0;
    }
  v = r->data[r->pos] | (r->data[r->pos + 1] << 8);
  r->pos += 2;
  return v;
}

static gint32
read_i32 (Reader *r)
{
  guint32 v;

  if (r->failed || r->pos + 4 > r->size)
    {
      r->failed = TRUE;
      return 0;
    }
  v = (guint32)r->data[r->pos] | ((guint32)r->data[r->pos + 1] << 8)
      | ((guint32)r->data[r->pos + 2] << 16) | ((guint32)r->data[r->pos + 3] << 24);
  r->pos += 4;
  return (gint32)v;
}

/* Reads one run of points into self->points; FALSE when the data is malformed. */
static gboolean
read_points (CakBoundaries *self, Reader *r, double lon0, double lat0, guint min_points)
{
  guint64 n = read_varint (r);
  gint64 x, y;

  /* Every point takes at least two bytes: a count past what is left is a lie. */
  if (r->failed || n < min_points || n > (r->size - r->pos) / 2)
    return FALSE;
  x = (gint64)read_varint (r);
  y = (gint64)read_varint (r);
  for (guint64 i = 0; i < n; i++)
    {
      CakGeoPoint p;

      if (i > 0)
        {
          x += read_zigzag (r);
          y += read_zigzag (r);
        }
      if (r->failed || x < 0 || y < 0 || x > 0xffff || y > 0xffff)
        return FALSE;
      p.x = (float)(lon0 + x / UNIT);
      p.y = (float)(lat0 + y / UNIT);
      g_array_append_val (self->points, p);
    }
  return TRUE;
}

static void
extend_box (CakGeoBox *box, const CakGeoPoint *p)
{
  box->x0 = MIN (box->x0, p->x);
  box->y0 = MIN (box->y0, p->y);
  box->x1 = MAX (box->x1, p->x);
  box->y1 = MAX (box->y1, p->y);
}

static double
ring_area (const CakGeoPoint *pts, guint n)
{
  double a = 0;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    a += (double)pts[j].x * pts[i].y - (double)pts[i].x * pts[j].y;
  return fabs (a) / 2;
}

static gboolean
ring_contains (const CakGeoPoint *pts, guint n, double x, double y)
{
  gboolean in = FALSE;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    if ((pts[i].y > y) != (pts[j].y > y)
        && x < (pts[j].x - pts[i].x) * (y - pts[i].y) / (pts[j].y - pts[i].y) + pts[i].x)
      in = !in;
  return in;
}

/* Douglas-Peucker on pts[first..last], marking the points to keep; iterative, with a stack of
 * spans, so that a long ring cannot overflow the C stack. */
static void
simplify_span (const CakGeoPoint *pts, guint first, guint last, double tolerance, guint8 *keep,
               GArray *stack)
{
  g_array_set_size (stack, 0);
  g_array_append_val (stack, first);
  g_array_append_val (stack, last);
  while (stack->len > 0)
    {
      guint b = g_array_index (stack, guint, stack->len - 1);
      guint a = g_array_index (stack, guint, stack->len - 2);
      double dx = pts[b].x - pts[a].x, dy = pts[b].y - pts[a].y;
      double len2 = dx * dx + dy * dy, worst = -1;
      guint at = a;

      g_array_set_size (stack, stack->len - 2);
      for (guint i = a + 1; i < b; i++)
        {
          /* The distance to the segment, not to its line: a point beyond an end counts */
          double ex = pts[i].x - pts[a].x, ey = pts[i].y - pts[a].y;
          double t = len2 > 0 ? CLAMP ((ex * dx + ey * dy) / len2, 0, 1) : 0;
          double d = hypot (ex - t * dx, ey - t * dy);

          if (d > worst)
            worst = d, at = i;
        }
      if (worst > tolerance)
        {
          keep[at] = TRUE;
          g_array_append_val (stack, a);
          g_array_append_val (stack, at);
          g_array_append_val (stack, at);
          g_array_append_val (stack, b);
        }
    }
}

/* The coarse level and each ring's box, from the rings as read. A ring keeps its first point and
 * the point farthest from it, so that it never folds to a line; one that simplifies to fewer than
 * four points keeps its own points (such rings are a pixel or less where the level is used). */
static void
build_coarse (CakBoundaries *self)
{
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_rings = self->rings->len - 1;

  self->ring_boxes = g_array_sized_new (FALSE, FALSE, sizeof (CakGeoBox), n_rings);
  self->ring_areas = g_array_sized_new (FALSE, FALSE, sizeof (double), n_rings);
  self->coarse_rings = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_rings + 1);
  self->coarse_points = g_array_new (FALSE, FALSE, sizeof (CakGeoPoint));
  for (guint k = 0; k < n_rings; k++)
    {
      guint n, far = 0, start = self->coarse_points->len, kept = 0;
      const CakGeoPoint *pts = cak_boundaries_get_ring (self, k, &n);
      g_autofree guint8 *keep = g_new0 (guint8, n);
      CakGeoBox box = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
      double far_d = -1;

      for (guint i = 0; i < n; i++)
        {
          double d = hypot (pts[i].x - pts[0].x, pts[i].y - pts[0].y);

          extend_box (&box, &pts[i]);
          if (d > far_d)
            far_d = d, far = i;
        }
      g_array_append_val (self->ring_boxes, box);
      {
        double area = 0;

        for (guint j = 0, l = n - 1; j < n; l = j++)
          area += (double)pts[l].x * pts[j].y - (double)pts[j].x * pts[l].y;
        area = fabs (area) / 2;
        g_array_append_val (self->ring_areas, area);
      }
      g_array_append_val (self->coarse_rings, start);
      keep[0] = keep[far] = TRUE;
      if (far > 0)
        simplify_span (pts, 0, far, COARSE_TOLERANCE, keep, stack);
      /* The closing stretch, from the far point back to the first */
      if (far < n - 1)
        {
          g_autofree CakGeoPoint *tail = g_new (CakGeoPoint, n - far + 1);
          g_autofree guint8 *tail_keep = g_new0 (guint8, n - far + 1);

          memcpy (tail, pts + far, (n - far) * sizeof *tail);
          tail[n - far] = pts[0];
          simplify_span (tail, 0, n - far, COARSE_TOLERANCE, tail_keep, stack);
          for (guint i = 1; i < n - far; i++)
            keep[far + i] = tail_keep[i];
        }
      for (guint i = 0; i < n; i++)
        kept += keep[i];
      for (guint i = 0; i < n; i++)
        if (keep[i] || kept < 4)
          g_array_append_val (self->coarse_points, pts[i]);
    }
  {
    guint end = self->coarse_points->len;

    g_array_append_val (self->coarse_rings, end);
  }
  self->border_boxes = g_array_new (FALSE, FALSE, sizeof (CakGeoBox));
  for (guint i = 0; i + 1 < self->borders->len; i++)
    {
      CakGeoBox box = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

      for (guint j = g_array_index (self->borders, guint, i);
           j < g_array_index (self->borders, guint, i + 1); j++)
        extend_box (&box, &g_array_index (self->points, CakGeoPoint, j));
      g_array_append_val (self->border_boxes, box);
    }
}

static gboolean
fail (GError **error, CakBoundariesError code, const char *message)
{
  g_set_error_literal (error, CAK_BOUNDARIES_ERROR, code, message);
  return FALSE;
}

static gboolean
parse (CakBoundaries *self, const guint8 *data, gsize size, CakRegionCatalog *catalog,
       GError **error)
{
  Reader r = { data, size, 0, FALSE };
  g_autoptr (GPtrArray) regencies = NULL;
  guint n_shapes, n_borders;
  double lon0, lat0;

  if (size < HEADER_SIZE || memcmp (data, MAGIC, 4) != 0 || data[4] != VERSION)
    return fail (error, CAK_BOUNDARIES_ERROR_INVALID,
                 _ ("This is not a boundary file Cakupan reads."));
  r.pos = 6;
  n_shapes = read_u16 (&r);
  n_borders = read_u16 (&r);
  lon0 = read_i32 (&r) / UNIT;
  lat0 = read_i32 (&r) / UNIT;

  for (guint i = 0; i < n_shapes; i++)
    {
      CakBoundaryShape shape = { 0 };
      char code[CODE_SIZE + 1];
      guint64 n_rings;
      guint lx, ly;

      if (r.pos + CODE_SIZE > size)
        return fail (error, CAK_BOUNDARIES_ERROR_INVALID, _ ("The boundary file is cut short."));
      memcpy (code, data + r.pos, CODE_SIZE);
      code[CODE_SIZE] = '\0';
      r.pos += CODE_SIZE;
      shape.region = cak_region_catalog_lookup_code (catalog, code);
      if (shape.region == NULL || shape.region->kind == CAK_REGION_KIND_PROVINCE
          || !g_utf8_validate (code, -1, NULL))
        {
          g_set_error (error, CAK_BOUNDARIES_ERROR, CAK_BOUNDARIES_ERROR_UNKNOWN_CODE,
                       _ ("The boundary file has a shape for “%s”, which is no regency or city."),
                       g_utf8_validate (code, -1, NULL) ? code : "?");
          return FALSE;
        }
      if (g_hash_table_contains (self->by_code, shape.region->code))
        {
          g_set_error (error, CAK_BOUNDARIES_ERROR, CAK_BOUNDARIES_ERROR_INVALID,
                       _ ("The boundary file has two shapes for %s."), shape.region->name);
          return FALSE;
        }
      lx = read_u16 (&r);
      ly = read_u16 (&r);
      shape.label.x = (float)(lon0 + lx / UNIT);
      shape.label.y = (float)(lat0 + ly / UNIT);
      n_rings = read_varint (&r);
      if (r.failed || n_rings == 0 || n_rings > size - r.pos)
        return fail (error, CAK_BOUNDARIES_ERROR_INVALID, _ ("The boundary file is malformed."));
      shape.first_ring = self->rings->len;
      shape.n_rings = (guint)n_rings;
      shape.box = (CakGeoBox){ G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
      for (guint k = 0; k < shape.n_rings; k++)
        {
          guint start = self->points->len;

          g_array_append_val (self->rings, start);
          if (!read_points (self, &r, lon0, lat0, 3))
            return fail (error, CAK_BOUNDARIES_ERROR_INVALID,
                         _ ("The boundary file is malformed."));
          for (guint p = start; p < self->points->len; p++)
            extend_box (&shape.box, &g_array_index (self->points, CakGeoPoint, p));
          shape.area += ring_area (&g_array_index (self->points, CakGeoPoint, start),
                                   self->points->len - start);
        }
      g_array_append_val (self->shapes, shape);
      g_hash_table_insert (self->by_code, (gpointer)shape.region->code,
                           GUINT_TO_POINTER (self->shapes->len));
    }
  {
    guint end = self->points->len;

    g_array_append_val (self->rings, end);
  }

  for (guint i = 0; i < n_borders; i++)
    {
      guint start = self->points->len;

      g_array_append_val (self->borders, start);
      if (!read_points (self, &r, lon0, lat0, 2))
        return fail (error, CAK_BOUNDARIES_ERROR_INVALID, _ ("The boundary file is malformed."));
    }
  {
    guint end = self->points->len;

    g_array_append_val (self->borders, end);
  }
  if (r.pos != size)
    return fail (error, CAK_BOUNDARIES_ERROR_INVALID, _ ("The boundary file is malformed."));

  regencies = cak_region_catalog_list_regencies (catalog, NULL);
  for (guint i = 0; i < regencies->len; i++)
    {
      const CakRegion *region = g_ptr_array_index (regencies, i);

      if (!g_hash_table_contains (self->by_code, region->code))
        {
          g_set_error (error, CAK_BOUNDARIES_ERROR, CAK_BOUNDARIES_ERROR_MISSING,
                       _ ("The boundary file has no shape for %s."), region->name);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
in_province (const CakBoundaryShape *shape, const char *province_code)
{
  return province_code == NULL || g_strcmp0 (shape->region->province_code, province_code) == 0;
}

/**
 * cak_boundaries_new_from_bytes:
 * @bytes: the data, as data/make-boundaries.py writes it
 * @catalog: the catalog whose regencies the shapes are keyed to
 * @error: return location for a #CAK_BOUNDARIES_ERROR
 *
 * Reads the outlines. Every regency and city of @catalog must have one shape.
 *
 * Returns: (transfer full) (nullable): the boundaries, or %NULL when the data is malformed
 */
CakBoundaries *
cak_boundaries_new_from_bytes (GBytes *bytes, CakRegionCatalog *catalog, GError **error)
{
  g_autoptr (CakBoundaries) self = NULL;
  gsize size = 0;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (catalog != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  self = g_new0 (CakBoundaries, 1);
  self->shapes = g_array_new (FALSE, TRUE, sizeof (CakBoundaryShape));
  self->points = g_array_sized_new (FALSE, FALSE, sizeof (CakGeoPoint), size / 2);
  self->rings = g_array_new (FALSE, FALSE, sizeof (guint));
  self->borders = g_array_new (FALSE, FALSE, sizeof (guint));
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  if (!parse (self, data, size, catalog, error))
    return NULL;
  build_coarse (self);
  return g_steal_pointer (&self);
}

/**
 * cak_boundaries_get_default:
 *
 * The outlines of data/boundaries.bin, keyed to the default catalog, read from the resources on
 * first use. Safe to call from any thread; they live as long as the process.
 *
 * Returns: (transfer none): the boundaries
 */
CakBoundaries *
cak_boundaries_get_default (void)
{
  static CakBoundaries *default_boundaries;

  if (g_once_init_enter (&default_boundaries))
    {
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) error = NULL;
      CakBoundaries *boundaries;

      /* Compiled into the core library: failing here is a broken build. */
      bytes = g_resources_lookup_data (DEFAULT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        g_error ("Cannot find the boundaries %s: %s", DEFAULT_RESOURCE, error->message);
      boundaries = cak_boundaries_new_from_bytes (bytes, cak_region_catalog_get_default (), &error);
      if (boundaries == NULL)
        g_error ("Cannot read the boundaries %s: %s", DEFAULT_RESOURCE, error->message);
      g_once_init_leave (&default_boundaries, boundaries);
    }
  return default_boundaries;
}

/**
 * cak_boundaries_free:
 * @self: (nullable): boundaries from cak_boundaries_new_from_bytes (); never the default
 */
void
cak_boundaries_free (CakBoundaries *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->shapes, g_array_unref);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->rings, g_array_unref);
  g_clear_pointer (&self->borders, g_array_unref);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->ring_boxes, g_array_unref);
  g_clear_pointer (&self->ring_areas, g_array_unref);
  g_clear_pointer (&self->border_boxes, g_array_unref);
  g_clear_pointer (&self->coarse_points, g_array_unref);
  g_clear_pointer (&self->coarse_rings, g_array_unref);
  g_free (self);
}

guint
cak_boundaries_get_n_shapes (CakBoundaries *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->shapes->len;
}

const CakBoundaryShape *
cak_boundaries_get_shape (CakBoundaries *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->shapes->len, NULL);
  return &g_array_index (self->shapes, CakBoundaryShape, index);
}

/**
 * cak_boundaries_lookup:
 * @self: the boundaries
 * @code: a Kemendagri regency code, "35.05"
 *
 * Returns: (nullable): the shape of the regency, %NULL for any other code
 */
const CakBoundaryShape *
cak_boundaries_lookup (CakBoundaries *self, const char *code)
{
  guint index;

  g_return_val_if_fail (self != NULL, NULL);
  if (code == NULL)
    return NULL;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_code, code));
  return index > 0 ? &g_array_index (self->shapes, CakBoundaryShape, index - 1) : NULL;
}

/**
 * cak_boundaries_get_ring:
 * @self: the boundaries
 * @ring: a ring's index, from shape->first_ring to shape->first_ring + shape->n_rings - 1
 * @out_n_points: (out): the number of points, at least three
 *
 * A ring is closed: its last point joins its first. A shape's rings follow the even-odd rule
 * (a lake is a ring inside a ring).
 *
 * Returns: the ring's points
 */
const CakGeoPoint *
cak_boundaries_get_ring (CakBoundaries *self, guint ring, guint *out_n_points)
{
  guint start, end;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (ring + 1 < self->rings->len, NULL);
  g_return_val_if_fail (out_n_points != NULL, NULL);

  start = g_array_index (self->rings, guint, ring);
  end = g_array_index (self->rings, guint, ring + 1);
  *out_n_points = end - start;
  return &g_array_index (self->points, CakGeoPoint, start);
}

/**
 * cak_boundaries_get_ring_at:
 * @self: the boundaries
 * @ring: a ring's index, as for cak_boundaries_get_ring ()
 * @detail: the level: %CAK_BOUNDARIES_DETAIL_FULL is cak_boundaries_get_ring ()
 * @out_n_points: (out): the number of points, at least three
 *
 * The ring at a level of detail. The coarse level is every ring simplified on its own to within
 * cak_boundaries_get_coarse_tolerance () degrees: for drawing at a scale where that is under a
 * pixel, never for hit testing.
 *
 * Returns: the ring's points
 */
const CakGeoPoint *
cak_boundaries_get_ring_at (CakBoundaries *self, guint ring, CakBoundariesDetail detail,
                            guint *out_n_points)
{
  guint start, end;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (ring + 1 < self->rings->len, NULL);
  g_return_val_if_fail (out_n_points != NULL, NULL);

  if (detail == CAK_BOUNDARIES_DETAIL_FULL)
    return cak_boundaries_get_ring (self, ring, out_n_points);
  start = g_array_index (self->coarse_rings, guint, ring);
  end = g_array_index (self->coarse_rings, guint, ring + 1);
  *out_n_points = end - start;
  return &g_array_index (self->coarse_points, CakGeoPoint, start);
}

/**
 * cak_boundaries_get_ring_box:
 * @self: the boundaries
 * @ring: a ring's index
 *
 * Returns: the ring's bounding box (the same at every level of detail, or within it)
 */
/**
 * cak_boundaries_get_ring_area:
 *
 * Returns: the area a ring encloses, in square degrees
 */
double
cak_boundaries_get_ring_area (CakBoundaries *self, guint ring)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (ring < self->ring_areas->len, 0);

  return g_array_index (self->ring_areas, double, ring);
}

const CakGeoBox *
cak_boundaries_get_ring_box (CakBoundaries *self, guint ring)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (ring < self->ring_boxes->len, NULL);
  return &g_array_index (self->ring_boxes, CakGeoBox, ring);
}

/**
 * cak_boundaries_get_coarse_tolerance:
 *
 * Returns: how far, in degrees, the coarse level may stray from the full outlines
 */
double
cak_boundaries_get_coarse_tolerance (void)
{
  return COARSE_TOLERANCE;
}

guint
cak_boundaries_get_n_borders (CakBoundaries *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->borders->len - 1;
}

const CakGeoPoint *
cak_boundaries_get_border (CakBoundaries *self, guint index, guint *out_n_points)
{
  guint start, end;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index + 1 < self->borders->len, NULL);
  g_return_val_if_fail (out_n_points != NULL, NULL);

  start = g_array_index (self->borders, guint, index);
  end = g_array_index (self->borders, guint, index + 1);
  *out_n_points = end - start;
  return &g_array_index (self->points, CakGeoPoint, start);
}

/**
 * cak_boundaries_get_border_box:
 *
 * Returns: the box around a province border, to pass over borders out of view
 */
const CakGeoBox *
cak_boundaries_get_border_box (CakBoundaries *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->border_boxes->len, NULL);

  return &g_array_index (self->border_boxes, CakGeoBox, index);
}

gboolean
cak_boundaries_shape_contains (CakBoundaries *self, const CakBoundaryShape *shape, double x,
                               double y)
{
  gboolean in = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (shape != NULL, FALSE);

  if (x < shape->box.x0 || x > shape->box.x1 || y < shape->box.y0 || y > shape->box.y1)
    return FALSE;
  for (guint k = 0; k < shape->n_rings; k++)
    {
      guint n;
      const CakGeoPoint *pts = cak_boundaries_get_ring (self, shape->first_ring + k, &n);

      if (ring_contains (pts, n, x, y))
        in = !in;
    }
  return in;
}

/**
 * cak_boundaries_hit:
 * @self: the boundaries
 * @province_code: (nullable): only the regencies of this province; %NULL for all
 * @x: longitude
 * @y: latitude
 *
 * The region drawn on top at a point: shapes are drawn largest first, so the smallest that holds
 * the point.
 *
 * Returns: (nullable): the shape, or %NULL when the point is in none
 */
const CakBoundaryShape *
cak_boundaries_hit (CakBoundaries *self, const char *province_code, double x, double y)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = self->shapes->len; i-- > 0;)
    {
      const CakBoundaryShape *shape = &g_array_index (self->shapes, CakBoundaryShape, i);

      if (in_province (shape, province_code) && cak_boundaries_shape_contains (self, shape, x, y))
        return shape;
    }
  return NULL;
}

/**
 * cak_boundaries_get_extent:
 * @self: the boundaries
 * @province_code: (nullable): a province's code; %NULL for the whole country
 * @out_box: (out): the box around its regencies
 *
 * Returns: %FALSE when no shape lies in the province
 */
gboolean
cak_boundaries_get_extent (CakBoundaries *self, const char *province_code, CakGeoBox *out_box)
{
  CakGeoBox box = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  gboolean any = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out_box != NULL, FALSE);

  for (guint i = 0; i < self->shapes->len; i++)
    {
      const CakBoundaryShape *shape = &g_array_index (self->shapes, CakBoundaryShape, i);

      if (!in_province (shape, province_code))
        continue;
      box.x0 = MIN (box.x0, shape->box.x0);
      box.y0 = MIN (box.y0, shape->box.y0);
      box.x1 = MAX (box.x1, shape->box.x1);
      box.y1 = MAX (box.y1, shape->box.y1);
      any = TRUE;
    }
  *out_box = box;
  return any;
}

typedef struct
{
  guint index;
  double u, v;  /* where the region wants its tile, in cells */
  double order; /* placed in this order: the middle first, the edges last */
} TileWish;

static int
compare_double (double a, double b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
compare_wish_order (gconstpointer a, gconstpointer b)
{
  const TileWish *wa = a, *wb = b;
  int c = compare_double (wa->order, wb->order);

  return c != 0 ? c : (int)wa->index - (int)wb->index;
}

typedef struct
{
  double value;
  guint index;
} Ranked;

static int
compare_ranked (gconstpointer a, gconstpointer b)
{
  const Ranked *ra = a, *rb = b;
  int c = compare_double (ra->value, rb->value);

  return c != 0 ? c : (int)ra->index - (int)rb->index;
}

/* Each value's place in 0..1: three fifths by its value, two by its rank, so that crowded places
 * (Java) spread out while empty ones (the sea) shrink. */
static void
spread (double *values, guint n)
{
  g_autofree Ranked *order = g_new (Ranked, n);
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      order[i] = (Ranked){ values[i], i };
      lo = MIN (lo, values[i]);
      hi = MAX (hi, values[i]);
    }
  qsort (order, n, sizeof (Ranked), compare_ranked);
  for (guint i = 0; i < n; i++)
    {
      guint k = order[i].index;
      double linear = hi > lo ? (values[k] - lo) / (hi - lo) : 0.5;

      values[k] = 0.6 * linear + 0.4 * (n > 1 ? (double)i / (n - 1) : 0.5);
    }
}

/**
 * cak_boundaries_tile_layout:
 * @self: the boundaries
 * @regions: (array length=n_regions): regencies and cities, each with a shape
 * @n_regions: how many
 * @aspect: the width of the space the tiles go in over its height
 * @out_cols: (out): the columns of the grid
 * @out_rows: (out): the rows of the grid
 *
 * A tile map: one equal square per region, arranged by geography. Each region wants the cell
 * where its label point falls once crowded places are spread out; the regions nearest the middle
 * choose first, and each takes the free cell nearest to its wish. No two share a cell. Empty
 * rows and columns at the edges are removed.
 *
 * Returns: (transfer full) (array length=n_regions): each region's cell
 */
CakTile *
cak_boundaries_tile_layout (CakBoundaries *self, const CakRegion *const *regions, guint n_regions,
                            double aspect, int *out_cols, int *out_rows)
{
  g_autofree TileWish *wishes = NULL;
  g_autofree double *xs = NULL, *ys = NULL;
  g_autofree gboolean *taken = NULL;
  CakTile *tiles;
  int cols, rows, min_col = G_MAXINT, min_row = G_MAXINT, max_col = -1, max_row = -1;
  double mean_u = 0, mean_v = 0, cells;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (regions != NULL || n_regions == 0, NULL);
  g_return_val_if_fail (out_cols != NULL && out_rows != NULL, NULL);

  tiles = g_new0 (CakTile, MAX (1u, n_regions));
  *out_cols = *out_rows = 0;
  if (n_regions == 0)
    return tiles;

  aspect = CLAMP (isfinite (aspect) ? aspect : 1, 0.25, 4);
  /* Room for the shape of the land: about twice as many cells as regions */
  cells = MAX (4.0, n_regions * 2.2);
  cols = MAX (2, (int)ceil (sqrt (cells * aspect)));
  rows = MAX (2, (int)ceil (cells / cols));

  xs = g_new (double, n_regions);
  ys = g_new (double, n_regions);
  for (guint i = 0; i < n_regions; i++)
    {
      const CakBoundaryShape *shape = cak_boundaries_lookup (self, regions[i]->code);

      g_return_val_if_fail (shape != NULL, tiles);
      xs[i] = shape->label.x;
      ys[i] = -shape->label.y; /* rows count from the top */
    }
  spread (xs, n_regions);
  spread (ys, n_regions);

  wishes = g_new (TileWish, n_regions);
  for (guint i = 0; i < n_regions; i++)
    {
      wishes[i].index = i;
      wishes[i].u = xs[i] * (cols - 1);
      wishes[i].v = ys[i] * (rows - 1);
      mean_u += wishes[i].u / n_regions;
      mean_v += wishes[i].v / n_regions;
    }
  for (guint i = 0; i < n_regions; i++)
    wishes[i].order = hypot (wishes[i].u - mean_u, wishes[i].v - mean_v);
  qsort (wishes, n_regions, sizeof (TileWish), compare_wish_order);

  taken = g_new0 (gboolean, (gsize)cols * rows);
  for (guint i = 0; i < n_regions; i++)
    {
      double best = G_MAXDOUBLE;
      int best_cell = -1;

      for (int c = 0; c < cols * rows; c++)
        {
          double du, dv, d;

          if (taken[c])
            continue;
          du = c % cols - wishes[i].u;
          dv = c / cols - wishes[i].v;
          d = du * du + dv * dv;
          if (d < best)
            {
              best = d;
              best_cell = c;
            }
        }
      /* There are more cells than regions, so one is always free. */
      g_assert (best_cell >= 0);
      taken[best_cell] = TRUE;
      tiles[wishes[i].index].col = best_cell % cols;
      tiles[wishes[i].index].row = best_cell / cols;
    }
  for (guint i = 0; i < n_regions; i++)
    {
      min_col = MIN (min_col, tiles[i].col);
      max_col = MAX (max_col, tiles[i].col);
      min_row = MIN (min_row, tiles[i].row);
      max_row = MAX (max_row, tiles[i].row);
    }
  for (guint i = 0; i < n_regions; i++)
    {
      tiles[i].col -= min_col;
      tiles[i].row -= min_row;
    }
  *out_cols = max_col - min_col + 1;
  *out_rows = max_row - min_row + 1;
  return tiles;
}
