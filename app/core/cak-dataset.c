/* cak-dataset.c: values by region x period x measure, each remembering where it came from
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-dataset"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-dataset.h"

typedef struct
{
  const CakRegion *region;
  CakPeriod period;
  CakMeasureSet known; /* bit per CakMeasure */
  CakValue values[CAK_N_MEASURES];
} Record;

struct _CakDataset
{
  GObject parent_instance;

  CakRegionCatalog *catalog;
  GHashTable *records;   /* Record, keyed by its region and period */
  GHashTable *by_region; /* const CakRegion* -> GPtrArray of its Record* */
  GHashTable *stated;    /* CakStatedFigures, keyed by its region and period */
  GHashTable *typed;     /* "code|period key" -> double*: targets a person typed */
  GArray *issues;        /* CakIssue */
  GPtrArray *sheets;     /* CakSheetReport */
  Record *last_record;   /* the last one looked up: values come in runs of one record */
};

G_DEFINE_FINAL_TYPE (CakDataset, cak_dataset, G_TYPE_OBJECT)

static guint
record_key_hash (gconstpointer key)
{
  const Record *r = key;

  /* Regions are the catalog's: one pointer each. */
  return (guint)(GPOINTER_TO_SIZE (r->region) >> 4) * 2246822519u
         ^ (cak_period_to_key (r->period) * 2654435761u);
}

static gboolean
record_key_equal (gconstpointer a, gconstpointer b)
{
  const Record *ra = a, *rb = b;

  return ra->region == rb->region && cak_period_equal (ra->period, rb->period);
}

static guint
stated_key_hash (gconstpointer key)
{
  const CakStatedFigures *s = key;

  return g_str_hash (s->region->code) ^ (cak_period_to_key (s->period) * 2654435761u);
}

static gboolean
stated_key_equal (gconstpointer a, gconstpointer b)
{
  const CakStatedFigures *sa = a, *sb = b;

  return sa->region == sb->region && cak_period_equal (sa->period, sb->period);
}

static int
compare_periods (gconstpointer a, gconstpointer b)
{
  return cak_period_compare (*(const CakPeriod *)a, *(const CakPeriod *)b);
}

static int
compare_regions_by_code (gconstpointer a, gconstpointer b)
{
  const CakRegion *ra = *(const CakRegion *const *)a;
  const CakRegion *rb = *(const CakRegion *const *)b;

  return strcmp (ra->code, rb->code);
}

static void
clear_issue (gpointer data)
{
  CakIssue *issue = data;

  g_clear_pointer (&issue->message, g_free);
}

static void
column_report_free (gpointer data)
{
  CakColumnReport *column = data;

  g_free (column->header);
  g_free (column->what);
  g_free (column->why);
  g_free (column);
}

static void
sheet_report_free (gpointer data)
{
  CakSheetReport *report = data;

  g_clear_pointer (&report->columns, g_ptr_array_unref);
  g_free (report);
}

static void
cak_dataset_finalize (GObject *object)
{
  CakDataset *self = CAK_DATASET (object);

  g_clear_pointer (&self->by_region, g_hash_table_unref);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_pointer (&self->stated, g_hash_table_unref);
  g_clear_pointer (&self->typed, g_hash_table_unref);
  g_clear_pointer (&self->issues, g_array_unref);
  g_clear_pointer (&self->sheets, g_ptr_array_unref);

  G_OBJECT_CLASS (cak_dataset_parent_class)->finalize (object);
}

static void
cak_dataset_class_init (CakDatasetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cak_dataset_finalize;
}

static void
cak_dataset_init (CakDataset *self)
{
  self->records = g_hash_table_new_full (record_key_hash, record_key_equal, g_free, NULL);
  self->by_region = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  self->stated = g_hash_table_new_full (stated_key_hash, stated_key_equal, g_free, NULL);
  self->typed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->issues = g_array_new (FALSE, TRUE, sizeof (CakIssue));
  g_array_set_clear_func (self->issues, clear_issue);
  self->sheets = g_ptr_array_new_with_free_func (sheet_report_free);
}

static char *
typed_key (const CakRegion *region, CakPeriod period)
{
  return g_strdup_printf ("%s|%u", region->code, cak_period_to_key (period));
}

