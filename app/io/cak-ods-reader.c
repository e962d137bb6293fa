/* cak-ods-reader.c: the sheets of an OpenDocument spreadsheet (.ods), streamed row by row
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An .ods file is a zip package; its sheets are the table:table elements of content.xml, read
 * here with libxml2's streaming reader so that memory does not grow with the rows: only the
 * row being read, its merges and the numbers of blank rows waiting to be emitted are kept.
 *
 * Choices worth knowing:
 *  - Rows with content are emitted. A blank row is emitted only when it is a single row (not
 *    a table:number-rows-repeated run) followed, in the same sheet, by a row with content:
 *    LibreOffice ends every sheet with runs of a million empty rows and those are never
 *    emitted. Row numbers count every repeat, so they match what LibreOffice shows.
 *  - Empty cells are materialized only when content follows them in the same row, so the
 *    1024 or 16384 empty trailing cells LibreOffice writes cost nothing.
 *  - Content (not emptiness) beyond CAK_SHEET_MAX_COLUMNS or CAK_SHEET_MAX_ROWS makes the file
 *    CORRUPT: LibreOffice cannot write it.
 *  - A run of repeated rows with content counts its cells (n_cells × repeats) against
 *    CAK_SHEET_MAX_CELLS before any of it is emitted; past it the file is TOO_LARGE.
 *  - Covered cells (table:covered-table-cell) are empty, whatever the file keeps in them, as
 *    LibreOffice shows only the merged cell's content.
 *  - Time cells (office:time-value, an ISO 8601 duration such as PT08H30M00S) are TEXT
 *    "08:30:00"; hours go beyond 24 for durations ("36:00:00").
 *  - Date-times at midnight are given as a date alone ("2023-12-31").
 *  - A cell's text is cut at CELL_TEXT_MAX bytes; a row whose text passes ROW_TEXT_MAX bytes
 *    stops the import with TOO_LARGE, so a small hostile file cannot fill the memory.
 */
#define G_LOG_DOMAIN "cak-ods-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cak-ods-reader.h"
#include "cak-zip.h"

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_CALCEXT "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

#define MIMETYPE_ODS "application/vnd.oasis.opendocument.spreadsheet"
#define MIMETYPE_OTS "application/vnd.oasis.opendocument.spreadsheet-template"

#define CELL_TEXT_MAX (1u << 20) /* bytes of one cell's text */
#define ROW_TEXT_MAX (64u << 20) /* bytes of distinct text in one row */
#define REPEAT_MAX (1u << 30)    /* a repeat count beyond this is read as this */
#define MERGES_MAX (1u << 20)    /* merged ranges kept per sheet */
#define CHECK_EVERY 1024         /* rows between looks at the cancellable */

typedef struct
{
  CakCellType type;
  char *value;        /* office:value, date-value, time-value or boolean-value */
  char *string_value; /* office:string-value */
  gboolean error;     /* calcext:value-type="error" */
  gboolean covered;
  guint64 repeat;
  guint64 column_span, row_span;

  GString *text; /* the paragraphs */
  guint n_paragraphs;
  int paragraph_depth; /* -1 outside a paragraph */
  int skip_depth;      /* -1, or the depth of a subtree whose text is not the cell's */
  gboolean paragraph_has_text;
  gboolean space_pending; /* the last character is a space that collapses the next ones */
  gboolean truncated;
} Cell;

typedef struct
{
  CakZipPart *part;
  xmlTextReaderPtr reader;
  const char *display_name;
  const CakSheetCallbacks *callbacks;
  GCancellable *cancellable;
  GError *error;
  gboolean stopped; /* the row callback said so */
  gboolean skip_subtree;

  GHashTable *hidden_styles; /* table style names with table:display="false" */
  char *table_style;         /* the table style being read, in the automatic styles */
  int body_depth;            /* -1 until office:body */
  guint n_sheets;

  /* the sheet */
  gboolean in_sheet;
  int sheet_depth;
  CakSheetInfo info;
  char *sheet_name;
  guint64 next_row;   /* 1-based */
  GArray *blank_rows; /* guint: single blank rows waiting for a row with content */
  GArray *merges;     /* CakMerge */

  /* the row */
  gboolean in_row;
  int row_depth;
  guint64 row_repeat;
  guint64 next_column; /* 0-based; cells before it and after cells->len are empty */
  GPtrArray *cells;    /* const char *, pointing into texts or at "" */
  GByteArray *types;
  GPtrArray *texts; /* the row's distinct strings, owned */
  gsize row_bytes;
  GArray *row_merges; /* CakMerge of the row's first repetition */

  /* the cell */
  gboolean in_cell;
  int cell_depth;
  Cell cell;

  guint64 n_rows_seen;
  guint64 sheet_cells; /* spanned by the rows emitted in the sheet, see CAK_SHEET_MAX_CELLS */
} OdsReader;

