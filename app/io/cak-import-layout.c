/* cak-import-layout.c: the layout stage of the importer: the header, what each column holds, and
 * which rows are titles, totals and notes
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-import-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-import-private.h"

static const struct
{
  const char *header;
  CakColumnRole role;
  CakMeasure measure;
} header_synonyms[] = {
  { "kode wilayah", CAK_COLUMN_REGION_CODE, 0 },
  { "kode", CAK_COLUMN_REGION_CODE, 0 },
  { "kode kab kota", CAK_COLUMN_REGION_CODE, 0 },
  { "kode kabupaten kota", CAK_COLUMN_REGION_CODE, 0 },
  { "kode bps", CAK_COLUMN_REGION_CODE, 0 },
  { "kode kemendagri", CAK_COLUMN_REGION_CODE, 0 },
  { "kode daerah", CAK_COLUMN_REGION_CODE, 0 },
  { "region code", CAK_COLUMN_REGION_CODE, 0 },
  { "code", CAK_COLUMN_REGION_CODE, 0 },
  { "kabupaten kota", CAK_COLUMN_REGION_NAME, 0 },
  { "kab kota", CAK_COLUMN_REGION_NAME, 0 },
  { "kabupaten", CAK_COLUMN_REGION_NAME, 0 },
  { "wilayah", CAK_COLUMN_REGION_NAME, 0 },
  { "nama wilayah", CAK_COLUMN_REGION_NAME, 0 },
  { "nama kabupaten kota", CAK_COLUMN_REGION_NAME, 0 },
  { "daerah", CAK_COLUMN_REGION_NAME, 0 },
  { "region", CAK_COLUMN_REGION_NAME, 0 },
  { "regency", CAK_COLUMN_REGION_NAME, 0 },
  { "periode", CAK_COLUMN_PERIOD, 0 },
  { "bulan", CAK_COLUMN_PERIOD, 0 },
  { "posisi", CAK_COLUMN_PERIOD, 0 },
  { "period", CAK_COLUMN_PERIOD, 0 },
  { "penduduk bekerja", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "jumlah penduduk bekerja", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "tenaga kerja", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "angkatan kerja bekerja", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "workforce", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "peserta aktif", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "total peserta", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "jumlah peserta", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "jumlah peserta aktif", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "participants", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "active participants", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "pu", CAK_COLUMN_MEASURE, CAK_MEASURE_PU },
  { "penerima upah", CAK_COLUMN_MEASURE, CAK_MEASURE_PU },
  { "bpu", CAK_COLUMN_MEASURE, CAK_MEASURE_BPU },
  { "bukan penerima upah", CAK_COLUMN_MEASURE, CAK_MEASURE_BPU },
  { "jakon", CAK_COLUMN_MEASURE, CAK_MEASURE_JAKON },
  { "jasa konstruksi", CAK_COLUMN_MEASURE, CAK_MEASURE_JAKON },
  { "pmi", CAK_COLUMN_MEASURE, CAK_MEASURE_PMI },
  { "pekerja migran indonesia", CAK_COLUMN_MEASURE, CAK_MEASURE_PMI },
  { "target cakupan %", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "target cakupan", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "target %", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "target", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "coverage target %", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "target pct", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "no", CAK_COLUMN_ROW_NUMBER, 0 },
  { "nomor", CAK_COLUMN_ROW_NUMBER, 0 },
  { "cakupan %", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "cakupan", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "coverage %", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "coverage", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "persentase cakupan", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "kode wil", CAK_COLUMN_REGION_CODE, 0 },
  { "kode kab", CAK_COLUMN_REGION_CODE, 0 },
  { "kd wil", CAK_COLUMN_REGION_CODE, 0 },
  { "kab kota", CAK_COLUMN_REGION_NAME, 0 },
  { "kabupaten kotamadya", CAK_COLUMN_REGION_NAME, 0 },
  { "nama kab kota", CAK_COLUMN_REGION_NAME, 0 },
  { "nama daerah", CAK_COLUMN_REGION_NAME, 0 },
  { "provinsi kabupaten kota", CAK_COLUMN_REGION_NAME, 0 },
  { "regency city", CAK_COLUMN_REGION_NAME, 0 },
  { "tahun", CAK_COLUMN_PERIOD, 0 },
  { "year", CAK_COLUMN_PERIOD, 0 },
  { "tahun bulan", CAK_COLUMN_PERIOD, 0 },
  { "bulan tahun", CAK_COLUMN_PERIOD, 0 },
  { "tanggal", CAK_COLUMN_PERIOD, 0 },
  { "date", CAK_COLUMN_PERIOD, 0 },
  { "month", CAK_COLUMN_PERIOD, 0 },
  { "penduduk usia kerja yang bekerja", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "penduduk 15 tahun ke atas yang bekerja", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "jumlah tenaga kerja", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "pekerja", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "employed", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "employed population", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "peserta", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "total peserta aktif", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "tenaga kerja terlindungi", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "pekerja terlindungi", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "ppu", CAK_COLUMN_MEASURE, CAK_MEASURE_PU },
  { "pekerja penerima upah", CAK_COLUMN_MEASURE, CAK_MEASURE_PU },
  { "wage earners", CAK_COLUMN_MEASURE, CAK_MEASURE_PU },
  { "pbpu", CAK_COLUMN_MEASURE, CAK_MEASURE_BPU },
  { "pekerja bukan penerima upah", CAK_COLUMN_MEASURE, CAK_MEASURE_BPU },
  { "jk", CAK_COLUMN_MEASURE, CAK_MEASURE_JAKON },
  { "jasa konstruksi jakon", CAK_COLUMN_MEASURE, CAK_MEASURE_JAKON },
  { "construction", CAK_COLUMN_MEASURE, CAK_MEASURE_JAKON },
  { "migrant workers", CAK_COLUMN_MEASURE, CAK_MEASURE_PMI },
  { "target cakupan persen", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "target persen", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "cakupan persen", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "persentase", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "capaian", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "capaian %", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "coverage pct", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "indikator", CAK_COLUMN_MEASURE_NAME, 0 },
  { "ukuran", CAK_COLUMN_MEASURE_NAME, 0 },
  { "variabel", CAK_COLUMN_MEASURE_NAME, 0 },
  { "jenis data", CAK_COLUMN_MEASURE_NAME, 0 },
  { "uraian", CAK_COLUMN_MEASURE_NAME, 0 },
  { "measure", CAK_COLUMN_MEASURE_NAME, 0 },
  { "indicator", CAK_COLUMN_MEASURE_NAME, 0 },
  { "variable", CAK_COLUMN_MEASURE_NAME, 0 },
  { "nilai", CAK_COLUMN_VALUE, 0 },
  { "angka", CAK_COLUMN_VALUE, 0 },
  { "value", CAK_COLUMN_VALUE, 0 },
  { "jumlah", CAK_COLUMN_VALUE, 0 },
  { "segmen", CAK_COLUMN_SEGMENT, 0 },
  { "segment", CAK_COLUMN_SEGMENT, 0 },
  { "segmen peserta", CAK_COLUMN_SEGMENT, 0 },
  { "segmen kepesertaan", CAK_COLUMN_SEGMENT, 0 },
  { "jenis kepesertaan", CAK_COLUMN_SEGMENT, 0 },
  { "kategori peserta", CAK_COLUMN_SEGMENT, 0 },
  { "status", CAK_COLUMN_STATUS, 0 },
  { "status kepesertaan", CAK_COLUMN_STATUS, 0 },
  { "status peserta", CAK_COLUMN_STATUS, 0 },
  { "status aktif", CAK_COLUMN_STATUS, 0 },
  { "keterangan", CAK_COLUMN_NOTE, 0 },
  { "ket", CAK_COLUMN_NOTE, 0 },
  { "catatan", CAK_COLUMN_NOTE, 0 },
  { "notes", CAK_COLUMN_NOTE, 0 },
  { "note", CAK_COLUMN_NOTE, 0 },
  { "remarks", CAK_COLUMN_NOTE, 0 },
  { "provinsi", CAK_COLUMN_PROVINCE, 0 },
  { "propinsi", CAK_COLUMN_PROVINCE, 0 },
  { "prov", CAK_COLUMN_PROVINCE, 0 },
  { "prop", CAK_COLUMN_PROVINCE, 0 },
  { "nama provinsi", CAK_COLUMN_PROVINCE, 0 },
  { "nama propinsi", CAK_COLUMN_PROVINCE, 0 },
  { "nama prov", CAK_COLUMN_PROVINCE, 0 },
  { "kode provinsi", CAK_COLUMN_PROVINCE, 0 },
  { "kode propinsi", CAK_COLUMN_PROVINCE, 0 },
  { "kode prov", CAK_COLUMN_PROVINCE, 0 },
  { "kd prov", CAK_COLUMN_PROVINCE, 0 },
  { "province", CAK_COLUMN_PROVINCE, 0 },
  { "province name", CAK_COLUMN_PROVINCE, 0 },
  { "province code", CAK_COLUMN_PROVINCE, 0 },
};

/* Words that mark a row as a total rather than a region. */
static const char *const total_words[] = {
  "jumlah", "total", "jumlah total", "total provinsi", "grand total", "sub total", "subtotal",
};

