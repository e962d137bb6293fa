/* cak-import.c: from files of regency figures to values in a dataset, every row accounted for
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importer reads any reader's rows as they stream past. For each sheet it keeps the first
 * rows until it has found the header (one row, or a group row over a row of sub-headers), then
 * a few hundred data rows to decide each column's number style, and from then on handles every
 * row as it comes, keeping nothing but the dataset's values. Row-level extracts keep only their
 * counts by region and segment.
 *
 * Every row ends in the sheet's report as imported, skipped (with the reason) or rejected
 * (with the reason and the cell).
 */
#define G_LOG_DOMAIN "cak-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "cak-import-private.h"
#include "cak-ods-reader.h"
#include "cak-xls-reader.h"
#include "cak-xlsx-reader.h"

/* The text of every empty cell of a stored row: a row of 16,384 cells with content only in
 * the last costs pointers, not 16,383 allocations. */
static char stored_empty[] = "";

void
cak_stored_row_free (gpointer data)
{
  StoredRow *stored = data;

  for (guint i = 0; i < stored->row.n_cells; i++)
    if (stored->cells[i] != stored_empty)
      g_free (stored->cells[i]);
  g_free (stored->cells);
  g_free (stored->types);
  g_free (stored);
}

StoredRow *
cak_stored_row_new (const CakRow *row)
{
  StoredRow *stored = g_new0 (StoredRow, 1);

  stored->cells = g_new0 (char *, row->n_cells + 1);
  for (guint i = 0; i < row->n_cells; i++)
    stored->cells[i] = row->cells[i] && *row->cells[i] ? g_strdup (row->cells[i]) : stored_empty;
  if (row->types)
    stored->types = g_memdup2 (row->types, MAX (row->n_cells, 1));
  stored->row.row = row->row;
  stored->row.n_cells = row->n_cells;
  stored->row.cells = (const char *const *)stored->cells;
  stored->row.types = stored->types;
  return stored;
}

void
cak_import_note (Import *import, CakSeverity severity, guint row, int column, const char *format,
                 ...)
{
  CakSource source = { import->file, import->sheet ? import->sheet->name : NULL, row,
                       column < 0 ? 0 : (guint)column };
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  cak_dataset_add_issue (import->dataset, severity, &source, column >= 0, message);
}

static const char *
row_kind_reason (CakRowKind kind)
{
  switch (kind)
    {
      case CAK_ROW_BLANK:
        return _ ("Skipped: blank row.");
      case CAK_ROW_TITLE:
        return _ ("Skipped: title line.");
      case CAK_ROW_HEADER:
        return _ ("Skipped: the header.");
      case CAK_ROW_COLUMN_NUMBERS:
        return _ ("Skipped: the column numbers under the header.");
      case CAK_ROW_REPEATED_HEADER:
        return _ ("Skipped: the header repeated.");
      case CAK_ROW_TOTAL:
        return _ ("Skipped: a total row; province totals are summed from the regencies.");
      case CAK_ROW_NOTE:
        return _ ("Skipped: a note under the table.");
      case CAK_ROW_EMPTY:
        return _ ("Skipped: the row holds no figures.");
      case CAK_ROW_INACTIVE:
      case CAK_ROW_DATA:
      case CAK_ROW_REJECTED:
      case CAK_ROW_DUPLICATE: /* noted with the row it repeats */
      default:
        return NULL;
    }
}

/**
 * cak_row_kind_get_label:
 *
 * Returns: what a row is, in a word or two, for the mapping step's preview
 */
const char *
cak_row_kind_get_label (CakRowKind kind)
{
  switch (kind)
    {
      case CAK_ROW_DATA:
        return C_ ("row kind", "Data");
      case CAK_ROW_BLANK:
        return C_ ("row kind", "Blank");
      case CAK_ROW_TITLE:
        return C_ ("row kind", "Title");
      case CAK_ROW_HEADER:
        return C_ ("row kind", "Header");
      case CAK_ROW_COLUMN_NUMBERS:
        return C_ ("row kind", "Column numbers");
      case CAK_ROW_REPEATED_HEADER:
        return C_ ("row kind", "Header again");
      case CAK_ROW_TOTAL:
        return C_ ("row kind", "Total");
      case CAK_ROW_NOTE:
        return C_ ("row kind", "Note");
      case CAK_ROW_INACTIVE:
        return C_ ("row kind", "Not active");
      case CAK_ROW_EMPTY:
        return C_ ("row kind", "No figures");
      case CAK_ROW_REJECTED:
        return C_ ("row kind", "Rejected");
      case CAK_ROW_DUPLICATE:
        return C_ ("row kind", "Repeated");
      default:
        return "";
    }
}