static const char empty_text[] = "";

static gboolean
is (const char *name, const char *ns, const char *want_name, const char *want_ns)
{
  return ns != NULL && strcmp (name, want_name) == 0 && strcmp (ns, want_ns) == 0;
}

static char *
get_attribute (xmlTextReaderPtr reader, const char *name, const char *ns)
{
  xmlChar *value = xmlTextReaderGetAttributeNs (reader, (const xmlChar *)name, (const xmlChar *)ns);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *)value);
  xmlFree (value);
  return copy;
}

/* A count attribute (repeats, spans, text:c): missing or invalid is 1, huge is REPEAT_MAX. */
static guint64
get_count (xmlTextReaderPtr reader, const char *name, const char *ns)
{
  g_autofree char *text = get_attribute (reader, name, ns);
  guint64 value;
  char *end = NULL;

  if (text == NULL)
    return 1;
  value = g_ascii_strtoull (text, &end, 10);
  if (end == text || value == 0)
    return 1;
  return MIN (value, REPEAT_MAX);
}

/* "A", "Z", "AA", as a spreadsheet names its columns; @column is 0-based. */
static char *
cell_reference (guint64 column, guint64 row)
{
  char letters[16];
  int i = G_N_ELEMENTS (letters) - 1;

  letters[i] = '\0';
  column++;
  while (column > 0 && i > 0)
    {
      letters[--i] = 'A' + (column - 1) % 26;
      column = (column - 1) / 26;
    }
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT, letters + i, row);
}

static void
set_beyond_limits_error (OdsReader *self, guint64 column, guint64 row)
{
  g_autofree char *ref = cell_reference (column, row);

  if (self->error)
    return;
  g_set_error (&self->error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
               _ ("“%s” is a damaged workbook: in sheet “%s”, cell %s lies beyond the last "
                  "column or row a spreadsheet can have."),
               self->display_name, self->sheet_name, ref);
}

static void
report_progress (OdsReader *self)
{
  guint64 size = cak_zip_part_get_size (self->part);

  if (self->callbacks->progress && size > 0)
    self->callbacks->progress (MIN (1.0, (double)cak_zip_part_get_read (self->part) / size),
                               self->callbacks->user_data);
}

/* Counts the cells of @n_rows rows of @n_cells from row @first before they are emitted; FALSE,
 * with the error set, when the sheet goes beyond CAK_SHEET_MAX_CELLS. */
static gboolean
count_cells (OdsReader *self, guint64 first, guint64 n_rows, guint n_cells)
{
  guint64 fit = (CAK_SHEET_MAX_CELLS - self->sheet_cells) / MAX (n_cells, 1);
  g_autofree char *shown = NULL;

  if (n_rows <= fit)
    {
      self->sheet_cells += n_rows * n_cells;
      return TRUE;
    }
  if (self->error)
    return FALSE;
  shown = g_strdup_printf ("%" G_GUINT64_FORMAT, first + fit);
  g_set_error (&self->error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_TOO_LARGE,
               _ ("“%s” was not read: by row %s, sheet “%s” spans more than %u million cells "
                  "(counting the empty cells between those with content), more than any table "
                  "of figures needs."),
               self->display_name, shown, self->sheet_name, CAK_SHEET_MAX_CELLS_MILLIONS);
  return FALSE;
}

/* Called once per row read or emitted; gives progress and notices cancellation. */
static void
count_row (OdsReader *self)
{
  self->n_rows_seen++;
  if (self->n_rows_seen % CHECK_EVERY != 0)
    return;
  if (self->error == NULL)
    g_cancellable_set_error_if_cancelled (self->cancellable, &self->error);
  report_progress (self);
}

/* Cells */

static void
cell_reset (Cell *cell)
{
  g_clear_pointer (&cell->value, g_free);
  g_clear_pointer (&cell->string_value, g_free);
  cell->type = CAK_CELL_EMPTY;
  cell->error = FALSE;
  cell->covered = FALSE;
  cell->repeat = 1;
  cell->column_span = cell->row_span = 1;
  g_string_truncate (cell->text, 0);
  cell->n_paragraphs = 0;
  cell->paragraph_depth = -1;
  cell->skip_depth = -1;
  cell->paragraph_has_text = FALSE;
  cell->space_pending = FALSE;
  cell->truncated = FALSE;
}