/* Words a note under a table starts with: "Sumber: BPS", "Keterangan: ...", "*) angka
 * sementara". */
static const char *const note_words[] = {
  "sumber", "keterangan", "ket", "catatan", "note", "notes", "source", "sources", "data per",
};

/**
 * cak_import_normalize:
 *
 * Lower case, punctuation other than % as space, one space between words: "Kabupaten/Kota"
 * and "KAB. / KOTA" become "kabupaten kota" and "kab kota".
 *
 * Returns: (transfer full): the text as headers and region names are compared
 */
char *
cak_import_normalize (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text ? text : ""; *p; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c) || c == '%' || (guchar)c >= 0x80)
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_c (out, c);
          space = FALSE;
        }
      else
        space = TRUE;
    }
  return g_string_free (out, FALSE);
}

gboolean
cak_import_is_total_label (const char *text)
{
  g_autofree char *norm = cak_import_normalize (text);

  if (g_str_has_prefix (norm, "jumlah ") || g_str_has_prefix (norm, "total "))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (total_words); i++)
    if (strcmp (norm, total_words[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
cak_import_is_note_text (const char *text)
{
  g_autofree char *norm = NULL;
  const char *p = text;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '*' || g_str_has_prefix (p, "\xc2\xb9") || g_str_has_prefix (p, "\xc2\xb2"))
    return TRUE;
  norm = cak_import_normalize (p);
  for (guint i = 0; i < G_N_ELEMENTS (note_words); i++)
    {
      gsize n = strlen (note_words[i]);

      if (strncmp (norm, note_words[i], n) == 0 && (norm[n] == '\0' || norm[n] == ' '))
        return TRUE;
    }
  return FALSE;
}

/* "(1) (2) (3) ...": the column numbers government tables put under the header. */
gboolean
cak_import_is_column_numbers (const CakRow *row)
{
  guint n = 0, last = 0;

  for (guint i = 0; i < row->n_cells; i++)
    {
      const char *text = cell (row, i);
      g_autofree char *norm = NULL;
      guint64 value;

      if (is_blank_text (text))
        continue;
      norm = cak_import_normalize (text);
      if (!g_ascii_string_to_unsigned (norm, 10, 1, 200, &value, NULL) || value <= last)
        return FALSE;
      last = value;
      n++;
    }
  return n >= 3;
}

/* Units a header writes in brackets or at its end: "Tenaga Kerja (Jiwa)", "Capaian (%)". */
static const char *const unit_words[] = {
  "jiwa", "orang", "org", "%",  "persen", "pct",    "rp",     "rupiah",  "idr", "ribu",
  "rb",   "juta",  "jt",  "ribuan", "people", "persons", "person", "dalam", "satuan",
};

/* Words that say "how many" before the measure: "Jml Peserta Aktif", "Total Tenaga Kerja". */
static const char *const count_words[] = { "jml", "jumlah", "total", "banyaknya", "jum", "number of" };

/* Words around "bekerja" that still name the whole employed population. */
static const char *const workforce_words[] = {
  "penduduk", "bekerja", "yang", "usia", "kerja", "15", "tahun", "ke", "atas", "angkatan",
  "orang",    "jumlah",  "jml",
};

/* Words after "peserta" that still name all active participants. */
static const char *const participant_words[] = {
  "peserta", "aktif", "bpjs", "ketenagakerjaan", "bpjamsostek", "bp", "jamsostek", "tk",
};

/* Words of a stated coverage: "Capaian (%)", "Persentase Cakupan Kepesertaan". */
static const char *const coverage_words[] = {
  "cakupan", "coverage", "capaian", "persentase", "kepesertaan", "rasio", "tingkat",
  "%",       "persen",   "pct",
};

/* Words of a coverage target: "Target Coverage (%)", "Target UCJ", "Target RPJMD". */
static const char *const target_words[] = {
  "target", "cakupan", "coverage", "kepesertaan", "capaian", "persentase", "ucj", "rpjmd",
  "rpjmn",  "rkp",     "%",        "persen",      "pct",
};

static gboolean
in_list (const char *word, const char *const *list, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

#define IN_LIST(word, list) in_list ((word), (list), G_N_ELEMENTS (list))

static gboolean
all_in_list (GPtrArray *words, guint from, const char *const *list, gsize n)
{
  for (guint i = from; i < words->len; i++)
    if (!in_list (g_ptr_array_index (words, i), list, n))
      return FALSE;
  return TRUE;
}

static gboolean
has_word (GPtrArray *words, const char *word)
{
  for (guint i = 0; i < words->len; i++)
    if (strcmp (g_ptr_array_index (words, i), word) == 0)
      return TRUE;
  return FALSE;
}

static char *
join_words (GPtrArray *words, guint from, guint to)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = from; i < to && i < words->len; i++)
    {
      if (out->len)
        g_string_append_c (out, ' ');
      g_string_append (out, g_ptr_array_index (words, i));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* header_synonyms by header, built once and never changed: safe from any thread. The value is
 * the index + 1 of the header's first entry. */
static GHashTable *
synonym_index (void)
{
  static GHashTable *by_header;

  if (g_once_init_enter (&by_header))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = G_N_ELEMENTS (header_synonyms); i-- > 0;)
        g_hash_table_insert (table, (gpointer)header_synonyms[i].header, GUINT_TO_POINTER (i + 1));
      g_once_init_leave (&by_header, table);
    }
  return by_header;
}

static gboolean
synonym (const char *norm, CakColumnRole *role, CakMeasure *measure)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (synonym_index (), norm));

  if (i == 0)
    return FALSE;
  *role = header_synonyms[i - 1].role;
  *measure = header_synonyms[i - 1].measure;
  return TRUE;
}