/* Counts a row in the sheet's report and the preview; skipped rows get their reason in the
 * import report unless @quiet (extracts tally theirs). */
void
cak_import_account (Import *import, guint row, CakRowKind kind, gboolean quiet)
{
  Sheet *sheet = import->sheet;
  const char *reason;

  sheet->report->rows++;
  if (kind == CAK_ROW_DATA)
    sheet->report->imported++;
  else if (kind == CAK_ROW_REJECTED)
    sheet->report->rejected++;
  else
    sheet->report->skipped++;

  if (!quiet && (reason = row_kind_reason (kind)) != NULL)
    cak_import_note (import, CAK_SEVERITY_INFO, row, -1, "%s", reason);

  if (sheet->preview)
    for (guint i = sheet->preview->row_numbers->len; i-- > 0;)
      if (g_array_index (sheet->preview->row_numbers, guint, i) == row)
        {
          g_array_index (sheet->preview->row_kinds, CakRowKind, i) = kind;
          break;
        }
}

/* ---- Sheets as they stream past ------------------------------------------------------ */

static void
sheet_free (Sheet *sheet)
{
  g_ptr_array_unref (sheet->kept);
  g_ptr_array_unref (sheet->deferred);
  g_clear_pointer (&sheet->columns, g_array_unref);
  g_hash_table_unref (sheet->province_counts);
  g_hash_table_unref (sheet->tallies);
  g_hash_table_unref (sheet->reasons);
  g_hash_table_unref (sheet->region_cache);
  g_hash_table_unref (sheet->segment_cache);
  g_hash_table_unref (sheet->status_cache);
  g_hash_table_unref (sheet->period_cache);
  cak_import_free_rows (sheet);
  g_free (sheet);
}

static void
sheet_preview_free (gpointer data)
{
  CakSheetPreview *preview = data;

  g_free (preview->sheet);
  g_ptr_array_unref (preview->headers);
  g_array_unref (preview->roles);
  g_array_unref (preview->measures);
  g_ptr_array_unref (preview->reasons);
  g_ptr_array_unref (preview->rows);
  g_array_unref (preview->row_numbers);
  g_array_unref (preview->row_kinds);
  g_free (preview);
}

static void
unmatched_free (gpointer data)
{
  CakUnmatchedRegion *unmatched = data;

  g_free (unmatched->text);
  g_free (unmatched->sheet);
  g_ptr_array_unref (unmatched->candidates);
  g_free (unmatched);
}

static void
begin_sheet (Import *import, const CakSheetInfo *info)
{
  Sheet *sheet = g_new0 (Sheet, 1);

  sheet->name = info && info->name ? g_intern_string (info->name) : NULL;
  sheet->hidden = info && info->hidden;
  sheet->kept = g_ptr_array_new_with_free_func (cak_stored_row_free);
  sheet->deferred = g_ptr_array_new_with_free_func (cak_stored_row_free);
  sheet->province_counts = g_hash_table_new (g_str_hash, g_str_equal);
  sheet->tallies
      = g_hash_table_new_full (cak_import_tally_hash, cak_import_tally_equal, g_free, NULL);
  sheet->reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cak_import_reason_free);
  sheet->region_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sheet->segment_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sheet->status_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sheet->period_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sheet->code_column = sheet->name_column = sheet->period_column = -1;
  cak_import_begin_rows (sheet);
  sheet->report = cak_dataset_add_sheet_report (import->dataset, import->file, sheet->name);
  import->sheet = sheet;

  if (import->preview)
    {
      CakSheetPreview *preview = g_new0 (CakSheetPreview, 1);

      preview->sheet = g_strdup (sheet->name);
      preview->headers = g_ptr_array_new_with_free_func (g_free);
      preview->roles = g_array_new (FALSE, TRUE, sizeof (CakColumnRole));
      preview->measures = g_array_new (FALSE, TRUE, sizeof (CakMeasure));
      preview->reasons = g_ptr_array_new_with_free_func (g_free);
      preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
      preview->row_numbers = g_array_new (FALSE, TRUE, sizeof (guint));
      preview->row_kinds = g_array_new (FALSE, TRUE, sizeof (CakRowKind));
      g_ptr_array_add (import->preview->sheets, preview);
      sheet->preview = preview;
    }

  if (info && info->computed_from)
    {
      sheet->computed_from = g_intern_string (info->computed_from);
      sheet->phase = PHASE_COMPUTED;
    }
  else if (sheet->hidden)
    cak_import_note (
        import, CAK_SEVERITY_WARNING, 0, -1,
        _ ("The sheet “%s” is hidden in the workbook; its rows were read like the others."),
        sheet->name);
}