/**
 * cak_dataset_set_typed_target:
 * @target_pct: the coverage target in percent, or NAN to remove the one typed
 *
 * Keeps a target a person typed for @region (a province or a regency) in @period (a year, or a
 * month), apart from the targets files give.
 */
void
cak_dataset_set_typed_target (CakDataset *self, const CakRegion *region, CakPeriod period,
                              double target_pct)
{
  g_return_if_fail (CAK_IS_DATASET (self));
  g_return_if_fail (region != NULL);
  g_return_if_fail (cak_period_is_valid (period));

  if (isnan (target_pct))
    {
      g_autofree char *key = typed_key (region, period);

      g_hash_table_remove (self->typed, key);
      return;
    }
  g_hash_table_replace (self->typed, typed_key (region, period),
                        g_memdup2 (&target_pct, sizeof target_pct));
}

/**
 * cak_dataset_get_typed_target:
 *
 * Returns: %TRUE and the target typed for @region in exactly @period, when there is one.
 */
gboolean
cak_dataset_get_typed_target (CakDataset *self, const CakRegion *region, CakPeriod period,
                              double *out_pct)
{
  g_autofree char *key = NULL;
  const double *pct;

  g_return_val_if_fail (CAK_IS_DATASET (self), FALSE);
  g_return_val_if_fail (region != NULL, FALSE);

  if (g_hash_table_size (self->typed) == 0)
    return FALSE;
  key = typed_key (region, period);
  pct = g_hash_table_lookup (self->typed, key);
  if (pct && out_pct)
    *out_pct = *pct;
  return pct != NULL;
}

void
cak_dataset_clear_typed_targets (CakDataset *self)
{
  g_return_if_fail (CAK_IS_DATASET (self));

  g_hash_table_remove_all (self->typed);
}

/**
 * cak_source_column_name:
 * @column: 0-based column
 *
 * Returns: the spreadsheet name of the column: 0 is "A", 26 is "AA".
 */
char *
cak_source_column_name (guint column)
{
  char buf[16];
  int pos = sizeof buf - 1;

  buf[pos] = '\0';
  column++;
  while (column > 0 && pos > 0)
    {
      guint rem = (column - 1) % 26;

      buf[--pos] = 'A' + rem;
      column = (column - 1) / 26;
    }
  return g_strdup (buf + pos);
}

/**
 * cak_source_describe:
 * @has_column: whether the column is part of the place
 *
 * Returns: (transfer full): where a value or an issue is, as a person reads it: "x.xlsx, sheet
 * “TW IV 2023”, row 12, column D"; parts that are not known are left out
 */
