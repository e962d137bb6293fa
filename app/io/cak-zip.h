/* cak-zip.h: the parts of an XLSX or ODS package, read with libzip within safe limits
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/xmlreader.h>

#include "cak-sheet.h"

G_BEGIN_DECLS

typedef struct _CakZip CakZip;
typedef struct _CakZipPart CakZipPart;

CakZip *cak_zip_open (const char *path, const char *display_name, GError **error);
void cak_zip_close (CakZip *zip);
gboolean cak_zip_has (CakZip *zip, const char *name);
const char *cak_zip_get_display_name (CakZip *zip);

CakZipPart *cak_zip_part_open (CakZip *zip, const char *name, GError **error);
gssize cak_zip_part_read (CakZipPart *part, void *buffer, gsize size, GError **error);
const char *cak_zip_part_get_name (CakZipPart *part);
guint64 cak_zip_part_get_size (CakZipPart *part);
guint64 cak_zip_part_get_read (CakZipPart *part);
void cak_zip_part_close (CakZipPart *part);

GBytes *cak_zip_read_all (CakZip *zip, const char *name, gsize max_size, GError **error);

xmlTextReaderPtr cak_zip_part_xml_reader (CakZipPart *part);
gboolean cak_zip_xml_error (CakZipPart *part, xmlTextReaderPtr reader, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CakZip, cak_zip_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CakZipPart, cak_zip_part_close)

G_END_DECLS
