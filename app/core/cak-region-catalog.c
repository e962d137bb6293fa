/* cak-region-catalog.c: the 38 provinces and 514 regencies and cities, and name matching
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-region-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cak-region-catalog.h"

/* How matching works
 *
 * Every name is reduced to a key: lower case, words of letters and digits separated by single
 * spaces, so "KAB.  Toli-Toli" and "kab toli toli" are the same. The text is then read in a few
 * ways: as a whole, without a leading kind word ("Kab.", "Kota", "Provinsi"), and without a
 * trailing one ("BLITAR (KOTA)"). A kind written in the text must agree with the region.
 *
 * Keys are looked up in tiers, and the first tier that yields any region decides:
 *   1. the names themselves and the usual ways of writing province names ("Jatim");
 *   2. the same with the spaces removed ("Pangkalpinang", "Kota Baru" for Kotabaru);
 *   3. and 4. old names and informal forms ("Kab. Pontianak" for Mempawah, "Solo"), exact then
 *      without spaces, which must never make a current name ambiguous.
 * Several regions from the deciding tier are narrowed by the caller's hints; if more than one
 * still fits, the answer is ambiguous. Nothing is guessed.
 *
 * Codes come in two numberings that differ in many provinces (see data/REGIONS-SOURCE.md): a
 * Kemendagri code has a dot ("11.07", Kabupaten Pidie), a BPS code has none ("1107", Kabupaten Aceh
 * Barat) or is a P-code ("ID1107"). A code text can mean both, and cak_region_catalog_read_code ()
 * gives every meaning so that the name beside it can choose.
 *
 * A bare name shared by a province and a regency or city ("Gorontalo", "Jambi", "Bengkulu",
 * "Yogyakarta") is ambiguous like any other shared name: a total row of a province and a row of
 * its capital look the same, and only the caller's hint or the text can tell them apart. */

#define DEFAULT_RESOURCE "/io/github/cakupan/Cakupan/data/regions.csv"
#define MAX_SUGGESTIONS 3
#define MAX_SUGGESTION_KEY 64
#define N_COLUMNS 5
#define MAX_READINGS 4

typedef enum
{
  TIER_NAME,
  TIER_NAME_COMPACT,
  TIER_WEAK,
  TIER_WEAK_COMPACT,
  N_TIERS
} Tier;

struct _CakRegionCatalog
{
  GStringChunk *strings;
  GArray *regions;           /* CakRegion, in the order of the list */
  GPtrArray *provinces;      /* const CakRegion *, in code order */
  GPtrArray *regencies;      /* const CakRegion *, in code order */
  GHashTable *codes;         /* Kemendagri code -> const CakRegion * */
  GHashTable *bps_codes;     /* BPS code -> const CakRegion * */
  GHashTable *keys[N_TIERS]; /* key -> GPtrArray of const CakRegion * */
};

/* A way to read the text: the key to look up and the kind the text itself names. */
typedef struct
{
  const char *key;
  CakRegionKind kind;
} Reading;

typedef struct
{
  const CakRegion *region;
  guint distance;
  gboolean in_province;
  gboolean of_kind;
} Suggestion;

typedef struct
{
  const char *code;
  const char *name;
} Alias;

/* clang-format off */
G_DEFINE_QUARK (cak-region-catalog-error-quark, cak_region_catalog_error)
/* clang-format on */

static const char *const columns[N_COLUMNS] = {
  "code", "bps_code", "name", "kind", "province_code",
};

/* How files commonly write province names besides the official name. Only forms that name
 * exactly one province are listed; "Yogyakarta" stays here although Kota Yogyakarta has the
 * same name, so that the two are reported as ambiguous rather than silently the city. */
static const Alias province_aliases[] = {
  { "11", "Nanggroe Aceh Darussalam" },
  { "11", "NAD" },
  { "11", "DI Aceh" },
  { "11", "Daerah Istimewa Aceh" },
  { "12", "Sumut" },
  { "13", "Sumbar" },
  { "16", "Sumsel" },
  { "19", "Bangka Belitung" },
  { "19", "Babel" },
  { "21", "Kepri" },
  { "31", "DKI Jakarta" },
  { "31", "DKI" },
  { "31", "Jakarta" },
  { "31", "DK Jakarta" },
  { "31", "Daerah Khusus Jakarta" },
  { "32", "Jabar" },
  { "33", "Jateng" },
  { "34", "DI Yogyakarta" },
  { "34", "DIY" },
  { "34", "Yogyakarta" },
  { "35", "Jatim" },
  { "52", "NTB" },
  { "53", "NTT" },
  { "61", "Kalbar" },
  { "62", "Kalteng" },
  { "63", "Kalsel" },
  { "64", "Kaltim" },
  { "65", "Kaltara" },
  { "71", "Sulut" },
  { "72", "Sulteng" },
  { "73", "Sulsel" },
  { "74", "Sultra" },
  { "76", "Sulbar" },
  { "82", "Malut" },
  { "92", "Pabar" },
};

/* Old names and informal forms still found in files. They are consulted only when no current
 * name fits, so "Pontianak" is the city while "Kab. Pontianak" is Mempawah, its name until 2014. */
static const Alias weak_aliases[] = {
  { "12.12", "Toba Samosir" },          /* renamed Toba in 2020 */
  { "12.77", "Padang Sidempuan" },      /* a common spelling */
  { "13.03", "Sawahlunto Sijunjung" },  /* renamed Sijunjung in 2008 */
  { "16.12", "PALI" },                  /* Penukal Abab Lematang Ilir */
  { "31.71", "Jakpus" },                /* the usual short forms of Jakarta's cities */
  { "31.72", "Jakut" },
  { "31.73", "Jakbar" },
  { "31.74", "Jaksel" },
  { "31.75", "Jaktim" },
  { "33.72", "Solo" },                  /* Surakarta */
  { "61.02", "Pontianak" },             /* renamed Mempawah in 2014 */
  { "64.01", "Pasir" },                 /* renamed Paser in 2007 */
  { "71.09", "Sitaro" },                /* Kepulauan Siau Tagulandang Biaro */
  { "73.10", "Pangkep" },               /* Pangkajene dan Kepulauan */
  { "76.01", "Mamuju Utara" },          /* renamed Pasangkayu in 2017 */
  { "81.03", "Maluku Tenggara Barat" }, /* renamed Kepulauan Tanimbar in 2019 */
  { "82.72", "Tidore" },                /* Tidore Kepulauan */
  { "91", "Irian Jaya" },               /* Papua before 2002 */
  { "91.05", "Yapen Waropen" },         /* renamed Kepulauan Yapen in 2008 */
  { "92", "Irian Jaya Barat" },         /* Papua Barat before 2007 */
};

