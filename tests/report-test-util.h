/* report-test-util.h: reading the parts of a written workbook, for the report's tests
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "cak-zip.h"

/* The text of one part of the workbook at @path ("xl/workbook.xml") */
static inline char *
rtu_read_part (const char *path, const char *part)
{
  g_autoptr (GError) error = NULL;
  CakZip *zip = cak_zip_open (path, "report.xlsx", &error);
  GBytes *bytes;
  gsize size;
  const char *data;
  char *text;

  g_assert_no_error (error);
  bytes = cak_zip_read_all (zip, part, 64 << 20, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  g_bytes_unref (bytes);
  cak_zip_close (zip);
  return text;
}

static inline guint
rtu_count_substrings (const char *text, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}
