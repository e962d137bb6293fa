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
  const char *bps_code;      /* BPS: "35" or "1107"; %NULL for the four provinces of 2022 */
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

/* The two numberings of regions. They differ in many provinces: BPS 1107 is Kabupaten Aceh
 * Barat, Kemendagri 11.07 is Kabupaten Pidie; BPS numbers Papua 94, Kemendagri 91. */
typedef enum
{
  CAK_CODE_SCHEME_KEMENDAGRI, /* "35", "35.05" */
  CAK_CODE_SCHEME_BPS,        /* "35", "3505", written also "ID3505" or 3505.0 */
} CakCodeScheme;

/* How a code text was read to give a region. */
typedef enum
{
  CAK_CODE_READING_EXACT = 0,             /* the text is written as the scheme writes it */
  CAK_CODE_READING_WITHOUT_DOT = 1 << 0,  /* "1107" read as Kemendagri 11.07 */
  CAK_CODE_READING_LOST_ZERO = 1 << 1,    /* "35.1" read as 35.10, a number that lost a zero */
  CAK_CODE_READING_UNPADDED = 1 << 2,     /* "35.1" read as 35.01 */
  CAK_CODE_READING_BEFORE_SPLIT = 1 << 3, /* a BPS code from before the 2022 split of Papua: the
                                           * region now lies in one of the new provinces */
} CakCodeReadingFlags;

/* One meaning of a code text: the region, the scheme that gives it, and how the text was read. */
typedef struct
{
  const CakRegion *region;
  CakCodeScheme scheme;
  CakCodeReadingFlags flags;
  const char *code; /* the region's code in the scheme: "11.07" or "1107" */
} CakCodeReading;

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
const CakRegion *cak_region_catalog_lookup_kemendagri (CakRegionCatalog *self, const char *text);
const CakRegion *cak_region_catalog_lookup_bps (CakRegionCatalog *self, const char *text);
GArray *cak_region_catalog_read_code (CakRegionCatalog *self, const char *text);
GPtrArray *cak_region_catalog_list_regencies (CakRegionCatalog *self, const char *province_code);
GPtrArray *cak_region_catalog_list_provinces (CakRegionCatalog *self);

CakMatchStatus cak_region_catalog_match (CakRegionCatalog *self, const char *text,
                                         CakRegionKind kind_hint, const char *province_hint,
                                         const CakRegion **out_region, GPtrArray **out_candidates);

const CakRegion *cak_code_readings_agree (GArray *readings);
const CakCodeReading *cak_code_readings_find (GArray *readings, const CakRegion *region);
char *cak_code_reading_describe (const CakCodeReading *reading);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CakRegionCatalog, cak_region_catalog_free)

G_END_DECLS
