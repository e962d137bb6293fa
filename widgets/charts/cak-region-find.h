/* cak-region-find.h: finds a regency by what a user types, for the window's search and the show's
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cak-chart.h"

G_BEGIN_DECLS

int cak_region_find (const CakChartData *data, const char *text);
const CakRegion *cak_region_find_in_dataset (CakDataset *dataset, const char *text);

G_END_DECLS