static void
process_kept_rows (Import *import, guint from)
{
  Sheet *sheet = import->sheet;

  for (guint i = from; i < sheet->kept->len && import->error == NULL; i++)
    {
      const StoredRow *row = g_ptr_array_index (sheet->kept, i);

      if (sheet->layout == CAK_LAYOUT_EXTRACT)
        cak_import_handle_extract_row (import, &row->row);
      else
        cak_import_handle_row (import, &row->row, TRUE);
    }
  g_ptr_array_set_size (sheet->kept, 0);
}

/* The preamble is complete (or the sheet ended): find the header, account for the rows above
 * it, and go on with the rows below. */
static void
settle_header (Import *import)
{
  Sheet *sheet = import->sheet;
  guint after;

  if (!cak_import_find_header (import))
    {
      sheet->phase = PHASE_NO_HEADER;
      for (guint i = 0; i < sheet->kept->len; i++)
        cak_import_account (import, ((StoredRow *)g_ptr_array_index (sheet->kept, i))->row.row,
                            CAK_ROW_TITLE, TRUE);
      g_ptr_array_set_size (sheet->kept, 0);
      cak_import_preview_header (import);
      return;
    }
  import->n_sheets_with_header++;
  cak_import_find_title_province (import);

  for (guint i = 0; i < sheet->header_first; i++)
    {
      const StoredRow *row = g_ptr_array_index (sheet->kept, i);

      cak_import_account (import, row->row.row,
                          row_is_blank (&row->row) ? CAK_ROW_BLANK : CAK_ROW_TITLE, FALSE);
    }
  for (guint i = sheet->header_first; i <= sheet->header_last; i++)
    cak_import_account (import, ((StoredRow *)g_ptr_array_index (sheet->kept, i))->row.row,
                        CAK_ROW_HEADER, FALSE);
  /* The mapping step shows the header of a sheet without a period too, and asks for one. */
  cak_import_preview_header (import);
  if (!cak_import_find_sheet_period (import))
    return;
  cak_import_preview_header (import);

  after = sheet->header_last + 1;
  if (sheet->layout == CAK_LAYOUT_EXTRACT)
    {
      cak_import_account_columns (import, after);
      sheet->phase = PHASE_STREAMING;
      process_kept_rows (import, after);
    }
  else
    {
      g_ptr_array_remove_range (sheet->kept, 0, after);
      sheet->phase = PHASE_VOTING;
    }
}

static void
settle_votes (Import *import)
{
  Sheet *sheet = import->sheet;

  cak_import_vote_number_styles (import);
  cak_import_account_columns (import, 0);
  sheet->phase = PHASE_STREAMING;
  process_kept_rows (import, 0);
}

