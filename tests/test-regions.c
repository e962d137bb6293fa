/* test-regions.c: the region catalog and name matching
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-regions"

#include "config.h"

#include <string.h>

#include "cak-region-catalog.h"

#define ANY CAK_REGION_KIND_ANY
#define PROVINCE CAK_REGION_KIND_PROVINCE
#define KABUPATEN CAK_REGION_KIND_KABUPATEN
#define KOTA CAK_REGION_KIND_KOTA

typedef struct
{
  const char *text;
  CakRegionKind kind_hint;
  const char *province_hint;
  CakMatchStatus status;
  const char *codes; /* the region found, or the candidates, space separated, in order */
} MatchCase;

/* How many matches the exhaustive tests checked, reported at the end. */
static guint n_checked;

static CakRegionCatalog *
catalog (void)
{
  return cak_region_catalog_get_default ();
}

static char *
join_codes (GPtrArray *regions)
{
  GString *codes = g_string_new (NULL);
  guint i;

  for (i = 0; regions != NULL && i < regions->len; i++)
    {
      const CakRegion *region = g_ptr_array_index (regions, i);

      if (i > 0)
        g_string_append_c (codes, ' ');
      g_string_append (codes, region->code);
    }

  return g_string_free (codes, FALSE);
}

static const char *
status_name (CakMatchStatus status)
{
  switch (status)
    {
      case CAK_MATCH_NONE:
        return "none";
      case CAK_MATCH_FOUND:
        return "found";
      case CAK_MATCH_AMBIGUOUS:
        return "ambiguous";
      default:
        return "?";
    }
}

/* Checks one match and records a failure without stopping, so that one run of the exhaustive
 * tests lists every spelling that fails. For CAK_MATCH_FOUND, codes is the region's code; for the
 * other answers, the candidates in order ("" for none). */
static void
check_match (const MatchCase *c)
{
  g_autoptr (GPtrArray) candidates = NULL;
  g_autofree char *got = NULL;
  const CakRegion *region = NULL;
  CakMatchStatus status;

  status = cak_region_catalog_match (catalog (), c->text, c->kind_hint, c->province_hint, &region,
                                     &candidates);
  n_checked++;

  g_assert_nonnull (candidates);
  if (status == CAK_MATCH_FOUND)
    {
      g_assert_nonnull (region);
      g_assert_cmpuint (candidates->len, ==, 0);
      got = g_strdup (region->code);
    }
  else
    {
      g_assert_null (region);
      got = join_codes (candidates);
    }

  if (status != c->status || g_strcmp0 (got, c->codes) != 0)
    g_test_fail_printf ("'%s' (kind hint %d, province hint %s): expected %s '%s', got %s '%s'",
                        c->text, c->kind_hint, c->province_hint ? c->province_hint : "none",
                        status_name (c->status), c->codes, status_name (status), got);
}

static void
check_found (const char *text, CakRegionKind kind, const char *province, const CakRegion *expected)
{
  MatchCase c = { text, kind, province, CAK_MATCH_FOUND, expected->code };

  check_match (&c);
}

static void
check_cases (const MatchCase *cases, gsize n_cases)
{
  gsize i;

  for (i = 0; i < n_cases; i++)
    check_match (&cases[i]);
}

static void
test_catalog_default (void)
{
  CakRegionCatalog *self = catalog ();
  guint n_kind[4] = { 0 };
  guint i;

  g_assert_nonnull (self);
  g_assert_true (cak_region_catalog_get_default () == self);
  g_assert_cmpuint (cak_region_catalog_get_n_regions (self), ==, 552);

  for (i = 0; i < cak_region_catalog_get_n_regions (self); i++)
    {
      const CakRegion *region = cak_region_catalog_get_region (self, i);

      n_kind[region->kind]++;
      g_assert_nonnull (region->short_name);
      g_assert_true (g_str_has_suffix (region->name, region->short_name));
      if (region->kind == PROVINCE)
        {
          g_assert_cmpstr (region->code, ==, region->province_code);
          /* The crosswalk tests below check the BPS codes themselves. */
          g_assert_true (region->bps_code == NULL || strlen (region->bps_code) == 2);
          g_assert_cmpstr (region->name, ==, region->short_name);
        }
      else
        {
          g_assert_cmpuint (strlen (region->bps_code), ==, 4);
          g_assert_true (g_str_has_prefix (region->code, region->province_code));
          g_assert_true (
              g_str_has_prefix (region->name, region->kind == KOTA ? "Kota " : "Kabupaten "));
        }
    }

  g_assert_cmpuint (n_kind[ANY], ==, 0);
  g_assert_cmpuint (n_kind[PROVINCE], ==, 38);
  g_assert_cmpuint (n_kind[KABUPATEN], ==, 416);
  g_assert_cmpuint (n_kind[KOTA], ==, 98);

  /* The list puts provinces first. */
  g_assert_cmpint (cak_region_catalog_get_region (self, 37)->kind, ==, PROVINCE);
  g_assert_cmpint (cak_region_catalog_get_region (self, 38)->kind, !=, PROVINCE);
}

static gpointer
get_default_thread (G_GNUC_UNUSED gpointer data)
{
  return cak_region_catalog_get_default ();
}

