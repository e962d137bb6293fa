/* cak-report-private.h: what the workbook's sheet writers in other files share with cak-report.c
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "cak-report.h"

G_BEGIN_DECLS

typedef void (*CakReportPrintFunc) (gpointer report, lxw_worksheet *ws, const char *title,
                                    guint header_row, guint last_row, guint last_col);

/* The workbook being written, as the monev's sheets need it: its language, what it covers, its
 * formats and its page setup. */
typedef struct
{
  lxw_workbook *wb;
  CakMonev *monev;
  CakLang lang;
  const CakRegion *province; /* NULL: every province */
  const GArray *rows;        /* CakIndicatorRow: the report's regencies, as its regency sheet */
  const char *place_period;  /* "Jawa Timur, Desember 2024" */
  GDateTime *date;           /* when the report is made */
  GPtrArray *computed;       /* sheet names marked as computed, for the importer */
  CakReportPrintFunc setup_print;
  gpointer report;
  lxw_format *f_title, *f_subtitle, *f_note, *f_header, *f_text, *f_code, *f_people, *f_rank,
      *f_total_text, *f_total_people, *f_wrap, *f_below;
} CakReportMonevContext;

/* In cak-report-monev.c */
gboolean cak_report_write_actions (const CakReportMonevContext *ctx, GError **error);
gboolean cak_report_write_checklist (const CakReportMonevContext *ctx, GError **error);

G_END_DECLS
