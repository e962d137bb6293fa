/* test-boundaries.c: the outlines of the regencies and the tile map's layout
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-boundaries"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cak-boundaries.h"

static CakBoundaries *
boundaries (void)
{
  return cak_boundaries_get_default ();
}

/* Every regency and city of the catalog has one shape, and nothing else has one. */
static void
test_every_regency (void)
{
  CakRegionCatalog *catalog = cak_region_catalog_get_default ();
  g_autoptr (GPtrArray) regencies = cak_region_catalog_list_regencies (catalog, NULL);

  g_assert_cmpuint (regencies->len, ==, 514);
  g_assert_cmpuint (cak_boundaries_get_n_shapes (boundaries ()), ==, 514);
  for (guint i = 0; i < regencies->len; i++)
    {
      const CakRegion *region = g_ptr_array_index (regencies, i);
      const CakBoundaryShape *shape = cak_boundaries_lookup (boundaries (), region->code);

      g_assert_nonnull (shape);
      g_assert_true (shape->region == region);
      g_assert_cmpuint (shape->n_rings, >=, 1);
      g_assert_cmpfloat (shape->area, >, 0);
      /* Inside Indonesia's box */
      g_assert_cmpfloat (shape->box.x0, >, 94);
      g_assert_cmpfloat (shape->box.x1, <, 142);
      g_assert_cmpfloat (shape->box.y0, >, -12);
      g_assert_cmpfloat (shape->box.y1, <, 7);
    }
  g_assert_null (cak_boundaries_lookup (boundaries (), "35"));
  g_assert_null (cak_boundaries_lookup (boundaries (), "12.88"));
  g_assert_null (cak_boundaries_lookup (boundaries (), NULL));
}

/* The label point of each region is inside it and in no other: a hit there finds it, in the
 * national map and in its province's. */
static void
test_hit_label (void)
{
  for (guint i = 0; i < cak_boundaries_get_n_shapes (boundaries ()); i++)
    {
      const CakBoundaryShape *shape = cak_boundaries_get_shape (boundaries (), i);
      const CakBoundaryShape *hit;

      g_assert_true (
          cak_boundaries_shape_contains (boundaries (), shape, shape->label.x, shape->label.y));
      hit = cak_boundaries_hit (boundaries (), NULL, shape->label.x, shape->label.y);
      g_assert_nonnull (hit);
      g_assert_cmpstr (hit->region->code, ==, shape->region->code);
      hit = cak_boundaries_hit (boundaries (), shape->region->province_code, shape->label.x,
                                shape->label.y);
      g_assert_cmpstr (hit->region->code, ==, shape->region->code);
      /* Drawn largest first (the script measured the areas in whole steps, here in floats) */
      if (i > 0)
        g_assert_cmpfloat (cak_boundaries_get_shape (boundaries (), i - 1)->area, >=,
                           shape->area * 0.999);
    }
}

typedef struct
{
  double lon, lat;
  const char *code;
} Place;

/* Places whose region is known: the keying by BPS code (Aceh Barat is Kemendagri 11.05), the
 * shared names told apart by location, the 2022 Papua provinces, Jakarta's cities. */
static const Place places[] = {
  { 96.13, 4.14, "11.05" },     /* Meulaboh, Kabupaten Aceh Barat (BPS 1107) */
  { 112.75, -7.26, "35.78" },   /* Surabaya */
  { 112.63, -7.97, "35.73" },   /* Kota Malang */
  { 112.68, -8.20, "35.07" },   /* Kabupaten Malang, south of the city */
  { 112.168, -8.098, "35.72" }, /* Kota Blitar */
  { 112.434, -7.472, "35.76" }, /* Kota Mojokerto */
  { 115.00, -3.30, "63.03" },   /* Martapura, Kabupaten Banjar (Kalimantan Selatan) */
  { 108.54, -7.37, "32.79" },   /* Kota Banjar (Jawa Barat) */
  { 106.83, -6.18, "31.71" },   /* Monas, Jakarta Pusat */
  { 106.80, -6.27, "31.74" },   /* Jakarta Selatan */
  { 140.40, -8.50, "93.01" },   /* Merauke, Papua Selatan */
  { 135.50, -3.37, "94.01" },   /* Nabire, Papua Tengah */
  { 140.70, -2.55, "91.71" },   /* Kota Jayapura, Papua */
  { 131.25, -0.88, "96.71" },   /* Kota Sorong, Papua Barat Daya */
  { 107.61, -6.91, "32.73" },   /* Kota Bandung */
  { 107.60, -7.10, "32.04" },   /* Kabupaten Bandung, south of it */
};