char *
cak_source_describe (const CakSource *source, gboolean has_column)
{
  g_autoptr (GString) out = g_string_new (source->file ? source->file : "");

  g_return_val_if_fail (source != NULL, NULL);

  if (source->sheet)
    {
      g_string_append (out, ", ");
      g_string_append_printf (out, _ ("sheet “%s”"), source->sheet);
    }
  if (source->row > 0)
    {
      g_string_append (out, ", ");
      g_string_append_printf (out, _ ("row %u"), source->row);
    }
  if (has_column)
    {
      g_autofree char *column = cak_source_column_name (source->column);

      g_string_append (out, ", ");
      g_string_append_printf (out, _ ("column %s"), column);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cak_dataset_new:
 * @catalog: the regions the dataset's values refer to; must outlive the dataset
 */
CakDataset *
cak_dataset_new (CakRegionCatalog *catalog)
{
  CakDataset *self;

  g_return_val_if_fail (catalog != NULL, NULL);

  self = g_object_new (CAK_TYPE_DATASET, NULL);
  self->catalog = catalog;
  return self;
}

CakRegionCatalog *
cak_dataset_get_catalog (CakDataset *self)
{
  g_return_val_if_fail (CAK_IS_DATASET (self), NULL);

  return self->catalog;
}

static Record *
lookup_record (CakDataset *self, const CakRegion *region, CakPeriod period)
{
  Record key = { .region = region, .period = period };

  /* Values come by region and period, one measure after another. */
  if (self->last_record && self->last_record->region == region
      && cak_period_equal (self->last_record->period, period))
    return self->last_record;
  self->last_record = g_hash_table_lookup (self->records, &key);
  return self->last_record;
}

/**
 * cak_dataset_set:
 * @out_existing: (optional): receives the value already held when there is a conflict
 *
 * Stores a value. The same value from two places is kept once; a different value for a
 * region, period and measure that already has one is a conflict: nothing is changed and
 * the value already held is returned in @out_existing.
 *
 * Returns: %FALSE on a conflict.
 */
gboolean
cak_dataset_set (CakDataset *self, const CakRegion *region, CakPeriod period, CakMeasure measure,
                 double value, const CakSource *source, CakValue *out_existing)
{
  GPtrArray *region_records;
  Record *record;

  g_return_val_if_fail (CAK_IS_DATASET (self), FALSE);
  g_return_val_if_fail (region != NULL, FALSE);
  g_return_val_if_fail (cak_period_is_valid (period), FALSE);
  g_return_val_if_fail (measure < CAK_N_MEASURES, FALSE);
  g_return_val_if_fail (isfinite (value), FALSE);

  record = lookup_record (self, region, period);
  if (record == NULL)
    {
      record = g_new0 (Record, 1);
      record->region = region;
      record->period = period;
      g_hash_table_add (self->records, record);
      self->last_record = record;
      region_records = g_hash_table_lookup (self->by_region, region);
      if (region_records == NULL)
        {
          region_records = g_ptr_array_new ();
          g_hash_table_insert (self->by_region, (gpointer)region, region_records);
        }
      g_ptr_array_add (region_records, record);
    }

  if (record->known & CAK_MEASURE_BIT (measure))
    {
      if (fabs (record->values[measure].value - value) <= 1e-9 * MAX (1.0, fabs (value)))
        return TRUE;
      if (out_existing)
        *out_existing = record->values[measure];
      return FALSE;
    }

  record->known |= CAK_MEASURE_BIT (measure);
  record->values[measure].value = value;
  if (source)
    record->values[measure].source = *source;
  return TRUE;
}

/**
 * cak_dataset_add_values:
 * @known: the measures @values holds
 * @values: (array fixed-size=CAK_N_MEASURES): a value for each measure in @known, indexed by
 *   measure
 *
 * Stores a region's settled figures for a period at once, without comparing them with the ones
 * held: for a project opened from its file. A figure held already is replaced.
 */
void
cak_dataset_add_values (CakDataset *self, const CakRegion *region, CakPeriod period,
                        CakMeasureSet known, const CakValue *values)
{
  Record *record;

  g_return_if_fail (CAK_IS_DATASET (self));
  g_return_if_fail (region != NULL);
  g_return_if_fail (cak_period_is_valid (period));
  g_return_if_fail (values != NULL);

  known &= G_MAXUINT64 >> (CAK_MEASURE_SET_BITS - CAK_N_MEASURES);
  if (known == 0)
    return;
  record = lookup_record (self, region, period);
  if (record)
    {
      for (guint m = 0; m < CAK_N_MEASURES; m++)
        if (known & CAK_MEASURE_BIT (m))
          record->values[m] = values[m];
      record->known |= known;
      return;
    }
  record = g_new (Record, 1);
  record->region = region;
  record->period = period;
  record->known = known;
  memcpy (record->values, values, sizeof record->values);
  g_hash_table_add (self->records, record);
  self->last_record = record;
  {
    GPtrArray *region_records = g_hash_table_lookup (self->by_region, region);

    if (region_records == NULL)
      {
        region_records = g_ptr_array_new ();
        g_hash_table_insert (self->by_region, (gpointer)region, region_records);
      }
    g_ptr_array_add (region_records, record);
  }
}

/**
 * cak_dataset_clear_values:
 *
 * Forgets every figure; the stated figures and the import report stay.
 */
void
cak_dataset_clear_values (CakDataset *self)
{
  g_return_if_fail (CAK_IS_DATASET (self));

  self->last_record = NULL;
  g_hash_table_remove_all (self->by_region);
  g_hash_table_remove_all (self->records);
}

/**
 * cak_dataset_replace:
 *
 * Stores a value whatever the dataset held for the region, period and measure: for a project,
 * when the user settles a conflict by taking the newer file's figure.
 *
 * Returns: %TRUE when a value was held before
 */
gboolean
cak_dataset_replace (CakDataset *self, const CakRegion *region, CakPeriod period,
                     CakMeasure measure, double value, const CakSource *source)
{
  Record *record;

  g_return_val_if_fail (CAK_IS_DATASET (self), FALSE);
  g_return_val_if_fail (measure < CAK_N_MEASURES, FALSE);

  record = lookup_record (self, region, period);
  if (record == NULL || !(record->known & CAK_MEASURE_BIT (measure)))
    {
      cak_dataset_set (self, region, period, measure, value, source, NULL);
      return FALSE;
    }
  record->values[measure].value = value;
  if (source)
    record->values[measure].source = *source;
  else
    memset (&record->values[measure].source, 0, sizeof record->values[measure].source);
  return TRUE;
}

/**
 * cak_dataset_foreach_value:
 *
 * Calls @func for every value the dataset holds, in no particular order.
 */
void
cak_dataset_foreach_value (CakDataset *self, CakDatasetValueFunc func, gpointer user_data)
{
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (CAK_IS_DATASET (self));
  g_return_if_fail (func != NULL);

  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const Record *record = key;

      for (guint m = 0; m < CAK_N_MEASURES; m++)
        if (record->known & CAK_MEASURE_BIT (m))
          func (record->region, record->period, m, &record->values[m], user_data);
    }
}

/**
 * cak_dataset_get:
 *
 * Returns: %TRUE when the value is known.
 */
gboolean
cak_dataset_get (CakDataset *self, const CakRegion *region, CakPeriod period, CakMeasure measure,
                 CakValue *out_value)
{
  Record *record;

  g_return_val_if_fail (CAK_IS_DATASET (self), FALSE);
  g_return_val_if_fail (measure < CAK_N_MEASURES, FALSE);

  if (region == NULL)
    return FALSE;
  record = lookup_record (self, region, period);
  if (record == NULL || !(record->known & CAK_MEASURE_BIT (measure)))
    return FALSE;
  if (out_value)
    *out_value = record->values[measure];
  return TRUE;
}

/**
 * cak_stated_figures_get:
 *
 * Returns: the figure of @measure the file states, or NAN when it states none.
 */
double
cak_stated_figures_get (const CakStatedFigures *stated, CakMeasure measure)
{
  g_return_val_if_fail (stated != NULL, NAN);
  g_return_val_if_fail (measure < CAK_N_MEASURES, NAN);

  return stated->known & CAK_MEASURE_BIT (measure) ? stated->values[measure].value : NAN;
}

/**
 * cak_stated_figures_participants:
 *
 * Returns: the active participants the file states, or the sum of the four segments when it
 * states all of them and no total; NAN otherwise.
 */
double
cak_stated_figures_participants (const CakStatedFigures *stated)
{
  double sum = 0;

  g_return_val_if_fail (stated != NULL, NAN);

  if (stated->known & CAK_MEASURE_BIT (CAK_MEASURE_PARTICIPANTS))
    return stated->values[CAK_MEASURE_PARTICIPANTS].value;
  for (guint i = 0; i < CAK_N_SEGMENTS; i++)
    {
      CakMeasure m = cak_measure_segments[i];

      if (!cak_measure_set_has (stated->known, m))
        return NAN;
      sum += stated->values[m].value;
    }
  return sum;
}

/**
 * cak_dataset_set_stated:
 * @stated: a province's figures as a file states them
 * @out_existing: (optional): receives the figures already held when they differ
 *
 * Keeps the figures a file states for a province (its province row), apart from the values
 * the regencies give. Figures for a province and period that has some already join them
 * (the long layout states one figure a row); the same figure again is kept once.
 *
 * Returns: %FALSE, changing nothing, when a figure differs from one held already for the
 * province and period.
 */
gboolean
cak_dataset_set_stated (CakDataset *self, const CakStatedFigures *stated,
                        const CakStatedFigures **out_existing)
{
  CakStatedFigures *existing;

  g_return_val_if_fail (CAK_IS_DATASET (self), FALSE);
  g_return_val_if_fail (stated != NULL && stated->region != NULL, FALSE);
  g_return_val_if_fail (cak_period_is_valid (stated->period), FALSE);

  existing = g_hash_table_lookup (self->stated, stated);
  if (existing)
    {
      gboolean same = !stated->has_coverage || !existing->has_coverage
                      || existing->coverage_pct.value == stated->coverage_pct.value;

      for (guint m = 0; same && m < CAK_N_MEASURES; m++)
        if ((stated->known & existing->known & CAK_MEASURE_BIT (m))
            && existing->values[m].value != stated->values[m].value)
          same = FALSE;
      if (!same)
        {
          if (out_existing)
            *out_existing = existing;
          return FALSE;
        }
      /* Figures the province's other rows state (one a row in the long layout) join them. */
      for (guint m = 0; m < CAK_N_MEASURES; m++)
        if ((stated->known & CAK_MEASURE_BIT (m)) && !(existing->known & CAK_MEASURE_BIT (m)))
          {
            existing->known |= CAK_MEASURE_BIT (m);
            existing->values[m] = stated->values[m];
          }
      if (stated->has_coverage && !existing->has_coverage)
        {
          existing->has_coverage = TRUE;
          existing->coverage_pct = stated->coverage_pct;
        }
      return TRUE;
    }
  g_hash_table_add (self->stated, g_memdup2 (stated, sizeof *stated));
  return TRUE;
}

/**
 * cak_dataset_get_stated:
 *
 * Returns: (nullable) (transfer none): the figures a file states for @region in @period, or
 * %NULL when no file states any.
 */
const CakStatedFigures *
cak_dataset_get_stated (CakDataset *self, const CakRegion *region, CakPeriod period)
{
  CakStatedFigures key = { 0 };

  g_return_val_if_fail (CAK_IS_DATASET (self), NULL);

  if (region == NULL)
    return NULL;
  key.region = region;
  key.period = period;
  return g_hash_table_lookup (self->stated, &key);
}

static int
compare_stated (gconstpointer a, gconstpointer b)
{
  const CakStatedFigures *sa = *(const CakStatedFigures *const *)a;
  const CakStatedFigures *sb = *(const CakStatedFigures *const *)b;
  int by_code = strcmp (sa->region->code, sb->region->code);

  return by_code != 0 ? by_code : cak_period_compare (sa->period, sb->period);
}

/**
 * cak_dataset_get_stated_all:
 *
 * Returns: (transfer container) (element-type CakStatedFigures): every province's figures as
 * the files state them, by region code, then period.
 */
GPtrArray *
cak_dataset_get_stated_all (CakDataset *self)
{
  GPtrArray *all = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer stated;

  g_return_val_if_fail (CAK_IS_DATASET (self), all);

  g_hash_table_iter_init (&iter, self->stated);
  while (g_hash_table_iter_next (&iter, &stated, NULL))
    g_ptr_array_add (all, stated);
  g_ptr_array_sort (all, compare_stated);
  return all;
}

static gboolean
record_has_participants (const Record *record)
{
  const CakMeasureSet mask
      = CAK_MEASURE_BIT (CAK_MEASURE_PARTICIPANTS) | cak_measure_set_segments ();

  return (record->known & mask) != 0;
}

gboolean
cak_dataset_has_participants (CakDataset *self, const CakRegion *region, CakPeriod period)
{
  Record *record;

  g_return_val_if_fail (CAK_IS_DATASET (self), FALSE);

  record = lookup_record (self, region, period);
  return record != NULL && record_has_participants (record);
}

static GArray *
collect_periods (CakDataset *self, gboolean reporting_only)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  GArray *periods = g_array_new (FALSE, FALSE, sizeof (CakPeriod));
  GHashTableIter iter;
  Record *record;

  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, (gpointer *)&record, NULL))
    {
      guint32 key = cak_period_to_key (record->period);

      if (reporting_only && !record_has_participants (record))
        continue;
      if (g_hash_table_add (seen, GUINT_TO_POINTER (key)))
        g_array_append_val (periods, record->period);
    }
  g_array_sort (periods, compare_periods);
  return periods;
}

