/* sheet-log.h: what a reader called back, written down as text that a test can compare
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the tests of the workbook readers. A sheet is logged as "# Name" (with " (hidden)"
 * when hidden), each row as "12: n:1|t:text|-" (t text, n number, d date, b boolean, e error,
 * - empty) and the merged ranges at the end as "merges: A1:B2 C3:C4".
 */
#pragma once

#include <string.h>

#include "cak-sheet.h"

typedef struct
{
  GString *log;
  guint rows;           /* rows called back */
  guint stop_after;     /* the row callback returns FALSE after this many rows; 0: never */
  const char *skip;     /* sheet_begin returns FALSE for the sheet of this name */
  GCancellable *cancel; /* cancelled after cancel_after rows */
  guint cancel_after;
  guint max_logged_rows; /* rows written to the log per sheet; 0: all */
  guint sheet_rows;
  guint n_progress;
  double last_progress;
  gboolean progress_backwards;
} SheetLog;

static void
sheet_log_column (GString *out, guint column)
{
  char letters[8];
  int i = G_N_ELEMENTS (letters) - 1;

  letters[i] = '\0';
  column++;
  while (column > 0 && i > 0)
    {
      letters[--i] = 'A' + (column - 1) % 26;
      column = (column - 1) / 26;
    }
  g_string_append (out, letters + i);
}

static gboolean
sheet_log_begin_cb (const CakSheetInfo *sheet, gpointer user_data)
{
  SheetLog *self = user_data;

  g_string_append_printf (self->log, "# %s%s\n", sheet->name, sheet->hidden ? " (hidden)" : "");
  self->sheet_rows = 0;
  return self->skip == NULL || strcmp (self->skip, sheet->name) != 0;
}

static gboolean
sheet_log_row_cb (const CakRow *row, gpointer user_data)
{
  SheetLog *self = user_data;
  static const char letters[] = { '-', 't', 'n', 'd', 'b', 'e' };

  self->rows++;
  self->sheet_rows++;
  g_assert_nonnull (row->cells);
  g_assert_nonnull (row->types);
  if (self->max_logged_rows == 0 || self->sheet_rows <= self->max_logged_rows)
    {
      g_string_append_printf (self->log, "%u:", row->row);
      for (guint i = 0; i < row->n_cells; i++)
        {
          g_assert_nonnull (row->cells[i]);
          g_assert_cmpuint (row->types[i], <=, CAK_CELL_ERROR);
          g_assert_true (g_utf8_validate (row->cells[i], -1, NULL));
          g_string_append_c (self->log, i ? '|' : ' ');
          if (row->types[i] == CAK_CELL_EMPTY)
            {
              g_assert_cmpstr (row->cells[i], ==, "");
              g_string_append_c (self->log, '-');
            }
          else
            g_string_append_printf (self->log, "%c:%s", letters[row->types[i]], row->cells[i]);
        }
      g_string_append_c (self->log, '\n');
    }
  if (self->cancel && self->rows == self->cancel_after)
    g_cancellable_cancel (self->cancel);
  return self->stop_after == 0 || self->rows < self->stop_after;
}

static void
sheet_log_end_cb (const CakSheetInfo *sheet, const CakMerge *merges, guint n_merges,
                  gpointer user_data)
{
  SheetLog *self = user_data;

  if (n_merges == 0)
    return;
  g_string_append (self->log, "merges:");
  for (guint i = 0; i < n_merges; i++)
    {
      g_string_append_c (self->log, ' ');
      sheet_log_column (self->log, merges[i].first_column);
      g_string_append_printf (self->log, "%u:", merges[i].first_row);
      sheet_log_column (self->log, merges[i].last_column);
      g_string_append_printf (self->log, "%u", merges[i].last_row);
    }
  g_string_append_c (self->log, '\n');
}

static void
sheet_log_progress_cb (double fraction, gpointer user_data)
{
  SheetLog *self = user_data;

  g_assert_cmpfloat (fraction, >=, 0);
  g_assert_cmpfloat (fraction, <=, 1);
  if (fraction < self->last_progress)
    self->progress_backwards = TRUE;
  self->last_progress = fraction;
  self->n_progress++;
}

static void
sheet_log_init (SheetLog *self, CakSheetCallbacks *callbacks)
{
  memset (self, 0, sizeof *self);
  self->log = g_string_new (NULL);
  callbacks->sheet_begin = sheet_log_begin_cb;
  callbacks->row = sheet_log_row_cb;
  callbacks->sheet_end = sheet_log_end_cb;
  callbacks->progress = sheet_log_progress_cb;
  callbacks->user_data = self;
}

static void
sheet_log_clear (SheetLog *self)
{
  g_string_free (self->log, TRUE);
  self->log = NULL;
}