static void
regions_array_free (gpointer data)
{
  g_ptr_array_unref (data);
}

static int
compare_region_codes (gconstpointer a, gconstpointer b)
{
  const CakRegion *ra = *(const CakRegion *const *)a;
  const CakRegion *rb = *(const CakRegion *const *)b;

  return strcmp (ra->code, rb->code);
}

static gboolean
is_digits (const char *s, gsize n)
{
  gsize i;

  for (i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;

  return s[n] == '\0';
}

static gboolean
is_province_code (const char *s)
{
  return is_digits (s, 2);
}

static gboolean
is_regency_code (const char *s)
{
  return g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[1]) && s[2] == '.' && is_digits (s + 3, 2);
}

static void
append_word (GString *out, const char *word, gsize len)
{
  /* Abbreviations and spellings that name the same thing, so that "Kep. Riau" is "Kepulauan
   * Riau" and "Sumatra Utara" is "Sumatera Utara" in every lookup table at once. */
  static const struct
  {
    const char *from;
    const char *to;
  } synonyms[] = {
    { "kep", "kepulauan" },
    { "kepl", "kepulauan" },
    { "sumatra", "sumatera" },
  };
  guint i;

  if (len == 0)
    return;

  if (out->len > 0)
    g_string_append_c (out, ' ');

  for (i = 0; i < G_N_ELEMENTS (synonyms); i++)
    {
      if (strlen (synonyms[i].from) == len && memcmp (synonyms[i].from, word, len) == 0)
        {
          g_string_append (out, synonyms[i].to);
          return;
        }
    }

  g_string_append_len (out, word, len);
}

/* Reduces a name to its key: lower-case words of letters and digits separated by one space.
 * Punctuation and hyphens separate words ("Toli-Toli", "Kab.Blitar"); apostrophes join them;
 * "&" reads as "dan". Bytes that are not valid UTF-8 are kept, so they can never match. */
static char *
normalize_name (const char *text)
{
  g_autoptr (GString) word = g_string_new (NULL);
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p != '\0')
    {
      guchar c = (guchar)*p;

      if (c < 0x80)
        {
          if (g_ascii_isalnum (c))
            g_string_append_c (word, g_ascii_tolower (c));
          else if (c != '\'' && c != '`')
            {
              append_word (out, word->str, word->len);
              g_string_truncate (word, 0);
              if (c == '&')
                append_word (out, "dan", 3);
            }
          p++;
        }
      else
        {
          gunichar u = g_utf8_get_char_validated (p, -1);

          if (u == (gunichar)-1 || u == (gunichar)-2)
            {
              g_string_append_c (word, *p);
              p++;
              continue;
            }

          if (g_unichar_isalnum (u))
            g_string_append_unichar (word, g_unichar_tolower (u));
          else if (u != 0x2019 && u != 0x2018) /* typographic apostrophes join like ' */
            {
              append_word (out, word->str, word->len);
              g_string_truncate (word, 0);
            }
          p = g_utf8_next_char (p);
        }
    }
  append_word (out, word->str, word->len);

  return g_string_free (out, FALSE);
}

static char *
compact_key (const char *key)
{
  char *compact = g_strdup (key);
  char *dst = compact;
  const char *src;

  for (src = key; *src != '\0'; src++)
    if (*src != ' ')
      *dst++ = *src;
  *dst = '\0';

  return compact;
}

static void
add_key (GHashTable *table, const char *key, const CakRegion *region)
{
  GPtrArray *regions;

  g_assert (table != NULL);
  g_assert (region != NULL);

  if (*key == '\0')
    return;

  regions = g_hash_table_lookup (table, key);
  if (regions == NULL)
    {
      regions = g_ptr_array_new ();
      g_hash_table_insert (table, g_strdup (key), regions);
    }

  if (!g_ptr_array_find (regions, region, NULL))
    g_ptr_array_add (regions, (gpointer)region);
}

/* Enters a name in a tier and in the tier of the same names without spaces. */
static void
add_name (CakRegionCatalog *self, Tier tier, const char *name, const CakRegion *region)
{
  g_autofree char *key = normalize_name (name);
  g_autofree char *compact = compact_key (key);

  g_assert (tier == TIER_NAME || tier == TIER_WEAK);

  add_key (self->keys[tier], key, region);
  add_key (self->keys[tier + 1], compact, region);
}

static void
add_aliases (CakRegionCatalog *self, Tier tier, const Alias *aliases, guint n_aliases)
{
  guint i;

  /* A catalog read from a shorter list (as in the tests) simply lacks some aliased regions. */
  for (i = 0; i < n_aliases; i++)
    {
      const CakRegion *region = g_hash_table_lookup (self->codes, aliases[i].code);

      if (region != NULL)
        add_name (self, tier, aliases[i].name, region);
    }
}

static void
build_indexes (CakRegionCatalog *self)
{
  guint i;

  for (i = 0; i < self->regions->len; i++)
    {
      const CakRegion *region = &g_array_index (self->regions, CakRegion, i);

      add_name (self, TIER_NAME, region->short_name, region);

      /* Files drop "Kepulauan" from island regencies ("Mentawai", "Selayar"); not from provinces,
       * where "Riau" and "Kepulauan Riau" are two provinces. */
      if (region->kind != CAK_REGION_KIND_PROVINCE
          && g_str_has_prefix (region->short_name, "Kepulauan "))
        add_name (self, TIER_WEAK, region->short_name + strlen ("Kepulauan "), region);

      if (region->kind == CAK_REGION_KIND_PROVINCE)
        g_ptr_array_add (self->provinces, (gpointer)region);
      else
        g_ptr_array_add (self->regencies, (gpointer)region);
    }

  add_aliases (self, TIER_NAME, province_aliases, G_N_ELEMENTS (province_aliases));
  add_aliases (self, TIER_WEAK, weak_aliases, G_N_ELEMENTS (weak_aliases));

  g_ptr_array_sort (self->provinces, compare_region_codes);
  g_ptr_array_sort (self->regencies, compare_region_codes);
}

/* Reads one CSV record (RFC 4180: quoted fields, doubled quotes, LF or CRLF) into fields.
 * Returns FALSE at the end of the text or on an error. */