static void
end_sheet (Import *import)
{
  Sheet *sheet = import->sheet;

  if (sheet == NULL)
    return;
  if (import->error == NULL)
    {
      if (sheet->phase == PHASE_PREAMBLE)
        settle_header (import);
      if (import->error == NULL && sheet->phase == PHASE_VOTING)
        settle_votes (import);
      /* The deferred rows come from above any heading: the last block does not cover them. */
      if (import->error == NULL && sheet->phase == PHASE_STREAMING)
        cak_import_end_province_blocks (import);
      if (import->error == NULL && sheet->deferred->len > 0)
        {
          g_autoptr (GPtrArray) deferred = g_steal_pointer (&sheet->deferred);

          sheet->deferred = g_ptr_array_new_with_free_func (cak_stored_row_free);
          sheet->province_hint = cak_import_dominant_province (sheet);
          for (guint i = 0; i < deferred->len; i++)
            cak_import_handle_row (import, &((StoredRow *)g_ptr_array_index (deferred, i))->row,
                                   FALSE);
        }
      if (import->error == NULL && sheet->layout == CAK_LAYOUT_EXTRACT)
        cak_import_finish_extract (import);
      else if (import->error == NULL)
        cak_import_finish_rows (import);
      if (sheet->phase == PHASE_COMPUTED && sheet->report->rows > 0)
        cak_import_note (
            import, CAK_SEVERITY_INFO, 0, -1,
            g_dngettext (GETTEXT_PACKAGE,
                         "The sheet “%s” was computed by Cakupan from the sheet “%s”; its %u "
                         "row was not imported again.",
                         "The sheet “%s” was computed by Cakupan from the sheet “%s”; its %u "
                         "rows were not imported again.",
                         sheet->report->rows),
            sheet->name, sheet->computed_from, sheet->report->rows);
      if (sheet->phase == PHASE_NO_HEADER && sheet->report->rows > 0)
        {
          if (sheet->name)
            cak_import_note (
                import, CAK_SEVERITY_WARNING, 0, -1,
                g_dngettext (GETTEXT_PACKAGE,
                             "The sheet “%s” has no header naming a region and a figure; its "
                             "%u row was not imported.",
                             "The sheet “%s” has no header naming a region and a figure; its "
                             "%u rows were not imported.",
                             sheet->report->rows),
                sheet->name, sheet->report->rows);
        }
    }
  sheet_free (sheet);
  import->sheet = NULL;
}

static void
account_blank_rows (Import *import, guint first, guint last)
{
  CakSheetReport *report = import->sheet->report;

  if (first == last)
    {
      cak_import_account (import, first, CAK_ROW_BLANK, FALSE);
      return;
    }
  report->rows += last - first + 1;
  report->skipped += last - first + 1;
  cak_import_note (import, CAK_SEVERITY_INFO, first, -1, _ ("Skipped: blank rows %u–%u."), first,
                   last);
}

static gboolean
sheet_begin_cb (const CakSheetInfo *info, gpointer user_data)
{
  Import *import = user_data;

  end_sheet (import);
  if (import->error)
    return FALSE;
  begin_sheet (import, info);
  return TRUE;
}

static void
sheet_end_cb (const CakSheetInfo *info, const CakMerge *merges, guint n_merges, gpointer user_data)
{
  end_sheet (user_data);
}

static void
progress_cb (double fraction, gpointer user_data)
{
  Import *import = user_data;

  if (import->options && import->options->progress)
    import->options->progress (fraction, import->options->progress_data);
}