static void
test_places (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      const CakBoundaryShape *hit
          = cak_boundaries_hit (boundaries (), NULL, places[i].lon, places[i].lat);

      g_test_message ("%f %f: %s", places[i].lon, places[i].lat,
                      hit ? hit->region->name : "(none)");
      g_assert_nonnull (hit);
      g_assert_cmpstr (hit->region->code, ==, places[i].code);
    }
  /* The sea is no region */
  g_assert_null (cak_boundaries_hit (boundaries (), NULL, 110.0, -4.0));
}

/* The small cities the national map must keep findable, and the kota smaller than its kabupaten */
static void
test_small_cities (void)
{
  const char *pairs[][2] = {
    { "35.72", "35.05" }, { "35.76", "35.16" }, { "35.71", "35.06" }, { "32.73", "32.04" },
    { "33.74", "33.22" }, { "53.71", "53.03" }, { "96.71", "96.01" }, { "91.71", "91.03" },
  };
  const char *jakarta[] = { "31.01", "31.71", "31.72", "31.73", "31.74", "31.75" };
  CakGeoBox box;

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      const CakBoundaryShape *kota = cak_boundaries_lookup (boundaries (), pairs[i][0]);
      const CakBoundaryShape *kab = cak_boundaries_lookup (boundaries (), pairs[i][1]);

      g_assert_cmpint (kota->region->kind, ==, CAK_REGION_KIND_KOTA);
      g_assert_cmpint (kab->region->kind, ==, CAK_REGION_KIND_KABUPATEN);
      g_assert_cmpfloat (kota->area, <, kab->area);
      /* The city lies within a degree of its kabupaten */
      g_assert_cmpfloat (kota->label.x, >, kab->box.x0 - 1);
      g_assert_cmpfloat (kota->label.x, <, kab->box.x1 + 1);
      g_assert_cmpfloat (kota->label.y, >, kab->box.y0 - 1);
      g_assert_cmpfloat (kota->label.y, <, kab->box.y1 + 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (jakarta); i++)
    g_assert_nonnull (cak_boundaries_lookup (boundaries (), jakarta[i]));

  g_assert_true (cak_boundaries_get_extent (boundaries (), "31", &box));
  g_assert_cmpfloat (box.x0, >, 106);
  g_assert_cmpfloat (box.x1, <, 107.2);
  g_assert_true (cak_boundaries_get_extent (boundaries (), NULL, &box));
  g_assert_cmpfloat (box.x0, <, 96);
  g_assert_cmpfloat (box.x1, >, 140.5);
  g_assert_false (cak_boundaries_get_extent (boundaries (), "99", &box));
  /* The 2022 provinces of Papua lie in Papua */
  for (guint p = 93; p <= 96; p++)
    {
      g_autofree char *code = g_strdup_printf ("%u", p);

      g_assert_true (cak_boundaries_get_extent (boundaries (), code, &box));
      g_assert_cmpfloat (box.x0, >, 129);
    }
  g_assert_cmpuint (cak_boundaries_get_n_borders (boundaries ()), >, 30);
}

