/* cak-chart-scale.h: scales and nice ticks, as pure functions
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CAK_MAX_TICKS 16

typedef struct
{
  double min, max; /* the axis runs over these, a whole number of steps */
  double step;
  guint n_ticks;
  double ticks[CAK_MAX_TICKS];
} CakTicks;

double cak_nice_number (double value, gboolean round_it);
void cak_ticks_compute (double lo, double hi, guint max_ticks, CakTicks *out_ticks);
int cak_tick_decimals (double step);
double cak_scale_map (double value, double d0, double d1, double r0, double r1);

void cak_log_ticks_compute (double lo, double hi, guint max_ticks, CakTicks *out_ticks);
double cak_scale_map_log (double value, double d0, double d1, double r0, double r1);
double cak_scale_radius (double value, double cap, double r_min, double r_max);

G_END_DECLS