/* Takes units out of brackets ("(Jiwa)", "[%]"), keeping other bracketed words ("(APBD)"). */
static char *
take_units (const char *header, char **unit)
{
  g_autoptr (GString) rest = g_string_new (NULL);
  const char *p = header;

  while (*p)
    {
      const char *close;

      if ((*p == '(' || *p == '[') && (close = strchr (p, *p == '(' ? ')' : ']')) != NULL)
        {
          g_autofree char *inside = g_strndup (p + 1, close - p - 1);
          g_autofree char *norm = cak_import_normalize (inside);
          g_auto (GStrv) words = g_strsplit (norm, " ", -1);
          gboolean units = words[0] != NULL && *words[0] != '\0';

          for (guint i = 0; words[i]; i++)
            if (!IN_LIST (words[i], unit_words))
              units = FALSE;
          if (units)
            {
              if (*unit == NULL)
                *unit = g_strstrip (g_strdup (inside));
              g_string_append_c (rest, ' ');
              p = close + 1;
              continue;
            }
        }
      g_string_append_c (rest, *p++);
    }
  return g_string_free (g_steal_pointer (&rest), FALSE);
}

/* A year, month, quarter or semester written among the words: "Bekerja 2024", "Des 2023". */
static void
take_period (GPtrArray *words, CakPeriod *period)
{
  for (guint i = 0; i < words->len; i++)
    for (guint n = MIN (3, words->len - i); n >= 1; n--)
      {
        g_autofree char *text = join_words (words, i, i + n);
        gboolean has_year = FALSE;
        CakPeriod found;

        for (guint k = i; k < i + n; k++)
          {
            const char *w = g_ptr_array_index (words, k);
            guint64 year;

            if (strlen (w) == 4 && g_ascii_string_to_unsigned (w, 10, 1990, 2100, &year, NULL))
              has_year = TRUE;
          }
        if (has_year && cak_period_parse (text, &found))
          {
            *period = found;
            g_ptr_array_remove_range (words, i, n);
            return;
          }
      }
}

/**
 * cak_import_read_header:
 * @out: (out caller-allocates): what the header says; clear it with cak_header_reading_clear ()
 *
 * Reads a header word by word rather than against a fixed list: units in brackets ("(Jiwa)",
 * "(%)") and at the end are set aside and remembered, a year or month inside the header
 * ("Penduduk Bekerja 2024") is taken as the column's period, "Jml"/"Jumlah"/"Total" before a
 * measure is dropped, segment words after "Peserta" name the segment, "Capaian" is a stated
 * coverage and "Target" a coverage target. Strict where a wrong guess would mislead:
 * "Tenaga Kerja Formal" or "Pekerja Rentan" name no measure.
 */
void
cak_import_read_header (const char *header, CakHeaderReading *out)
{
  g_autofree char *full = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *norm = NULL;
  g_autofree char *joined = NULL;
  g_auto (GStrv) split = NULL;
  g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  CakColumnRole role = CAK_COLUMN_NONE;
  CakMeasure measure = 0;

  g_return_if_fail (header != NULL);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  out->period = CAK_PERIOD_INIT_NONE;

  /* The header as a whole first: "Target Cakupan %" and "Cakupan (%)" are in the list. */
  full = cak_import_normalize (header);
  if (synonym (full, &role, &measure))
    {
      out->role = role;
      out->measure = measure;
      out->words = g_steal_pointer (&full);
      return;
    }

  rest = take_units (header, &out->unit);
  norm = cak_import_normalize (rest);
  split = g_strsplit (norm, " ", -1);
  for (guint i = 0; split[i]; i++)
    {
      gsize n = strlen (split[i]);

      if (n == 0)
        continue;
      /* "Cakupan%" is "Cakupan" and "%". */
      if (n > 1 && split[i][n - 1] == '%')
        {
          g_ptr_array_add (words, g_strndup (split[i], n - 1));
          g_ptr_array_add (words, g_strdup ("%"));
        }
      else
        g_ptr_array_add (words, g_strdup (split[i]));
    }
  take_period (words, &out->period);

  /* A unit at the end, outside brackets: "Peserta Aktif Orang", "Cakupan %". */
  while (words->len > 1)
    {
      const char *last = g_ptr_array_index (words, words->len - 1);

      if (!IN_LIST (last, unit_words) || strcmp (last, "dalam") == 0)
        break;
      if (out->unit == NULL)
        out->unit = g_strdup (last);
      g_ptr_array_remove_index (words, words->len - 1);
    }
  /* "Jml", "Jumlah", "Total" before the measure. */
  while (words->len > 1 && IN_LIST (g_ptr_array_index (words, 0), count_words))
    g_ptr_array_remove_index (words, 0);

  joined = join_words (words, 0, words->len);
  if (words->len == 0)
    goto done;

  if (synonym (joined, &role, &measure))
    goto found;

  /* Segment words after "Peserta" (and "Aktif"): "Peserta PU", "Peserta Aktif BPU". */
  if (strcmp (g_ptr_array_index (words, 0), "peserta") == 0 && words->len > 1)
    {
      guint from = 1;
      g_autofree char *segment = NULL;

      if (strcmp (g_ptr_array_index (words, 1), "aktif") == 0 && words->len > 2)
        from = 2;
      segment = join_words (words, from, words->len);
      if (synonym (segment, &role, &measure) && role == CAK_COLUMN_MEASURE
          && (measure == CAK_MEASURE_PU || measure == CAK_MEASURE_BPU
              || measure == CAK_MEASURE_JAKON || measure == CAK_MEASURE_PMI))
        goto found;
      role = CAK_COLUMN_NONE;
      if (all_in_list (words, 0, participant_words, G_N_ELEMENTS (participant_words)))
        {
          role = CAK_COLUMN_MEASURE;
          measure = CAK_MEASURE_PARTICIPANTS;
          goto found;
        }
    }

  /* A coverage target, in percent: not a target in people ("Target Peserta"). */
  if (has_word (words, "target") && all_in_list (words, 0, target_words, G_N_ELEMENTS (target_words)))
    {
      role = CAK_COLUMN_MEASURE;
      measure = CAK_MEASURE_TARGET_PCT;
      goto found;
    }

  /* A stated coverage: "Capaian (%)", "Persentase Cakupan Kepesertaan". */
  if (!has_word (words, "target")
      && all_in_list (words, 0, coverage_words, G_N_ELEMENTS (coverage_words))
      && (has_word (words, "cakupan") || has_word (words, "coverage")
          || has_word (words, "capaian") || has_word (words, "persentase")
          || has_word (words, "rasio")))
    {
      role = CAK_COLUMN_COVERAGE_PCT;
      goto found;
    }

  /* The employed population: "Penduduk Bekerja 2024", "Bekerja", "Penduduk Usia Kerja yang
   * Bekerja"; never "Tidak Bekerja". */
  if (has_word (words, "bekerja")
      && all_in_list (words, 0, workforce_words, G_N_ELEMENTS (workforce_words)))
    {
      role = CAK_COLUMN_MEASURE;
      measure = CAK_MEASURE_WORKFORCE;
      goto found;
    }
  goto done;

found:
  out->role = role;
  out->measure = measure;
  out->words = g_steal_pointer (&joined);
  return;

done:
  out->role = CAK_COLUMN_NONE;
}

