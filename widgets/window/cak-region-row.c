/* cak-region-row.c: one regency's figures as an item of the regency table
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-region-row"

#include "config.h"

#include <math.h>

#include "cak-region-row.h"

struct _CakRegionRow
{
  GObject parent_instance;

  CakIndicatorRow row;
};

G_DEFINE_FINAL_TYPE (CakRegionRow, cak_region_row, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_WORKFORCE,
  PROP_PARTICIPANTS,
  PROP_COVERAGE,
  PROP_UNCOVERED,
  PROP_TARGET,
  PROP_GAP,
  PROP_RANK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sorting puts unknown values last whichever way: a large negative stands in for NAN, which
 * GtkNumericSorter cannot order. */
static double
sortable (double value)
{
  return isnan (value) ? -1e300 : value;
}

static void
cak_region_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CakRegionRow *self = CAK_REGION_ROW (object);

  switch (prop_id)
    {
      case PROP_CODE:
        g_value_set_string (value, self->row.region->code);
        break;
      case PROP_NAME:
        g_value_set_string (value, self->row.region->name);
        break;
      case PROP_WORKFORCE:
        g_value_set_double (value, sortable (self->row.workforce));
        break;
      case PROP_PARTICIPANTS:
        g_value_set_double (value, sortable (self->row.participants));
        break;
      case PROP_COVERAGE:
        g_value_set_double (value, sortable (self->row.coverage_pct));
        break;
      case PROP_UNCOVERED:
        g_value_set_double (value, sortable (self->row.uncovered));
        break;
      case PROP_TARGET:
        g_value_set_double (value, sortable (self->row.target_pct));
        break;
      case PROP_GAP:
        g_value_set_double (value, sortable (self->row.gap_to_target));
        break;
      case PROP_RANK:
        g_value_set_uint (value, self->row.rank > 0 ? self->row.rank : G_MAXUINT);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cak_region_row_class_init (CakRegionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = cak_region_row_get_property;

  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_WORKFORCE]
      = g_param_spec_double ("workforce", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_PARTICIPANTS]
      = g_param_spec_double ("participants", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_COVERAGE]
      = g_param_spec_double ("coverage", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_UNCOVERED]
      = g_param_spec_double ("uncovered", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_TARGET]
      = g_param_spec_double ("target", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_GAP]
      = g_param_spec_double ("gap", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_RANK] = g_param_spec_uint ("rank", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cak_region_row_init (CakRegionRow *self)
{
}

CakRegionRow *
cak_region_row_new (const CakIndicatorRow *row)
{
  CakRegionRow *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (CAK_TYPE_REGION_ROW, NULL);
  self->row = *row;
  return self;
}

const CakIndicatorRow *
cak_region_row_get_row (CakRegionRow *self)
{
  g_return_val_if_fail (CAK_IS_REGION_ROW (self), NULL);

  return &self->row;
}