static gboolean
read_record (const char **cursor, const char *end, guint *line, GPtrArray *fields, GError **error)
{
  g_autoptr (GString) field = g_string_new (NULL);
  const char *p = *cursor;
  guint start_line = *line;

  g_ptr_array_set_size (fields, 0);

  if (p >= end)
    return FALSE;

  for (;;)
    {
      if (p < end && *p == '"')
        {
          p++;
          for (;;)
            {
              if (p >= end)
                {
                  g_set_error (error, CAK_REGION_CATALOG_ERROR, CAK_REGION_CATALOG_ERROR_INVALID,
                               _ ("Region list, line %u: a quoted field is not closed"),
                               start_line);
                  return FALSE;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              if (*p == '\n')
                (*line)++;
              g_string_append_c (field, *p);
              p++;
            }
          if (p < end && *p != ',' && *p != '\n' && !(*p == '\r' && p + 1 < end && p[1] == '\n'))
            {
              g_set_error (error, CAK_REGION_CATALOG_ERROR, CAK_REGION_CATALOG_ERROR_INVALID,
                           _ ("Region list, line %u: unexpected text after a quoted field"), *line);
              return FALSE;
            }
        }
      else
        {
          while (p < end && *p != ',' && *p != '\n' && *p != '\r')
            {
              if (*p == '"')
                {
                  g_set_error (error, CAK_REGION_CATALOG_ERROR, CAK_REGION_CATALOG_ERROR_INVALID,
                               _ ("Region list, line %u: a quote inside an unquoted field"), *line);
                  return FALSE;
                }
              g_string_append_c (field, *p);
              p++;
            }
          if (p < end && *p == '\r' && !(p + 1 < end && p[1] == '\n'))
            {
              g_set_error (error, CAK_REGION_CATALOG_ERROR, CAK_REGION_CATALOG_ERROR_INVALID,
                           _ ("Region list, line %u: a stray carriage return"), *line);
              return FALSE;
            }
        }

      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);

      if (p >= end)
        break;
      if (*p == ',')
        {
          p++;
          continue;
        }
      if (*p == '\r')
        p++;
      p++; /* the newline */
      (*line)++;
      break;
    }

  *cursor = p;
  return TRUE;
}

static gboolean
parse_kind (const char *text, CakRegionKind *kind)
{
  if (strcmp (text, "provinsi") == 0)
    *kind = CAK_REGION_KIND_PROVINCE;
  else if (strcmp (text, "kabupaten") == 0)
    *kind = CAK_REGION_KIND_KABUPATEN;
  else if (strcmp (text, "kota") == 0)
    *kind = CAK_REGION_KIND_KOTA;
  else
    return FALSE;

  return TRUE;
}

static const char *
derive_short_name (const char *name, CakRegionKind kind)
{
  if (kind == CAK_REGION_KIND_KABUPATEN && g_str_has_prefix (name, "Kabupaten "))
    name += strlen ("Kabupaten ");
  else if (kind == CAK_REGION_KIND_KOTA && g_str_has_prefix (name, "Kota "))
    name += strlen ("Kota ");
  else
    return name;

  /* Jakarta's cities and Kepulauan Seribu are "Kota Administrasi ..." in the list but hardly
   * ever in files. */
  if (g_str_has_prefix (name, "Administrasi "))
    name += strlen ("Administrasi ");

  return name;
}

static gboolean
parse_region (CakRegionCatalog *self, GPtrArray *fields, const int *column_of, guint line,
              CakRegion *region, GError **error)
{
  const char *code = g_ptr_array_index (fields, column_of[0]);
  const char *bps_code = g_ptr_array_index (fields, column_of[1]);
  const char *name = g_ptr_array_index (fields, column_of[2]);
  const char *kind = g_ptr_array_index (fields, column_of[3]);
  const char *province_code = g_ptr_array_index (fields, column_of[4]);

  if (!parse_kind (kind, &region->kind))
    {
      g_set_error (error, CAK_REGION_CATALOG_ERROR, CAK_REGION_CATALOG_ERROR_INVALID,
                   _ ("Region list, line %u: unknown kind “%s”"), line, kind);
      return FALSE;
    }

  /* The provinces made in 2022 have no BPS code in the source; every regency has one. */
  if (region->kind == CAK_REGION_KIND_PROVINCE
          ? !is_province_code (code) || (*bps_code != '\0' && !is_province_code (bps_code))
                || strcmp (province_code, code) != 0
          : !is_regency_code (code) || !is_digits (bps_code, 4)
                || strncmp (province_code, code, 2) != 0 || strlen (province_code) != 2)
    {
      g_set_error (error, CAK_REGION_CATALOG_ERROR, CAK_REGION_CATALOG_ERROR_INVALID,
                   _ ("Region list, line %u: the codes “%s”, “%s”, “%s” do not fit a %s"), line,
                   code, bps_code, province_code, kind);
      return FALSE;
    }

  if (*name == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, CAK_REGION_CATALOG_ERROR, CAK_REGION_CATALOG_ERROR_INVALID,
                   _ ("Region list, line %u: the region %s has no name"), line, code);
      return FALSE;
    }

  region->code = g_string_chunk_insert_const (self->strings, code);
  region->bps_code
      = *bps_code != '\0' ? g_string_chunk_insert_const (self->strings, bps_code) : NULL;
  region->name = g_string_chunk_insert_const (self->strings, name);
  region->short_name = derive_short_name (region->name, region->kind);
  region->province_code = g_string_chunk_insert_const (self->strings, province_code);

  return TRUE;
}