void
cak_header_reading_clear (CakHeaderReading *reading)
{
  if (reading == NULL)
    return;
  g_clear_pointer (&reading->unit, g_free);
  g_clear_pointer (&reading->words, g_free);
}

/**
 * cak_header_reading_describe:
 *
 * Returns: (transfer full): why a header got its role, for the import report and the mapping
 *   step: "the words “tenaga kerja”; unit “Jiwa”; period 2024"
 */
char *
cak_header_reading_describe (const CakHeaderReading *reading)
{
  g_autoptr (GString) out = g_string_new (NULL);

  g_return_val_if_fail (reading != NULL, NULL);

  if (reading->words)
    g_string_append_printf (out, _ ("the words “%s”"), reading->words);
  if (reading->unit)
    {
      if (out->len)
        g_string_append (out, "; ");
      g_string_append_printf (out, _ ("unit “%s”"), reading->unit);
    }
  if (cak_period_is_valid (reading->period))
    {
      g_autofree char *period = cak_period_format (reading->period, cak_lang_from_environment ());

      if (out->len)
        g_string_append (out, "; ");
      g_string_append_printf (out, _ ("period %s"), period);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cak_import_classify_header:
 * @out_measure: (optional): the measure, for %CAK_COLUMN_MEASURE
 *
 * Tells what a column holds from its header, in Indonesian or English, in any case and
 * punctuation; see cak_import_read_header () for the rules.
 */
CakColumnRole
cak_import_classify_header (const char *header, CakMeasure *out_measure)
{
  CakHeaderReading reading;
  CakColumnRole role;

  g_return_val_if_fail (header != NULL, CAK_COLUMN_NONE);

  cak_import_read_header (header, &reading);
  role = reading.role;
  if (out_measure)
    *out_measure = reading.measure;
  cak_header_reading_clear (&reading);
  return role;
}

static const struct
{
  const char *id;
  CakColumnRole role;
  CakMeasure measure;
} role_ids[] = {
  { "ignore", CAK_COLUMN_NONE, 0 },
  { "region", CAK_COLUMN_REGION_NAME, 0 },
  { "region-name", CAK_COLUMN_REGION_NAME, 0 },
  { "region-code", CAK_COLUMN_REGION_CODE, 0 },
  { "period", CAK_COLUMN_PERIOD, 0 },
  { "workforce", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "participants", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "pu", CAK_COLUMN_MEASURE, CAK_MEASURE_PU },
  { "bpu", CAK_COLUMN_MEASURE, CAK_MEASURE_BPU },
  { "jakon", CAK_COLUMN_MEASURE, CAK_MEASURE_JAKON },
  { "pmi", CAK_COLUMN_MEASURE, CAK_MEASURE_PMI },
  { "target", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "target_pct", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "coverage", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "row-number", CAK_COLUMN_ROW_NUMBER, 0 },
  { "measure", CAK_COLUMN_MEASURE_NAME, 0 },
  { "value", CAK_COLUMN_VALUE, 0 },
  { "segment", CAK_COLUMN_SEGMENT, 0 },
  { "status", CAK_COLUMN_STATUS, 0 },
  { "note", CAK_COLUMN_NOTE, 0 },
  { "province", CAK_COLUMN_PROVINCE, 0 },
};

/**
 * cak_column_role_to_id:
 *
 * Returns: the role as --map writes it: "region", "workforce", "segment", "ignore"...
 */
const char *
cak_column_role_to_id (CakColumnRole role, CakMeasure measure)
{
  if (role == CAK_COLUMN_REGION_NAME)
    return "region";
  for (guint i = 0; i < G_N_ELEMENTS (role_ids); i++)
    if (role_ids[i].role == role && (role != CAK_COLUMN_MEASURE || role_ids[i].measure == measure))
      return role_ids[i].id;
  return "ignore";
}

/**
 * cak_import_role_from_id:
 *
 * Reads a role as --map writes it; the measures' JSON names (participants, target_pct) and
 * "kode"/"wilayah" style Indonesian words are accepted too.
 */
gboolean
cak_import_role_from_id (const char *id, CakColumnRole *out_role, CakMeasure *out_measure)
{
  g_autofree char *norm = NULL;
  CakMeasure measure = 0;
  CakColumnRole role;

  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (role_ids); i++)
    if (g_ascii_strcasecmp (id, role_ids[i].id) == 0)
      {
        *out_role = role_ids[i].role;
        *out_measure = role_ids[i].measure;
        return TRUE;
      }
  norm = cak_import_normalize (id);
  role = cak_import_classify_header (norm, &measure);
  if (role == CAK_COLUMN_NONE)
    return FALSE;
  *out_role = role;
  *out_measure = measure;
  return TRUE;
}

/**
 * cak_column_role_get_label:
 *
 * Returns: the role as the mapping step names it
 */
const char *
cak_column_role_get_label (CakColumnRole role, CakMeasure measure)
{
  switch (role)
    {
      case CAK_COLUMN_NONE:
        return _ ("Ignore");
      case CAK_COLUMN_REGION_CODE:
        return _ ("Region code");
      case CAK_COLUMN_REGION_NAME:
        return _ ("Region");
      case CAK_COLUMN_PERIOD:
        return _ ("Period");
      case CAK_COLUMN_MEASURE:
        return cak_measure_get_label (measure);
      case CAK_COLUMN_ROW_NUMBER:
        return _ ("Row number");
      case CAK_COLUMN_COVERAGE_PCT:
        return _ ("Coverage % (checked)");
      case CAK_COLUMN_MEASURE_NAME:
        return _ ("Measure name");
      case CAK_COLUMN_VALUE:
        return _ ("Value");
      case CAK_COLUMN_SEGMENT:
        return _ ("Segment (PU, BPU, Jakon, PMI)");
      case CAK_COLUMN_STATUS:
        return _ ("Status (active rows count)");
      case CAK_COLUMN_NOTE:
        return _ ("Note");
      case CAK_COLUMN_PROVINCE:
        return _ ("Province (settles names)");
      case CAK_N_COLUMN_ROLES:
      default:
        return "";
    }
}

CakColumnMapping *
cak_column_mapping_new (const char *header, CakColumnRole role, CakMeasure measure)
{
  CakColumnMapping *mapping = g_new0 (CakColumnMapping, 1);

  mapping->header = g_strdup (header);
  mapping->role = role;
  mapping->measure = measure;
  return mapping;
}

void
cak_column_mapping_free (CakColumnMapping *mapping)
{
  if (mapping == NULL)
    return;
  g_free (mapping->header);
  g_free (mapping);
}

/**
 * cak_import_parse_mapping:
 * @spec: "HEADER=role", as --map takes it: "Jml TK=workforce", "kode_wil=region",
 *   "segmen=segment", "status=status", "No=ignore"
 *
 * Returns: %FALSE with @error set (%G_OPTION_ERROR_BAD_VALUE) when @spec is not a mapping
 */
gboolean
cak_import_parse_mapping (const char *spec, CakColumnMapping **out_mapping, GError **error)
{
  const char *eq;
  g_autofree char *header = NULL;
  g_autofree char *id = NULL;
  CakColumnRole role;
  CakMeasure measure;

  g_return_val_if_fail (spec != NULL, FALSE);

  eq = strrchr (spec, '=');
  if (eq == NULL || eq == spec)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("“%s” is not a mapping; write HEADER=ROLE, for example “Jml TK=workforce”."),
                   spec);
      return FALSE;
    }
  header = g_strstrip (g_strndup (spec, eq - spec));
  id = g_strstrip (g_strdup (eq + 1));
  if (!cak_import_role_from_id (id, &role, &measure))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("“%s” is not a column role. Use one of: region, region-code, period, "
                      "workforce, participants, pu, bpu, jakon, pmi, target, coverage, measure, "
                      "value, segment, status, note, province, ignore."),
                   id);
      return FALSE;
    }
  *out_mapping = cak_column_mapping_new (header, role, measure);
  return TRUE;
}