/* Cut short or altered, the data is an error, never a crash or a half-read map. */
static void
test_malformed (void)
{
  g_autoptr (GBytes) bytes = g_resources_lookup_data (
      "/io/github/cakupan/Cakupan/data/boundaries.bin", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  CakRegionCatalog *catalog = cak_region_catalog_get_default ();
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  g_assert_cmpuint (size, <, 1024 * 1024);
  for (gsize cut = 0; cut < size; cut += cut < 64 ? 1 : 997)
    {
      g_autoptr (GBytes) part = g_bytes_new_static (data, cut);
      g_autoptr (GError) error = NULL;
      g_autoptr (CakBoundaries) b = cak_boundaries_new_from_bytes (part, catalog, &error);

      g_assert_null (b);
      g_assert_error (error, CAK_BOUNDARIES_ERROR, CAK_BOUNDARIES_ERROR_INVALID);
    }
  for (gsize at = 0; at < size; at += 1499)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      g_autoptr (GBytes) altered = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (CakBoundaries) b = NULL;

      copy[at] ^= 0x5a;
      altered = g_bytes_new_static (copy, size);
      b = cak_boundaries_new_from_bytes (altered, catalog, &error);
      /* A changed coordinate may still read; a shape lost or mislabelled may not. */
      if (b != NULL)
        g_assert_cmpuint (cak_boundaries_get_n_shapes (b), ==, 514);
      else
        g_assert_nonnull (error);
    }
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (CakBoundaries) b = cak_boundaries_new_from_bytes (bytes, catalog, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cak_boundaries_get_n_shapes (b), ==, 514);
  }
}

static void
check_tiles (const CakRegion *const *regions, guint n, double aspect)
{
  int cols = 0, rows = 0;
  g_autofree CakTile *tiles
      = cak_boundaries_tile_layout (boundaries (), regions, n, aspect, &cols, &rows);
  g_autoptr (GHashTable) used = g_hash_table_new (g_direct_hash, g_direct_equal);
  double west_sum = 0, east_sum = 0;
  guint n_west = 0;

  g_assert_cmpint (cols, >, 0);
  g_assert_cmpint (rows, >, 0);
  g_assert_cmpint ((gint64)cols * rows, >=, n);
  for (guint i = 0; i < n; i++)
    {
      gpointer key = GINT_TO_POINTER (tiles[i].row * cols + tiles[i].col + 1);

      g_assert_cmpint (tiles[i].col, >=, 0);
      g_assert_cmpint (tiles[i].col, <, cols);
      g_assert_cmpint (tiles[i].row, >=, 0);
      g_assert_cmpint (tiles[i].row, <, rows);
      /* No two tiles in one cell */
      g_assert_false (g_hash_table_contains (used, key));
      g_hash_table_add (used, key);
    }
  /* Arranged by geography: the regions west of the mean lie, on average, left of those east of
   * it. */
  if (n >= 4)
    {
      double median = 0;

      for (guint i = 0; i < n; i++)
        median += cak_boundaries_lookup (boundaries (), regions[i]->code)->label.x / n;
      for (guint i = 0; i < n; i++)
        {
          double x = cak_boundaries_lookup (boundaries (), regions[i]->code)->label.x;

          if (x < median)
            {
              west_sum += tiles[i].col;
              n_west++;
            }
          else
            east_sum += tiles[i].col;
        }
      g_assert_cmpfloat (west_sum / MAX (1, n_west), <=, east_sum / MAX (1, n - n_west));
    }
}

static void
test_tiles (void)
{
  CakRegionCatalog *catalog = cak_region_catalog_get_default ();
  g_autoptr (GPtrArray) all = cak_region_catalog_list_regencies (catalog, NULL);
  g_autoptr (GPtrArray) provinces = cak_region_catalog_list_provinces (catalog);
  const double aspects[] = { 0.5, 1.0, 16.0 / 9.0, 3.0 };

  for (guint a = 0; a < G_N_ELEMENTS (aspects); a++)
    check_tiles ((const CakRegion *const *)all->pdata, all->len, aspects[a]);
  for (guint p = 0; p < provinces->len; p++)
    {
      const CakRegion *province = g_ptr_array_index (provinces, p);
      g_autoptr (GPtrArray) regencies = cak_region_catalog_list_regencies (catalog, province->code);

      check_tiles ((const CakRegion *const *)regencies->pdata, regencies->len, 1.5);
    }
  /* One region, and none */
  check_tiles ((const CakRegion *const *)all->pdata, 1, 1.0);
  {
    int cols = -1, rows = -1;
    g_autofree CakTile *tiles
        = cak_boundaries_tile_layout (boundaries (), NULL, 0, 1, &cols, &rows);

    g_assert_cmpint (cols, ==, 0);
    g_assert_cmpint (rows, ==, 0);
  }
}