static void
cell_append (Cell *cell, const char *text, gsize length)
{
  if (cell->text->len + length > CELL_TEXT_MAX)
    {
      length = CELL_TEXT_MAX - MIN (cell->text->len, CELL_TEXT_MAX);
      cell->truncated = TRUE;
    }
  g_string_append_len (cell->text, text, length);
}

/* ODF collapses white space in paragraphs as HTML does: a run of spaces, tabs and line ends
 * is one space, and none at the start of a paragraph; text:s, text:tab and text:line-break
 * are how a file keeps the others. */
static void
cell_append_text (Cell *cell, const char *text)
{
  const char *run = text;

  for (const char *p = text; *p; p++)
    {
      if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
        continue;
      cell_append (cell, run, p - run);
      if (p > run)
        {
          cell->paragraph_has_text = TRUE;
          cell->space_pending = FALSE;
        }
      if (cell->paragraph_has_text && !cell->space_pending)
        {
          cell_append (cell, " ", 1);
          cell->space_pending = TRUE;
        }
      run = p + 1;
    }
  if (*run)
    {
      cell_append (cell, run, strlen (run));
      cell->paragraph_has_text = TRUE;
      cell->space_pending = FALSE;
    }
}

static void
cell_append_literal (Cell *cell, char ch, guint64 count)
{
  count = MIN (count, (guint64)CELL_TEXT_MAX);
  for (guint64 i = 0; i < count && !cell->truncated; i++)
    cell_append (cell, &ch, 1);
  cell->paragraph_has_text = TRUE;
  cell->space_pending = FALSE;
}

static void
cell_start_element (OdsReader *self, const char *name, const char *ns, int depth, gboolean empty)
{
  Cell *cell = &self->cell;

  if (cell->skip_depth >= 0 || ns == NULL)
    return;

  if (strcmp (ns, NS_TEXT) == 0 && (strcmp (name, "p") == 0 || strcmp (name, "h") == 0))
    {
      if (cell->n_paragraphs++ > 0)
        cell_append (cell, "\n", 1);
      cell->paragraph_has_text = FALSE;
      cell->space_pending = FALSE;
      if (!empty)
        cell->paragraph_depth = depth;
      return;
    }

  /* Comments, drawings, notes and nested tables are not what the cell shows. */
  if ((strcmp (ns, NS_OFFICE) == 0 && strcmp (name, "annotation") == 0)
      || (strcmp (ns, NS_TEXT) == 0 && strcmp (name, "note") == 0) || strcmp (ns, NS_TABLE) == 0
      || g_str_has_prefix (ns, "urn:oasis:names:tc:opendocument:xmlns:drawing:"))
    {
      if (!empty)
        cell->skip_depth = depth;
      return;
    }

  if (cell->paragraph_depth < 0 || strcmp (ns, NS_TEXT) != 0)
    return;
  if (strcmp (name, "s") == 0)
    cell_append_literal (cell, ' ', get_count (self->reader, "c", NS_TEXT));
  else if (strcmp (name, "tab") == 0)
    cell_append_literal (cell, '\t', 1);
  else if (strcmp (name, "line-break") == 0)
    cell_append_literal (cell, '\n', 1);
}

static void
cell_end_element (OdsReader *self, int depth)
{
  Cell *cell = &self->cell;

  if (cell->skip_depth >= 0)
    {
      if (depth == cell->skip_depth)
        cell->skip_depth = -1;
      return;
    }
  if (depth == cell->paragraph_depth)
    cell->paragraph_depth = -1;
}

static void
begin_cell (OdsReader *self, gboolean covered)
{
  Cell *cell = &self->cell;
  xmlTextReaderPtr reader = self->reader;
  g_autofree char *value_type = NULL;
  g_autofree char *calc_type = NULL;

  cell_reset (cell);
  cell->covered = covered;
  cell->repeat = get_count (reader, "number-columns-repeated", NS_TABLE);
  cell->column_span = get_count (reader, "number-columns-spanned", NS_TABLE);
  cell->row_span = get_count (reader, "number-rows-spanned", NS_TABLE);
  if (covered)
    return;

  value_type = get_attribute (reader, "value-type", NS_OFFICE);
  calc_type = get_attribute (reader, "value-type", NS_CALCEXT);
  cell->error = g_strcmp0 (calc_type, "error") == 0;
  if (value_type == NULL)
    return;

  if (strcmp (value_type, "float") == 0 || strcmp (value_type, "percentage") == 0
      || strcmp (value_type, "currency") == 0)
    {
      cell->type = CAK_CELL_NUMBER;
      cell->value = get_attribute (reader, "value", NS_OFFICE);
    }
  else if (strcmp (value_type, "date") == 0)
    {
      cell->type = CAK_CELL_DATE;
      cell->value = get_attribute (reader, "date-value", NS_OFFICE);
    }
  else if (strcmp (value_type, "time") == 0)
    {
      /* TEXT, see the top of the file; the value is turned into "HH:MM:SS" at the end. */
      cell->type = CAK_CELL_TEXT;
      cell->value = get_attribute (reader, "time-value", NS_OFFICE);
    }
  else if (strcmp (value_type, "boolean") == 0)
    {
      cell->type = CAK_CELL_BOOLEAN;
      cell->value = get_attribute (reader, "boolean-value", NS_OFFICE);
    }
  else if (strcmp (value_type, "string") == 0)
    {
      cell->type = CAK_CELL_TEXT;
      cell->string_value = get_attribute (reader, "string-value", NS_OFFICE);
    }
}