/* ---- The header ---------------------------------------------------------------------- */

gboolean
cak_import_user_role (Import *import, const char *header, CakColumnRole *role, CakMeasure *measure)
{
  g_autofree char *norm = NULL;

  if (import->options == NULL || import->options->column_map == NULL || header == NULL
      || *header == '\0')
    return FALSE;
  norm = cak_import_normalize (header);
  for (guint i = 0; i < import->options->column_map->len; i++)
    {
      const CakColumnMapping *mapping = g_ptr_array_index (import->options->column_map, i);
      g_autofree char *mapped = cak_import_normalize (mapping->header);

      if (strcmp (norm, mapped) == 0)
        {
          *role = mapping->role;
          *measure = mapping->measure;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_total_word (const char *text)
{
  g_autofree char *norm = cak_import_normalize (text);

  return strcmp (norm, "jumlah") == 0 || strcmp (norm, "total") == 0
         || strcmp (norm, "sub total") == 0;
}

/* Names a column from its group header (the merged cell above, may be "") and its own header,
 * and decides its role: the user's mapping first, then "PESERTA AKTIF PU" whole, then the own
 * header, then the group's ("JUMLAH" under "PESERTA AKTIF" is the participants). */
static void
classify_column (Import *import, const char *group, const char *sub, Column *column)
{
  gboolean has_group = !is_blank_text (group), has_sub = !is_blank_text (sub);
  g_autofree char *g = g_strstrip (g_strdup (group));
  g_autofree char *s = g_strstrip (g_strdup (sub));
  g_autofree char *joined = NULL;
  CakHeaderReading reading = { 0 };
  CakColumnRole role = CAK_COLUMN_NONE;
  CakMeasure measure = 0;

  memset (column, 0, sizeof *column);
  column->period = CAK_PERIOD_INIT_NONE;
  if (has_group && has_sub)
    column->header = g_strdup_printf ("%s / %s", g, s);
  else
    column->header = g_strdup (has_sub ? s : g);

  joined = g_strdup_printf ("%s %s", g, s);
  if (cak_import_user_role (import, column->header, &role, &measure)
      || (has_sub && cak_import_user_role (import, s, &role, &measure))
      || (has_group && has_sub && cak_import_user_role (import, joined, &role, &measure))
      || (has_group && !has_sub && cak_import_user_role (import, g, &role, &measure)))
    {
      column->role = role;
      column->measure = measure;
      column->why = g_strdup (_ ("as mapped"));
      return;
    }

  if (has_group && has_sub)
    {
      /* The two rows read as one: "PESERTA AKTIF" over "PU", "Penduduk Bekerja" over "2023",
       * "2023" over "BPU". */
      cak_import_read_header (joined, &reading);
      if (reading.role == CAK_COLUMN_NONE && is_total_word (s))
        {
          /* "JUMLAH" under "PESERTA AKTIF" is the participants. */
          cak_header_reading_clear (&reading);
          cak_import_read_header (g, &reading);
        }
      if (reading.role == CAK_COLUMN_NONE)
        {
          cak_header_reading_clear (&reading);
          cak_import_read_header (s, &reading);
        }
    }
  else
    cak_import_read_header (has_sub ? s : g, &reading);

  column->role = reading.role;
  column->measure = reading.measure;
  column->period = reading.period;
  column->why = cak_header_reading_describe (&reading);
  column->unit = g_steal_pointer (&reading.unit);
  cak_header_reading_clear (&reading);
}

static CakLayout
layout_of (GArray *columns, guint *out_score)
{
  guint region = 0, measures = 0, names = 0, values = 0, segments = 0, score = 0;

  for (guint i = 0; i < columns->len; i++)
    {
      const Column *column = &g_array_index (columns, Column, i);

      switch (column->role)
        {
          case CAK_COLUMN_REGION_CODE:
          case CAK_COLUMN_REGION_NAME:
            region++;
            break;
          case CAK_COLUMN_MEASURE:
            measures++;
            break;
          case CAK_COLUMN_MEASURE_NAME:
            names++;
            break;
          case CAK_COLUMN_VALUE:
            values++;
            break;
          case CAK_COLUMN_SEGMENT:
            segments++;
            break;
          default:
            break;
        }
      if (column->role != CAK_COLUMN_NONE)
        score++;
    }
  *out_score = score;
  if (region == 0)
    return CAK_LAYOUT_NONE;
  if (measures > 0)
    return CAK_LAYOUT_WIDE;
  if (names > 0 && values > 0)
    return CAK_LAYOUT_LONG;
  if (segments > 0)
    return CAK_LAYOUT_EXTRACT;
  return CAK_LAYOUT_NONE;
}

static void
clear_column (gpointer data)
{
  Column *column = data;

  g_free (column->header);
  g_free (column->unit);
  g_free (column->why);
}

static GArray *
new_columns (void)
{
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (Column));

  g_array_set_clear_func (columns, clear_column);
  return columns;
}

/* The columns a header of one row (@group NULL) or two rows gives. A group header stands over
 * the columns to its right whose own cell above is empty, as merged cells read. */
static GArray *
columns_from_rows (Import *import, const CakRow *group, const CakRow *sub)
{
  GArray *columns = new_columns ();
  guint n = MAX (sub->n_cells, group ? group->n_cells : 0);
  const char *carried = "";

  for (guint c = 0; c < n; c++)
    {
      Column column;
      const char *g = "";

      if (group)
        {
          if (!is_blank_text (cell (group, c)))
            carried = cell (group, c);
          else if (is_blank_text (cell (sub, c)))
            carried = "";
          g = is_blank_text (cell (sub, c)) ? cell (group, c) : carried;
        }
      classify_column (import, g, cell (sub, c), &column);
      g_array_append_val (columns, column);
    }
  return columns;
}

static void
set_columns (Sheet *sheet, GArray *columns)
{
  g_clear_pointer (&sheet->columns, g_array_unref);
  sheet->columns = columns;
  sheet->code_column = sheet->name_column = sheet->period_column = -1;
  sheet->measure_name_column = sheet->value_column = -1;
  sheet->segment_column = sheet->status_column = sheet->coverage_column = -1;
  for (guint i = 0; i < columns->len; i++)
    {
      const Column *column = &g_array_index (columns, Column, i);
      int *slot = NULL;

      switch (column->role)
        {
          case CAK_COLUMN_REGION_CODE:
            slot = &sheet->code_column;
            break;
          case CAK_COLUMN_REGION_NAME:
            slot = &sheet->name_column;
            break;
          case CAK_COLUMN_PERIOD:
            slot = &sheet->period_column;
            break;
          case CAK_COLUMN_MEASURE_NAME:
            slot = &sheet->measure_name_column;
            break;
          case CAK_COLUMN_VALUE:
            slot = &sheet->value_column;
            break;
          case CAK_COLUMN_SEGMENT:
            slot = &sheet->segment_column;
            break;
          case CAK_COLUMN_STATUS:
            slot = &sheet->status_column;
            break;
          case CAK_COLUMN_COVERAGE_PCT:
            slot = &sheet->coverage_column;
            break;
          default:
            break;
        }
      if (slot && *slot < 0)
        *slot = i;
    }
}

/* A row that names a region column but no figure Cakupan knows: what the error says when no
 * sheet has a header, so that the user learns what was found and what is missing. */
static void
remember_partial_header (Import *import, Sheet *sheet, const CakRow *row, GArray *columns)
{
  g_autoptr (GString) others = g_string_new (NULL);
  const char *region = NULL;
  guint n_others = 0;

  for (guint c = 0; c < columns->len; c++)
    {
      const Column *column = &g_array_index (columns, Column, c);

      if ((column->role == CAK_COLUMN_REGION_NAME || column->role == CAK_COLUMN_REGION_CODE)
          && region == NULL)
        region = column->header;
      else if (column->role == CAK_COLUMN_NONE && !is_blank_text (column->header))
        {
          if (n_others++ < 6)
            g_string_append_printf (others, "%s“%s”", others->len ? ", " : "", column->header);
        }
    }
  if (region == NULL || n_others == 0)
    return;
  if (n_others > 6)
    g_string_append (others, ", …");
  import->partial_header = g_strdup (region);
  import->partial_others = g_string_free (g_steal_pointer (&others), FALSE);
  import->partial_sheet = sheet->name;
  import->partial_row = row->row;
}

/* Tries every row of the preamble as the header, alone and under the row above it, and keeps
 * the reading that recognises most columns. */
gboolean
cak_import_find_header (Import *import)
{
  Sheet *sheet = import->sheet;
  GArray *best = NULL;
  guint best_score = 0, best_first = 0, best_last = 0;
  CakLayout best_layout = CAK_LAYOUT_NONE;
  guint wanted = import->options ? import->options->header_row : 0;

  for (guint i = 0; i < sheet->kept->len; i++)
    {
      const StoredRow *row = g_ptr_array_index (sheet->kept, i);

      if (row_is_blank (&row->row))
        continue;
      for (guint two = 0; two < 2; two++)
        {
          const StoredRow *above = i > 0 ? g_ptr_array_index (sheet->kept, i - 1) : NULL;
          GArray *columns;
          CakLayout layout;
          guint score;

          if (two && (above == NULL || row_is_blank (&above->row)))
            continue;
          if (wanted && row->row.row != wanted)
            continue;
          columns = columns_from_rows (import, two ? &above->row : NULL, &row->row);
          layout = layout_of (columns, &score);
          if (layout != CAK_LAYOUT_NONE && score > best_score)
            {
              g_clear_pointer (&best, g_array_unref);
              best = columns;
              best_score = score;
              best_layout = layout;
              best_first = two ? i - 1 : i;
              best_last = i;
            }
          else
            {
              if (layout == CAK_LAYOUT_NONE && !two && import->partial_header == NULL)
                remember_partial_header (import, sheet, &row->row, columns);
              g_array_unref (columns);
            }
        }
    }
  if (best == NULL)
    return FALSE;

  set_columns (sheet, best);
  sheet->layout = best_layout;
  sheet->header_first = best_first;
  sheet->header_last = best_last;
  sheet->header_row_number = ((StoredRow *)g_ptr_array_index (sheet->kept, best_last))->row.row;
  return TRUE;
}

void
cak_import_preview_header (Import *import)
{
  Sheet *sheet = import->sheet;
  CakSheetPreview *preview = sheet->preview;

  if (preview == NULL)
    return;
  preview->layout = sheet->layout;
  preview->period = sheet->has_period ? sheet->period : CAK_PERIOD_INIT_NONE;
  if (sheet->columns == NULL)
    return;
  preview->header_first
      = ((StoredRow *)g_ptr_array_index (sheet->kept, sheet->header_first))->row.row;
  preview->header_last
      = ((StoredRow *)g_ptr_array_index (sheet->kept, sheet->header_last))->row.row;
  g_ptr_array_set_size (preview->headers, 0);
  g_array_set_size (preview->roles, 0);
  g_array_set_size (preview->measures, 0);
  g_ptr_array_set_size (preview->reasons, 0);
  for (guint i = 0; i < sheet->columns->len; i++)
    {
      const Column *column = &g_array_index (sheet->columns, Column, i);

      g_ptr_array_add (preview->headers, g_strdup (column->header));
      g_array_append_val (preview->roles, column->role);
      g_array_append_val (preview->measures, column->measure);
      g_ptr_array_add (preview->reasons, g_strdup (column->why ? column->why : ""));
    }
  preview->n_columns = MAX (preview->n_columns, sheet->columns->len);
}

/* The period of a sheet without a period column: its name, a title line, or what was given. */
gboolean
cak_import_find_sheet_period (Import *import)
{
  Sheet *sheet = import->sheet;

  if (sheet->period_column >= 0)
    return TRUE;

  /* Years or months as columns: "Bekerja 2023 | Bekerja 2024" need no other period. */
  {
    guint measures = 0, dated = 0;

    for (guint c = 0; c < sheet->columns->len; c++)
      {
        const Column *column = &g_array_index (sheet->columns, Column, c);

        if (column->role != CAK_COLUMN_MEASURE)
          continue;
        measures++;
        if (cak_period_is_valid (column->period))
          dated++;
      }
    if (measures > 0 && dated == measures)
      return TRUE;
  }

  if (sheet->name && cak_period_find_in_text (sheet->name, &sheet->period))
    {
      g_autofree char *iso = cak_period_to_iso (sheet->period);

      cak_import_note (import, CAK_SEVERITY_INFO, 0, -1,
                       _ ("The period %s is taken from the sheet’s name."), iso);
      sheet->has_period = TRUE;
      return TRUE;
    }

  for (guint i = 0; i < sheet->header_first; i++)
    {
      const StoredRow *row = g_ptr_array_index (sheet->kept, i);

      for (guint c = 0; c < row->row.n_cells; c++)
        if (!is_blank_text (cell (&row->row, c))
            && cak_period_find_in_text (cell (&row->row, c), &sheet->period))
          {
            g_autofree char *iso = cak_period_to_iso (sheet->period);

            cak_import_note (import, CAK_SEVERITY_INFO, row->row.row, c,
                             _ ("The period %s is taken from the title line “%s”."), iso,
                             cell (&row->row, c));
            sheet->has_period = TRUE;
            return TRUE;
          }
    }

  if (import->options && cak_period_is_valid (import->options->default_period))
    {
      sheet->period = import->options->default_period;
      sheet->has_period = TRUE;
      return TRUE;
    }

  if (sheet->name)
    g_set_error (&import->error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_PERIOD,
                 _ ("“%s”, sheet “%s”: no period is written in a column, the sheet’s name or a "
                    "title line. Give the period the figures are for (--period on the command "
                    "line)."),
                 import->file, sheet->name);
  else
    g_set_error (&import->error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_PERIOD,
                 _ ("“%s”: no period is written in a column or a title line. Give the period the "
                    "figures are for (--period on the command line)."),
                 import->file);
  return FALSE;
}

/* ---- Rows under the header ------------------------------------------------------------ */

gboolean
cak_import_is_repeated_header (Sheet *sheet, const CakRow *row)
{
  guint same = 0, nonblank = 0;

  for (guint i = 0; i < MIN (row->n_cells, sheet->columns->len); i++)
    {
      const Column *column = &g_array_index (sheet->columns, Column, i);
      const char *header = strrchr (column->header, '/');

      if (is_blank_text (cell (row, i)))
        continue;
      nonblank++;
      header = header ? header + 2 : column->header;
      if (g_ascii_strcasecmp (g_strstrip ((char *)cell (row, i)), header) == 0
          || g_ascii_strcasecmp (cell (row, i), column->header) == 0)
        same++;
    }
  return nonblank > 0 && same == nonblank;
}

/* A cell's value as the column reads it, before any percentage rule: NAN when it is none. */
static double
cell_value (const CakRow *row, int c, CakNumberStyle style)
{
  CakNumberReading reading;

  if (c < 0)
    return NAN;
  if (cell_type (row, c) == CAK_CELL_NUMBER)
    return g_ascii_strtod (cell (row, c), NULL);
  if (cell_type (row, c) == CAK_CELL_TEXT
      && cak_number_read (cell (row, c), style, &reading) == CAK_NUMBER_RESULT_VALUE
      && !(reading.flags & CAK_NUMBER_FLAG_PERCENT))
    return reading.value;
  return NAN;
}

static int
first_measure_column (Sheet *sheet, CakMeasure measure, CakPeriod period)
{
  for (guint c = 0; c < sheet->columns->len; c++)
    {
      const Column *column = &g_array_index (sheet->columns, Column, c);

      if (column->role == CAK_COLUMN_MEASURE && column->measure == measure
          && cak_period_equal (column->period, period))
        return c;
    }
  return -1;
}

/* Whether a target or stated coverage column writes 30% as 30 or as 0.30: decided once for the
 * column, from its values and header, or for a stated coverage from the rows' own figures, and
 * said in the report when it is fractions. */
static void
decide_percent_form (Import *import, Column *column, guint c)
{
  Sheet *sheet = import->sheet;
  g_autoptr (GArray) stated = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) numerators = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) denominators = g_array_new (FALSE, FALSE, sizeof (double));
  int participants = first_measure_column (sheet, CAK_MEASURE_PARTICIPANTS, column->period);
  int workforce = first_measure_column (sheet, CAK_MEASURE_WORKFORCE, column->period);
  gboolean says_percent = (column->unit && (strchr (column->unit, '%')
                                            || g_ascii_strcasecmp (column->unit, "persen") == 0))
                          || strchr (column->header, '%') != NULL;
  CakNumberPercentForm form = CAK_NUMBER_PERCENT_FORM_UNKNOWN;

  for (guint r = 0; r < sheet->kept->len; r++)
    {
      const StoredRow *row = g_ptr_array_index (sheet->kept, r);
      double value = cell_value (&row->row, c, column->style);

      if (isnan (value) || cak_import_is_total_label (cell (&row->row, sheet->name_column)))
        continue;
      g_array_append_val (stated, value);
      if (column->role == CAK_COLUMN_COVERAGE_PCT)
        {
          double n = cell_value (&row->row, participants,
                                 participants >= 0
                                     ? g_array_index (sheet->columns, Column, participants).style
                                     : CAK_NUMBER_STYLE_UNKNOWN);
          double d = cell_value (&row->row, workforce,
                                 workforce >= 0
                                     ? g_array_index (sheet->columns, Column, workforce).style
                                     : CAK_NUMBER_STYLE_UNKNOWN);

          g_array_append_val (numerators, n);
          g_array_append_val (denominators, d);
        }
    }
  if (stated->len == 0)
    return;
  if (column->role == CAK_COLUMN_COVERAGE_PCT && participants >= 0 && workforce >= 0)
    form = cak_number_percent_form_by_ratio ((double *)stated->data, (double *)numerators->data,
                                             (double *)denominators->data, stated->len);
  if (form == CAK_NUMBER_PERCENT_FORM_UNKNOWN)
    form = cak_number_percent_form_by_range ((double *)stated->data, stated->len, says_percent);
  column->percent_form = form;
  if (form == CAK_NUMBER_PERCENT_FORM_FRACTION)
    {
      g_autofree char *name = cak_source_column_name (c);

      cak_import_note (import, CAK_SEVERITY_WARNING, sheet->header_row_number, c,
                       _ ("Column %s, “%s”, writes percentages as fractions (0.30 for 30%%); "
                          "they were read as percentages."),
                       name, column->header);
    }
}