static double
segment_distance (const CakGeoPoint *p, const CakGeoPoint *a, const CakGeoPoint *b)
{
  double dx = b->x - a->x, dy = b->y - a->y, len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? CLAMP (((p->x - a->x) * dx + (p->y - a->y) * dy) / len2, 0, 1) : 0;

  return hypot (p->x - (a->x + t * dx), p->y - (a->y + t * dy));
}

/* The coarse level: each ring a subset of its points, in order, with every point dropped within
 * the tolerance of the coarse ring, never fewer than three points; the ring's box holds them
 * all; and fewer points in all than the full level. */
static void
test_coarse (void)
{
  CakBoundaries *b = boundaries ();
  double tolerance = cak_boundaries_get_coarse_tolerance ();
  guint64 full_total = 0, coarse_total = 0;

  g_assert_cmpfloat (tolerance, >, 0);
  for (guint s = 0; s < cak_boundaries_get_n_shapes (b); s++)
    {
      const CakBoundaryShape *shape = cak_boundaries_get_shape (b, s);

      for (guint k = shape->first_ring; k < shape->first_ring + shape->n_rings; k++)
        {
          guint n, nc, at = 0;
          const CakGeoPoint *full = cak_boundaries_get_ring (b, k, &n);
          const CakGeoPoint *coarse
              = cak_boundaries_get_ring_at (b, k, CAK_BOUNDARIES_DETAIL_COARSE, &nc);
          const CakGeoBox *box = cak_boundaries_get_ring_box (b, k);
          guint nf;

          g_assert_true (cak_boundaries_get_ring_at (b, k, CAK_BOUNDARIES_DETAIL_FULL, &nf)
                         == full);
          g_assert_cmpuint (nf, ==, n);
          g_assert_cmpuint (nc, >=, 3);
          g_assert_cmpuint (nc, <=, n);
          full_total += n;
          coarse_total += nc;
          g_assert_true (memcmp (&coarse[0], &full[0], sizeof *full) == 0);
          /* Each full point lies on the span of coarse points around it */
          for (guint i = 0; i < n; i++)
            {
              g_assert_cmpfloat (full[i].x, >=, box->x0);
              g_assert_cmpfloat (full[i].x, <=, box->x1);
              g_assert_cmpfloat (full[i].y, >=, box->y0);
              g_assert_cmpfloat (full[i].y, <=, box->y1);
              if (at + 1 < nc && memcmp (&full[i], &coarse[at + 1], sizeof *full) == 0)
                at++;
              else if (memcmp (&full[i], &coarse[at], sizeof *full) != 0)
                g_assert_cmpfloat (segment_distance (&full[i], &coarse[at], &coarse[(at + 1) % nc]),
                                   <=, tolerance + 1e-6);
            }
          /* Every coarse point was met, in order */
          g_assert_cmpuint (at, ==, nc - 1);
        }
    }
  g_assert_cmpuint (coarse_total, <, full_total);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/boundaries/every-regency", test_every_regency);
  g_test_add_func ("/boundaries/hit-label", test_hit_label);
  g_test_add_func ("/boundaries/places", test_places);
  g_test_add_func ("/boundaries/small-cities", test_small_cities);
  g_test_add_func ("/boundaries/malformed", test_malformed);
  g_test_add_func ("/boundaries/tiles", test_tiles);
  g_test_add_func ("/boundaries/coarse", test_coarse);

  return g_test_run ();
}