/**
 * cak_dataset_get_periods:
 *
 * Returns: (transfer full): every period that holds a value, oldest first.
 */
GArray *
cak_dataset_get_periods (CakDataset *self)
{
  g_return_val_if_fail (CAK_IS_DATASET (self), NULL);

  return collect_periods (self, FALSE);
}

/**
 * cak_dataset_get_reporting_periods:
 *
 * The periods a report can be made for: those with participant counts. A file of workforce
 * alone has no participants; then every period with data is given.
 *
 * Returns: (transfer full): periods, oldest first.
 */
GArray *
cak_dataset_get_reporting_periods (CakDataset *self)
{
  GArray *periods;

  g_return_val_if_fail (CAK_IS_DATASET (self), NULL);

  periods = collect_periods (self, TRUE);
  if (periods->len == 0)
    {
      g_array_unref (periods);
      periods = collect_periods (self, FALSE);
    }
  return periods;
}

/**
 * cak_dataset_get_measure_periods:
 *
 * Returns: (transfer full): the periods for which @region has @measure, oldest first.
 */
GArray *
cak_dataset_get_measure_periods (CakDataset *self, const CakRegion *region, CakMeasure measure)
{
  GArray *periods = g_array_new (FALSE, FALSE, sizeof (CakPeriod));
  GPtrArray *region_records;

  g_return_val_if_fail (CAK_IS_DATASET (self), periods);

  region_records = g_hash_table_lookup (self->by_region, region);
  for (guint i = 0; region_records && i < region_records->len; i++)
    {
      const Record *record = g_ptr_array_index (region_records, i);

      if (record->known & CAK_MEASURE_BIT (measure))
        g_array_append_val (periods, record->period);
    }
  g_array_sort (periods, compare_periods);
  return periods;
}