void
cak_import_vote_number_styles (Import *import)
{
  Sheet *sheet = import->sheet;

  for (guint c = 0; c < sheet->columns->len; c++)
    {
      Column *column = &g_array_index (sheet->columns, Column, c);

      if (column->role != CAK_COLUMN_MEASURE && column->role != CAK_COLUMN_VALUE
          && column->role != CAK_COLUMN_COVERAGE_PCT)
        continue;
      for (guint r = 0; r < sheet->kept->len; r++)
        {
          const StoredRow *row = g_ptr_array_index (sheet->kept, r);

          if (cell_type (&row->row, c) == CAK_CELL_TEXT)
            cak_number_vote (&column->vote, cell (&row->row, c));
        }
      column->style = cak_number_vote_result (&column->vote);
    }
  /* Once every column's style is known: a stated coverage is compared with the row's own. */
  for (guint c = 0; c < sheet->columns->len; c++)
    {
      Column *column = &g_array_index (sheet->columns, Column, c);

      if ((column->role == CAK_COLUMN_MEASURE && column->measure == CAK_MEASURE_TARGET_PCT)
          || column->role == CAK_COLUMN_COVERAGE_PCT)
        decide_percent_form (import, column, c);
    }
}

/* How many of a column's cells below the header hold numbers, of how many that hold anything. */
static void
count_numbers (Sheet *sheet, guint from, guint c, guint *numbers, guint *filled)
{
  *numbers = *filled = 0;
  for (guint r = from; r < sheet->kept->len; r++)
    {
      const StoredRow *row = g_ptr_array_index (sheet->kept, r);
      const char *text = cell (&row->row, c);
      double value;

      if (is_blank_text (text))
        continue;
      (*filled)++;
      if (cell_type (&row->row, c) == CAK_CELL_NUMBER
          || (cell_type (&row->row, c) == CAK_CELL_TEXT
              && cak_number_parse (text, CAK_NUMBER_STYLE_UNKNOWN, &value, NULL)))
        (*numbers)++;
    }
}