/* "%.15g" in the C locale, as cak-sheet.h promises; FALSE when @text is not a finite number. */
static gboolean
format_number (const char *text, char *buffer, gsize size)
{
  char *end = NULL;
  double value;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  value = g_ascii_strtod (text, &end);
  if (end == text || !isfinite (value))
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0')
    return FALSE;
  if (value == 0)
    value = 0; /* no "-0" */
  g_ascii_formatd (buffer, size, "%.15g", value);
  return TRUE;
}

static gboolean
all_digits (const char *text, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* "2023-12-31", "2023-12-31T08:30:00", "2023-12-31T08:30:00.5+07:00" to "2023-12-31" or
 * "2023-12-31T08:30:00"; NULL when it is none of these. */
static char *
format_date (const char *text)
{
  if (text == NULL || strlen (text) < 10 || !all_digits (text, 4) || text[4] != '-'
      || !all_digits (text + 5, 2) || text[7] != '-' || !all_digits (text + 8, 2))
    return NULL;
  if (text[10] == 'T' && strlen (text) >= 19 && all_digits (text + 11, 2) && text[13] == ':'
      && all_digits (text + 14, 2) && text[16] == ':' && all_digits (text + 17, 2))
    {
      if (strncmp (text + 11, "00:00:00", 8) == 0)
        return g_strndup (text, 10);
      return g_strndup (text, 19);
    }
  if (text[10] == 'T' && strlen (text) >= 16 && all_digits (text + 11, 2) && text[13] == ':'
      && all_digits (text + 14, 2))
    return g_strdup_printf ("%.16s:00", text);
  return g_strndup (text, 10);
}

/* An ISO 8601 duration, "PT08H30M00S" or "-P1DT2H", to "08:30:00" or "-26:00:00". */
static char *
format_time (const char *text)
{
  gboolean negative = FALSE, in_time = FALSE;
  double seconds = 0;
  guint64 total;

  if (text == NULL)
    return NULL;
  if (*text == '-')
    {
      negative = TRUE;
      text++;
    }
  if (*text++ != 'P')
    return NULL;
  while (*text)
    {
      char *end = NULL;
      double n;

      if (*text == 'T')
        {
          in_time = TRUE;
          text++;
          continue;
        }
      n = g_ascii_strtod (text, &end);
      if (end == text || !isfinite (n) || n < 0 || n > 1e12)
        return NULL;
      switch (*end)
        {
          case 'D':
            seconds += n * 86400;
            break;
          case 'H':
            seconds += n * 3600;
            break;
          case 'M':
            if (!in_time)
              return NULL; /* months have no fixed length; never in a time cell */
            seconds += n * 60;
            break;
          case 'S':
            seconds += n;
            break;
          default:
            return NULL;
        }
      text = end + 1;
    }
  total = (guint64)(seconds + 0.5);
  return g_strdup_printf ("%s%02" G_GUINT64_FORMAT ":%02u:%02u", negative && total ? "-" : "",
                          total / 3600, (guint)(total / 60 % 60), (guint)(total % 60));
}

/* The cell's type and text as cak-sheet.h gives them; returns the text, owned. */
static char *
finish_cell_value (Cell *cell, CakCellType *out_type)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  char *text;

  if (cell->truncated)
    {
      const char *end;

      /* The cut may have fallen inside a character. */
      g_utf8_validate_len (cell->text->str, cell->text->len, &end);
      g_string_truncate (cell->text, end - cell->text->str);
    }

  if (cell->covered)
    {
      *out_type = CAK_CELL_EMPTY;
      return NULL;
    }
  if (cell->error)
    {
      *out_type = CAK_CELL_ERROR;
      return g_strdup (cell->text->len ? cell->text->str : "#VALUE!");
    }

  switch (cell->type)
    {
      case CAK_CELL_NUMBER:
        if (format_number (cell->value, number, sizeof number))
          {
            *out_type = CAK_CELL_NUMBER;
            return g_strdup (number);
          }
        break;
      case CAK_CELL_DATE:
        if ((text = format_date (cell->value)) != NULL)
          {
            *out_type = CAK_CELL_DATE;
            return text;
          }
        break;
      case CAK_CELL_BOOLEAN:
        if (cell->value)
          {
            gboolean truth
                = g_ascii_strcasecmp (cell->value, "true") == 0 || strcmp (cell->value, "1") == 0;

            *out_type = CAK_CELL_BOOLEAN;
            return g_strdup (truth ? "TRUE" : "FALSE");
          }
        break;
      case CAK_CELL_TEXT:
        if (cell->value && (text = format_time (cell->value)) != NULL)
          {
            *out_type = CAK_CELL_TEXT;
            return text;
          }
        if (cell->string_value)
          {
            *out_type = cell->string_value[0] ? CAK_CELL_TEXT : CAK_CELL_EMPTY;
            return g_utf8_make_valid (cell->string_value, -1);
          }
        break;
      case CAK_CELL_EMPTY:
      case CAK_CELL_ERROR:
      default:
        break;
    }

  /* No value type, or a value that does not parse: what the cell shows. */
  *out_type = cell->text->len ? CAK_CELL_TEXT : CAK_CELL_EMPTY;
  return cell->text->len ? g_strdup (cell->text->str) : NULL;
}