/**
 * cak_dataset_get_provinces:
 *
 * Returns: (transfer container): the provinces that have data for at least one of their
 * regencies, by code.
 */
GPtrArray *
cak_dataset_get_provinces (CakDataset *self)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *provinces = g_ptr_array_new ();
  GHashTableIter iter;
  const CakRegion *region;

  g_return_val_if_fail (CAK_IS_DATASET (self), provinces);

  g_hash_table_iter_init (&iter, self->by_region);
  while (g_hash_table_iter_next (&iter, (gpointer *)&region, NULL))
    {
      const char *code = region->province_code;

      if (g_hash_table_add (seen, (gpointer)code))
        {
          const CakRegion *province = cak_region_catalog_lookup_code (self->catalog, code);

          if (province)
            g_ptr_array_add (provinces, (gpointer)province);
        }
    }
  g_ptr_array_sort (provinces, compare_regions_by_code);
  return provinces;
}

/**
 * cak_dataset_get_regencies:
 * @province_code: (nullable): a province's code, or %NULL for every province
 *
 * Returns: (transfer container): the regencies and cities that have data, by code.
 */
GPtrArray *
cak_dataset_get_regencies (CakDataset *self, const char *province_code)
{
  GPtrArray *regions = g_ptr_array_new ();
  GHashTableIter iter;
  const CakRegion *region;

  g_return_val_if_fail (CAK_IS_DATASET (self), regions);

  g_hash_table_iter_init (&iter, self->by_region);
  while (g_hash_table_iter_next (&iter, (gpointer *)&region, NULL))
    {
      if (region->kind == CAK_REGION_KIND_PROVINCE)
        continue;
      if (province_code && strcmp (region->province_code, province_code) != 0)
        continue;
      g_ptr_array_add (regions, (gpointer)region);
    }
  g_ptr_array_sort (regions, compare_regions_by_code);
  return regions;
}

