/* cak-region-row.h: one regency's figures as an item of the regency table
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cak-indicators.h"

G_BEGIN_DECLS

#define CAK_TYPE_REGION_ROW (cak_region_row_get_type ())
G_DECLARE_FINAL_TYPE (CakRegionRow, cak_region_row, CAK, REGION_ROW, GObject)

CakRegionRow *cak_region_row_new (const CakIndicatorRow *row);
const CakIndicatorRow *cak_region_row_get_row (CakRegionRow *self);

G_END_DECLS