static void
add_merge (OdsReader *self, GArray *merges, guint64 row, guint64 column, guint64 row_span,
           guint64 column_span)
{
  CakMerge merge;

  if (merges->len >= MERGES_MAX || row > CAK_SHEET_MAX_ROWS || column >= CAK_SHEET_MAX_COLUMNS)
    return;
  merge.first_row = row;
  merge.last_row = MIN (row + row_span - 1, (guint64)CAK_SHEET_MAX_ROWS);
  merge.first_column = column;
  merge.last_column = MIN (column + column_span - 1, (guint64)CAK_SHEET_MAX_COLUMNS - 1);
  g_array_append_val (merges, merge);
}

static void
end_cell (OdsReader *self)
{
  Cell *cell = &self->cell;
  CakCellType type;
  char *text = finish_cell_value (cell, &type);
  guint64 column = self->next_column;

  self->in_cell = FALSE;

  if (cell->column_span > 1 || cell->row_span > 1)
    for (guint64 i = 0; i < cell->repeat && self->row_merges->len < MERGES_MAX; i++)
      add_merge (self, self->row_merges, self->next_row, column + i, cell->row_span,
                 cell->column_span);

  if (type != CAK_CELL_EMPTY)
    {
      if (column + cell->repeat > CAK_SHEET_MAX_COLUMNS)
        {
          set_beyond_limits_error (self, MAX (column, CAK_SHEET_MAX_COLUMNS), self->next_row);
          g_free (text);
          return;
        }
      self->row_bytes += strlen (text);
      if (self->row_bytes > ROW_TEXT_MAX && self->error == NULL)
        {
          g_autofree char *ref = cell_reference (column, self->next_row);

          g_set_error (&self->error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_TOO_LARGE,
                       _ ("“%s” was not read: in sheet “%s”, the row of cell %s holds more text "
                          "than any table of figures needs."),
                       self->display_name, self->sheet_name, ref);
          g_free (text);
          return;
        }
      g_ptr_array_add (self->texts, text);
      while (self->cells->len < column)
        {
          g_ptr_array_add (self->cells, (gpointer)empty_text);
          g_byte_array_append (self->types, (const guint8[]){ CAK_CELL_EMPTY }, 1);
        }
      for (guint64 i = 0; i < cell->repeat; i++)
        {
          guint8 t = type;

          g_ptr_array_add (self->cells, text);
          g_byte_array_append (self->types, &t, 1);
        }
    }
  else
    g_free (text);

  self->next_column = column + cell->repeat;
}

/* Rows */

static void
begin_row (OdsReader *self, int depth)
{
  self->in_row = TRUE;
  self->row_depth = depth;
  self->row_repeat = get_count (self->reader, "number-rows-repeated", NS_TABLE);
  self->next_column = 0;
  self->row_bytes = 0;
  g_ptr_array_set_size (self->cells, 0);
  g_byte_array_set_size (self->types, 0);
  g_ptr_array_set_size (self->texts, 0);
  g_array_set_size (self->row_merges, 0);
}

static gboolean
emit_row (OdsReader *self, guint64 number, guint n_cells)
{
  CakRow row;

  row.row = number;
  row.n_cells = n_cells;
  row.cells = (const char *const *)self->cells->pdata;
  row.types = self->types->data;
  if (!self->callbacks->row (&row, self->callbacks->user_data))
    {
      self->stopped = TRUE;
      return FALSE;
    }
  count_row (self);
  return self->error == NULL;
}

