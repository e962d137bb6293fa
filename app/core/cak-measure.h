/* cak-measure.h: the figures Cakupan knows, as one registry
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new figure (claims, budget) is one entry here and one line in the registry's table. */
typedef enum
{
  CAK_MEASURE_WORKFORCE,
  CAK_MEASURE_PARTICIPANTS,
  CAK_MEASURE_PU,
  CAK_MEASURE_BPU,
  CAK_MEASURE_JAKON,
  CAK_MEASURE_PMI,
  CAK_MEASURE_TARGET_PCT,
  CAK_N_MEASURES
} CakMeasure;

typedef enum
{
  CAK_MEASURE_UNIT_PEOPLE,
  CAK_MEASURE_UNIT_PERCENT,
} CakMeasureUnit;

typedef enum
{
  CAK_MEASURE_AGGREGATE_SUM,  /* a province's figure is the sum of its regencies' */
  CAK_MEASURE_AGGREGATE_RATE, /* a rate: a province's is its own, never a sum */
} CakMeasureAggregate;

typedef struct
{
  CakMeasure measure;
  const char *id;          /* as the command line, JSON and the project file write it: "pu" */
  const char *label;       /* untranslated: "Wage earners (PU)" */
  const char *short_label; /* untranslated: "PU" */
  CakMeasureUnit unit;
  CakMeasureAggregate aggregate;
  gboolean is_segment; /* one of the parts that make up the active participants */
} CakMeasureInfo;

/* A set of measures, one bit each. */
typedef guint64 CakMeasureSet;
#define CAK_MEASURE_SET_BITS 64

#define CAK_MEASURE_BIT(m) (((CakMeasureSet)1) << (m))
#define cak_measure_set_has(set, m) ((((set) >> (m)) & 1) != 0)

/* The participant segments, in the order every view shows them. */
#define CAK_N_SEGMENTS 4
extern const CakMeasure cak_measure_segments[CAK_N_SEGMENTS];

const CakMeasureInfo *cak_measure_get_info (CakMeasure measure);
const char *cak_measure_to_id (CakMeasure measure);
gboolean cak_measure_from_id (const char *id, CakMeasure *out_measure);
const char *cak_measure_get_label (CakMeasure measure);
const char *cak_measure_get_short_label (CakMeasure measure);
gboolean cak_measure_is_segment (CakMeasure measure);
CakMeasureSet cak_measure_set_segments (void);

G_END_DECLS
