/* cak-region-catalog.h: the 38 provinces and 514 regencies and cities, and name matching
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  CAK_REGION_KIND_ANY = 0, /* as a hint: no preference */
  CAK_REGION_KIND_PROVINCE,
  CAK_REGION_KIND_KABUPATEN,
  CAK_REGION_KIND_KOTA,
} CakRegionKind;

typedef struct
{
  const char *code;          /* Kemendagri: "35" or "35.05" */
  const char *bps_code;      /* BPS: "35" or "3505" */
  const char *name;          /* "Jawa Timur", "Kabupaten Blitar", "Kota Blitar" */
  const char *short_name;    /* "Jawa Timur", "Blitar" */
  const char *province_code; /* "35" (its own code for a province) */
  CakRegionKind kind;
} CakRegion;

typedef enum
{
  CAK_MATCH_NONE,      /* nothing fits; suggestions may be given */
  CAK_MATCH_FOUND,     /* exactly one region */
  CAK_MATCH_AMBIGUOUS, /* several regions fit; candidates are given */
} CakMatchStatus;

typedef struct _CakRegionCatalog CakRegionCatalog;

#define CAK_REGION_CATALOG_ERROR (cak_region_catalog_error_quark ())

typedef enum
{
  CAK_REGION_CATALOG_ERROR_INVALID, /* the region list is malformed */
} CakRegionCatalogError;

GQuark cak_region_catalog_error_quark (void);

CakRegionCatalog *cak_region_catalog_new_from_csv (const char *csv_text, gsize length,
                                                   GError **error);
CakRegionCatalog *cak_region_catalog_get_default (void);
void cak_region_catalog_free (CakRegionCatalog *self);

guint cak_region_catalog_get_n_regions (CakRegionCatalog *self);
const CakRegion *cak_region_catalog_get_region (CakRegionCatalog *self, guint index);
const CakRegion *cak_region_catalog_lookup_code (CakRegionCatalog *self, const char *code);
GPtrArray *cak_region_catalog_list_regencies (CakRegionCatalog *self, const char *province_code);
GPtrArray *cak_region_catalog_list_provinces (CakRegionCatalog *self);

CakMatchStatus cak_region_catalog_match (CakRegionCatalog *self, const char *text,
                                         CakRegionKind kind_hint, const char *province_hint,
                                         const CakRegion **out_region, GPtrArray **out_candidates);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CakRegionCatalog, cak_region_catalog_free)

G_END_DECLS
