/* cak-sheet.h: what every reader (CSV, XLSX, ODS, XLS) hands the importer, row by row
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The readers stream: they call back once per sheet and once per row, and keep no more than a
 * row (and, for workbooks, the shared strings and styles) in memory.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CAK_IMPORT_ERROR (cak_import_error_quark ())

typedef enum
{
  CAK_IMPORT_ERROR_UNREADABLE,        /* the file cannot be opened or read */
  CAK_IMPORT_ERROR_EMPTY,             /* no bytes, or no rows */
  CAK_IMPORT_ERROR_NOT_A_SPREADSHEET, /* neither text nor a workbook we know */
  CAK_IMPORT_ERROR_NO_HEADER,         /* no sheet has a header naming a region and a figure */
  CAK_IMPORT_ERROR_UNSUPPORTED,       /* a kind of file Cakupan does not read (xlsb, ...) */
  CAK_IMPORT_ERROR_CORRUPT,           /* a workbook whose parts are broken or truncated */
  CAK_IMPORT_ERROR_ENCRYPTED,         /* protected by a password */
  CAK_IMPORT_ERROR_TOO_LARGE,         /* beyond the limits on inflated size or ratio */
  CAK_IMPORT_ERROR_NO_PERIOD,         /* the figures have no period and none was given */
} CakImportError;

GQuark cak_import_error_quark (void);

/* What a cell held in the file. Readers give every cell as text as well:
 *  - NUMBER: the value in the C locale, as "%.15g" gives it ("1234567", "0.2768");
 *  - DATE: ISO 8601, "2023-12-31", or "2023-12-31T08:30:00" when there is a time of day;
 *  - BOOLEAN: "TRUE" or "FALSE";
 *  - ERROR: the error as the program shows it ("#N/A", "#DIV/0!");
 *  - TEXT: the text, UTF-8; EMPTY: "". */
typedef enum
{
  CAK_CELL_EMPTY = 0,
  CAK_CELL_TEXT,
  CAK_CELL_NUMBER,
  CAK_CELL_DATE,
  CAK_CELL_BOOLEAN,
  CAK_CELL_ERROR,
} CakCellType;

/* One row of a sheet. The strings and types are owned by the reader and valid during the
 * callback. No entry of @cells is NULL. */
typedef struct
{
  guint row; /* 1-based, as a spreadsheet program numbers the rows */
  guint n_cells;
  const char *const *cells;
  const guint8 *types; /* CakCellType per cell; NULL when every cell is text (CSV) */
} CakRow;

typedef struct
{
  const char *name; /* the sheet's name; NULL for CSV */
  guint index;      /* 0-based position among the workbook's sheets */
  gboolean hidden;  /* hidden or very hidden in the workbook */
  /* The sheet another of the workbook's sheets was computed from, as a Cakupan report marks
   * them (XLSX only); NULL for a sheet of figures. */
  const char *computed_from;
} CakSheetInfo;

/* A merged range; rows 1-based, columns 0-based, both ends included. */
typedef struct
{
  guint first_row, last_row;
  guint first_column, last_column;
} CakMerge;

typedef gboolean (*CakRowFunc) (const CakRow *row, gpointer user_data);

typedef struct
{
  /* Before a sheet's rows. Return FALSE to skip that sheet's rows. May be NULL. */
  gboolean (*sheet_begin) (const CakSheetInfo *sheet, gpointer user_data);
  /* Each row the file has, in order; rows the file leaves out entirely are not called. Return
   * FALSE to stop reading altogether (the reader then returns TRUE). */
  CakRowFunc row;
  /* After a sheet's rows, with its merged ranges (XLSX and ODS list them after the cells).
   * May be NULL. */
  void (*sheet_end) (const CakSheetInfo *sheet, const CakMerge *merges, guint n_merges,
                     gpointer user_data);
  /* How much of the input has been read, from 0 to 1; called now and then. May be NULL. */
  void (*progress) (double fraction, gpointer user_data);
  gpointer user_data;
} CakSheetCallbacks;

/* Limits against hostile workbooks: a zip part may not inflate beyond these. */
#define CAK_SHEET_MAX_PART_SIZE (G_GUINT64_CONSTANT (2) << 30) /* 2 GiB per part */
#define CAK_SHEET_MAX_RATIO 1000                               /* inflated / compressed */
#define CAK_SHEET_MAX_COLUMNS 16384
#define CAK_SHEET_MAX_ROWS 1048576
/* The rows a reader hands on for one sheet may span at most this many cells in all, counting
 * every repeat and, in each row, the empty cells before its last cell with content: the
 * readers' and the importer's work grows with it. A sheet beyond it is TOO_LARGE: no table of
 * figures comes near (a million rows of 30 columns), while one row of 16,384 cells repeated a
 * million times in an 853-byte ODS, or a million rows with one cell in the last column of an
 * XLSX, would otherwise cost minutes and gigabytes. Repeated empty rows and cells count
 * nothing. */
#define CAK_SHEET_MAX_CELLS (G_GUINT64_CONSTANT (32000000))
#define CAK_SHEET_MAX_CELLS_MILLIONS 32

G_END_DECLS