gboolean
cak_dataset_is_empty (CakDataset *self)
{
  g_return_val_if_fail (CAK_IS_DATASET (self), TRUE);

  return g_hash_table_size (self->records) == 0;
}

/**
 * cak_dataset_add_issue:
 * @message: the message, already translated, for the user
 *
 * Adds a line to the import report.
 */
void
cak_dataset_add_issue (CakDataset *self, CakSeverity severity, const CakSource *source,
                       gboolean has_column, const char *message)
{
  CakIssue issue = { 0 };

  g_return_if_fail (CAK_IS_DATASET (self));
  g_return_if_fail (message != NULL);

  issue.severity = severity;
  if (source)
    issue.source = *source;
  issue.has_column = has_column;
  issue.message = g_strdup (message);
  g_array_append_val (self->issues, issue);
}

/**
 * cak_dataset_get_issues:
 *
 * Returns: (transfer none) (element-type CakIssue): the import report's lines, in order.
 */
const GArray *
cak_dataset_get_issues (CakDataset *self)
{
  g_return_val_if_fail (CAK_IS_DATASET (self), NULL);

  return self->issues;
}

guint
cak_dataset_count_errors (CakDataset *self)
{
  guint n = 0;

  g_return_val_if_fail (CAK_IS_DATASET (self), 0);

  for (guint i = 0; i < self->issues->len; i++)
    if (g_array_index (self->issues, CakIssue, i).severity == CAK_SEVERITY_ERROR)
      n++;
  return n;
}