static gboolean
parse_header (GPtrArray *fields, int *column_of, GError **error)
{
  guint i, j;

  for (i = 0; i < N_COLUMNS; i++)
    {
      column_of[i] = -1;
      for (j = 0; j < fields->len; j++)
        if (strcmp (g_ptr_array_index (fields, j), columns[i]) == 0)
          column_of[i] = j;

      if (column_of[i] < 0)
        {
          g_set_error (error, CAK_REGION_CATALOG_ERROR, CAK_REGION_CATALOG_ERROR_INVALID,
                       _ ("Region list: the header has no column “%s”"), columns[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
parse_csv (CakRegionCatalog *self, const char *text, gsize length, GError **error)
{
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  const char *end = text + length;
  const char *cursor = text;
  GError *local_error = NULL;
  int column_of[N_COLUMNS];
  guint line = 1;
  guint i;

  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error (error, CAK_REGION_CATALOG_ERROR, CAK_REGION_CATALOG_ERROR_INVALID,
                   _ ("Region list: the text is not valid UTF-8"));
      return FALSE;
    }

  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    cursor += 3;

  if (!read_record (&cursor, end, &line, fields, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, CAK_REGION_CATALOG_ERROR, CAK_REGION_CATALOG_ERROR_INVALID,
                     _ ("Region list: the list is empty"));
      return FALSE;
    }
  if (!parse_header (fields, column_of, error))
    return FALSE;

  for (;;)
    {
      guint record_line = line;
      CakRegion region = { 0 };

      if (!read_record (&cursor, end, &line, fields, &local_error))
        {
          if (local_error == NULL)
            break;
          g_propagate_error (error, local_error);
          return FALSE;
        }

      /* Blank lines, such as a final one, carry nothing. */
      if (fields->len == 1 && *(const char *)g_ptr_array_index (fields, 0) == '\0')
        continue;

      for (i = 0; i < N_COLUMNS; i++)
        {
          if ((guint)column_of[i] >= fields->len)
            {
              g_set_error (error, CAK_REGION_CATALOG_ERROR, CAK_REGION_CATALOG_ERROR_INVALID,
                           _ ("Region list, line %u: %u fields where the header has %u"),
                           record_line, fields->len, N_COLUMNS);
              return FALSE;
            }
        }

      if (!parse_region (self, fields, column_of, record_line, &region, error))
        return FALSE;

      if (g_hash_table_contains (self->codes, region.code)
          || (region.bps_code != NULL && g_hash_table_contains (self->bps_codes, region.bps_code)))
        {
          g_set_error (error, CAK_REGION_CATALOG_ERROR, CAK_REGION_CATALOG_ERROR_INVALID,
                       _ ("Region list, line %u: the code %s appears twice"), record_line,
                       g_hash_table_contains (self->codes, region.code) ? region.code
                                                                        : region.bps_code);
          return FALSE;
        }

      g_array_append_val (self->regions, region);
      /* Pointers into the array are taken only once every row is in (see below). */
      g_hash_table_insert (self->codes, (gpointer)region.code, NULL);
      if (region.bps_code != NULL)
        g_hash_table_insert (self->bps_codes, (gpointer)region.bps_code, NULL);
    }

  for (i = 0; i < self->regions->len; i++)
    {
      CakRegion *region = &g_array_index (self->regions, CakRegion, i);

      g_hash_table_insert (self->codes, (gpointer)region->code, region);
      if (region->bps_code != NULL)
        g_hash_table_insert (self->bps_codes, (gpointer)region->bps_code, region);
    }

  for (i = 0; i < self->regions->len; i++)
    {
      const CakRegion *region = &g_array_index (self->regions, CakRegion, i);
      const CakRegion *province = g_hash_table_lookup (self->codes, region->province_code);

      if (province == NULL || province->kind != CAK_REGION_KIND_PROVINCE)
        {
          g_set_error (error, CAK_REGION_CATALOG_ERROR, CAK_REGION_CATALOG_ERROR_INVALID,
                       _ ("Region list: %s (%s) belongs to a province %s that is not listed"),
                       region->name, region->code, region->province_code);
          return FALSE;
        }

      /* A regency's BPS code begins with its province's BPS code, or, in a province made in 2022,
       * with the BPS code of the province it was part of. */
      if (region->kind != CAK_REGION_KIND_PROVINCE)
        {
          char bps_province_code[3] = { region->bps_code[0], region->bps_code[1], '\0' };
          const CakRegion *bps_province = g_hash_table_lookup (self->bps_codes, bps_province_code);

          if (bps_province == NULL || bps_province->kind != CAK_REGION_KIND_PROVINCE
              || (province->bps_code != NULL && bps_province != province))
            {
              g_set_error (error, CAK_REGION_CATALOG_ERROR, CAK_REGION_CATALOG_ERROR_INVALID,
                           _ ("Region list: %s (%s) has the BPS code %s, which does not fit the "
                              "BPS code of its province"),
                           region->name, region->code, region->bps_code);
              return FALSE;
            }
        }
    }

  if (self->regions->len == 0)
    {
      g_set_error (error, CAK_REGION_CATALOG_ERROR, CAK_REGION_CATALOG_ERROR_INVALID,
                   _ ("Region list: the list is empty"));
      return FALSE;
    }

  return TRUE;
}

static CakRegionKind
kind_word (const char *word, gsize len)
{
  static const struct
  {
    const char *word;
    CakRegionKind kind;
  } words[] = {
    { "kabupaten", CAK_REGION_KIND_KABUPATEN }, { "kab", CAK_REGION_KIND_KABUPATEN },
    { "kota", CAK_REGION_KIND_KOTA },           { "kot", CAK_REGION_KIND_KOTA },
    { "kotamadya", CAK_REGION_KIND_KOTA },      { "kodya", CAK_REGION_KIND_KOTA },
    { "provinsi", CAK_REGION_KIND_PROVINCE },   { "propinsi", CAK_REGION_KIND_PROVINCE },
    { "prov", CAK_REGION_KIND_PROVINCE },       { "prop", CAK_REGION_KIND_PROVINCE },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (words); i++)
    if (strlen (words[i].word) == len && memcmp (words[i].word, word, len) == 0)
      return words[i].kind;

  return CAK_REGION_KIND_ANY;
}

static gboolean
is_word (const char *text, const char *word)
{
  gsize len = strlen (word);

  return strncmp (text, word, len) == 0 && (text[len] == ' ' || text[len] == '\0');
}

/* Splits a key into the readings described at the top of the file. Returns how many; a
 * trailing-kind reading owns its key in *owned. */
static guint
read_key (const char *key, Reading readings[MAX_READINGS], char **owned)
{
  const char *space = strchr (key, ' ');
  const char *last_space = strrchr (key, ' ');
  CakRegionKind kind;
  guint n = 0;

  readings[n++] = (Reading){ key, CAK_REGION_KIND_ANY };
  *owned = NULL;

  if (space == NULL)
    return n;

  kind = kind_word (key, space - key);
  if (kind != CAK_REGION_KIND_ANY)
    {
      const char *rest = space + 1;
      const char *next = strchr (rest, ' ');

      if (is_word (rest, "adm") || is_word (rest, "administrasi")
          || is_word (rest, "administratif"))
        rest = next != NULL ? next + 1 : rest + strlen (rest);

      if (*rest != '\0')
        readings[n++] = (Reading){ rest, kind };

      /* "Kab/Kota Blitar" names no kind at all, but "Kab. Kota Baru" is Kabupaten Kotabaru: the
       * reading above comes first. */
      if (next != NULL && kind_word (rest, next - rest) != CAK_REGION_KIND_ANY
          && kind_word (rest, next - rest) != kind)
        readings[n++] = (Reading){ next + 1, CAK_REGION_KIND_ANY };
    }

  kind = kind_word (last_space + 1, strlen (last_space + 1));
  if (kind != CAK_REGION_KIND_ANY)
    {
      *owned = g_strndup (key, last_space - key);
      readings[n++] = (Reading){ *owned, kind };
    }

  g_assert (n <= MAX_READINGS);
  return n;
}

static void
add_unique (GPtrArray *array, const CakRegion *region)
{
  if (!g_ptr_array_find (array, region, NULL))
    g_ptr_array_add (array, (gpointer)region);
}

/* Keeps only the regions that pass, unless none would: a hint chooses among candidates but never
 * rejects the only one. */
static void
narrow (GPtrArray *regions, CakRegionKind kind, const char *province_code)
{
  g_autoptr (GPtrArray) kept = g_ptr_array_new ();
  guint i;

  for (i = 0; i < regions->len; i++)
    {
      const CakRegion *region = g_ptr_array_index (regions, i);

      if (kind != CAK_REGION_KIND_ANY && region->kind != kind)
        continue;
      if (province_code != NULL && strcmp (region->province_code, province_code) != 0)
        continue;
      g_ptr_array_add (kept, (gpointer)region);
    }

  if (kept->len > 0)
    {
      g_ptr_array_set_size (regions, 0);
      g_ptr_array_extend (regions, kept, NULL, NULL);
    }
}

/* Optimal string alignment distance (a swapped pair of letters is one edit), giving up with
 * limit + 1 once every path is longer than limit. */
static guint
edit_distance (const char *a, const char *b, guint limit)
{
  guint rows[3][MAX_SUGGESTION_KEY + 1];
  guint *before = rows[0], *previous = rows[1], *current = rows[2];
  gsize la = strlen (a), lb = strlen (b);
  gsize i, j;

  if (la > MAX_SUGGESTION_KEY || lb > MAX_SUGGESTION_KEY)
    return limit + 1;
  if ((la > lb ? la - lb : lb - la) > limit)
    return limit + 1;

  for (j = 0; j <= lb; j++)
    previous[j] = j;

  for (i = 1; i <= la; i++)
    {
      guint *spare;
      guint row_min;

      current[0] = row_min = i;
      for (j = 1; j <= lb; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint d = MIN (MIN (previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);

          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            d = MIN (d, before[j - 2] + 1);
          current[j] = d;
          row_min = MIN (row_min, d);
        }
      if (row_min > limit)
        return limit + 1;

      spare = before;
      before = previous;
      previous = current;
      current = spare;
    }

  return previous[lb];
}

static int
compare_suggestions (gconstpointer a, gconstpointer b)
{
  const Suggestion *sa = a, *sb = b;

  if (sa->distance != sb->distance)
    return sa->distance < sb->distance ? -1 : 1;
  if (sa->in_province != sb->in_province)
    return sa->in_province ? -1 : 1;
  if (sa->of_kind != sb->of_kind)
    return sa->of_kind ? -1 : 1;
  return strcmp (sa->region->code, sb->region->code);
}

/* Fills suggestions with the regions whose names are a few edits from key. Only this scans every
 * name; it runs for rows that match nothing, which are few. */
static void
suggest (CakRegionCatalog *self, const char *key, CakRegionKind kind, const char *province_hint,
         GPtrArray *suggestions)
{
  static const Tier tiers[] = { TIER_NAME_COMPACT, TIER_WEAK_COMPACT };
  g_autofree char *compact = compact_key (key);
  g_autofree guint *best = NULL;
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (Suggestion));
  gsize len = strlen (compact);
  guint limit;
  guint i, t;

  /* Shorter names allow fewer edits, or "Total" would suggest "Toba". */
  limit = len <= 3 ? 0 : len <= 5 ? 1 : len <= 9 ? 2 : 3;
  if (limit == 0 || strspn (compact, "0123456789") == len)
    return;

  best = g_new (guint, self->regions->len);
  for (i = 0; i < self->regions->len; i++)
    best[i] = G_MAXUINT;

  for (t = 0; t < G_N_ELEMENTS (tiers); t++)
    {
      GHashTableIter iter;
      gpointer name, regions;

      g_hash_table_iter_init (&iter, self->keys[tiers[t]]);
      while (g_hash_table_iter_next (&iter, &name, &regions))
        {
          guint distance = edit_distance (compact, name, limit);

          if (distance > limit)
            continue;

          for (i = 0; i < ((GPtrArray *)regions)->len; i++)
            {
              const CakRegion *region = g_ptr_array_index ((GPtrArray *)regions, i);
              gsize index = region - (const CakRegion *)(gpointer)self->regions->data;

              best[index] = MIN (best[index], distance);
            }
        }
    }

  for (i = 0; i < self->regions->len; i++)
    {
      const CakRegion *region = &g_array_index (self->regions, CakRegion, i);
      Suggestion suggestion = { region, best[i], FALSE, FALSE };

      if (best[i] > limit || g_ptr_array_find (suggestions, region, NULL))
        continue;

      suggestion.in_province
          = province_hint != NULL && strcmp (region->province_code, province_hint) == 0;
      suggestion.of_kind = kind == CAK_REGION_KIND_ANY || region->kind == kind;
      g_array_append_val (found, suggestion);
    }

  g_array_sort (found, compare_suggestions);

  for (i = 0; i < found->len && suggestions->len < MAX_SUGGESTIONS; i++)
    g_ptr_array_add (suggestions, (gpointer)g_array_index (found, Suggestion, i).region);
}

static CakMatchStatus
match_key (CakRegionCatalog *self, const char *key, CakRegionKind kind_hint,
           const char *province_hint, GPtrArray *candidates)
{
  g_autoptr (GPtrArray) conflicting = g_ptr_array_new ();
  g_autofree char *owned = NULL;
  Reading readings[MAX_READINGS];
  guint n_readings;
  guint tier, i, j;

  n_readings = read_key (key, readings, &owned);

  for (tier = 0; tier < N_TIERS; tier++)
    {
      gboolean compact = tier == TIER_NAME_COMPACT || tier == TIER_WEAK_COMPACT;

      for (i = 0; i < n_readings; i++)
        {
          g_autofree char *compacted = compact ? compact_key (readings[i].key) : NULL;
          GPtrArray *hits;

          hits = g_hash_table_lookup (self->keys[tier], compact ? compacted : readings[i].key);
          if (hits == NULL)
            continue;

          for (j = 0; j < hits->len; j++)
            {
              const CakRegion *region = g_ptr_array_index (hits, j);

              if (readings[i].kind == CAK_REGION_KIND_ANY || readings[i].kind == region->kind)
                add_unique (candidates, region);
              else
                add_unique (conflicting, region);
            }

          if (candidates->len > 0)
            {
              if (candidates->len > 1)
                narrow (candidates, kind_hint, province_hint);
              g_ptr_array_sort (candidates, compare_region_codes);
              return candidates->len == 1 ? CAK_MATCH_FOUND : CAK_MATCH_AMBIGUOUS;
            }
        }
    }

  /* A region of the other kind ("Kota Sleman" for Kabupaten Sleman) is the likeliest meaning,
   * but the text says otherwise: offer it rather than take it. */
  g_ptr_array_sort (conflicting, compare_region_codes);
  for (i = 0; i < conflicting->len && candidates->len < MAX_SUGGESTIONS; i++)
    g_ptr_array_add (candidates, g_ptr_array_index (conflicting, i));

  if (candidates->len < MAX_SUGGESTIONS)
    {
      const Reading *reading = &readings[n_readings - 1];

      suggest (self, reading->key, reading->kind != CAK_REGION_KIND_ANY ? reading->kind : kind_hint,
               province_hint, candidates);
    }

  return CAK_MATCH_NONE;
}

/* Reads a BPS code as files write it: "1107", a P-code "ID1107", or a number that a spreadsheet
 * stored, "1107.0"; the same for provinces ("94", "ID94"). Spaces around it are allowed. Fills
 * digits with the code's 2 or 4 digits and says whether it was a P-code. */
static gboolean
parse_bps_text (const char *text, char digits[5], gboolean *p_code)
{
  const char *p = text;
  gsize n = 0;

  while (g_ascii_isspace (*p))
    p++;

  *p_code = g_ascii_tolower (p[0]) == 'i' && g_ascii_tolower (p[1]) == 'd';
  if (*p_code)
    p += 2;

  while (g_ascii_isdigit (*p) && n < 4)
    digits[n++] = *p++;
  digits[n] = '\0';
  if ((n != 2 && n != 4) || g_ascii_isdigit (*p))
    return FALSE;

  if (*p == '.' && !*p_code)
    {
      p++;
      if (*p != '0')
        return FALSE;
      while (*p == '0')
        p++;
    }

  while (g_ascii_isspace (*p))
    p++;

  return *p == '\0';
}

/* Copies text without the spaces around it into buf, or returns FALSE if it does not fit. */
static gboolean
strip_into (const char *text, char *buf, gsize size)
{
  const char *end;

  while (g_ascii_isspace (*text))
    text++;
  end = text + strlen (text);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  if ((gsize)(end - text) >= size)
    return FALSE;

  memcpy (buf, text, end - text);
  buf[end - text] = '\0';
  return TRUE;
}

static void
add_reading (GArray *readings, const CakRegion *region, CakCodeScheme scheme,
             CakCodeReadingFlags flags)
{
  CakCodeReading reading = { region, scheme, flags, NULL };

  if (region == NULL)
    return;

  reading.code = scheme == CAK_CODE_SCHEME_BPS ? region->bps_code : region->code;
  g_array_append_val (readings, reading);
}

/* A BPS code of a regency in a province made in 2022 is the code it had before: the province
 * itself has no BPS code in the source. */
static CakCodeReadingFlags
bps_flags (CakRegionCatalog *self, const CakRegion *region)
{
  const CakRegion *province;

  if (region == NULL || region->kind == CAK_REGION_KIND_PROVINCE)
    return CAK_CODE_READING_EXACT;

  province = g_hash_table_lookup (self->codes, region->province_code);
  return province->bps_code == NULL ? CAK_CODE_READING_BEFORE_SPLIT : CAK_CODE_READING_EXACT;
}

/* The code lookup of cak_region_catalog_match (): a Kemendagri code, else a BPS code. A bare
 * two-digit code is Kemendagri's, which differs from BPS's only in Papua. */
static const CakRegion *
lookup_code_text (CakRegionCatalog *self, const char *text)
{
  const CakRegion *region = g_hash_table_lookup (self->codes, text);
  char digits[5];
  gboolean p_code;

  if (region != NULL || !parse_bps_text (text, digits, &p_code))
    return region;

  if (strlen (digits) == 2 && !p_code)
    return g_hash_table_lookup (self->codes, digits);
  return g_hash_table_lookup (self->bps_codes, digits);
}

/**
 * cak_region_catalog_new_from_csv:
 * @csv_text: the list, as data/regions.csv writes it
 * @length: the length of @csv_text in bytes
 * @error: return location for a #CAK_REGION_CATALOG_ERROR
 *
 * Reads a region list with the columns code, bps_code, name, kind (provinsi, kabupaten or kota)
 * and province_code. Every region's province must be listed.
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL on malformed input
 */
CakRegionCatalog *
cak_region_catalog_new_from_csv (const char *csv_text, gsize length, GError **error)
{
  g_autoptr (CakRegionCatalog) self = NULL;
  guint i;

  g_return_val_if_fail (csv_text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (CakRegionCatalog, 1);
  self->strings = g_string_chunk_new (4096);
  self->regions = g_array_new (FALSE, TRUE, sizeof (CakRegion));
  self->provinces = g_ptr_array_new ();
  self->regencies = g_ptr_array_new ();
  self->codes = g_hash_table_new (g_str_hash, g_str_equal);
  self->bps_codes = g_hash_table_new (g_str_hash, g_str_equal);
  for (i = 0; i < N_TIERS; i++)
    self->keys[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, regions_array_free);

  if (!parse_csv (self, csv_text != NULL ? csv_text : "", length, error))
    return NULL;

  build_indexes (self);

  return g_steal_pointer (&self);
}

/**
 * cak_region_catalog_get_default:
 *
 * The catalog of data/regions.csv, read from the application's resources on first use. Safe to
 * call from any thread; it lives as long as the process.
 *
 * Returns: (transfer none): the catalog
 */
CakRegionCatalog *
cak_region_catalog_get_default (void)
{
  static CakRegionCatalog *default_catalog;

  if (g_once_init_enter (&default_catalog))
    {
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) error = NULL;
      CakRegionCatalog *catalog = NULL;
      gsize size = 0;
      const char *data;

      /* The list is compiled into the core library, so failing here is a broken build, not
       * something a user could fix. */
      bytes = g_resources_lookup_data (DEFAULT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        g_error ("Cannot find the region list %s: %s", DEFAULT_RESOURCE, error->message);

      data = g_bytes_get_data (bytes, &size);
      catalog = cak_region_catalog_new_from_csv (data, size, &error);
      if (catalog == NULL)
        g_error ("Cannot read the region list %s: %s", DEFAULT_RESOURCE, error->message);

      g_once_init_leave (&default_catalog, catalog);
    }

  return default_catalog;
}

/**
 * cak_region_catalog_free:
 * @self: (nullable): a catalog from cak_region_catalog_new_from_csv ()
 *
 * Frees the catalog and every region in it. Never call it on the default catalog.
 */
void
cak_region_catalog_free (CakRegionCatalog *self)
{
  guint i;

  if (self == NULL)
    return;

  for (i = 0; i < N_TIERS; i++)
    g_clear_pointer (&self->keys[i], g_hash_table_unref);
  g_clear_pointer (&self->codes, g_hash_table_unref);
  g_clear_pointer (&self->bps_codes, g_hash_table_unref);
  g_clear_pointer (&self->regencies, g_ptr_array_unref);
  g_clear_pointer (&self->provinces, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_free (self);
}

/**
 * cak_region_catalog_get_n_regions:
 * @self: a catalog
 *
 * Returns: the number of provinces, regencies and cities
 */
guint
cak_region_catalog_get_n_regions (CakRegionCatalog *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->regions->len;
}

/**
 * cak_region_catalog_get_region:
 * @self: a catalog
 * @index: from 0 to cak_region_catalog_get_n_regions () - 1, in the order of the list
 *
 * Returns: (transfer none): the region
 */
const CakRegion *
cak_region_catalog_get_region (CakRegionCatalog *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->regions->len, NULL);

  return &g_array_index (self->regions, CakRegion, index);
}

/**
 * cak_region_catalog_lookup_code:
 * @self: a catalog
 * @code: a Kemendagri code ("35.05", "35") or a BPS code of a regency ("3505"), exactly
 *
 * A two-digit code is read as Kemendagri's (Kemendagri 94 is Papua Tengah, BPS 94 is Papua); four
 * digits are a BPS code ("1107" is Kabupaten Aceh Barat, not Kemendagri 11.07). For a code text
 * from a file, whose numbering is not known, use cak_region_catalog_read_code ().
 *
 * Returns: (transfer none) (nullable): the region, or %NULL if no region has the code
 */
const CakRegion *
cak_region_catalog_lookup_code (CakRegionCatalog *self, const char *code)
{
  const CakRegion *region;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  region = g_hash_table_lookup (self->codes, code);
  if (region == NULL && is_digits (code, 4))
    region = g_hash_table_lookup (self->bps_codes, code);

  return region;
}

/**
 * cak_region_catalog_lookup_kemendagri:
 * @self: a catalog
 * @text: a Kemendagri code, "35" or "35.05", with spaces around it or not
 *
 * Returns: (transfer none) (nullable): the region with that Kemendagri code, or %NULL
 */
const CakRegion *
cak_region_catalog_lookup_kemendagri (CakRegionCatalog *self, const char *text)
{
  char code[8];

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!strip_into (text, code, sizeof code))
    return NULL;

  return g_hash_table_lookup (self->codes, code);
}

/**
 * cak_region_catalog_lookup_bps:
 * @self: a catalog
 * @text: a BPS code as files write it: "1107", the P-code "ID1107", or "1107.0" from a number
 *   cell; for a province "94", "ID94" or "94.0"
 *
 * BPS codes of regencies are those of the OCHA COD-AB workbook, which predates the 2022 split of
 * Papua: the regencies of the four new provinces have the codes they had before, and the new
 * provinces have none.
 *
 * Returns: (transfer none) (nullable): the region with that BPS code, or %NULL
 */
const CakRegion *
cak_region_catalog_lookup_bps (CakRegionCatalog *self, const char *text)
{
  char digits[5];
  gboolean p_code;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!parse_bps_text (text, digits, &p_code))
    return NULL;

  return g_hash_table_lookup (self->bps_codes, digits);
}

/**
 * cak_region_catalog_read_code:
 * @self: a catalog
 * @text: a region code as a file writes it
 *
 * Gives every region that @text can name and how: "1107" is Kabupaten Aceh Barat under BPS
 * numbering but Kabupaten Pidie if read as Kemendagri 11.07 without its dot; "94" is Papua Tengah
 * under Kemendagri numbering but Papua under BPS's; "ID1107" and "11.07" have one reading each;
 * "35.1" is 35.10 if a number lost its last zero, or 35.01. Use the name beside the code to choose
 * (cak_code_readings_find ()), and report the readings when they disagree; never pick one
 * silently. A code that no region has gives no reading.
 *
 * Returns: (transfer full) (element-type CakCodeReading): the readings, the likelier first;
 *   empty when there is none
 */
GArray *
cak_region_catalog_read_code (CakRegionCatalog *self, const char *text)
{
  g_autoptr (GArray) readings = g_array_new (FALSE, FALSE, sizeof (CakCodeReading));
  const CakRegion *region;
  gboolean p_code;
  char digits[5];
  char code[8];

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (parse_bps_text (text, digits, &p_code))
    {
      if (strlen (digits) == 2)
        {
          if (!p_code)
            add_reading (readings, g_hash_table_lookup (self->codes, digits),
                         CAK_CODE_SCHEME_KEMENDAGRI, CAK_CODE_READING_EXACT);
          add_reading (readings, g_hash_table_lookup (self->bps_codes, digits), CAK_CODE_SCHEME_BPS,
                       CAK_CODE_READING_EXACT);
        }
      else
        {
          /* Four digits are a BPS code as written; Kemendagri codes have a dot. */
          region = g_hash_table_lookup (self->bps_codes, digits);
          add_reading (readings, region, CAK_CODE_SCHEME_BPS, bps_flags (self, region));
          if (!p_code)
            {
              g_snprintf (code, sizeof code, "%.2s.%s", digits, digits + 2);
              add_reading (readings, g_hash_table_lookup (self->codes, code),
                           CAK_CODE_SCHEME_KEMENDAGRI, CAK_CODE_READING_WITHOUT_DOT);
            }
        }
    }
  else if (strip_into (text, code, sizeof code))
    {
      if (is_regency_code (code))
        add_reading (readings, g_hash_table_lookup (self->codes, code), CAK_CODE_SCHEME_KEMENDAGRI,
                     CAK_CODE_READING_EXACT);
      else if (g_ascii_isdigit (code[0]) && g_ascii_isdigit (code[1]) && code[2] == '.'
               && g_ascii_isdigit (code[3]) && code[4] == '\0')
        {
          char longer[6];

          g_snprintf (longer, sizeof longer, "%s0", code);
          add_reading (readings, g_hash_table_lookup (self->codes, longer),
                       CAK_CODE_SCHEME_KEMENDAGRI, CAK_CODE_READING_LOST_ZERO);
          g_snprintf (longer, sizeof longer, "%.3s0%c", code, code[3]);
          add_reading (readings, g_hash_table_lookup (self->codes, longer),
                       CAK_CODE_SCHEME_KEMENDAGRI, CAK_CODE_READING_UNPADDED);
        }
    }

  return g_steal_pointer (&readings);
}

/**
 * cak_code_readings_agree:
 * @readings: (element-type CakCodeReading): from cak_region_catalog_read_code ()
 *
 * Returns: (transfer none) (nullable): the region when every reading names it ("3505" is
 *   Kabupaten Blitar under both numberings), or %NULL when they disagree or there is none
 */
const CakRegion *
cak_code_readings_agree (GArray *readings)
{
  const CakRegion *region;
  guint i;

  g_return_val_if_fail (readings != NULL, NULL);

  if (readings->len == 0)
    return NULL;

  region = g_array_index (readings, CakCodeReading, 0).region;
  for (i = 1; i < readings->len; i++)
    if (g_array_index (readings, CakCodeReading, i).region != region)
      return NULL;

  return region;
}

/**
 * cak_code_readings_find:
 * @readings: (element-type CakCodeReading): from cak_region_catalog_read_code ()
 * @region: the region the name beside the code names
 *
 * Returns: (transfer none) (nullable): the first reading that names @region, or %NULL if the
 *   code cannot mean it
 */
const CakCodeReading *
cak_code_readings_find (GArray *readings, const CakRegion *region)
{
  guint i;

  g_return_val_if_fail (readings != NULL, NULL);
  g_return_val_if_fail (region != NULL, NULL);

  for (i = 0; i < readings->len; i++)
    if (g_array_index (readings, CakCodeReading, i).region == region)
      return &g_array_index (readings, CakCodeReading, i);

  return NULL;
}

/**
 * cak_code_reading_describe:
 * @reading: a reading
 *
 * Says in words what the code means under the reading, for messages such as "code 1107 is
 * Kabupaten Aceh Barat under BPS numbering (1107) but Kabupaten Pidie if read as Kemendagri
 * 11.07".
 *
 * Returns: (transfer full): the description, translated
 */
char *
cak_code_reading_describe (const CakCodeReading *reading)
{
  const char *name, *code;

  g_return_val_if_fail (reading != NULL && reading->region != NULL, NULL);

  name = reading->region->name;
  code = reading->code;

  if (reading->scheme == CAK_CODE_SCHEME_BPS)
    {
      if (reading->flags & CAK_CODE_READING_BEFORE_SPLIT)
        /* Translators: the first %s is a region's name, the second its BPS code */
        return g_strdup_printf (_ ("%s under BPS numbering from before the 2022 split of Papua "
                                   "(%s)"),
                                name, code);
      /* Translators: the first %s is a region's name, the second its BPS code */
      return g_strdup_printf (_ ("%s under BPS numbering (%s)"), name, code);
    }

  if (reading->flags & CAK_CODE_READING_LOST_ZERO)
    /* Translators: the first %s is a region's name, the second its Kemendagri code */
    return g_strdup_printf (_ ("%s if read as Kemendagri %s, a number that lost its last zero"),
                            name, code);
  if (reading->flags & (CAK_CODE_READING_WITHOUT_DOT | CAK_CODE_READING_UNPADDED))
    /* Translators: the first %s is a region's name, the second its Kemendagri code */
    return g_strdup_printf (_ ("%s if read as Kemendagri %s"), name, code);

  /* Translators: the first %s is a region's name, the second its Kemendagri code */
  return g_strdup_printf (_ ("%s under Kemendagri numbering (%s)"), name, code);
}

/**
 * cak_region_catalog_list_regencies:
 * @self: a catalog
 * @province_code: (nullable): a province's code, or %NULL for every province
 *
 * Returns: (transfer container): the regencies and cities of the province (an empty array for an
 *   unknown code), in code order
 */
GPtrArray *
cak_region_catalog_list_regencies (CakRegionCatalog *self, const char *province_code)
{
  GPtrArray *regencies;
  guint i;

  g_return_val_if_fail (self != NULL, NULL);

  regencies = g_ptr_array_sized_new (province_code == NULL ? self->regencies->len : 64);
  for (i = 0; i < self->regencies->len; i++)
    {
      const CakRegion *region = g_ptr_array_index (self->regencies, i);

      if (province_code == NULL || strcmp (region->province_code, province_code) == 0)
        g_ptr_array_add (regencies, (gpointer)region);
    }

  return regencies;
}

/**
 * cak_region_catalog_list_provinces:
 * @self: a catalog
 *
 * Returns: (transfer container): the provinces, in code order
 */
GPtrArray *
cak_region_catalog_list_provinces (CakRegionCatalog *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_ptr_array_copy (self->provinces, NULL, NULL);
}

/**
 * cak_region_catalog_match:
 * @self: a catalog
 * @text: a name or code as a file writes it, in any case and spacing
 * @kind_hint: the kind to prefer when the name fits several regions, or %CAK_REGION_KIND_ANY
 * @province_hint: (nullable): the code of the province to prefer, or %NULL
 * @out_region: (out) (optional): the region when the answer is %CAK_MATCH_FOUND, else %NULL
 * @out_candidates: (out) (optional) (transfer container): the regions that fit when the answer
 *   is ambiguous, up to three suggestions when nothing fits, else empty; always set
 *
 * Finds the region that @text names: a Kemendagri code ("35.05", "35"), a BPS code ("3505",
 * "ID3505", "3505.0"; a bare two-digit code is Kemendagri's), a full name ("Kabupaten Blitar",
 * "KAB. BLITAR", "Blitar (Kota)"), a bare name ("Blitar"), a province's name or short form
 * ("Prov. Jawa Timur", "Jatim"), or an old name. A kind written in @text must fit. The hints only
 * choose among regions that fit equally; they never reject the only one, and a code ignores them.
 * A code gives one reading only; where the two numberings may disagree ("1107"), see
 * cak_region_catalog_read_code ().
 *
 * Returns: whether one region, several or none fit
 */
CakMatchStatus
cak_region_catalog_match (CakRegionCatalog *self, const char *text, CakRegionKind kind_hint,
                          const char *province_hint, const CakRegion **out_region,
                          GPtrArray **out_candidates)
{
  g_autoptr (GPtrArray) candidates = g_ptr_array_new ();
  g_autofree char *trimmed = NULL;
  g_autofree char *key = NULL;
  const CakRegion *region;
  CakMatchStatus status;

  /* Set before the checks, so that even a failed call leaves something to free. */
  if (out_region != NULL)
    *out_region = NULL;
  if (out_candidates != NULL)
    *out_candidates = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, CAK_MATCH_NONE);
  g_return_val_if_fail (text != NULL, CAK_MATCH_NONE);
  g_return_val_if_fail (kind_hint >= CAK_REGION_KIND_ANY && kind_hint <= CAK_REGION_KIND_KOTA,
                        CAK_MATCH_NONE);

  trimmed = g_strstrip (g_strdup (text));
  region = lookup_code_text (self, trimmed);
  if (region != NULL)
    {
      if (out_region != NULL)
        *out_region = region;
      return CAK_MATCH_FOUND;
    }

  key = normalize_name (trimmed);
  if (*key == '\0')
    return CAK_MATCH_NONE;

  status = match_key (self, key, kind_hint, province_hint, candidates);

  if (status == CAK_MATCH_FOUND)
    {
      if (out_region != NULL)
        *out_region = g_ptr_array_index (candidates, 0);
    }
  else if (out_candidates != NULL)
    {
      g_ptr_array_unref (*out_candidates);
      *out_candidates = g_steal_pointer (&candidates);
    }

  return status;
}