/* Whether a role is one the sheet's layout reads: a "Nilai" column means nothing in a table
 * with a column per measure. */
static gboolean
layout_reads (CakLayout layout, CakColumnRole role)
{
  switch (role)
    {
      case CAK_COLUMN_MEASURE:
      case CAK_COLUMN_COVERAGE_PCT:
        return layout == CAK_LAYOUT_WIDE;
      case CAK_COLUMN_MEASURE_NAME:
      case CAK_COLUMN_VALUE:
        return layout == CAK_LAYOUT_LONG;
      case CAK_COLUMN_SEGMENT:
      case CAK_COLUMN_STATUS:
        return layout == CAK_LAYOUT_EXTRACT;
      case CAK_COLUMN_NONE:
        return FALSE;
      default:
        return TRUE;
    }
}

static int *
slot_of (Sheet *sheet, CakColumnRole role)
{
  switch (role)
    {
      case CAK_COLUMN_REGION_CODE:
        return &sheet->code_column;
      case CAK_COLUMN_REGION_NAME:
        return &sheet->name_column;
      case CAK_COLUMN_PERIOD:
        return &sheet->period_column;
      case CAK_COLUMN_MEASURE_NAME:
        return &sheet->measure_name_column;
      case CAK_COLUMN_VALUE:
        return &sheet->value_column;
      case CAK_COLUMN_SEGMENT:
        return &sheet->segment_column;
      case CAK_COLUMN_STATUS:
        return &sheet->status_column;
      case CAK_COLUMN_COVERAGE_PCT:
        return &sheet->coverage_column;
      default:
        return NULL;
    }
}