/**
 * cak_dataset_add_sheet_report:
 * @file: interned file name
 * @sheet: (nullable): interned sheet name
 *
 * Returns: (transfer none): the counts for a sheet, owned by the dataset, for the importer to fill.
 */
CakSheetReport *
cak_dataset_add_sheet_report (CakDataset *self, const char *file, const char *sheet)
{
  CakSheetReport *report;

  g_return_val_if_fail (CAK_IS_DATASET (self), NULL);

  report = g_new0 (CakSheetReport, 1);
  report->file = file;
  report->sheet = sheet;
  g_ptr_array_add (self->sheets, report);
  return report;
}

/**
 * cak_dataset_get_sheet_reports:
 *
 * Returns: (transfer none) (element-type CakSheetReport): the sheets imported, in order.
 */
GPtrArray *
cak_dataset_get_sheet_reports (CakDataset *self)
{
  g_return_val_if_fail (CAK_IS_DATASET (self), NULL);

  return self->sheets;
}

/**
 * cak_sheet_report_add_column:
 * @what: the role, as the mapping step names it
 * @why: (nullable): why the column got its role
 *
 * Accounts for one column of a sheet, as the rows are: every column is imported, identifies
 * the row, is checked, is kept as information, or is named as unused with the reason.
 */
void
cak_sheet_report_add_column (CakSheetReport *report, guint column, const char *header,
                             CakColumnUse use, const char *what, const char *why)
{
  CakColumnReport *entry;

  g_return_if_fail (report != NULL);

  if (report->columns == NULL)
    report->columns = g_ptr_array_new_with_free_func (column_report_free);
  entry = g_new0 (CakColumnReport, 1);
  entry->column = column;
  entry->header = g_strdup (header ? header : "");
  entry->use = use;
  entry->what = g_strdup (what ? what : "");
  entry->why = g_strdup (why ? why : "");
  g_ptr_array_add (report->columns, entry);
}

/**
 * cak_column_use_to_id:
 *
 * Returns: the use as --summary --json writes it: "imported", "identifies", "check",
 *   "information" or "unused"
 */
const char *
cak_column_use_to_id (CakColumnUse use)
{
  switch (use)
    {
      case CAK_COLUMN_USE_IMPORTED:
        return "imported";
      case CAK_COLUMN_USE_IDENTIFIES:
        return "identifies";
      case CAK_COLUMN_USE_CHECK:
        return "check";
      case CAK_COLUMN_USE_INFORMATION:
        return "information";
      case CAK_COLUMN_USE_UNUSED:
      default:
        return "unused";
    }
}

/**
 * cak_column_use_get_label:
 *
 * Returns: what became of a column, in a few words, for the import report
 */
const char *
cak_column_use_get_label (CakColumnUse use)
{
  switch (use)
    {
      case CAK_COLUMN_USE_IMPORTED:
        return C_ ("column use", "imported");
      case CAK_COLUMN_USE_IDENTIFIES:
        return C_ ("column use", "identifies the row");
      case CAK_COLUMN_USE_CHECK:
        return C_ ("column use", "checked");
      case CAK_COLUMN_USE_INFORMATION:
        return C_ ("column use", "information, not imported");
      case CAK_COLUMN_USE_UNUSED:
      default:
        return C_ ("column use", "not used");
    }
}

/**
 * cak_column_report_describe:
 *
 * Returns: (transfer full): a column's line in the import report: "C “Tenaga Kerja (Jiwa)”:
 *   imported as Workforce (the words “tenaga kerja”; unit “Jiwa”)"
 */