static void
end_row (OdsReader *self)
{
  guint n_cells = self->cells->len;
  guint64 first = self->next_row;

  self->in_row = FALSE;
  if (self->error)
    return;

  /* Merges first: a merged cell is part of the sheet whether or not its row has text. A row
   * without merges costs nothing here, however often it repeats. */
  if (self->row_merges->len > 0)
    for (guint64 k = 0; k < self->row_repeat && self->merges->len < MERGES_MAX; k++)
      for (guint i = 0; i < self->row_merges->len; i++)
        {
          CakMerge *m = &g_array_index (self->row_merges, CakMerge, i);

          add_merge (self, self->merges, first + k, m->first_column, m->last_row - m->first_row + 1,
                     m->last_column - m->first_column + 1);
        }

  self->next_row += self->row_repeat;

  if (n_cells == 0)
    {
      guint number = first;

      if (self->row_repeat == 1 && first <= CAK_SHEET_MAX_ROWS)
        g_array_append_val (self->blank_rows, number);
      count_row (self);
      return;
    }

  if (first + self->row_repeat - 1 > CAK_SHEET_MAX_ROWS)
    {
      set_beyond_limits_error (self, 0, MAX (first, (guint64)CAK_SHEET_MAX_ROWS + 1));
      return;
    }

  /* Checked for the whole run before any of it is emitted, so that a run of a million wide rows
   * costs nothing. */
  if (!count_cells (self, first, self->row_repeat, n_cells))
    return;

  /* The NULL after the last cell is for readers of the row that want a vector. */
  g_ptr_array_add (self->cells, NULL);
  for (guint i = 0; i < self->blank_rows->len; i++)
    if (!emit_row (self, g_array_index (self->blank_rows, guint, i), 0))
      return;
  g_array_set_size (self->blank_rows, 0);
  for (guint64 k = 0; k < self->row_repeat; k++)
    if (!emit_row (self, first + k, n_cells))
      return;
}

/* Sheets */

static void
begin_sheet (OdsReader *self, int depth)
{
  g_autofree char *style = get_attribute (self->reader, "style-name", NS_TABLE);

  self->in_sheet = TRUE;
  self->sheet_depth = depth;
  g_free (self->sheet_name);
  self->sheet_name = get_attribute (self->reader, "name", NS_TABLE);
  if (self->sheet_name == NULL)
    self->sheet_name = g_strdup_printf ("%u", self->n_sheets + 1);
  self->info.name = self->sheet_name;
  self->info.index = self->n_sheets++;
  self->info.hidden = style != NULL && g_hash_table_contains (self->hidden_styles, style);
  self->next_row = 1;
  self->sheet_cells = 0;
  g_array_set_size (self->blank_rows, 0);
  g_array_set_size (self->merges, 0);

  if (self->callbacks->sheet_begin
      && !self->callbacks->sheet_begin (&self->info, self->callbacks->user_data))
    {
      /* Its rows are skipped without being parsed; sheet_end still closes it, without merges. */
      if (self->callbacks->sheet_end)
        self->callbacks->sheet_end (&self->info, NULL, 0, self->callbacks->user_data);
      self->in_sheet = FALSE;
      self->skip_subtree = TRUE;
    }
}

static void
end_sheet (OdsReader *self)
{
  self->in_sheet = FALSE;
  if (self->error || self->stopped)
    return;
  if (self->callbacks->sheet_end)
    self->callbacks->sheet_end (&self->info, (const CakMerge *)self->merges->data,
                                self->merges->len, self->callbacks->user_data);
  report_progress (self);
}

/* The document */