static gboolean
row_cb (const CakRow *row, gpointer user_data)
{
  Import *import = user_data;
  Sheet *sheet;
  guint search = HEADER_SEARCH_ROWS;

  if (import->error)
    return FALSE;
  if (import->sheet == NULL)
    begin_sheet (import, NULL);
  sheet = import->sheet;
  import->rows_seen++;
  /* Workbooks leave empty rows out: count them as the blank rows a person sees, in one line. */
  if (row->row > sheet->last_row + 1)
    account_blank_rows (import, sheet->last_row + 1, row->row - 1);
  sheet->last_row = MAX (sheet->last_row, row->row);
  if ((import->rows_seen & 0x3ff) == 0
      && g_cancellable_set_error_if_cancelled (import->cancellable, &import->error))
    return FALSE;

  if (sheet->preview && sheet->preview->rows->len < PREVIEW_ROWS)
    {
      GStrv cells = g_new0 (char *, row->n_cells + 1);
      CakRowKind kind = CAK_ROW_DATA;

      for (guint i = 0; i < row->n_cells; i++)
        cells[i] = g_strdup (cell (row, i));
      g_ptr_array_add (sheet->preview->rows, cells);
      g_array_append_val (sheet->preview->row_numbers, row->row);
      g_array_append_val (sheet->preview->row_kinds, kind);
      sheet->preview->n_columns = MAX (sheet->preview->n_columns, row->n_cells);
    }

  switch (sheet->phase)
    {
      case PHASE_PREAMBLE:
        g_ptr_array_add (sheet->kept, cak_stored_row_new (row));
        if (import->options && import->options->header_row >= search)
          search = import->options->header_row + 1;
        if (sheet->kept->len >= search)
          settle_header (import);
        break;
      case PHASE_VOTING:
        g_ptr_array_add (sheet->kept, cak_stored_row_new (row));
        if (sheet->kept->len >= VOTE_ROWS)
          settle_votes (import);
        break;
      case PHASE_STREAMING:
        if (sheet->layout == CAK_LAYOUT_EXTRACT)
          cak_import_handle_extract_row (import, row);
        else
          cak_import_handle_row (import, row, TRUE);
        break;
      case PHASE_NO_HEADER:
      case PHASE_COMPUTED:
      default:
        cak_import_account (import, row->row, CAK_ROW_TITLE, TRUE);
        break;
    }
  return import->error == NULL;
}

/* ---- Files --------------------------------------------------------------------------- */

typedef enum
{
  FORMAT_CSV,
  FORMAT_XLSX,
  FORMAT_ODS,
  FORMAT_XLS, /* and any other compound file: an encrypted XLSX is one */
} Format;

#define MAGIC_SIZE 128

/* The kind of file its first bytes say, whatever its name says. An ODS package starts with its
 * "mimetype" part, stored uncompressed. */
static Format
sniff (const guchar *magic, gsize n_magic)
{
  static const char ods[] = "mimetypeapplication/vnd.oasis.opendocument.spreadsheet";

  if (n_magic >= 4 && memcmp (magic, "PK\3\4", 4) == 0)
    {
      for (gsize i = 0; i + sizeof ods - 1 <= n_magic; i++)
        if (memcmp (magic + i, ods, sizeof ods - 1) == 0)
          return FORMAT_ODS;
      return FORMAT_XLSX;
    }
  if (n_magic >= 8 && memcmp (magic, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    return FORMAT_XLS;
  return FORMAT_CSV;
}

/* Reads a file with the reader its first bytes call for. Workbooks are read from @path, which
 * the zip and BIFF libraries need; CSV streams. */
static gboolean
read_source (Import *import, GInputStream *stream, goffset size, const char *path,
             const guchar *magic, gsize n_magic, GError **error)
{
  CakSheetCallbacks callbacks = {
    .sheet_begin = sheet_begin_cb,
    .row = row_cb,
    .sheet_end = sheet_end_cb,
    .progress = progress_cb,
    .user_data = import,
  };
  const char *display_name = import->file;
  CakCsvInfo info = { 0 };

  switch (sniff (magic, n_magic))
    {
      case FORMAT_XLSX:
        return cak_xlsx_read (path, display_name, &callbacks, import->cancellable, error);
      case FORMAT_ODS:
        return cak_ods_read (path, display_name, &callbacks, import->cancellable, error);
      case FORMAT_XLS:
        return cak_xls_read (path, display_name, &callbacks, import->cancellable, error);
      case FORMAT_CSV:
      default:
        break;
    }

  if (!cak_csv_read_stream (stream, size, display_name, &info, &callbacks, import->cancellable,
                            error))
    return FALSE;
  if (info.encoding_fallback)
    cak_import_note (
        import, CAK_SEVERITY_WARNING, info.fallback_row, -1,
        _ ("The file is not UTF-8 text; it was read as Windows-1252, the encoding Excel uses "
           "on Windows. Check the names with accents."));
  return TRUE;
}

static gboolean
check_import (Import *import, gboolean ok, GError **error)
{
  if (import->sheet)
    end_sheet (import);
  if (import->error)
    {
      if (error == NULL || *error == NULL)
        g_propagate_error (error, g_steal_pointer (&import->error));
      else
        g_clear_error (&import->error);
      return FALSE;
    }
  if (!ok)
    return FALSE;
  if (import->rows_seen == 0)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_EMPTY, _ ("“%s” holds no rows."),
                   import->file);
      return FALSE;
    }
  if (import->n_sheets_with_header == 0 && import->partial_header)
    {
      if (import->partial_sheet)
        g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_HEADER,
                     _ ("“%s”, sheet “%s”, row %u: found the region column “%s”, but none of %s "
                        "is a figure Cakupan knows. Say which column is which in the mapping "
                        "step, or with --map on the command line (for example "
                        "--map \"HEADER=workforce\")."),
                     import->file, import->partial_sheet, import->partial_row,
                     import->partial_header, import->partial_others);
      else
        g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_HEADER,
                     _ ("“%s”, row %u: found the region column “%s”, but none of %s is a figure "
                        "Cakupan knows. Say which column is which in the mapping step, or with "
                        "--map on the command line (for example --map \"HEADER=workforce\")."),
                     import->file, import->partial_row, import->partial_header,
                     import->partial_others);
      return FALSE;
    }
  if (import->n_sheets_with_header == 0)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_HEADER,
                   _ ("“%s” has no header row naming a region column (such as “Kode Wilayah” or "
                      "“Kabupaten/Kota”) and a figure (such as “Peserta Aktif” or “Penduduk "
                      "Bekerja”) in its first %d rows. Say which column is which in the mapping "
                      "step, or with --map on the command line."),
                   import->file, HEADER_SEARCH_ROWS);
      return FALSE;
    }
  return TRUE;
}

