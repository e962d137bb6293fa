/* cak-period.h: months, quarters, semesters and years
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cak-lang.h"

G_BEGIN_DECLS

typedef enum
{
  CAK_PERIOD_NONE,
  CAK_PERIOD_YEAR,
  CAK_PERIOD_SEMESTER,
  CAK_PERIOD_QUARTER,
  CAK_PERIOD_MONTH,
} CakPeriodKind;

/* A period is a small value type: copy it, compare it, use it as a hash key with
 * cak_period_to_key (). index is the month (1-12), quarter (1-4) or semester (1-2). */
typedef struct
{
  guint16 year;
  guint8 kind; /* CakPeriodKind */
  guint8 index;
} CakPeriod;

#define CAK_PERIOD_INIT_NONE ((CakPeriod){ 0, CAK_PERIOD_NONE, 0 })

gboolean cak_period_parse (const char *text, CakPeriod *out);
gboolean cak_period_find_in_text (const char *text, CakPeriod *out);
CakPeriod cak_period_month (guint year, guint month);
CakPeriod cak_period_year (guint year);
gboolean cak_period_is_valid (CakPeriod period);

char *cak_period_to_iso (CakPeriod period);
char *cak_period_format (CakPeriod period, CakLang lang);
char *cak_period_format_date (GDateTime *date, CakLang lang);

guint cak_period_first_month (CakPeriod period);
guint cak_period_last_month (CakPeriod period);
int cak_period_compare (CakPeriod a, CakPeriod b);
gboolean cak_period_equal (CakPeriod a, CakPeriod b);
guint32 cak_period_to_key (CakPeriod period);
CakPeriod cak_period_from_key (guint32 key);

G_END_DECLS