static void
test_catalog_default_threads (void)
{
  GThread *threads[8];
  gpointer first = NULL;
  guint i;

  /* Run first, so that the threads race to load the catalog. */
  for (i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("get-default", get_default_thread, NULL);
  for (i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      gpointer got = g_thread_join (threads[i]);

      g_assert_nonnull (got);
      if (first == NULL)
        first = got;
      g_assert_true (got == first);
    }
  g_assert_true (cak_region_catalog_get_default () == first);
}

static void
test_catalog_names (void)
{
  static const struct
  {
    const char *code;
    const char *name;
    const char *short_name;
  } cases[] = {
    { "35", "Jawa Timur", "Jawa Timur" },
    { "31", "Daerah Khusus Ibukota Jakarta", "Daerah Khusus Ibukota Jakarta" },
    { "35.05", "Kabupaten Blitar", "Blitar" },
    { "35.72", "Kota Blitar", "Blitar" },
    { "31.01", "Kabupaten Administrasi Kepulauan Seribu", "Kepulauan Seribu" },
    { "31.71", "Kota Administrasi Jakarta Pusat", "Jakarta Pusat" },
    { "13.07", "Kabupaten Lima Puluh Kota", "Lima Puluh Kota" },
    { "72.04", "Kabupaten Toli-Toli", "Toli-Toli" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CakRegion *region = cak_region_catalog_lookup_code (catalog (), cases[i].code);

      g_assert_nonnull (region);
      g_assert_cmpstr (region->name, ==, cases[i].name);
      g_assert_cmpstr (region->short_name, ==, cases[i].short_name);
    }
}

static void
test_catalog_lookup_code (void)
{
  static const struct
  {
    const char *code;
    const char *name;
  } cases[] = {
    { "35", "Jawa Timur" },
    { "35.05", "Kabupaten Blitar" },
    { "3505", "Kabupaten Blitar" },
    { "35.72", "Kota Blitar" },
    { "3572", "Kota Blitar" },
    { "96.71", "Kota Sorong" },
    { "9171", "Kota Sorong" },
    { "9671", NULL },
    { "11.01", "Kabupaten Aceh Selatan" },
    /* Four digits are BPS's, two are Kemendagri's. */
    { "1107", "Kabupaten Aceh Barat" },
    { "11.07", "Kabupaten Pidie" },
    { "94", "Papua Tengah" },
    { "ID1107", NULL },
    { "35.5", NULL },
    { "3505.0", NULL },
    { " 35.05", NULL },
    { "99", NULL },
    { "", NULL },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CakRegion *region = cak_region_catalog_lookup_code (catalog (), cases[i].code);

      g_assert_cmpstr (region ? region->name : NULL, ==, cases[i].name);
    }
}

static void
check_code_order (GPtrArray *regions)
{
  guint i;

  for (i = 1; i < regions->len; i++)
    {
      const CakRegion *a = g_ptr_array_index (regions, i - 1);
      const CakRegion *b = g_ptr_array_index (regions, i);

      g_assert_cmpint (strcmp (a->code, b->code), <, 0);
    }
}

static void
test_catalog_list (void)
{
  g_autoptr (GPtrArray) provinces = cak_region_catalog_list_provinces (catalog ());
  g_autoptr (GPtrArray) all = cak_region_catalog_list_regencies (catalog (), NULL);
  g_autoptr (GPtrArray) jatim = cak_region_catalog_list_regencies (catalog (), "35");
  g_autoptr (GPtrArray) none = cak_region_catalog_list_regencies (catalog (), "99");
  guint total = 0;
  guint i, j;

  g_assert_cmpuint (provinces->len, ==, 38);
  g_assert_cmpuint (all->len, ==, 514);
  g_assert_cmpuint (none->len, ==, 0);
  check_code_order (provinces);
  check_code_order (all);
  check_code_order (jatim);

  /* Jawa Timur: 29 kabupaten and 9 kota. */
  g_assert_cmpuint (jatim->len, ==, 38);
  g_assert_cmpstr (((const CakRegion *)g_ptr_array_index (jatim, 0))->name, ==,
                   "Kabupaten Pacitan");
  g_assert_cmpstr (((const CakRegion *)g_ptr_array_index (jatim, 37))->name, ==, "Kota Batu");

  for (i = 0; i < provinces->len; i++)
    {
      const CakRegion *province = g_ptr_array_index (provinces, i);
      g_autoptr (GPtrArray) regencies = NULL;

      g_assert_cmpint (province->kind, ==, PROVINCE);
      regencies = cak_region_catalog_list_regencies (catalog (), province->code);
      g_assert_cmpuint (regencies->len, >, 0);
      for (j = 0; j < regencies->len; j++)
        {
          const CakRegion *regency = g_ptr_array_index (regencies, j);

          g_assert_cmpint (regency->kind, !=, PROVINCE);
          g_assert_cmpstr (regency->province_code, ==, province->code);
        }
      total += regencies->len;
    }
  g_assert_cmpuint (total, ==, 514);
}

static char *
upper (const char *text)
{
  return g_ascii_strup (text, -1);
}

static char *
messy (const char *text)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  g_auto (GStrv) words = g_strsplit (lower, " ", -1);
  g_autofree char *joined = g_strjoinv ("   ", words);

  return g_strdup_printf ("\t %s \n", joined);
}

static char *
hyphenated (const char *text)
{
  return g_strdelimit (g_strdup (text), " ", '-');
}

static int
compare_codes (gconstpointer a, gconstpointer b)
{
  const CakRegion *ra = *(const CakRegion *const *)a;
  const CakRegion *rb = *(const CakRegion *const *)b;

  return strcmp (ra->code, rb->code);
}

/* The regions a bare name fits, worked out from the data rather than from the matcher: every
 * region with that short name, and the province a province alias gives the same name. */
static GPtrArray *
regions_named (const char *short_name)
{
  static const struct
  {
    const char *name;
    const char *code;
  } aliases[] = {
    { "Yogyakarta", "34" },
  };
  GPtrArray *regions = g_ptr_array_new ();
  guint i;

  for (i = 0; i < cak_region_catalog_get_n_regions (catalog ()); i++)
    {
      const CakRegion *region = cak_region_catalog_get_region (catalog (), i);

      if (g_ascii_strcasecmp (region->short_name, short_name) == 0)
        g_ptr_array_add (regions, (gpointer)region);
    }

  for (i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (aliases[i].name, short_name) == 0)
      g_ptr_array_add (regions,
                       (gpointer)cak_region_catalog_lookup_code (catalog (), aliases[i].code));

  g_ptr_array_sort (regions, compare_codes);
  return regions;
}

static void
check_bare_name (const CakRegion *region)
{
  g_autoptr (GPtrArray) named = regions_named (region->short_name);
  g_autofree char *codes = join_codes (named);
  MatchCase c = { region->short_name, ANY, NULL, CAK_MATCH_AMBIGUOUS, codes };

  g_assert_true (g_ptr_array_find (named, region, NULL));
  if (named->len == 1)
    c.status = CAK_MATCH_FOUND;
  check_match (&c);
}

static void
test_match_every_regency (void)
{
  g_autoptr (GPtrArray) regencies = cak_region_catalog_list_regencies (catalog (), NULL);
  guint before = n_checked;
  guint i;

  g_assert_cmpuint (regencies->len, ==, 514);

  for (i = 0; i < regencies->len; i++)
    {
      const CakRegion *r = g_ptr_array_index (regencies, i);
      const char *s = r->short_name;
      g_autofree char *name_upper = upper (r->name);
      g_autofree char *name_messy = messy (r->name);
      g_autofree char *short_upper = upper (s);
      g_autofree char *short_hyphen = hyphenated (s);
      g_autofree char *padded_code = g_strdup_printf ("  %s\t", r->code);
      g_autoptr (GPtrArray) spellings = g_ptr_array_new_with_free_func (g_free);
      guint j;

      check_found (r->name, ANY, NULL, r);
      check_found (name_upper, ANY, NULL, r);
      check_found (name_messy, ANY, NULL, r);
      check_found (r->code, ANY, NULL, r);
      check_found (r->bps_code, ANY, NULL, r);
      check_found (padded_code, ANY, NULL, r);
      /* A code is never ambiguous, so hints that disagree change nothing. */
      check_found (r->code, PROVINCE, "99", r);

      if (r->kind == KABUPATEN)
        {
          g_ptr_array_add (spellings, g_strdup_printf ("KAB. %s", short_upper));
          g_ptr_array_add (spellings, g_strdup_printf ("Kab %s", s));
          g_ptr_array_add (spellings, g_strdup_printf ("Kab.%s", s));
          g_ptr_array_add (spellings, g_strdup_printf ("%s (Kab.)", s));
          g_ptr_array_add (spellings, g_strdup_printf ("%s (KABUPATEN)", short_upper));
          g_ptr_array_add (spellings, g_strdup_printf ("Kabupaten %s", short_hyphen));
          g_ptr_array_add (spellings, g_strdup_printf ("kab  %s", s));
        }
      else
        {
          g_ptr_array_add (spellings, g_strdup_printf ("KOTA %s", short_upper));
          g_ptr_array_add (spellings, g_strdup_printf ("Kota %s", s));
          g_ptr_array_add (spellings, g_strdup_printf ("%s (KOTA)", short_upper));
          g_ptr_array_add (spellings, g_strdup_printf ("%s Kota", s));
          g_ptr_array_add (spellings, g_strdup_printf ("Kot. %s", s));
          g_ptr_array_add (spellings, g_strdup_printf ("Kota %s", short_hyphen));
          g_ptr_array_add (spellings, g_strdup_printf ("Kotamadya %s", s));
        }

      for (j = 0; j < spellings->len; j++)
        check_found (g_ptr_array_index (spellings, j), ANY, NULL, r);

      /* The bare name with the right hints is always enough. */
      check_found (s, r->kind, r->province_code, r);
      check_found (short_upper, r->kind, r->province_code, r);
      check_found (short_hyphen, r->kind, r->province_code, r);
      check_found (s, r->kind, NULL, r);
      check_bare_name (r);
    }

  g_test_message ("%u matches checked for 514 regencies", n_checked - before);
}

static void
test_match_every_province (void)
{
  g_autoptr (GPtrArray) provinces = cak_region_catalog_list_provinces (catalog ());
  guint before = n_checked;
  guint i;

  g_assert_cmpuint (provinces->len, ==, 38);

  for (i = 0; i < provinces->len; i++)
    {
      const CakRegion *p = g_ptr_array_index (provinces, i);
      g_autofree char *name_upper = upper (p->name);
      g_autofree char *name_messy = messy (p->name);
      g_autofree char *name_hyphen = hyphenated (p->name);
      g_autofree char *provinsi = g_strdup_printf ("Provinsi %s", p->name);
      g_autofree char *prov = g_strdup_printf ("Prov. %s", p->name);
      g_autofree char *prov_upper = g_strdup_printf ("PROV %s", name_upper);
      g_autofree char *propinsi = g_strdup_printf ("Propinsi %s", name_messy);

      check_found (p->code, ANY, NULL, p);
      if (p->bps_code != NULL)
        {
          g_autofree char *p_code = g_strdup_printf ("ID%s", p->bps_code);

          check_found (p_code, ANY, NULL, p);
        }
      check_found (provinsi, ANY, NULL, p);
      check_found (prov, ANY, NULL, p);
      check_found (prov_upper, ANY, NULL, p);
      check_found (propinsi, ANY, NULL, p);
      check_found (p->name, PROVINCE, NULL, p);
      check_found (name_upper, PROVINCE, NULL, p);
      check_found (name_messy, PROVINCE, NULL, p);
      check_found (name_hyphen, PROVINCE, p->code, p);
      check_bare_name (p);
    }

  g_test_message ("%u matches checked for 38 provinces", n_checked - before);
}

static void
test_match_code (void)
{
  static const MatchCase cases[] = {
    { "35", ANY, NULL, CAK_MATCH_FOUND, "35" },
    { "35.05", ANY, NULL, CAK_MATCH_FOUND, "35.05" },
    { "3505", ANY, NULL, CAK_MATCH_FOUND, "35.05" },
    { " 35.72 ", ANY, NULL, CAK_MATCH_FOUND, "35.72" },
    { "3572", KABUPATEN, "11", CAK_MATCH_FOUND, "35.72" },
    { "96.71", ANY, NULL, CAK_MATCH_FOUND, "96.71" },
    { "9171", ANY, NULL, CAK_MATCH_FOUND, "96.71" },
    { "9671", ANY, NULL, CAK_MATCH_NONE, "" },
    { "1107", ANY, NULL, CAK_MATCH_FOUND, "11.05" },
    { "ID1107", ANY, NULL, CAK_MATCH_FOUND, "11.05" },
    { " id1107 ", ANY, NULL, CAK_MATCH_FOUND, "11.05" },
    { "1107.0", ANY, NULL, CAK_MATCH_FOUND, "11.05" },
    { "3505.0", ANY, NULL, CAK_MATCH_FOUND, "35.05" },
    { "11.07", ANY, NULL, CAK_MATCH_FOUND, "11.07" },
    { "94", ANY, NULL, CAK_MATCH_FOUND, "94" },
    { "ID94", ANY, NULL, CAK_MATCH_FOUND, "91" },
    { "35.0", ANY, NULL, CAK_MATCH_FOUND, "35" },
    { "35.5", ANY, NULL, CAK_MATCH_NONE, "" },
    { "3505.1", ANY, NULL, CAK_MATCH_NONE, "" },
    { "ID3505.0", ANY, NULL, CAK_MATCH_NONE, "" },
    { "ID35.05", ANY, NULL, CAK_MATCH_NONE, "" },
    { "35.99", ANY, NULL, CAK_MATCH_NONE, "" },
    { "99", ANY, NULL, CAK_MATCH_NONE, "" },
    { "350", ANY, NULL, CAK_MATCH_NONE, "" },
    { "35 05", ANY, NULL, CAK_MATCH_NONE, "" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_match_kind (void)
{
  static const MatchCase cases[] = {
    { "Blitar", ANY, NULL, CAK_MATCH_AMBIGUOUS, "35.05 35.72" },
    { "BLITAR", ANY, "35", CAK_MATCH_AMBIGUOUS, "35.05 35.72" },
    { "Blitar", KOTA, NULL, CAK_MATCH_FOUND, "35.72" },
    { "Blitar", KABUPATEN, NULL, CAK_MATCH_FOUND, "35.05" },
    { "Blitar", PROVINCE, NULL, CAK_MATCH_AMBIGUOUS, "35.05 35.72" },
    { "KOTA BLITAR", ANY, NULL, CAK_MATCH_FOUND, "35.72" },
    { "Kota Blitar", KABUPATEN, NULL, CAK_MATCH_FOUND, "35.72" },
    { "BLITAR (KOTA)", ANY, NULL, CAK_MATCH_FOUND, "35.72" },
    { "Blitar Kota", ANY, NULL, CAK_MATCH_FOUND, "35.72" },
    { "Blitar (Kab.)", ANY, NULL, CAK_MATCH_FOUND, "35.05" },
    { "KAB. BLITAR", KOTA, NULL, CAK_MATCH_FOUND, "35.05" },
    { "KAB.BLITAR", ANY, NULL, CAK_MATCH_FOUND, "35.05" },
    { "Kab Blitar", ANY, "11", CAK_MATCH_FOUND, "35.05" },
    { "Kabupaten\302\240Blitar", ANY, NULL, CAK_MATCH_FOUND, "35.05" },
    { "Kab/Kota Blitar", ANY, NULL, CAK_MATCH_AMBIGUOUS, "35.05 35.72" },
    { "Kodya Malang", ANY, NULL, CAK_MATCH_FOUND, "35.73" },
    { "Kotamadya Malang", ANY, NULL, CAK_MATCH_FOUND, "35.73" },
    /* Short names shared across provinces. */
    { "Banjar", ANY, NULL, CAK_MATCH_AMBIGUOUS, "32.79 63.03" },
    { "Banjar", ANY, "63", CAK_MATCH_FOUND, "63.03" },
    { "Banjar", ANY, "32", CAK_MATCH_FOUND, "32.79" },
    { "Banjar", KOTA, NULL, CAK_MATCH_FOUND, "32.79" },
    { "Banjar", ANY, "35", CAK_MATCH_AMBIGUOUS, "32.79 63.03" },
    /* A unique name is found whatever the hints say. */
    { "Surabaya", KABUPATEN, "63", CAK_MATCH_FOUND, "35.78" },
    /* Provinces sharing a name with a regency or city. */
    { "Gorontalo", ANY, NULL, CAK_MATCH_AMBIGUOUS, "75 75.01 75.71" },
    { "Gorontalo", ANY, "75", CAK_MATCH_AMBIGUOUS, "75 75.01 75.71" },
    { "Gorontalo", PROVINCE, NULL, CAK_MATCH_FOUND, "75" },
    { "Gorontalo", KABUPATEN, NULL, CAK_MATCH_FOUND, "75.01" },
    { "Provinsi Gorontalo", ANY, NULL, CAK_MATCH_FOUND, "75" },
    { "Kota Gorontalo", ANY, NULL, CAK_MATCH_FOUND, "75.71" },
    { "Kab. Gorontalo", ANY, NULL, CAK_MATCH_FOUND, "75.01" },
    { "Gorontalo Utara", ANY, NULL, CAK_MATCH_FOUND, "75.05" },
    { "Jambi", ANY, NULL, CAK_MATCH_AMBIGUOUS, "15 15.71" },
    { "Jambi", KOTA, NULL, CAK_MATCH_FOUND, "15.71" },
    { "JAMBI", PROVINCE, "15", CAK_MATCH_FOUND, "15" },
    { "Bengkulu", ANY, NULL, CAK_MATCH_AMBIGUOUS, "17 17.71" },
    { "Bengkulu", PROVINCE, NULL, CAK_MATCH_FOUND, "17" },
    { "Yogyakarta", ANY, NULL, CAK_MATCH_AMBIGUOUS, "34 34.71" },
    { "Kota Yogyakarta", ANY, NULL, CAK_MATCH_FOUND, "34.71" },
    { "Lampung", ANY, NULL, CAK_MATCH_FOUND, "18" },
    { "Papua", ANY, NULL, CAK_MATCH_FOUND, "91" },
    /* Names containing a kind word. */
    { "Lima Puluh Kota", ANY, NULL, CAK_MATCH_FOUND, "13.07" },
    { "Kab. Lima Puluh Kota", ANY, NULL, CAK_MATCH_FOUND, "13.07" },
    { "LIMA PULUH KOTA (KAB)", ANY, NULL, CAK_MATCH_FOUND, "13.07" },
    { "Kotabaru", ANY, NULL, CAK_MATCH_FOUND, "63.02" },
    { "Kota Baru", ANY, NULL, CAK_MATCH_FOUND, "63.02" },
    { "Kab. Kota Baru", ANY, NULL, CAK_MATCH_FOUND, "63.02" },
    { "Kota Waringin Barat", ANY, NULL, CAK_MATCH_FOUND, "62.01" },
    { "Kota Kotamobagu", ANY, NULL, CAK_MATCH_FOUND, "71.74" },
    /* The text's kind is not overruled: offered, not taken. */
    { "Kota Sleman", ANY, NULL, CAK_MATCH_NONE, "34.04" },
    { "LIMA PULUH KOTA (KOTA)", ANY, NULL, CAK_MATCH_NONE, "13.07" },
    { "Kabupaten Surabaya", ANY, NULL, CAK_MATCH_NONE, "35.78" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_match_spelling (void)
{
  static const MatchCase cases[] = {
    { "Kab. Adm. Kep. Seribu", ANY, NULL, CAK_MATCH_FOUND, "31.01" },
    { "Kepulauan Seribu", ANY, NULL, CAK_MATCH_FOUND, "31.01" },
    { "Jakarta Pusat", ANY, NULL, CAK_MATCH_FOUND, "31.71" },
    { "Kota Adm. Jakarta Pusat", ANY, NULL, CAK_MATCH_FOUND, "31.71" },
    { "KOTA ADMINISTRASI JAKARTA TIMUR", ANY, NULL, CAK_MATCH_FOUND, "31.75" },
    { "JAKARTA SELATAN (KOTA)", ANY, NULL, CAK_MATCH_FOUND, "31.74" },
    { "Kota Administrasi Jakarta Selatan", ANY, NULL, CAK_MATCH_FOUND, "31.74" },
    { "Kota Adm. Jakarta Selatan", ANY, NULL, CAK_MATCH_FOUND, "31.74" },
    { "Jakarta Selatan", ANY, NULL, CAK_MATCH_FOUND, "31.74" },
    { "Jaksel", ANY, NULL, CAK_MATCH_FOUND, "31.74" },
    { "JAKPUS", ANY, NULL, CAK_MATCH_FOUND, "31.71" },
    { "Jakbar", ANY, NULL, CAK_MATCH_FOUND, "31.73" },
    { "Jaktim", ANY, NULL, CAK_MATCH_FOUND, "31.75" },
    { "Jakut", ANY, NULL, CAK_MATCH_FOUND, "31.72" },
    { "Kota Jaksel", ANY, NULL, CAK_MATCH_FOUND, "31.74" },
    { "Kepulauan Seribu", ANY, NULL, CAK_MATCH_FOUND, "31.01" },
    { "Kep. Seribu", ANY, NULL, CAK_MATCH_FOUND, "31.01" },
    { "Kabupaten Administrasi Kepulauan Seribu", ANY, NULL, CAK_MATCH_FOUND, "31.01" },
    { "Kep. Mentawai", ANY, NULL, CAK_MATCH_FOUND, "13.09" },
    { "Kab. Kep. Mentawai", ANY, NULL, CAK_MATCH_FOUND, "13.09" },
    { "Mentawai", ANY, NULL, CAK_MATCH_FOUND, "13.09" },
    { "Selayar", ANY, NULL, CAK_MATCH_FOUND, "73.01" },
    { "Pangkajene & Kepulauan", ANY, NULL, CAK_MATCH_FOUND, "73.10" },
    { "Pangkep", ANY, NULL, CAK_MATCH_FOUND, "73.10" },
    { "Pangkalpinang", ANY, NULL, CAK_MATCH_FOUND, "19.71" },
    { "Kota Pangkal-Pinang", ANY, NULL, CAK_MATCH_FOUND, "19.71" },
    { "Palangka Raya", ANY, NULL, CAK_MATCH_FOUND, "62.71" },
    { "Baubau", ANY, NULL, CAK_MATCH_FOUND, "74.72" },
    { "Kota Bau-Bau", ANY, NULL, CAK_MATCH_FOUND, "74.72" },
    { "Tolitoli", ANY, NULL, CAK_MATCH_FOUND, "72.04" },
    { "Toli Toli", ANY, NULL, CAK_MATCH_FOUND, "72.04" },
    { "Fakfak", ANY, NULL, CAK_MATCH_FOUND, "92.03" },
    { "Tojo Una-Una", ANY, NULL, CAK_MATCH_FOUND, "72.09" },
    { "Tanjung Balai", ANY, NULL, CAK_MATCH_FOUND, "12.74" },
    { "Pematang Siantar", ANY, NULL, CAK_MATCH_FOUND, "12.72" },
    { "Gunung Kidul", ANY, NULL, CAK_MATCH_FOUND, "34.03" },
    { "Kulonprogo", ANY, NULL, CAK_MATCH_FOUND, "34.01" },
    { "Labuhan Batu", ANY, NULL, CAK_MATCH_FOUND, "12.10" },
    { "Pare-Pare", ANY, NULL, CAK_MATCH_FOUND, "73.72" },
    { "Lubuklinggau", ANY, NULL, CAK_MATCH_FOUND, "16.73" },
    { "Batang Hari", ANY, NULL, CAK_MATCH_FOUND, "15.04" },
    { "Muko-Muko", ANY, NULL, CAK_MATCH_FOUND, "17.06" },
    { "Tidore", ANY, NULL, CAK_MATCH_FOUND, "82.72" },
    { "Kota Tidore Kepulauan", ANY, NULL, CAK_MATCH_FOUND, "82.72" },
    { "Padang Sidempuan", ANY, NULL, CAK_MATCH_FOUND, "12.77" },
    { "Solo", ANY, NULL, CAK_MATCH_FOUND, "33.72" },
    { "Kota Solo", ANY, NULL, CAK_MATCH_FOUND, "33.72" },
    { "Sitaro", ANY, NULL, CAK_MATCH_FOUND, "71.09" },
    { "PALI", ANY, NULL, CAK_MATCH_FOUND, "16.12" },
    /* Old names, only when no current name fits. */
    { "Pontianak", ANY, NULL, CAK_MATCH_FOUND, "61.71" },
    { "Kota Pontianak", ANY, NULL, CAK_MATCH_FOUND, "61.71" },
    { "Kab. Pontianak", ANY, NULL, CAK_MATCH_FOUND, "61.02" },
    { "Toba Samosir", ANY, NULL, CAK_MATCH_FOUND, "12.12" },
    { "Kab. Mamuju Utara", ANY, NULL, CAK_MATCH_FOUND, "76.01" },
    { "Maluku Tenggara Barat", ANY, NULL, CAK_MATCH_FOUND, "81.03" },
    { "Kabupaten Pasir", ANY, NULL, CAK_MATCH_FOUND, "64.01" },
    { "Sawahlunto/Sijunjung", ANY, NULL, CAK_MATCH_FOUND, "13.03" },
    { "Sawahlunto", ANY, NULL, CAK_MATCH_FOUND, "13.73" },
    { "Yapen Waropen", ANY, NULL, CAK_MATCH_FOUND, "91.05" },
    /* "Banggai Kepulauan" keeps its word: "Banggai" is another regency. */
    { "Banggai", ANY, NULL, CAK_MATCH_FOUND, "72.01" },
    { "Banggai Kepulauan", ANY, NULL, CAK_MATCH_FOUND, "72.07" },
    { "Banggai Kep.", ANY, NULL, CAK_MATCH_FOUND, "72.07" },
    { "Konawe", ANY, NULL, CAK_MATCH_FOUND, "74.02" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_match_province (void)
{
  static const MatchCase cases[] = {
    { "Jawa Timur", ANY, NULL, CAK_MATCH_FOUND, "35" },
    { "JAWA TIMUR", ANY, NULL, CAK_MATCH_FOUND, "35" },
    { "jawa-timur", ANY, NULL, CAK_MATCH_FOUND, "35" },
    { "Prov. Jawa Timur", ANY, NULL, CAK_MATCH_FOUND, "35" },
    { "Provinsi Jawa Timur", ANY, NULL, CAK_MATCH_FOUND, "35" },
    { "PROPINSI JAWA TIMUR", ANY, NULL, CAK_MATCH_FOUND, "35" },
    { "Jatim", ANY, NULL, CAK_MATCH_FOUND, "35" },
    { "JATIM", ANY, NULL, CAK_MATCH_FOUND, "35" },
    { "Prov. Jatim", ANY, NULL, CAK_MATCH_FOUND, "35" },
    { "DKI Jakarta", ANY, NULL, CAK_MATCH_FOUND, "31" },
    { "D.K.I. Jakarta", ANY, NULL, CAK_MATCH_FOUND, "31" },
    { "Jakarta", ANY, NULL, CAK_MATCH_FOUND, "31" },
    { "Daerah Khusus Ibukota Jakarta", ANY, NULL, CAK_MATCH_FOUND, "31" },
    { "Daerah Khusus Jakarta", ANY, NULL, CAK_MATCH_FOUND, "31" },
    { "Provinsi DKI Jakarta", ANY, NULL, CAK_MATCH_FOUND, "31" },
    { "DI Yogyakarta", ANY, NULL, CAK_MATCH_FOUND, "34" },
    { "D.I. Yogyakarta", ANY, NULL, CAK_MATCH_FOUND, "34" },
    { "DI. YOGYAKARTA", ANY, NULL, CAK_MATCH_FOUND, "34" },
    { "Daerah Istimewa Yogyakarta", ANY, NULL, CAK_MATCH_FOUND, "34" },
    { "DIY", ANY, NULL, CAK_MATCH_FOUND, "34" },
    { "Yogyakarta", PROVINCE, NULL, CAK_MATCH_FOUND, "34" },
    { "Kep. Riau", ANY, NULL, CAK_MATCH_FOUND, "21" },
    { "Kepulauan Riau", ANY, NULL, CAK_MATCH_FOUND, "21" },
    { "Kepri", ANY, NULL, CAK_MATCH_FOUND, "21" },
    { "Riau", ANY, NULL, CAK_MATCH_FOUND, "14" },
    { "Kep. Bangka Belitung", ANY, NULL, CAK_MATCH_FOUND, "19" },
    { "Kepulauan Bangka Belitung", ANY, NULL, CAK_MATCH_FOUND, "19" },
    { "Bangka Belitung", ANY, NULL, CAK_MATCH_FOUND, "19" },
    { "Babel", ANY, NULL, CAK_MATCH_FOUND, "19" },
    { "Bangka", ANY, NULL, CAK_MATCH_FOUND, "19.01" },
    { "Belitung", ANY, NULL, CAK_MATCH_FOUND, "19.02" },
    { "NTB", ANY, NULL, CAK_MATCH_FOUND, "52" },
    { "NTT", ANY, NULL, CAK_MATCH_FOUND, "53" },
    { "Nusa Tenggara Barat", ANY, NULL, CAK_MATCH_FOUND, "52" },
    { "Aceh", ANY, NULL, CAK_MATCH_FOUND, "11" },
    { "NAD", ANY, NULL, CAK_MATCH_FOUND, "11" },
    { "Nanggroe Aceh Darussalam", ANY, NULL, CAK_MATCH_FOUND, "11" },
    { "Sumut", ANY, NULL, CAK_MATCH_FOUND, "12" },
    { "Sumatra Utara", ANY, NULL, CAK_MATCH_FOUND, "12" },
    { "Sumbar", ANY, NULL, CAK_MATCH_FOUND, "13" },
    { "Sumsel", ANY, NULL, CAK_MATCH_FOUND, "16" },
    { "Jabar", ANY, NULL, CAK_MATCH_FOUND, "32" },
    { "Jateng", ANY, NULL, CAK_MATCH_FOUND, "33" },
    { "Kalbar", ANY, NULL, CAK_MATCH_FOUND, "61" },
    { "Kalteng", ANY, NULL, CAK_MATCH_FOUND, "62" },
    { "Kalsel", ANY, NULL, CAK_MATCH_FOUND, "63" },
    { "Kaltim", ANY, NULL, CAK_MATCH_FOUND, "64" },
    { "Kaltara", ANY, NULL, CAK_MATCH_FOUND, "65" },
    { "Sulut", ANY, NULL, CAK_MATCH_FOUND, "71" },
    { "Sulteng", ANY, NULL, CAK_MATCH_FOUND, "72" },
    { "Sulsel", ANY, NULL, CAK_MATCH_FOUND, "73" },
    { "Sultra", ANY, NULL, CAK_MATCH_FOUND, "74" },
    { "Sulbar", ANY, NULL, CAK_MATCH_FOUND, "76" },
    { "Malut", ANY, NULL, CAK_MATCH_FOUND, "82" },
    { "Papua Barat", ANY, NULL, CAK_MATCH_FOUND, "92" },
    { "Pabar", ANY, NULL, CAK_MATCH_FOUND, "92" },
    { "Papua Barat Daya", ANY, NULL, CAK_MATCH_FOUND, "96" },
    { "Papua Pegunungan", ANY, NULL, CAK_MATCH_FOUND, "95" },
    { "Irian Jaya", ANY, NULL, CAK_MATCH_FOUND, "91" },
    { "Irian Jaya Barat", ANY, NULL, CAK_MATCH_FOUND, "92" },
    /* "Sumbar" is not Sumba Barat. */
    { "Sumba Barat", ANY, NULL, CAK_MATCH_FOUND, "53.12" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_match_suggestions (void)
{
  static const MatchCase cases[] = {
    { "Banyuwangy", ANY, NULL, CAK_MATCH_NONE, "35.10" },
    { "KAB. BANYUWANGY", ANY, NULL, CAK_MATCH_NONE, "35.10" },
    { "Surabya", ANY, NULL, CAK_MATCH_NONE, "35.78" },
    { "Sidaorjo", ANY, NULL, CAK_MATCH_NONE, "35.15" },
    { "Jawa Timr", ANY, NULL, CAK_MATCH_NONE, "35" },
    { "Probolingo", ANY, NULL, CAK_MATCH_NONE, "35.13 35.74" },
    { "Kota Probolingo", ANY, NULL, CAK_MATCH_NONE, "35.74 35.13" },
    { "Banjr", ANY, "63", CAK_MATCH_NONE, "63.03 32.79" },
    { "Banjr", ANY, "32", CAK_MATCH_NONE, "32.79 63.03" },
    { "Padang Sidimpuam", ANY, NULL, CAK_MATCH_NONE, "12.77" },
    { "Total", ANY, NULL, CAK_MATCH_NONE, "" },
    { "JUMLAH", ANY, NULL, CAK_MATCH_NONE, "" },
    { "Xyzzy", ANY, NULL, CAK_MATCH_NONE, "" },
    { "No", ANY, NULL, CAK_MATCH_NONE, "" },
    { "Kabupaten", ANY, NULL, CAK_MATCH_NONE, "" },
    { "Kota", ANY, NULL, CAK_MATCH_NONE, "" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_match_suggestion_limit (void)
{
  /* "Balu" is one edit from Bali, Batu, Belu and Palu: three are offered, those of the hinted
   * province first. */
  static const MatchCase cases[] = {
    { "Balu", ANY, NULL, CAK_MATCH_NONE, "35.79 51 53.04" },
    { "Balu", ANY, "72", CAK_MATCH_NONE, "72.71 35.79 51" },
    { "Balu", KABUPATEN, NULL, CAK_MATCH_NONE, "53.04 35.79 51" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_match_empty (void)
{
  static const MatchCase cases[] = {
    { "", ANY, NULL, CAK_MATCH_NONE, "" },
    { "   ", ANY, NULL, CAK_MATCH_NONE, "" },
    { "\t\n", KOTA, "35", CAK_MATCH_NONE, "" },
    { ".-,()", ANY, NULL, CAK_MATCH_NONE, "" },
    { "\302\240", ANY, NULL, CAK_MATCH_NONE, "" },
    /* Bytes that are not UTF-8 never match, but the rest can still be suggested. */
    { "\377\376 Blitar", ANY, NULL, CAK_MATCH_NONE, "35.05 35.72" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_match_optional_outputs (void)
{
  const CakRegion *region = NULL;
  g_autoptr (GPtrArray) candidates = NULL;

  g_assert_cmpint (cak_region_catalog_match (catalog (), "Kota Blitar", ANY, NULL, NULL, NULL), ==,
                   CAK_MATCH_FOUND);
  g_assert_cmpint (cak_region_catalog_match (catalog (), "Blitar", ANY, NULL, NULL, NULL), ==,
                   CAK_MATCH_AMBIGUOUS);
  g_assert_cmpint (cak_region_catalog_match (catalog (), "Banyuwangy", ANY, NULL, NULL, NULL), ==,
                   CAK_MATCH_NONE);
  g_assert_cmpint (cak_region_catalog_match (catalog (), "Blitar", ANY, NULL, &region, NULL), ==,
                   CAK_MATCH_AMBIGUOUS);
  g_assert_null (region);
  g_assert_cmpint (cak_region_catalog_match (catalog (), "3505", ANY, NULL, NULL, &candidates), ==,
                   CAK_MATCH_FOUND);
  g_assert_nonnull (candidates);
  g_assert_cmpuint (candidates->len, ==, 0);
}

static void
test_match_preconditions (void)
{
  g_autoptr (GPtrArray) candidates = NULL;
  const CakRegion *region = GUINT_TO_POINTER (1);

  if (g_test_undefined ())
    {
      g_test_expect_message ("cak-region-catalog", G_LOG_LEVEL_CRITICAL, "*text != NULL*");
      g_assert_cmpint (cak_region_catalog_match (catalog (), NULL, ANY, NULL, &region, &candidates),
                       ==, CAK_MATCH_NONE);
      g_test_assert_expected_messages ();
      g_assert_null (region);
      g_assert_nonnull (candidates);
      g_assert_cmpuint (candidates->len, ==, 0);
      g_clear_pointer (&candidates, g_ptr_array_unref);

      g_test_expect_message ("cak-region-catalog", G_LOG_LEVEL_CRITICAL, "*self != NULL*");
      g_assert_cmpint (cak_region_catalog_match (NULL, "Blitar", ANY, NULL, NULL, &candidates), ==,
                       CAK_MATCH_NONE);
      g_test_assert_expected_messages ();
      g_assert_nonnull (candidates);

      g_test_expect_message ("cak-region-catalog", G_LOG_LEVEL_CRITICAL, "*kind_hint*");
      g_assert_cmpint (cak_region_catalog_match (catalog (), "Blitar", 42, NULL, NULL, NULL), ==,
                       CAK_MATCH_NONE);
      g_test_assert_expected_messages ();

      g_test_expect_message ("cak-region-catalog", G_LOG_LEVEL_CRITICAL, "*index*");
      g_assert_null (cak_region_catalog_get_region (catalog (), 552));
      g_test_assert_expected_messages ();

      g_test_expect_message ("cak-region-catalog", G_LOG_LEVEL_CRITICAL, "*code != NULL*");
      g_assert_null (cak_region_catalog_lookup_code (catalog (), NULL));
      g_test_assert_expected_messages ();
    }
}

static const char small_csv[] = "\xef\xbb\xbf"
                                "code,bps_code,name,kind,province_code\r\n"
                                "35,35,Jawa Timur,provinsi,35\r\n"
                                "35.05,3505,Kabupaten Blitar,kabupaten,35\r\n"
                                "35.72,3572,\"Kota Blitar, Lama\",kota,35\r\n"
                                "35.73,3573,\"Kota \"\"Malang\"\"\",kota,35\r\n"
                                "\r\n";

static void
test_csv_valid (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CakRegionCatalog) self = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  const CakRegion *region = NULL;

  self = cak_region_catalog_new_from_csv (small_csv, strlen (small_csv), &error);
  g_assert_no_error (error);
  g_assert_nonnull (self);
  g_assert_cmpuint (cak_region_catalog_get_n_regions (self), ==, 4);

  region = cak_region_catalog_get_region (self, 2);
  g_assert_cmpstr (region->name, ==, "Kota Blitar, Lama");
  g_assert_cmpstr (region->short_name, ==, "Blitar, Lama");
  g_assert_cmpint (region->kind, ==, KOTA);
  g_assert_cmpstr (cak_region_catalog_get_region (self, 3)->name, ==, "Kota \"Malang\"");

  g_assert_cmpint (cak_region_catalog_match (self, "Blitar Lama", ANY, NULL, &region, NULL), ==,
                   CAK_MATCH_FOUND);
  g_assert_cmpstr (region->code, ==, "35.72");
  g_assert_cmpint (cak_region_catalog_match (self, "Kota Malang", ANY, NULL, &region, NULL), ==,
                   CAK_MATCH_FOUND);
  g_assert_cmpstr (region->code, ==, "35.73");
  /* The aliases of regions missing from a short list are left out, not an error. */
  g_assert_cmpint (cak_region_catalog_match (self, "Jatim", ANY, NULL, &region, NULL), ==,
                   CAK_MATCH_FOUND);
  g_assert_cmpint (cak_region_catalog_match (self, "Jakarta", ANY, NULL, NULL, &candidates), ==,
                   CAK_MATCH_NONE);

  /* The same list without a final newline or BOM, with LF line ends. */
  {
    const char *lf = "code,bps_code,name,kind,province_code\n"
                     "35,35,Jawa Timur,provinsi,35\n"
                     "35.05,3505,Kabupaten Blitar,kabupaten,35";
    g_autoptr (CakRegionCatalog) other = cak_region_catalog_new_from_csv (lf, strlen (lf), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cak_region_catalog_get_n_regions (other), ==, 2);
  }

  /* Columns in another order, and one more that is ignored. */
  {
    const char *reordered = "name,code,kind,province_code,bps_code,note\n"
                            "Jawa Timur,35,provinsi,35,35,\n"
                            "Kota Blitar,35.72,kota,35,3572,x\n";
    g_autoptr (CakRegionCatalog) other
        = cak_region_catalog_new_from_csv (reordered, strlen (reordered), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cak_region_catalog_lookup_code (other, "3572")->name, ==, "Kota Blitar");
  }
}

static void
test_csv_malformed (void)
{
#define HEADER "code,bps_code,name,kind,province_code\n"
#define JATIM "35,35,Jawa Timur,provinsi,35\n"
  static const char *const cases[] = {
    "",
    "\n",
    HEADER,
    "code,name,kind,province_code\n" JATIM,
    HEADER JATIM "35.05,3505,Kabupaten Blitar,regency,35\n",
    HEADER JATIM "35.5,355,Kabupaten Blitar,kabupaten,35\n",
    HEADER JATIM "35.05,35.05,Kabupaten Blitar,kabupaten,35\n",
    HEADER JATIM "35.05,3505,Kabupaten Blitar,kabupaten,36\n",
    HEADER JATIM "36.05,3605,Kabupaten Blitar,kabupaten,36\n",
    HEADER JATIM "35.05,3505,,kabupaten,35\n",
    HEADER JATIM "35.05,3505,Kabupaten Blitar,kabupaten,35\n35.05,3505,Kota Blitar,kota,35\n",
    HEADER JATIM JATIM,
    HEADER JATIM "35.05,3505,\"Kabupaten Blitar,kabupaten,35\n",
    HEADER JATIM "35.05,3505,\"Kabupaten\" Blitar,kabupaten,35\n",
    HEADER JATIM "35.05,3505,Kabupaten \"Blitar\",kabupaten,35\n",
    HEADER JATIM "35.05,3505,Kabupaten Blitar,kabupaten\n",
    HEADER JATIM "35.05,3505,Kabupaten Blitar\rx,kabupaten,35\n",
    HEADER JATIM "35.05,3505,Kabupaten \377Blitar,kabupaten,35\n",
    HEADER "35,35,Jawa Timur,provinsi,36\n",
    HEADER "3,3,Jawa Timur,provinsi,3\n",
  };
#undef HEADER
#undef JATIM
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CakRegionCatalog) self = NULL;

      self = cak_region_catalog_new_from_csv (cases[i], strlen (cases[i]), &error);
      g_assert_error (error, CAK_REGION_CATALOG_ERROR, CAK_REGION_CATALOG_ERROR_INVALID);
      g_assert_null (self);
      g_assert_true (g_str_has_prefix (error->message, "Region list"));
    }

  /* A NULL error location is allowed. */
  g_assert_null (cak_region_catalog_new_from_csv ("x", 1, NULL));
  g_assert_null (cak_region_catalog_new_from_csv (NULL, 0, NULL));
}

/* The crosswalk between the Kemendagri and BPS numberings */

static const char *
scheme_name (CakCodeScheme scheme)
{
  return scheme == CAK_CODE_SCHEME_BPS ? "bps" : "kemendagri";
}

/* The readings of a code as "bps 1107, kemendagri 11.07 without-dot", to compare with a table. */
static char *
describe_readings (GArray *readings)
{
  static const struct
  {
    CakCodeReadingFlags flag;
    const char *word;
  } flags[] = {
    { CAK_CODE_READING_WITHOUT_DOT, "without-dot" },
    { CAK_CODE_READING_LOST_ZERO, "lost-zero" },
    { CAK_CODE_READING_UNPADDED, "unpadded" },
    { CAK_CODE_READING_BEFORE_SPLIT, "before-split" },
  };
  GString *out = g_string_new (NULL);
  guint i, j;

  for (i = 0; i < readings->len; i++)
    {
      const CakCodeReading *reading = &g_array_index (readings, CakCodeReading, i);

      g_assert_nonnull (reading->region);
      g_assert_cmpstr (reading->code, ==,
                       reading->scheme == CAK_CODE_SCHEME_BPS ? reading->region->bps_code
                                                              : reading->region->code);
      g_string_append_printf (out, "%s%s %s", i > 0 ? ", " : "", scheme_name (reading->scheme),
                              reading->region->code);
      for (j = 0; j < G_N_ELEMENTS (flags); j++)
        if (reading->flags & flags[j].flag)
          g_string_append_printf (out, " %s", flags[j].word);
    }

  return g_string_free (out, FALSE);
}

/* Every region is found again from its Kemendagri code and from its BPS code in each way files
 * write it; a BPS code shared by two regions would fail here. */
static void
test_crosswalk_round_trip (void)
{
  CakRegionCatalog *self = catalog ();
  guint n_regencies = 0, n_bps_provinces = 0;
  guint i;

  for (i = 0; i < cak_region_catalog_get_n_regions (self); i++)
    {
      const CakRegion *r = cak_region_catalog_get_region (self, i);
      g_autoptr (GArray) by_code = cak_region_catalog_read_code (self, r->code);
      g_autofree char *padded = g_strdup_printf (" %s ", r->code);

      g_assert_true (cak_region_catalog_lookup_kemendagri (self, r->code) == r);
      g_assert_true (cak_region_catalog_lookup_kemendagri (self, padded) == r);
      g_assert_true (cak_region_catalog_lookup_code (self, r->code) == r);
      g_assert_true (cak_code_readings_find (by_code, r) != NULL);
      g_assert_cmpint (cak_code_readings_find (by_code, r)->scheme, ==, CAK_CODE_SCHEME_KEMENDAGRI);
      if (r->kind != PROVINCE)
        {
          /* "35.05" is Kemendagri's and nothing else. */
          g_assert_cmpuint (by_code->len, ==, 1);
          n_regencies++;
        }

      if (r->bps_code != NULL)
        {
          g_autofree char *p_code = g_strdup_printf ("ID%s", r->bps_code);
          g_autofree char *lower = g_strdup_printf ("id%s", r->bps_code);
          g_autofree char *number = g_strdup_printf ("%s.0", r->bps_code);
          g_autoptr (GArray) by_p_code = cak_region_catalog_read_code (self, p_code);
          g_autoptr (GArray) by_bps = cak_region_catalog_read_code (self, r->bps_code);
          const CakCodeReading *reading;

          g_assert_true (cak_region_catalog_lookup_bps (self, r->bps_code) == r);
          g_assert_true (cak_region_catalog_lookup_bps (self, p_code) == r);
          g_assert_true (cak_region_catalog_lookup_bps (self, lower) == r);
          g_assert_true (cak_region_catalog_lookup_bps (self, number) == r);

          /* A P-code is BPS's and nothing else. */
          g_assert_cmpuint (by_p_code->len, ==, 1);
          reading = &g_array_index (by_p_code, CakCodeReading, 0);
          g_assert_true (reading->region == r);
          g_assert_cmpint (reading->scheme, ==, CAK_CODE_SCHEME_BPS);
          g_assert_cmpstr (reading->code, ==, r->bps_code);

          if (r->kind != PROVINCE)
            {
              /* Four digits are BPS's first, and a regency is found by them in a match. */
              reading = &g_array_index (by_bps, CakCodeReading, 0);
              g_assert_true (reading->region == r);
              g_assert_cmpint (reading->scheme, ==, CAK_CODE_SCHEME_BPS);
              g_assert_true (cak_region_catalog_lookup_code (self, r->bps_code) == r);
              check_found (r->bps_code, ANY, NULL, r);
              check_found (p_code, ANY, NULL, r);
              check_found (number, ANY, NULL, r);
            }
          else
            n_bps_provinces++;
        }
      else
        g_assert_cmpint (r->kind, ==, PROVINCE);
    }

  g_assert_cmpuint (n_regencies, ==, 514);
  /* The four provinces made in 2022 have no BPS code in the source. */
  g_assert_cmpuint (n_bps_provinces, ==, 34);
  g_test_message ("514 regencies and 38 provinces round-trip through both numberings");
}

/* The provinces where the numberings differ, and three regencies of each: BPS code, Kemendagri
 * code and name, from the OCHA COD-AB workbook and the Kemendagri list. Where only two regencies
 * differ, the third is one that does not. */
static void
test_crosswalk_differ (void)
{
  static const struct
  {
    const char *province;
    const char *code;
    const char *bps_code;
    const char *name;
  } cases[] = {
    { "11", "11.01", "1103", "Kabupaten Aceh Selatan" },
    { "11", "11.02", "1104", "Kabupaten Aceh Tenggara" },
    { "11", "11.03", "1105", "Kabupaten Aceh Timur" },
    { "12", "12.01", "1204", "Kabupaten Tapanuli Tengah" },
    { "12", "12.02", "1205", "Kabupaten Tapanuli Utara" },
    { "12", "12.04", "1201", "Kabupaten Nias" },
    { "13", "13.01", "1302", "Kabupaten Pesisir Selatan" },
    { "13", "13.02", "1303", "Kabupaten Solok" },
    { "13", "13.03", "1304", "Kabupaten Sijunjung" },
    { "14", "14.01", "1406", "Kabupaten Kampar" },
    { "14", "14.03", "1408", "Kabupaten Bengkalis" },
    { "14", "14.04", "1403", "Kabupaten Indragiri Hilir" },
    { "15", "15.06", "1507", "Kabupaten Tanjung Jabung Barat" },
    { "15", "15.07", "1506", "Kabupaten Tanjung Jabung Timur" },
    { "15", "15.08", "1509", "Kabupaten Bungo" },
    { "16", "16.08", "1609", "Kabupaten Ogan Komering Ulu Timur" },
    { "16", "16.09", "1608", "Kabupaten Ogan Komering Ulu Selatan" },
    { "16", "16.72", "1673", "Kota Pagar Alam" },
    { "18", "18.01", "1803", "Kabupaten Lampung Selatan" },
    { "18", "18.02", "1805", "Kabupaten Lampung Tengah" },
    { "18", "18.03", "1806", "Kabupaten Lampung Utara" },
    { "19", "19.01", "1901", "Kabupaten Bangka" },
    { "19", "19.03", "1905", "Kabupaten Bangka Selatan" },
    { "19", "19.05", "1903", "Kabupaten Bangka Barat" },
    { "21", "21.01", "2102", "Kabupaten Bintan" },
    { "21", "21.02", "2101", "Kabupaten Karimun" },
    { "21", "21.03", "2103", "Kabupaten Natuna" },
    { "31", "31.71", "3173", "Kota Administrasi Jakarta Pusat" },
    { "31", "31.72", "3175", "Kota Administrasi Jakarta Utara" },
    { "31", "31.73", "3174", "Kota Administrasi Jakarta Barat" },
    { "53", "53.01", "5303", "Kabupaten Kupang" },
    { "53", "53.02", "5304", "Kabupaten Timor Tengah Selatan" },
    { "53", "53.03", "5305", "Kabupaten Timor Tengah Utara" },
    { "61", "61.02", "6104", "Kabupaten Mempawah" },
    { "61", "61.03", "6105", "Kabupaten Sanggau" },
    { "61", "61.04", "6106", "Kabupaten Ketapang" },
    { "62", "62.06", "6209", "Kabupaten Katingan" },
    { "62", "62.07", "6208", "Kabupaten Seruyan" },
    { "62", "62.08", "6206", "Kabupaten Sukamara" },
    { "64", "64.02", "6403", "Kabupaten Kutai Kartanegara" },
    { "64", "64.03", "6405", "Kabupaten Berau" },
    { "64", "64.07", "6402", "Kabupaten Kutai Barat" },
    { "65", "65.01", "6502", "Kabupaten Bulungan" },
    { "65", "65.02", "6501", "Kabupaten Malinau" },
    { "65", "65.03", "6504", "Kabupaten Nunukan" },
    { "71", "71.07", "7109", "Kabupaten Minahasa Tenggara" },
    { "71", "71.08", "7107", "Kabupaten Bolaang Mongondow Utara" },
    { "71", "71.09", "7108", "Kabupaten Kepulauan Siau Tagulandang Biaro" },
    { "72", "72.01", "7202", "Kabupaten Banggai" },
    { "72", "72.02", "7204", "Kabupaten Poso" },
    { "72", "72.03", "7205", "Kabupaten Donggala" },
    { "73", "73.08", "7311", "Kabupaten Bone" },
    { "73", "73.09", "7308", "Kabupaten Maros" },
    { "73", "73.10", "7309", "Kabupaten Pangkajene dan Kepulauan" },
    { "74", "74.01", "7404", "Kabupaten Kolaka" },
    { "74", "74.02", "7403", "Kabupaten Konawe" },
    { "74", "74.03", "7402", "Kabupaten Muna" },
    { "75", "75.01", "7502", "Kabupaten Gorontalo" },
    { "75", "75.02", "7501", "Kabupaten Boalemo" },
    { "75", "75.03", "7504", "Kabupaten Bone Bolango" },
    { "76", "76.01", "7605", "Kabupaten Pasangkayu" },
    { "76", "76.02", "7604", "Kabupaten Mamuju" },
    { "76", "76.04", "7602", "Kabupaten Polewali Mandar" },
    { "81", "81.01", "8103", "Kabupaten Maluku Tengah" },
    { "81", "81.03", "8101", "Kabupaten Kepulauan Tanimbar" },
    { "81", "81.05", "8107", "Kabupaten Seram Bagian Timur" },
    { "82", "82.01", "8201", "Kabupaten Halmahera Barat" },
    { "82", "82.03", "8205", "Kabupaten Halmahera Utara" },
    { "82", "82.05", "8203", "Kabupaten Kepulauan Sula" },
    { "91", "91.03", "9403", "Kabupaten Jayapura" },
    { "91", "91.05", "9408", "Kabupaten Kepulauan Yapen" },
    { "91", "91.06", "9409", "Kabupaten Biak Numfor" },
    { "92", "92.02", "9105", "Kabupaten Manokwari" },
    { "92", "92.03", "9101", "Kabupaten Fak Fak" },
    { "92", "92.06", "9104", "Kabupaten Teluk Bintuni" },
    { "93", "93.01", "9401", "Kabupaten Merauke" },
    { "93", "93.02", "9413", "Kabupaten Boven Digoel" },
    { "93", "93.03", "9414", "Kabupaten Mappi" },
    { "94", "94.01", "9404", "Kabupaten Nabire" },
    { "94", "94.02", "9411", "Kabupaten Puncak Jaya" },
    { "94", "94.03", "9410", "Kabupaten Paniai" },
    { "95", "95.01", "9402", "Kabupaten Jayawijaya" },
    { "95", "95.02", "9417", "Kabupaten Pegunungan Bintang" },
    { "95", "95.03", "9416", "Kabupaten Yahukimo" },
    { "96", "96.01", "9107", "Kabupaten Sorong" },
    { "96", "96.02", "9106", "Kabupaten Sorong Selatan" },
    { "96", "96.03", "9108", "Kabupaten Raja Ampat" },
  };
  CakRegionCatalog *self = catalog ();
  g_autoptr (GPtrArray) provinces = cak_region_catalog_list_provinces (self);
  g_autoptr (GString) listed = g_string_new (NULL);
  g_autoptr (GString) expected = g_string_new (NULL);
  guint n_listed = 0;
  guint i, j;

  /* The provinces where any regency's BPS code is not its Kemendagri code without the dot. */
  for (i = 0; i < provinces->len; i++)
    {
      const CakRegion *p = g_ptr_array_index (provinces, i);
      g_autoptr (GPtrArray) regencies = cak_region_catalog_list_regencies (self, p->code);
      guint n_differ = 0;

      for (j = 0; j < regencies->len; j++)
        {
          const CakRegion *r = g_ptr_array_index (regencies, j);
          g_autofree char *without_dot = g_strdup_printf ("%.2s%s", r->code, r->code + 3);

          if (strcmp (r->bps_code, without_dot) != 0)
            n_differ++;
        }
      if (n_differ > 0)
        {
          g_string_append_printf (listed, "%s%s", listed->len > 0 ? " " : "", p->code);
          n_listed++;
          g_test_message ("%s %s: %u of %u regencies numbered differently; province: "
                          "Kemendagri %s, BPS %s",
                          p->code, p->name, n_differ, regencies->len, p->code,
                          p->bps_code != NULL ? p->bps_code : "none (made in 2022)");
        }
    }

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CakRegion *r = cak_region_catalog_lookup_kemendagri (self, cases[i].code);
      g_autofree char *without_dot = g_strdup_printf ("%.2s%s", cases[i].code, cases[i].code + 3);
      g_autoptr (GArray) readings = cak_region_catalog_read_code (self, cases[i].bps_code);
      const CakRegion *other = cak_region_catalog_lookup_bps (self, without_dot);

      if (i % 3 == 0)
        g_string_append_printf (expected, "%s%s", expected->len > 0 ? " " : "", cases[i].province);
      else
        g_assert_cmpstr (cases[i].province, ==, cases[i - 1].province);

      g_assert_nonnull (r);
      g_assert_cmpstr (r->name, ==, cases[i].name);
      g_assert_cmpstr (r->province_code, ==, cases[i].province);
      g_assert_cmpstr (r->bps_code, ==, cases[i].bps_code);
      g_assert_true (cak_region_catalog_lookup_bps (self, cases[i].bps_code) == r);
      g_assert_true (g_array_index (readings, CakCodeReading, 0).region == r);

      /* Where the numberings differ, the BPS code read as Kemendagri without its dot names
       * another region, and the Kemendagri code without its dot is another region's BPS code
       * (or none's). */
      if (strcmp (cases[i].bps_code, without_dot) != 0)
        {
          g_autofree char *as_kemendagri
              = g_strdup_printf ("%.2s.%s", cases[i].bps_code, cases[i].bps_code + 2);
          const CakRegion *misread = cak_region_catalog_lookup_kemendagri (self, as_kemendagri);

          g_assert_true (misread != r);
          if (misread != NULL)
            g_assert_null (cak_code_readings_agree (readings));
          g_assert_true (other != r);
        }
      else
        {
          g_assert_true (other == r);
          g_assert_true (cak_code_readings_agree (readings) == r);
        }
    }

  g_test_message ("provinces whose numberings differ: %s", listed->str);
  g_assert_cmpstr (expected->str, ==, listed->str);
  g_assert_cmpuint (G_N_ELEMENTS (cases), ==, 3 * n_listed);
}

/* How code texts are read: every reading, the likelier first. */
static void
test_crosswalk_readings (void)
{
  static const struct
  {
    const char *text;
    const char *readings;
  } cases[] = {
    /* BPS 1107 is Aceh Barat; Kemendagri 11.07 is Pidie, and Aceh Barat is 11.05. */
    { "1107", "bps 11.05, kemendagri 11.07 without-dot" },
    { " 1107 ", "bps 11.05, kemendagri 11.07 without-dot" },
    { "1107.0", "bps 11.05, kemendagri 11.07 without-dot" },
    { "1107.00", "bps 11.05, kemendagri 11.07 without-dot" },
    { "ID1107", "bps 11.05" },
    { "id1107", "bps 11.05" },
    { "11.07", "kemendagri 11.07" },
    { "11.05", "kemendagri 11.05" },
    { "1105", "bps 11.03, kemendagri 11.05 without-dot" },
    /* Where the numberings agree, both readings name one region. */
    { "3505", "bps 35.05, kemendagri 35.05 without-dot" },
    { "35", "kemendagri 35, bps 35" },
    { "ID35", "bps 35" },
    { "35.0", "kemendagri 35, bps 35" },
    /* A number cell that lost its last zero, or a code written without its zero. */
    { "35.1", "kemendagri 35.10 lost-zero, kemendagri 35.01 unpadded" },
    { "11.7", "kemendagri 11.07 unpadded" },
    /* Papua: BPS numbers Papua 94 and Papua Barat 91, Kemendagri 91 and 92; the provinces made
     * in 2022 have no BPS code, and their regencies keep the BPS codes they had before. */
    { "91", "kemendagri 91, bps 92" },
    { "92", "kemendagri 92" },
    { "93", "kemendagri 93" },
    { "94", "kemendagri 94, bps 91" },
    { "ID94", "bps 91" },
    { "ID91", "bps 92" },
    { "96", "kemendagri 96" },
    { "9401", "bps 93.01 before-split, kemendagri 94.01 without-dot" },
    { "ID9401", "bps 93.01 before-split" },
    { "9403", "bps 91.03, kemendagri 94.03 without-dot" },
    { "9171", "bps 96.71 before-split, kemendagri 91.71 without-dot" },
    { "96.71", "kemendagri 96.71" },
    { "9671", "kemendagri 96.71 without-dot" },
    { "9301", "kemendagri 93.01 without-dot" },
    { "11", "kemendagri 11, bps 11" },
    /* Nothing. */
    { "", "" },
    { "ID", "" },
    { "110", "" },
    { "11071", "" },
    { "1107.5", "" },
    { "ID1107.0", "" },
    { "ID11.07", "" },
    { "11 07", "" },
    { "99.99", "" },
    { "9999", "" },
    { "Aceh", "" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GArray) readings = cak_region_catalog_read_code (catalog (), cases[i].text);
      g_autofree char *got = describe_readings (readings);

      if (g_strcmp0 (got, cases[i].readings) != 0)
        g_test_fail_printf ("'%s': expected '%s', got '%s'", cases[i].text, cases[i].readings, got);
    }
}

/* The example of the issue, and the words that report it. */
static void
test_crosswalk_aceh_barat (void)
{
  CakRegionCatalog *self = catalog ();
  const CakRegion *aceh_barat = cak_region_catalog_lookup_kemendagri (self, "11.05");
  const CakRegion *pidie = cak_region_catalog_lookup_kemendagri (self, "11.07");
  g_autoptr (GArray) readings = cak_region_catalog_read_code (self, "1107");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpstr (aceh_barat->name, ==, "Kabupaten Aceh Barat");
  g_assert_cmpstr (aceh_barat->bps_code, ==, "1107");
  g_assert_cmpstr (pidie->name, ==, "Kabupaten Pidie");
  g_assert_cmpstr (pidie->bps_code, ==, "1109");
  g_assert_true (cak_region_catalog_lookup_bps (self, "1107") == aceh_barat);
  g_assert_true (cak_region_catalog_lookup_bps (self, "ID1107") == aceh_barat);
  g_assert_true (cak_region_catalog_lookup_bps (self, "1107.0") == aceh_barat);
  g_assert_null (cak_region_catalog_lookup_bps (self, "11.07"));
  g_assert_null (cak_region_catalog_lookup_kemendagri (self, "1107"));

  g_assert_cmpuint (readings->len, ==, 2);
  g_assert_null (cak_code_readings_agree (readings));
  g_assert_true (cak_code_readings_find (readings, aceh_barat)
                 == &g_array_index (readings, CakCodeReading, 0));
  g_assert_true (cak_code_readings_find (readings, pidie)
                 == &g_array_index (readings, CakCodeReading, 1));
  g_assert_null (
      cak_code_readings_find (readings, cak_region_catalog_lookup_kemendagri (self, "35")));

  /* The tests run with LANGUAGE=en, so the words are the English ones. */
  first = cak_code_reading_describe (&g_array_index (readings, CakCodeReading, 0));
  second = cak_code_reading_describe (&g_array_index (readings, CakCodeReading, 1));
  g_assert_cmpstr (first, ==, "Kabupaten Aceh Barat under BPS numbering (1107)");
  g_assert_cmpstr (second, ==, "Kabupaten Pidie if read as Kemendagri 11.07");
}

static void
test_crosswalk_papua (void)
{
  static const struct
  {
    const char *code;
    const char *name;
    const char *bps_code; /* NULL: none in the source */
  } provinces[] = {
    { "91", "Papua", "94" },
    { "92", "Papua Barat", "91" },
    { "93", "Papua Selatan", NULL },
    { "94", "Papua Tengah", NULL },
    { "95", "Papua Pegunungan", NULL },
    { "96", "Papua Barat Daya", NULL },
  };
  CakRegionCatalog *self = catalog ();
  const CakRegion *merauke = cak_region_catalog_lookup_kemendagri (self, "93.01");
  g_autoptr (GArray) readings = cak_region_catalog_read_code (self, "ID9401");
  g_autofree char *words = NULL;
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (provinces); i++)
    {
      const CakRegion *p = cak_region_catalog_lookup_kemendagri (self, provinces[i].code);

      g_assert_nonnull (p);
      g_assert_cmpstr (p->name, ==, provinces[i].name);
      g_assert_cmpstr (p->bps_code, ==, provinces[i].bps_code);
      if (provinces[i].bps_code != NULL)
        g_assert_true (cak_region_catalog_lookup_bps (self, provinces[i].bps_code) == p);
    }

  /* BPS 94 is Papua, Kemendagri 94 is Papua Tengah; lookup_code () reads two digits as
   * Kemendagri's. */
  g_assert_cmpstr (cak_region_catalog_lookup_bps (self, "94")->name, ==, "Papua");
  g_assert_cmpstr (cak_region_catalog_lookup_code (self, "94")->name, ==, "Papua Tengah");
  g_assert_null (cak_region_catalog_lookup_bps (self, "93"));
  g_assert_null (cak_region_catalog_lookup_bps (self, "96"));

  g_assert_cmpstr (merauke->name, ==, "Kabupaten Merauke");
  g_assert_cmpstr (merauke->bps_code, ==, "9401");
  g_assert_cmpuint (readings->len, ==, 1);
  g_assert_cmpint (g_array_index (readings, CakCodeReading, 0).flags, ==,
                   CAK_CODE_READING_BEFORE_SPLIT);
  words = cak_code_reading_describe (&g_array_index (readings, CakCodeReading, 0));
  g_assert_cmpstr (words, ==,
                   "Kabupaten Merauke under BPS numbering from before the 2022 split of Papua "
                   "(9401)");

  /* Every regency of the new provinces is under the BPS code of the province it came from. */
  for (i = 2; i < G_N_ELEMENTS (provinces); i++)
    {
      g_autoptr (GPtrArray) regencies = cak_region_catalog_list_regencies (self, provinces[i].code);
      const char *old = strcmp (provinces[i].code, "96") == 0 ? "91" : "94";
      guint j;

      g_assert_cmpuint (regencies->len, >, 0);
      for (j = 0; j < regencies->len; j++)
        {
          const CakRegion *r = g_ptr_array_index (regencies, j);

          g_assert_true (g_str_has_prefix (r->bps_code, old));
        }
    }
}

/* A list may leave the BPS code of a province empty; its regencies then carry the BPS code of
 * another province, as in Papua since 2022. BPS codes that do not fit are refused. */
static void
test_csv_bps_codes (void)
{
  static const char valid[] = "code,bps_code,name,kind,province_code\n"
                              "91,94,Papua,provinsi,91\n"
                              "93,,Papua Selatan,provinsi,93\n"
                              "91.03,9403,Kabupaten Jayapura,kabupaten,91\n"
                              "93.01,9401,Kabupaten Merauke,kabupaten,93\n";
  static const char *const malformed[] = {
    /* a regency without a BPS code */
    "code,bps_code,name,kind,province_code\n35,35,Jawa Timur,provinsi,35\n"
    "35.05,,Kabupaten Blitar,kabupaten,35\n",
    /* a BPS code outside its province's */
    "code,bps_code,name,kind,province_code\n35,35,Jawa Timur,provinsi,35\n"
    "35.05,3605,Kabupaten Blitar,kabupaten,35\n",
    /* a BPS code outside every province's */
    "code,bps_code,name,kind,province_code\n93,,Papua Selatan,provinsi,93\n"
    "93.01,9401,Kabupaten Merauke,kabupaten,93\n",
    /* one BPS code for two regencies */
    "code,bps_code,name,kind,province_code\n35,35,Jawa Timur,provinsi,35\n"
    "35.05,3505,Kabupaten Blitar,kabupaten,35\n35.72,3505,Kota Blitar,kota,35\n",
    /* one BPS code for two provinces */
    "code,bps_code,name,kind,province_code\n91,94,Papua,provinsi,91\n"
    "94,94,Papua Tengah,provinsi,94\n",
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (CakRegionCatalog) self = NULL;
  g_autoptr (GArray) readings = NULL;
  gsize i;

  self = cak_region_catalog_new_from_csv (valid, strlen (valid), &error);
  g_assert_no_error (error);
  g_assert_null (cak_region_catalog_lookup_kemendagri (self, "93")->bps_code);
  g_assert_cmpstr (cak_region_catalog_lookup_bps (self, "9401")->name, ==, "Kabupaten Merauke");
  readings = cak_region_catalog_read_code (self, "9401");
  g_assert_cmpuint (readings->len, ==, 1);
  g_assert_cmpint (g_array_index (readings, CakCodeReading, 0).flags, ==,
                   CAK_CODE_READING_BEFORE_SPLIT);

  for (i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (CakRegionCatalog) other = NULL;

      other = cak_region_catalog_new_from_csv (malformed[i], strlen (malformed[i]), &local_error);
      g_assert_error (local_error, CAK_REGION_CATALOG_ERROR, CAK_REGION_CATALOG_ERROR_INVALID);
      g_assert_null (other);
      g_assert_true (g_str_has_prefix (local_error->message, "Region list"));
    }

  if (g_test_undefined ())
    {
      g_test_expect_message ("cak-region-catalog", G_LOG_LEVEL_CRITICAL, "*text != NULL*");
      g_assert_null (cak_region_catalog_read_code (self, NULL));
      g_test_assert_expected_messages ();

      g_test_expect_message ("cak-region-catalog", G_LOG_LEVEL_CRITICAL, "*text != NULL*");
      g_assert_null (cak_region_catalog_lookup_bps (self, NULL));
      g_test_assert_expected_messages ();

      g_test_expect_message ("cak-region-catalog", G_LOG_LEVEL_CRITICAL, "*self != NULL*");
      g_assert_null (cak_region_catalog_lookup_kemendagri (NULL, "35"));
      g_test_assert_expected_messages ();
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* First, so that the threads race to load the catalog. */
  g_test_add_func ("/regions/catalog/default-threads", test_catalog_default_threads);
  g_test_add_func ("/regions/catalog/default", test_catalog_default);
  g_test_add_func ("/regions/catalog/names", test_catalog_names);
  g_test_add_func ("/regions/catalog/lookup-code", test_catalog_lookup_code);
  g_test_add_func ("/regions/catalog/list", test_catalog_list);
  g_test_add_func ("/regions/csv/valid", test_csv_valid);
  g_test_add_func ("/regions/csv/malformed", test_csv_malformed);
  g_test_add_func ("/regions/csv/bps-codes", test_csv_bps_codes);
  g_test_add_func ("/regions/match/code", test_match_code);
  g_test_add_func ("/regions/match/kind", test_match_kind);
  g_test_add_func ("/regions/match/spelling", test_match_spelling);
  g_test_add_func ("/regions/match/province", test_match_province);
  g_test_add_func ("/regions/match/suggestions", test_match_suggestions);
  g_test_add_func ("/regions/match/suggestion-limit", test_match_suggestion_limit);
  g_test_add_func ("/regions/match/empty", test_match_empty);
  g_test_add_func ("/regions/match/optional-outputs", test_match_optional_outputs);
  g_test_add_func ("/regions/match/preconditions", test_match_preconditions);
  g_test_add_func ("/regions/match/every-regency", test_match_every_regency);
  g_test_add_func ("/regions/match/every-province", test_match_every_province);
  g_test_add_func ("/regions/crosswalk/round-trip", test_crosswalk_round_trip);
  g_test_add_func ("/regions/crosswalk/differ", test_crosswalk_differ);
  g_test_add_func ("/regions/crosswalk/readings", test_crosswalk_readings);
  g_test_add_func ("/regions/crosswalk/aceh-barat", test_crosswalk_aceh_barat);
  g_test_add_func ("/regions/crosswalk/papua", test_crosswalk_papua);

  return g_test_run ();
}