static gboolean
finish_import (Import *import, gboolean ok, GError **error)
{
  gboolean result = check_import (import, ok, error);

  g_clear_pointer (&import->partial_header, g_free);
  g_clear_pointer (&import->partial_others, g_free);
  return result;
}

static void
import_init (Import *import, CakDataset *dataset, const char *display_name,
             const CakImportOptions *options, GCancellable *cancellable)
{
  memset (import, 0, sizeof *import);
  import->dataset = dataset;
  import->catalog = cak_dataset_get_catalog (dataset);
  import->file = g_intern_string (display_name);
  import->options = options;
  import->cancellable = cancellable;
}

/**
 * cak_import_bytes:
 * @display_name: the file's name as the user knows it
 *
 * Imports a file's contents into @dataset: every row is imported, skipped with a reason or
 * rejected with a reason, in the dataset's import report.
 *
 * Returns: %FALSE with @error set when the file cannot be read at all.
 */
gboolean
cak_import_bytes (CakDataset *dataset, GBytes *bytes, const char *display_name,
                  const CakImportOptions *options, GCancellable *cancellable, GError **error)
{
  g_autoptr (GInputStream) stream = NULL;
  Import import;
  gsize length;
  const guchar *data;
  gboolean ok;

  g_return_val_if_fail (CAK_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  if (length == 0)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_EMPTY, _ ("“%s” is empty."),
                   display_name);
      return FALSE;
    }
  import_init (&import, dataset, display_name, options, cancellable);
  if (sniff (data, MIN (length, MAGIC_SIZE)) != FORMAT_CSV)
    {
      g_autofree char *path = NULL;
      int fd = g_file_open_tmp ("cakupan-XXXXXX", &path, error);

      if (fd < 0)
        return FALSE;
      ok = g_file_set_contents (path, (const char *)data, length, error);
      close (fd);
      if (ok)
        ok = read_source (&import, NULL, length, path, data, MIN (length, MAGIC_SIZE), error);
      g_unlink (path);
      return finish_import (&import, ok, error);
    }
  stream = g_memory_input_stream_new_from_bytes (bytes);
  ok = read_source (&import, stream, length, NULL, data, MIN (length, MAGIC_SIZE), error);
  return finish_import (&import, ok, error);
}