char *
cak_column_report_describe (const CakColumnReport *column)
{
  g_autofree char *name = NULL;
  g_autofree char *use = NULL;

  g_return_val_if_fail (column != NULL, NULL);

  name = cak_source_column_name (column->column);
  switch (column->use)
    {
      case CAK_COLUMN_USE_IMPORTED:
        use = g_strdup_printf (_ ("imported as %s"), column->what);
        break;
      case CAK_COLUMN_USE_IDENTIFIES:
        use = g_strdup_printf (_ ("read as %s"), column->what);
        break;
      case CAK_COLUMN_USE_CHECK:
        use = g_strdup_printf (_ ("used as a check: %s"), column->what);
        break;
      case CAK_COLUMN_USE_INFORMATION:
        use = g_strdup_printf (_ ("kept as information: %s"), column->what);
        break;
      case CAK_COLUMN_USE_UNUSED:
      default:
        use = g_strdup_printf (_ ("not used: %s"), column->what);
        break;
    }
  if (*column->why)
    /* TRANSLATORS: column letter, header, what became of it, why */
    return g_strdup_printf (_ ("%s “%s”: %s (%s)"), name, column->header, use, column->why);
  /* TRANSLATORS: column letter, header, what became of it */
  return g_strdup_printf (_ ("%s “%s”: %s"), name, column->header, use);
}

/**
 * cak_severity_to_id:
 *
 * Returns: the severity as --summary --json and the project file write it: "info", "warning"
 *   or "error"
 */
const char *
cak_severity_to_id (CakSeverity severity)
{
  switch (severity)
    {
      case CAK_SEVERITY_ERROR:
        return "error";
      case CAK_SEVERITY_WARNING:
        return "warning";
      case CAK_SEVERITY_INFO:
      default:
        return "info";
    }
}

/**
 * cak_severity_from_id:
 *
 * Returns: the severity cak_severity_to_id () wrote; %CAK_SEVERITY_INFO for anything else
 */
CakSeverity
cak_severity_from_id (const char *id)
{
  if (g_strcmp0 (id, "error") == 0)
    return CAK_SEVERITY_ERROR;
  if (g_strcmp0 (id, "warning") == 0)
    return CAK_SEVERITY_WARNING;
  return CAK_SEVERITY_INFO;
}

/**
 * cak_dataset_copy:
 *
 * A copy of everything @self holds (figures with their sources, stated figures, typed targets,
 * the import report), for a worker thread to read while @self goes on changing: a report being
 * written while files are added or targets typed. Sources' strings are interned and shared.
 *
 * Returns: (transfer full): the copy
 */
CakDataset *
cak_dataset_copy (CakDataset *self)
{
  CakDataset *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (CAK_IS_DATASET (self), NULL);

  copy = cak_dataset_new (self->catalog);
  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const Record *record = key;

      cak_dataset_add_values (copy, record->region, record->period, record->known, record->values);
    }
  g_hash_table_iter_init (&iter, self->stated);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    cak_dataset_set_stated (copy, key, NULL);
  g_hash_table_iter_init (&iter, self->typed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->typed, g_strdup (key), g_memdup2 (value, sizeof (double)));
  for (guint i = 0; i < self->issues->len; i++)
    {
      CakIssue issue = g_array_index (self->issues, CakIssue, i);

      issue.message = g_strdup (issue.message);
      g_array_append_val (copy->issues, issue);
    }
  for (guint i = 0; i < self->sheets->len; i++)
    {
      const CakSheetReport *sheet = g_ptr_array_index (self->sheets, i);
      CakSheetReport *to = cak_dataset_add_sheet_report (copy, sheet->file, sheet->sheet);

      to->rows = sheet->rows;
      to->imported = sheet->imported;
      to->skipped = sheet->skipped;
      to->rejected = sheet->rejected;
      for (guint k = 0; sheet->columns && k < sheet->columns->len; k++)
        {
          const CakColumnReport *c = g_ptr_array_index (sheet->columns, k);

          cak_sheet_report_add_column (to, c->column, c->header, c->use, c->what, c->why);
        }
    }
  return copy;
}