static void
account_unused (Import *import, guint from, guint c, const char *header, const char *why)
{
  Sheet *sheet = import->sheet;
  guint header_row = sheet->header_row_number;
  guint numbers, filled;
  g_autofree char *name = cak_source_column_name (c);

  /* A kecamatan or desa column groups rows below the regency (cak-import-rows.c). */
  if (cak_import_is_subregion_header (header))
    {
      cak_sheet_report_add_column (sheet->report, c, header, CAK_COLUMN_USE_INFORMATION,
                                   _ ("Kecamatan or desa"),
                                   _ ("its rows are summed into their regency"));
      return;
    }
  count_numbers (sheet, from, c, &numbers, &filled);
  if (numbers > 0 && numbers * 2 >= filled)
    {
      if (is_blank_text (header))
        cak_import_note (import, CAK_SEVERITY_WARNING, header_row, c,
                         _ ("Column %s has no header but holds numbers; they were not imported. "
                            "Give it a header, or map it."),
                         name);
      else
        cak_import_note (import, CAK_SEVERITY_WARNING, header_row, c,
                         _ ("Column %s, “%s”, holds numbers Cakupan does not use: map it or "
                            "leave it."),
                         name, header);
      cak_sheet_report_add_column (sheet->report, c, header, CAK_COLUMN_USE_UNUSED,
                                   _ ("it holds numbers"), why);
    }
  else if (filled > 0 || !is_blank_text (header))
    {
      if (is_blank_text (header))
        cak_import_note (import, CAK_SEVERITY_INFO, header_row, c,
                         _ ("Column %s has no header; its text was not used."), name);
      else
        cak_import_note (import, CAK_SEVERITY_INFO, header_row, c,
                         _ ("Column %s, “%s”, holds no figure Cakupan reads; not used."), name,
                         header);
      cak_sheet_report_add_column (sheet->report, c, header, CAK_COLUMN_USE_UNUSED,
                                   _ ("it holds no figure"), why);
    }
  else
    cak_sheet_report_add_column (sheet->report, c, header, CAK_COLUMN_USE_UNUSED,
                                 _ ("it is empty"), why);
}

/**
 * cak_import_account_columns:
 * @from: the first of the sheet's kept rows that is below the header
 *
 * Accounts for every column of the sheet, as rows are: imported as a measure, identifying the
 * row, used as a check, kept as information, or named in the report with the reason ("holds
 * numbers Cakupan does not use: map it or leave it"). Columns wider than the header count too.
 */
void
cak_import_account_columns (Import *import, guint from)
{
  Sheet *sheet = import->sheet;
  guint width = sheet->columns->len;

  for (guint r = from; r < sheet->kept->len; r++)
    width = MAX (width, ((StoredRow *)g_ptr_array_index (sheet->kept, r))->row.n_cells);

  for (guint c = 0; c < width; c++)
    {
      const Column *column = c < sheet->columns->len ? &g_array_index (sheet->columns, Column, c)
                                                     : NULL;
      const char *header = column ? column->header : "";
      const char *why = column ? column->why : NULL;
      const char *what;
      int *slot;

      if (column == NULL || !layout_reads (sheet->layout, column->role))
        {
          account_unused (import, from, c, header, why);
          continue;
        }
      what = cak_column_role_get_label (column->role, column->measure);
      slot = slot_of (sheet, column->role);
      if (slot && *slot >= 0 && *slot != (int)c)
        {
          /* Only the first column of a role is read. */
          g_autofree char *first = cak_source_column_name (*slot);
          g_autofree char *name = cak_source_column_name (c);
          g_autofree char *reason
              = g_strdup_printf (_ ("column %s is read for the same role"), first);

          cak_import_note (import, CAK_SEVERITY_WARNING, sheet->header_row_number, c,
                           _ ("Column %s, “%s”, is a second “%s” column; column %s is read and "
                              "this one is not used."),
                           name, header, what, first);
          cak_sheet_report_add_column (sheet->report, c, header, CAK_COLUMN_USE_UNUSED, what,
                                       reason);
          continue;
        }
      if (column->role == CAK_COLUMN_MEASURE)
        {
          gboolean second = FALSE;
          g_autofree char *label = NULL;

          for (guint k = 0; k < c; k++)
            {
              const Column *other = &g_array_index (sheet->columns, Column, k);

              if (other->role == CAK_COLUMN_MEASURE && other->measure == column->measure
                  && cak_period_equal (other->period, column->period))
                second = TRUE;
            }
          if (cak_period_is_valid (column->period))
            {
              g_autofree char *period
                  = cak_period_format (column->period, cak_lang_from_environment ());

              label = g_strdup_printf (_ ("%s, %s"), what, period);
            }
          cak_sheet_report_add_column (sheet->report, c, header,
                                       second ? CAK_COLUMN_USE_CHECK : CAK_COLUMN_USE_IMPORTED,
                                       label ? label : what, why);
          continue;
        }
      switch (column->role)
        {
          case CAK_COLUMN_COVERAGE_PCT:
            cak_sheet_report_add_column (sheet->report, c, header, CAK_COLUMN_USE_CHECK, what,
                                         why);
            break;
          case CAK_COLUMN_ROW_NUMBER:
          case CAK_COLUMN_NOTE:
            cak_sheet_report_add_column (sheet->report, c, header, CAK_COLUMN_USE_INFORMATION,
                                         what, why);
            break;
          case CAK_COLUMN_VALUE:
          case CAK_COLUMN_SEGMENT:
            cak_sheet_report_add_column (sheet->report, c, header, CAK_COLUMN_USE_IMPORTED, what,
                                         why);
            break;
          default:
            cak_sheet_report_add_column (sheet->report, c, header, CAK_COLUMN_USE_IDENTIFIES,
                                         what, why);
            break;
        }
    }
}