static gboolean
import_file (Import *import, GFile *file, GError **error)
{
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *name = import->file;
  g_autofree char *path = NULL;
  guchar magic[MAGIC_SIZE];
  gsize n_magic = 0;
  gboolean ok;

  stream = g_file_read (file, import->cancellable, &local_error);
  if (stream)
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                           import->cancellable, &local_error);
  if (stream == NULL || info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_UNREADABLE,
                     _ ("“%s” could not be opened: %s"), name, local_error->message);
      return FALSE;
    }
  if (g_file_info_get_size (info) == 0)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_EMPTY, _ ("“%s” is empty."), name);
      return FALSE;
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), magic, sizeof magic, &n_magic,
                                import->cancellable, &local_error)
      || !g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, import->cancellable, &local_error))
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_UNREADABLE,
                   _ ("“%s” could not be read: %s"), name, local_error->message);
      return FALSE;
    }
  path = g_file_get_path (file);
  if (path == NULL && sniff (magic, n_magic) != FORMAT_CSV)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_UNREADABLE,
                   _ ("“%s” is not on this computer; copy it to a local folder and open it there."),
                   name);
      return FALSE;
    }
  ok = read_source (import, G_INPUT_STREAM (stream), g_file_info_get_size (info), path, magic,
                    n_magic, error);
  return finish_import (import, ok, error);
}

/**
 * cak_import_file:
 *
 * Reads @file (CSV) and imports it, streaming, as cak_import_bytes() does.
 */
gboolean
cak_import_file (CakDataset *dataset, GFile *file, const CakImportOptions *options,
                 GCancellable *cancellable, GError **error)
{
  g_autofree char *name = NULL;
  Import import;

  g_return_val_if_fail (CAK_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  import_init (&import, dataset, name, options, cancellable);
  return import_file (&import, file, error);
}

/**
 * cak_import_preview_file:
 *
 * Reads @file as cak_import_file() does, into a dataset of its own, and tells what the importer
 * saw: each sheet's first rows with their kinds, its header and column roles, and the region
 * texts that matched nothing or several regions. The mapping step shows this, and the user's
 * corrections go back in @options.
 *
 * Returns: (transfer full) (nullable): the preview; %NULL with @error set when the file cannot
 * be read at all (a file without a header or a period still gives a preview)
 */
CakImportPreview *
cak_import_preview_file (GFile *file, const CakImportOptions *options, GCancellable *cancellable,
                         GError **error)
{
  g_autoptr (CakDataset) scratch = NULL;
  g_autoptr (CakImportPreview) preview = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *name = NULL;
  Import import;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  scratch = cak_dataset_new (cak_region_catalog_get_default ());
  name = g_file_get_basename (file);
  preview = g_new0 (CakImportPreview, 1);
  preview->file = g_strdup (name);
  preview->sheets = g_ptr_array_new_with_free_func (sheet_preview_free);
  preview->unmatched = g_ptr_array_new_with_free_func (unmatched_free);

  import_init (&import, scratch, name, options, cancellable);
  import.preview = preview;
  if (!import_file (&import, file, &local_error)
      && !g_error_matches (local_error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_HEADER)
      && !g_error_matches (local_error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_PERIOD))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* The header of the first sheet with one, as its cells read: files with the same header
   * get the same choices. */
  for (guint i = 0; i < preview->sheets->len && preview->signature == NULL; i++)
    {
      CakSheetPreview *sheet = g_ptr_array_index (preview->sheets, i);

      for (guint r = 0; r < sheet->rows->len; r++)
        if (g_array_index (sheet->row_numbers, guint, r) == sheet->header_last)
          {
            g_autofree char *joined = g_strjoinv ("\x1f", g_ptr_array_index (sheet->rows, r));

            preview->signature = cak_import_normalize (joined);
          }
    }
  if (preview->signature == NULL && preview->sheets->len > 0)
    {
      CakSheetPreview *sheet = g_ptr_array_index (preview->sheets, 0);

      for (guint r = 0; r < sheet->rows->len && preview->signature == NULL; r++)
        if (g_strv_length (g_ptr_array_index (sheet->rows, r)) > 1)
          {
            g_autofree char *joined = g_strjoinv ("\x1f", g_ptr_array_index (sheet->rows, r));

            preview->signature = cak_import_normalize (joined);
          }
    }
  return g_steal_pointer (&preview);
}

void
cak_import_preview_free (CakImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->file);
  g_free (preview->signature);
  g_ptr_array_unref (preview->sheets);
  g_ptr_array_unref (preview->unmatched);
  g_free (preview);
}
