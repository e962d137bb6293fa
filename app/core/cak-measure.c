/* cak-measure.c: the figures Cakupan knows, as one registry
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-measure"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cak-measure.h"

/* A measure set has room for every measure: adding one past the width fails the build. */
G_STATIC_ASSERT (CAK_N_MEASURES <= CAK_MEASURE_SET_BITS);

static const CakMeasureInfo measures[CAK_N_MEASURES] = {
  { CAK_MEASURE_WORKFORCE, "workforce", N_ ("Workforce"), N_ ("Workforce"), CAK_MEASURE_UNIT_PEOPLE,
    CAK_MEASURE_AGGREGATE_SUM, FALSE },
  { CAK_MEASURE_PARTICIPANTS, "participants", N_ ("Active participants"), N_ ("Participants"),
    CAK_MEASURE_UNIT_PEOPLE, CAK_MEASURE_AGGREGATE_SUM, FALSE },
  { CAK_MEASURE_PU, "pu", N_ ("Wage earners (PU)"), N_ ("PU"), CAK_MEASURE_UNIT_PEOPLE,
    CAK_MEASURE_AGGREGATE_SUM, TRUE },
  { CAK_MEASURE_BPU, "bpu", N_ ("Informal workers (BPU)"), N_ ("BPU"), CAK_MEASURE_UNIT_PEOPLE,
    CAK_MEASURE_AGGREGATE_SUM, TRUE },
  { CAK_MEASURE_JAKON, "jakon", N_ ("Construction (Jakon)"), N_ ("Jakon"), CAK_MEASURE_UNIT_PEOPLE,
    CAK_MEASURE_AGGREGATE_SUM, TRUE },
  { CAK_MEASURE_PMI, "pmi", N_ ("Migrant workers (PMI)"), N_ ("PMI"), CAK_MEASURE_UNIT_PEOPLE,
    CAK_MEASURE_AGGREGATE_SUM, TRUE },
  { CAK_MEASURE_TARGET_PCT, "target_pct", N_ ("Coverage target"), N_ ("Target"),
    CAK_MEASURE_UNIT_PERCENT, CAK_MEASURE_AGGREGATE_RATE, FALSE },
};

const CakMeasure cak_measure_segments[CAK_N_SEGMENTS] = {
  CAK_MEASURE_PU,
  CAK_MEASURE_BPU,
  CAK_MEASURE_JAKON,
  CAK_MEASURE_PMI,
};

/**
 * cak_measure_get_info:
 *
 * Returns: (transfer none): the registry's entry for @measure.
 */
const CakMeasureInfo *
cak_measure_get_info (CakMeasure measure)
{
  g_return_val_if_fail (measure < CAK_N_MEASURES, NULL);

  g_assert (measures[measure].measure == measure);
  return &measures[measure];
}

/**
 * cak_measure_to_id:
 *
 * Returns: the measure's identifier as the command line and JSON write it ("workforce").
 */
const char *
cak_measure_to_id (CakMeasure measure)
{
  g_return_val_if_fail (measure < CAK_N_MEASURES, NULL);

  return measures[measure].id;
}

/**
 * cak_measure_from_id:
 *
 * Reads an identifier as cak_measure_to_id() writes it, in any case.
 */
gboolean
cak_measure_from_id (const char *id, CakMeasure *out_measure)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < CAK_N_MEASURES; i++)
    if (g_ascii_strcasecmp (id, measures[i].id) == 0)
      {
        if (out_measure)
          *out_measure = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * cak_measure_get_label:
 *
 * Returns: the measure's name in the interface language ("Wage earners (PU)").
 */
const char *
cak_measure_get_label (CakMeasure measure)
{
  g_return_val_if_fail (measure < CAK_N_MEASURES, NULL);

  return _ (measures[measure].label);
}

/**
 * cak_measure_get_short_label:
 *
 * Returns: the measure's short name in the interface language ("PU").
 */
const char *
cak_measure_get_short_label (CakMeasure measure)
{
  g_return_val_if_fail (measure < CAK_N_MEASURES, NULL);

  return _ (measures[measure].short_label);
}

/**
 * cak_measure_is_segment:
 *
 * Returns: whether @measure is one of the segments the active participants are made of.
 */
gboolean
cak_measure_is_segment (CakMeasure measure)
{
  g_return_val_if_fail (measure < CAK_N_MEASURES, FALSE);

  return measures[measure].is_segment;
}

/**
 * cak_measure_set_segments:
 *
 * Returns: the set of every segment measure.
 */
CakMeasureSet
cak_measure_set_segments (void)
{
  CakMeasureSet set = 0;

  for (guint i = 0; i < CAK_N_SEGMENTS; i++)
    set |= CAK_MEASURE_BIT (cak_measure_segments[i]);
  return set;
}