static void
start_element (OdsReader *self, int depth, gboolean empty)
{
  const char *name = (const char *)xmlTextReaderConstLocalName (self->reader);
  const char *ns = (const char *)xmlTextReaderConstNamespaceUri (self->reader);

  if (self->in_cell)
    {
      cell_start_element (self, name, ns, depth, empty);
      return;
    }
  if (ns == NULL)
    return;

  if (self->in_row)
    {
      gboolean covered = is (name, ns, "covered-table-cell", NS_TABLE);

      if (!covered && !is (name, ns, "table-cell", NS_TABLE))
        return;
      begin_cell (self, covered);
      self->in_cell = TRUE;
      self->cell_depth = depth;
      if (empty)
        end_cell (self);
      return;
    }

  if (self->in_sheet)
    {
      if (is (name, ns, "table-row", NS_TABLE))
        {
          begin_row (self, depth);
          if (empty)
            end_row (self);
        }
      return;
    }

  if (is (name, ns, "table", NS_TABLE))
    {
      begin_sheet (self, depth);
      if (empty && self->in_sheet)
        end_sheet (self);
      return;
    }

  if (is (name, ns, "body", NS_OFFICE))
    self->body_depth = depth;
  else if (self->body_depth >= 0 && depth == self->body_depth + 1
           && !is (name, ns, "spreadsheet", NS_OFFICE))
    g_set_error (&self->error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET,
                 _ ("“%s” is an OpenDocument file, but not a spreadsheet."), self->display_name);
  else if (is (name, ns, "style", NS_STYLE))
    {
      g_autofree char *family = get_attribute (self->reader, "family", NS_STYLE);

      g_clear_pointer (&self->table_style, g_free);
      if (g_strcmp0 (family, "table") == 0)
        self->table_style = get_attribute (self->reader, "name", NS_STYLE);
    }
  else if (is (name, ns, "table-properties", NS_STYLE) && self->table_style)
    {
      g_autofree char *display = get_attribute (self->reader, "display", NS_TABLE);

      if (g_strcmp0 (display, "false") == 0)
        g_hash_table_add (self->hidden_styles, g_strdup (self->table_style));
    }
}

static void
end_element (OdsReader *self, int depth)
{
  if (self->in_cell)
    {
      if (depth == self->cell_depth)
        end_cell (self);
      else
        cell_end_element (self, depth);
    }
  else if (self->in_row && depth == self->row_depth)
    end_row (self);
  else if (self->in_sheet && depth == self->sheet_depth)
    end_sheet (self);
}

static void
read_node (OdsReader *self)
{
  xmlTextReaderPtr reader = self->reader;
  int type = xmlTextReaderNodeType (reader);
  int depth = xmlTextReaderDepth (reader);

  switch (type)
    {
      case XML_READER_TYPE_ELEMENT:
        start_element (self, depth, xmlTextReaderIsEmptyElement (reader) == 1);
        break;
      case XML_READER_TYPE_END_ELEMENT:
        end_element (self, depth);
        break;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        if (self->in_cell && self->cell.paragraph_depth >= 0 && self->cell.skip_depth < 0)
          cell_append_text (&self->cell, (const char *)xmlTextReaderConstValue (reader));
        break;
      case XML_READER_TYPE_DOCUMENT_TYPE:
        /* ODF parts have no DTD; one here can only be an attempt at entity tricks. */
        g_set_error (&self->error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                     _ ("“%s” was not read: its part “%s” declares a document type, which no "
                        "spreadsheet does."),
                     self->display_name, "content.xml");
        break;
      default:
        /* Entity references are neither expanded nor followed. */
        break;
    }
}

static gboolean
check_mimetype (CakZip *zip, const char *display_name, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *mimetype = NULL;

  /* The mimetype part is required by ODF, but its absence alone is no reason to refuse a file
   * whose body turns out to be a spreadsheet. */
  if (!cak_zip_has (zip, "mimetype"))
    return TRUE;
  bytes = cak_zip_read_all (zip, "mimetype", 256, error);
  if (bytes == NULL)
    return FALSE;
  mimetype = g_strstrip (g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)));
  if (strcmp (mimetype, MIMETYPE_ODS) == 0 || strcmp (mimetype, MIMETYPE_OTS) == 0)
    return TRUE;

  if (!g_utf8_validate (mimetype, -1, NULL))
    g_strcanon (mimetype, "abcdefghijklmnopqrstuvwxyz0123456789./+-", '?');
  g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET,
               _ ("“%s” is not a spreadsheet: it is a document of the type “%s”."), display_name,
               mimetype);
  return FALSE;
}

/* Encrypted ODF packages keep their manifest in the clear and say there which parts are
 * encrypted; LibreOffice's newer scheme puts everything in one "encrypted-package" part. */
static gboolean
check_encryption (CakZip *zip, const char *display_name, GError **error)
{
  g_autoptr (CakZipPart) part = NULL;
  xmlTextReaderPtr reader;
  gboolean encrypted = cak_zip_has (zip, "encrypted-package");

  if (!encrypted && cak_zip_has (zip, "META-INF/manifest.xml"))
    {
      part = cak_zip_part_open (zip, "META-INF/manifest.xml", error);
      if (part == NULL)
        return FALSE;
      reader = cak_zip_part_xml_reader (part);
      while (reader && !encrypted && xmlTextReaderRead (reader) == 1)
        {
          const char *ns = (const char *)xmlTextReaderConstNamespaceUri (reader);
          const char *name = (const char *)xmlTextReaderConstLocalName (reader);

          if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT
              && is (name, ns, "encryption-data", NS_MANIFEST))
            encrypted = TRUE;
        }
      /* A damaged manifest is not the content; the content will tell. */
      if (reader)
        xmlFreeTextReader (reader);
    }

  if (encrypted)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_ENCRYPTED,
                   _ ("“%s” is protected by a password. Open it in your spreadsheet program, "
                      "remove the password, save it, and import it again."),
                   display_name);
      return FALSE;
    }
  return TRUE;
}

/**
 * cak_ods_read:
 * @path: an .ods file in the local file system
 * @display_name: the file's name as the user knows it, for messages
 * @callbacks: called for each sheet and each row, in order
 *
 * Reads the sheets of an OpenDocument spreadsheet, streaming content.xml. Cells are typed:
 * numbers (float, percentage, currency) as "%.15g" in the C locale, dates in ISO 8601,
 * booleans as "TRUE"/"FALSE", errors as shown, formulas by their cached value. Merged ranges
 * are given to sheet_end; hidden sheets are marked in #CakSheetInfo.
 *
 * Returns: %FALSE with @error set (%CAK_IMPORT_ERROR, or %G_IO_ERROR_CANCELLED) when the file
 * cannot be read; %TRUE when it was read or the row callback stopped it.
 */
gboolean
cak_ods_read (const char *path, const char *display_name, const CakSheetCallbacks *callbacks,
              GCancellable *cancellable, GError **error)
{
  g_autoptr (CakZip) zip = NULL;
  g_autoptr (CakZipPart) part = NULL;
  OdsReader self = { 0 };
  int ret;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (callbacks != NULL && callbacks->row != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* cak_zip_open() tells a zip cut short (CORRUPT) from a file that is none. */
  zip = cak_zip_open (path, display_name, error);
  if (zip == NULL)
    return FALSE;
  if (!check_mimetype (zip, display_name, error) || !check_encryption (zip, display_name, error))
    return FALSE;
  if (!cak_zip_has (zip, "content.xml") && !cak_zip_has (zip, "mimetype"))
    {
      /* An XLSX, or any other zip archive */
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET,
                   _ ("“%s” is a zip archive, but not an OpenDocument spreadsheet."), display_name);
      return FALSE;
    }
  part = cak_zip_part_open (zip, "content.xml", error);
  if (part == NULL)
    return FALSE;

  self.part = part;
  self.reader = cak_zip_part_xml_reader (part);
  self.display_name = display_name;
  self.callbacks = callbacks;
  self.cancellable = cancellable;
  self.hidden_styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.body_depth = -1;
  self.blank_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  self.merges = g_array_new (FALSE, FALSE, sizeof (CakMerge));
  self.row_merges = g_array_new (FALSE, FALSE, sizeof (CakMerge));
  self.cells = g_ptr_array_new ();
  self.types = g_byte_array_new ();
  self.texts = g_ptr_array_new_with_free_func (g_free);
  self.cell.text = g_string_new (NULL);
  cell_reset (&self.cell);

  ret = self.reader ? xmlTextReaderRead (self.reader) : -1;
  while (ret == 1)
    {
      read_node (&self);
      if (self.error || self.stopped)
        break;
      if (self.skip_subtree)
        {
          self.skip_subtree = FALSE;
          ret = xmlTextReaderNext (self.reader);
        }
      else
        ret = xmlTextReaderRead (self.reader);
    }

  if (self.error == NULL && !self.stopped)
    {
      /* Errors met while inflating or parsing are kept by the part, even when libxml2 ends
       * as if at the end of the document. */
      if (!cak_zip_xml_error (part, self.reader, &self.error) && ret != 0)
        g_set_error (&self.error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                     _ ("“%s” is a damaged workbook: its part “%s” could not be read."),
                     display_name, "content.xml");
    }
  if (self.error == NULL && !self.stopped)
    {
      g_cancellable_set_error_if_cancelled (cancellable, &self.error);
      if (self.error == NULL && callbacks->progress)
        callbacks->progress (1.0, callbacks->user_data);
    }

  ok = self.error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&self.error));

  if (self.reader)
    xmlFreeTextReader (self.reader);
  cell_reset (&self.cell);
  g_string_free (self.cell.text, TRUE);
  g_hash_table_unref (self.hidden_styles);
  g_free (self.table_style);
  g_free (self.sheet_name);
  g_array_unref (self.blank_rows);
  g_array_unref (self.merges);
  g_array_unref (self.row_merges);
  g_ptr_array_unref (self.cells);
  g_byte_array_unref (self.types);
  g_ptr_array_unref (self.texts);
  return ok;
}
