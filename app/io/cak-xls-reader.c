/* cak-xls-reader.c: the sheets of an Excel 97–2003 workbook (.xls), row by row
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An .xls file is a compound file (CFB, a small FAT file system) holding a "Workbook" stream of
 * BIFF records. Both are read here, bounds-checked throughout; no third-party parser sees the
 * file. (FreeXL 1.0.6 read the cells until fuzzing found a heap over-read and a stack over-read
 * in its freexl_open() on crafted files; it also left out formula results, booleans, errors,
 * merges and hidden sheets, and refused valid files.)
 *  - The compound file: the header, the allocation table (with its DIFAT chain), the directory
 *    and the mini stream are copied out sector by sector, each sector checked against the file,
 *    every chain bounded by the number of sectors so that a loop ends; the workbook stream is
 *    found by name, ignoring case, as "Workbook" (BIFF8) or "Book" (BIFF5).
 *  - The workbook's global records: sheets and their state, number formats and the XF records
 *    that point at them, shared strings over CONTINUE records, the code page, the 1904 date
 *    system, FILEPASS for encryption.
 *  - Each sheet's records: NUMBER, RK, MULRK, LABELSST, LABEL, RSTRING, BOOLERR, the cached
 *    results of FORMULA records (numbers, dates, strings, booleans, errors) and MERGECELLS.
 *    Every cell is kept with the order of its record, so that the last record for a cell wins;
 *    the sheet's cells are sorted by row and column and emitted row by row.
 *  - A bare BIFF5 or BIFF8 stream (no compound file around it) is read the same way. An Excel
 *    2.x to 4.0 file is a bare stream holding one worksheet (named "Worksheet", as FreeXL named
 *    it); its cell records are the older ones (INTEGER, NUMBER, LABEL, BOOLERR, FORMULA and
 *    STRING of Excel 2.x with the number format in the cell's attributes; those of 3.0 and 4.0
 *    with an XF, as later). Excel 4.0 workbooks of several sheets are refused as damaged.
 *
 * Choices worth knowing:
 *  - Rows with at least one cell with content are emitted; rows entirely empty are not.
 *  - Hidden and very hidden sheets are marked as hidden; chart sheets, macro sheets and VB
 *    modules are not worksheets and are skipped without callbacks (CakSheetInfo.index still
 *    counts them, as it is the position among all the workbook's sheets).
 *  - Dates are ISO 8601 DATE cells ("2023-12-31", or with "T08:30:00" when the format shows a
 *    time of day and the time is not midnight); cells formatted as a time alone are TEXT
 *    "HH:MM:SS", as the ODS reader gives them. Elapsed-time formats ("[h]:mm:ss") give the
 *    hours in full ("255:10:10").
 *  - A compound file holding an "EncryptedPackage" (a password-protected XLSX) or a FILEPASS
 *    record is ENCRYPTED; other compound files without a workbook (Word, PowerPoint) are
 *    NOT_A_SPREADSHEET.
 *  - DIMENSION records beyond what a BIFF file can hold (65536 rows, 256 columns) make the
 *    file CORRUPT; a cell beyond CAK_SHEET_MAX_COLUMNS too.
 */
#define G_LOG_DOMAIN "cak-xls-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-xls-reader.h"

#define FILE_SIZE_MAX (G_GUINT64_CONSTANT (1) << 30)
#define BIFF8_ROWS 65536
#define BIFF_COLUMNS 256
#define CHECK_EVERY 1024

/* BIFF record types */
enum
{
  REC_FORMULA = 0x0006,
  REC_EOF = 0x000A,
  REC_DATEMODE = 0x0022,
  REC_FILEPASS = 0x002F,
  REC_CONTINUE = 0x003C,
  REC_CODEPAGE = 0x0042,
  REC_BOUNDSHEET = 0x0085,
  REC_MULRK = 0x00BD,
  REC_RSTRING = 0x00D6,
  REC_XF = 0x00E0,
  REC_MERGECELLS = 0x00E5,
  REC_SST = 0x00FC,
  REC_LABELSST = 0x00FD,
  REC_DIMENSION = 0x0200,
  REC_NUMBER = 0x0203,
  REC_LABEL = 0x0204,
  REC_BOOLERR = 0x0205,
  REC_STRING = 0x0207,
  REC_RK = 0x027E,
  REC_FORMAT = 0x041E,
  REC_BOF = 0x0809,
  /* Excel 2.x to 4.0 */
  REC_INTEGER2 = 0x0002,
  REC_NUMBER2 = 0x0003,
  REC_LABEL2 = 0x0004,
  REC_BOOLERR2 = 0x0005,
  REC_STRING2 = 0x0007,
  REC_BOF2 = 0x0009,
  REC_FORMAT2 = 0x001E,
  REC_FORMULA3 = 0x0206,
  REC_BOF3 = 0x0209,
  REC_XF3 = 0x0243,
  REC_FORMULA4 = 0x0406,
  REC_BOF4 = 0x0409,
  REC_XF4 = 0x0443,
};

/* What a number format shows */
typedef enum
{
  SHOWS_NUMBER,
  SHOWS_DATE,
  SHOWS_TIME,
  SHOWS_DATE_TIME,
  SHOWS_DURATION, /* elapsed time, "[h]:mm:ss" */
} Shows;

typedef struct
{
  guint32 offset; /* of the sheet's BOF in the workbook stream */
  guint8 state;   /* 0 visible, 1 hidden, 2 very hidden */
  guint8 type;    /* 0 worksheet, 1 macro sheet, 2 chart, 6 VB module */
  char *name;
} BookSheet;

typedef struct
{
  GBytes *stream; /* the Workbook stream */
  const guint8 *data;
  gsize length;
  int version; /* 5 or 8 */
  guint codepage;
  gboolean date1904;
  gboolean encrypted;
  GArray *xf_formats;    /* guint16 format index of each XF */
  GHashTable *formats;   /* format index -> Shows + 1, for the formats the file defines */
  GPtrArray *strings;    /* the shared strings, UTF-8 */
  GArray *sheets;        /* BookSheet */
  guint n_formats;       /* FORMAT records so far, which number them in Excel 2.x and 3.0 */
} Book;

typedef struct
{
  guint32 row; /* 0-based */
  guint32 column;
  guint32 order; /* of the record, so that a later record for the same cell wins */
  guint8 type;   /* CakCellType */
  const char *text;
} ScanCell;

typedef struct
{
  GArray *cells;  /* ScanCell */
  GArray *merges; /* CakMerge */
  GStringChunk *texts;
} SheetScan;

typedef struct
{
  const char *display_name;
  const CakSheetCallbacks *callbacks;
  GCancellable *cancellable;
  GError *error;
  gboolean stopped;
  guint64 n_rows_seen;
  guint n_sheets;
  guint sheet_index;
} XlsReader;

static const struct
{
  guint8 code;
  const char *text;
} error_texts[] = {
  { 0x00, "#NULL!" }, { 0x07, "#DIV/0!" }, { 0x0F, "#VALUE!" }, { 0x17, "#REF!" },
  { 0x1D, "#NAME?" }, { 0x24, "#NUM!" },   { 0x2A, "#N/A" },    { 0x2B, "#GETTING_DATA" },
};

static const char empty_text[] = "";

static guint16
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32)p[3] << 24);
}

static double
le_double (const guint8 *p)
{
  guint64 bits = (guint64)le32 (p) | ((guint64)le32 (p + 4) << 32);
  double value;

  memcpy (&value, &bits, sizeof value);
  return value;
}

/* "A12", as a spreadsheet names cells; @column and @row are 0-based. */
static char *
cell_reference (guint32 column, guint32 row)
{
  char letters[16];
  int i = G_N_ELEMENTS (letters) - 1;
  guint64 n = (guint64)column + 1;

  letters[i] = '\0';
  while (n > 0 && i > 0)
    {
      letters[--i] = 'A' + (n - 1) % 26;
      n = (n - 1) / 26;
    }
  return g_strdup_printf ("%s%u", letters + i, row + 1);
}

static void
set_damaged_error (GError **error, const char *display_name, const char *reason)
{
  g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
               _ ("“%s” is a damaged or incomplete Excel 97–2003 workbook (%s)."), display_name,
               reason);
}

static void
set_encrypted_error (GError **error, const char *display_name)
{
  g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_ENCRYPTED,
               _ ("“%s” is protected by a password. Open it in your spreadsheet program, "
                  "remove the password, save it, and import it again."),
               display_name);
}

/* The compound file */

#define CFB_END_OF_CHAIN 0xFFFFFFFEu
#define CFB_NO_STREAM 0xFFFFFFFFu

typedef struct
{
  const guint8 *data;
  gsize length;
  guint sector_shift;
  gsize sector_size;
  guint32 n_sectors; /* in the file, the last one possibly partial */
  guint32 *fat;
  guint32 n_fat;
  guint8 *directory;
  gsize directory_size;
  guint32 mini_cutoff;
  guint32 *mini_fat;
  guint32 n_mini_fat;
  guint8 *mini_stream;
  gsize mini_stream_size;
} Cfb;

static void
cfb_clear (Cfb *cfb)
{
  g_clear_pointer (&cfb->fat, g_free);
  g_clear_pointer (&cfb->directory, g_free);
  g_clear_pointer (&cfb->mini_fat, g_free);
  g_clear_pointer (&cfb->mini_stream, g_free);
}

/* Copies sector @id into @out; a last sector cut short is padded with zeros. */
static gboolean
cfb_sector (Cfb *cfb, guint32 id, guint8 *out)
{
  guint64 offset = ((guint64)id + 1) << cfb->sector_shift;

  if (id >= cfb->n_sectors || offset >= cfb->length)
    return FALSE;
  memset (out, 0, cfb->sector_size);
  memcpy (out, cfb->data + offset, MIN (cfb->sector_size, cfb->length - offset));
  return TRUE;
}

/* Follows a chain of sectors through @fat, reading at most @max_bytes. A chain that leads
 * outside the table or the file, or loops, ends there: what it read may still be enough, and
 * the callers check that it is. */
static guint8 *
cfb_read_chain (Cfb *cfb, guint32 start, const guint32 *fat, guint32 n_fat, gsize max_bytes,
                gsize *out_size, const char **reason)
{
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autofree guint8 *sector = g_malloc (cfb->sector_size);
  guint32 id = start;
  guint32 steps = 0;

  while (out->len < max_bytes && id < n_fat && ++steps <= cfb->n_sectors
         && cfb_sector (cfb, id, sector))
    {
      g_byte_array_append (out, sector, cfb->sector_size);
      id = fat[id];
    }
  *out_size = out->len;
  return g_byte_array_free (g_steal_pointer (&out), FALSE);
}

static gboolean
cfb_open (Cfb *cfb, const guint8 *data, gsize length, const char **reason)
{
  guint32 n_fat_sectors, first_directory, first_mini_fat, first_difat, n_difat;
  g_autofree guint8 *sector = NULL;
  g_autoptr (GArray) fat_sectors = g_array_new (FALSE, FALSE, sizeof (guint32));
  gsize per_sector;

  memset (cfb, 0, sizeof *cfb);
  cfb->data = data;
  cfb->length = length;
  if (length < 512)
    {
      *reason = "the header is cut short";
      return FALSE;
    }
  cfb->sector_shift = le16 (data + 0x1E);
  if (cfb->sector_shift != 9 && cfb->sector_shift != 12)
    {
      *reason = "the sector size is not one Excel writes";
      return FALSE;
    }
  cfb->sector_size = (gsize)1 << cfb->sector_shift;
  if (length <= cfb->sector_size)
    {
      *reason = "the file has no sectors";
      return FALSE;
    }
  cfb->n_sectors = (length - cfb->sector_size + cfb->sector_size - 1) >> cfb->sector_shift;
  n_fat_sectors = le32 (data + 0x2C);
  first_directory = le32 (data + 0x30);
  cfb->mini_cutoff = le32 (data + 0x38);
  first_mini_fat = le32 (data + 0x3C);
  first_difat = le32 (data + 0x44);
  n_difat = le32 (data + 0x48);
  if (n_fat_sectors == 0 || n_fat_sectors > cfb->n_sectors)
    {
      *reason = "the allocation table is missing or larger than the file";
      return FALSE;
    }

  /* The allocation table's own sectors: 109 listed in the header, the rest in a chain of
   * DIFAT sectors. */
  for (guint i = 0; i < 109 && fat_sectors->len < n_fat_sectors; i++)
    {
      guint32 id = le32 (data + 0x4C + 4 * i);

      g_array_append_val (fat_sectors, id);
    }
  sector = g_malloc (cfb->sector_size);
  per_sector = cfb->sector_size / 4;
  for (guint32 id = first_difat, n = 0; fat_sectors->len < n_fat_sectors && n < n_difat; n++)
    {
      if (!cfb_sector (cfb, id, sector))
        {
          *reason = "the allocation table leads outside the file";
          return FALSE;
        }
      for (gsize i = 0; i + 1 < per_sector && fat_sectors->len < n_fat_sectors; i++)
        {
          guint32 entry = le32 (sector + 4 * i);

          g_array_append_val (fat_sectors, entry);
        }
      id = le32 (sector + 4 * (per_sector - 1));
    }
  if (fat_sectors->len < n_fat_sectors)
    {
      *reason = "the allocation table is incomplete";
      return FALSE;
    }

  cfb->n_fat = n_fat_sectors * per_sector;
  cfb->fat = g_new (guint32, cfb->n_fat);
  for (guint i = 0; i < n_fat_sectors; i++)
    {
      if (!cfb_sector (cfb, g_array_index (fat_sectors, guint32, i), sector))
        {
          *reason = "the allocation table leads outside the file";
          return FALSE;
        }
      for (gsize j = 0; j < per_sector; j++)
        cfb->fat[i * per_sector + j] = le32 (sector + 4 * j);
    }

  cfb->directory = cfb_read_chain (cfb, first_directory, cfb->fat, cfb->n_fat, length,
                                   &cfb->directory_size, reason);
  if (cfb->directory == NULL || cfb->directory_size < 128)
    {
      *reason = "the directory cannot be read";
      return FALSE;
    }

  /* The mini stream holds the streams smaller than the cutoff; files written by some
   * libraries have none. */
  if (first_mini_fat != CFB_END_OF_CHAIN && first_mini_fat != CFB_NO_STREAM)
    {
      gsize size = 0;
      guint8 *bytes
          = cfb_read_chain (cfb, first_mini_fat, cfb->fat, cfb->n_fat, length, &size, reason);
      guint32 root_start = le32 (cfb->directory + 0x74);

      if (bytes == NULL)
        return FALSE;
      cfb->n_mini_fat = size / 4;
      cfb->mini_fat = g_new (guint32, MAX (cfb->n_mini_fat, 1));
      for (guint32 i = 0; i < cfb->n_mini_fat; i++)
        cfb->mini_fat[i] = le32 (bytes + 4 * i);
      g_free (bytes);
      if (root_start != CFB_END_OF_CHAIN)
        {
          cfb->mini_stream = cfb_read_chain (cfb, root_start, cfb->fat, cfb->n_fat, length,
                                             &cfb->mini_stream_size, reason);
          if (cfb->mini_stream == NULL)
            return FALSE;
        }
    }
  return TRUE;
}

/* The index of the entry directly in the root storage whose name is @name, ignoring case;
 * -1 when there is none. */
static int
cfb_find (Cfb *cfb, const char *name)
{
  guint n_entries = cfb->directory_size / 128;
  g_autofree gboolean *seen = g_new0 (gboolean, n_entries);
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 child = le32 (cfb->directory + 0x4C);

  /* The root's children form a tree through their left and right siblings. */
  g_array_append_val (stack, child);
  while (stack->len > 0)
    {
      guint32 id = g_array_index (stack, guint32, stack->len - 1);
      const guint8 *entry;
      guint name_length;
      gunichar2 units[32];
      g_autofree char *entry_name = NULL;

      g_array_set_size (stack, stack->len - 1);
      if (id >= n_entries || seen[id])
        continue;
      seen[id] = TRUE;
      entry = cfb->directory + (gsize)id * 128;
      g_array_append_vals (stack, (guint32[]){ le32 (entry + 0x44), le32 (entry + 0x48) }, 2);

      name_length = MIN (le16 (entry + 0x40), 64u) / 2;
      for (guint i = 0; i < name_length; i++)
        units[i] = le16 (entry + 2 * i);
      while (name_length > 0 && units[name_length - 1] == 0)
        name_length--;
      entry_name = g_utf16_to_utf8 (units, name_length, NULL, NULL, NULL);
      if (entry_name && g_ascii_strcasecmp (entry_name, name) == 0)
        return id;
    }
  return -1;
}

static GBytes *
cfb_read_stream (Cfb *cfb, int index, const char **reason)
{
  const guint8 *entry = cfb->directory + (gsize)index * 128;
  guint32 start = le32 (entry + 0x74);
  guint64 size = le32 (entry + 0x78); /* the high half is not reliable in version 3 files */
  g_autoptr (GByteArray) out = NULL;

  if (entry[0x42] != 2)
    {
      *reason = "the workbook is not a stream";
      return NULL;
    }
  if (size > cfb->length)
    {
      *reason = "a stream is larger than the file";
      return NULL;
    }
  if (size < cfb->mini_cutoff)
    {
      guint32 id = start, steps = 0;

      out = g_byte_array_new ();
      while (out->len < size)
        {
          guint64 offset = (guint64)id * 64;

          if (id >= cfb->n_mini_fat || ++steps > cfb->n_mini_fat
              || offset + 64 > cfb->mini_stream_size)
            {
              *reason = "a small stream leads outside the file";
              return NULL;
            }
          g_byte_array_append (out, cfb->mini_stream + offset, 64);
          id = cfb->mini_fat[id];
        }
    }
  else
    {
      gsize read = 0;
      guint8 *bytes = cfb_read_chain (cfb, start, cfb->fat, cfb->n_fat, size, &read, reason);

      if (bytes == NULL)
        return NULL;
      out = g_byte_array_new_take (bytes, read);
      if (read < size)
        {
          *reason = "a stream ends before its size";
          return NULL;
        }
    }
  g_byte_array_set_size (out, size);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* BIFF records */

typedef struct
{
  const guint8 *data;
  gsize length;
  gsize next; /* offset of the next record's header */
  guint16 type;
  guint16 size;
  const guint8 *body;
} Record;

static gboolean
is_bof (guint16 type)
{
  return type == REC_BOF || type == REC_BOF2 || type == REC_BOF3 || type == REC_BOF4;
}

static gboolean
record_next (Record *r)
{
  if (r->next + 4 > r->length)
    return FALSE;
  r->type = le16 (r->data + r->next);
  r->size = le16 (r->data + r->next + 2);
  if (r->next + 4 + r->size > r->length)
    return FALSE;
  r->body = r->data + r->next + 4;
  r->next += 4 + r->size;
  return TRUE;
}

/* Reads bytes of a record and of the CONTINUE records after it, as one run. */
typedef struct
{
  Record *record;
  const guint8 *p, *end;
} Run;

static gboolean
run_continue (Run *run)
{
  Record peek = *run->record;

  if (!record_next (&peek) || peek.type != REC_CONTINUE)
    return FALSE;
  *run->record = peek;
  run->p = peek.body;
  run->end = peek.body + peek.size;
  return TRUE;
}

static gboolean
run_bytes (Run *run, guint8 *out, gsize n)
{
  while (n > 0)
    {
      gsize take;

      if (run->p == run->end && !run_continue (run))
        return FALSE;
      take = MIN (n, (gsize)(run->end - run->p));
      if (out)
        {
          memcpy (out, run->p, take);
          out += take;
        }
      run->p += take;
      n -= take;
    }
  return TRUE;
}

/* @cch characters, one or two bytes each as @flags says; a CONTINUE record in the middle
 * starts with its own flags byte. */
static char *
run_characters (Run *run, guint cch, guint8 flags)
{
  g_autofree gunichar2 *units = g_new (gunichar2, MAX (cch, 1));
  guint n = 0;

  while (n < cch)
    {
      if (run->p == run->end)
        {
          if (!run_continue (run) || run->p == run->end)
            return NULL;
          flags = *run->p++;
          continue;
        }
      if (flags & 0x01)
        {
          if (run->end - run->p < 2)
            return NULL;
          units[n++] = le16 (run->p);
          run->p += 2;
        }
      else
        units[n++] = *run->p++;
    }
  return g_utf16_to_utf8 (units, n, NULL, NULL, NULL);
}

static char *
decode_codepage (const guint8 *bytes, gsize length, guint codepage)
{
  g_autofree char *charset = NULL;
  char *text;

  switch (codepage)
    {
      case 0x8000:
      case 10000:
        charset = g_strdup ("MACINTOSH");
        break;
      case 367:
        charset = g_strdup ("ASCII");
        break;
      case 0:
      case 0x8001:
      case 1200:
        charset = g_strdup ("WINDOWS-1252");
        break;
      default:
        charset = g_strdup_printf ("CP%u", codepage);
        break;
    }
  text = g_convert ((const char *)bytes, length, "UTF-8", charset, NULL, NULL, NULL);
  if (text == NULL)
    text = g_convert_with_fallback ((const char *)bytes, length, "UTF-8", "WINDOWS-1252", "?", NULL,
                                    NULL, NULL);
  return text ? text : g_strdup ("");
}

/* A string as LABEL, RSTRING, STRING and FORMAT records hold it: in BIFF8 a 16-bit count
 * and a flags byte, in BIFF5 a count (8 or 16 bits) and bytes in the workbook's code page. */
static char *
read_string (Book *book, Record *record, const guint8 *p, gboolean short_count)
{
  Run run = { record, p, record->body + record->size };
  guint8 head[2] = { 0 };
  guint cch;

  if (!run_bytes (&run, head, short_count ? 1 : 2))
    return NULL;
  cch = short_count ? head[0] : le16 (head);
  if (book->version >= 8)
    {
      guint8 flags;
      guint8 extra[4];

      if (!run_bytes (&run, &flags, 1))
        return NULL;
      if ((flags & 0x08) && !run_bytes (&run, extra, 2)) /* rich text runs, after the text */
        return NULL;
      if ((flags & 0x04) && !run_bytes (&run, extra, 4)) /* phonetic data, after the text */
        return NULL;
      return run_characters (&run, cch, flags);
    }
  if ((gsize)(run.end - run.p) < cch)
    return NULL;
  return decode_codepage (run.p, cch, book->codepage);
}

/* The shared strings: XLUnicodeRichExtendedString after XLUnicodeRichExtendedString, over as
 * many CONTINUE records as it takes. */
static void
read_shared_strings (Book *book, Record *record)
{
  Run run = { record, record->body, record->body + record->size };
  guint8 head[8];
  guint32 count;

  if (!run_bytes (&run, head, 8))
    return;
  count = le32 (head + 4);
  for (guint32 i = 0; i < count; i++)
    {
      guint8 h[3], extra[4];
      guint16 runs = 0;
      guint32 phonetic = 0;
      char *text;

      if (!run_bytes (&run, h, 3))
        return;
      if (h[2] & 0x08)
        {
          if (!run_bytes (&run, extra, 2))
            return;
          runs = le16 (extra);
        }
      if (h[2] & 0x04)
        {
          if (!run_bytes (&run, extra, 4))
            return;
          phonetic = le32 (extra);
        }
      text = run_characters (&run, le16 (h), h[2]);
      if (text == NULL)
        return;
      g_ptr_array_add (book->strings, text);
      if (!run_bytes (&run, NULL, (gsize)runs * 4) || !run_bytes (&run, NULL, phonetic))
        return;
    }
}

/* Number formats */

/* Which of date and time a format shows, from its codes outside quotes, escapes and
 * brackets; "[h]" and the like are elapsed time. */
static Shows
classify_format (const char *format)
{
  gboolean date = FALSE, time = FALSE, month = FALSE, elapsed = FALSE;

  if (g_ascii_strcasecmp (format, "General") == 0)
    return SHOWS_NUMBER;

  for (const char *p = format; *p; p++)
    {
      switch (*p)
        {
          case '"':
            while (p[1] && p[1] != '"')
              p++;
            if (p[1])
              p++;
            break;
          case '\\':
          case '_':
          case '*':
            if (p[1])
              p++;
            break;
          case '[':
            if (p[1] && strchr ("hHmMsS", p[1]))
              elapsed = TRUE;
            while (p[1] && p[1] != ']')
              p++;
            break;
          case 'y':
          case 'Y':
          case 'd':
          case 'D':
            date = TRUE;
            break;
          case 'h':
          case 'H':
          case 's':
          case 'S':
            time = TRUE;
            break;
          case 'm':
          case 'M':
            month = TRUE;
            break;

          default:
            break;
        }
    }
  if (elapsed)
    return SHOWS_DURATION;
  if (date && time)
    return SHOWS_DATE_TIME;
  if (date)
    return SHOWS_DATE;
  if (time)
    return SHOWS_TIME;
  (void)month; /* "mm" alone is neither: minutes or months, nothing to go by */
  return SHOWS_NUMBER;
}

static Shows
book_format_shows (Book *book, guint16 format)
{
  gpointer shows;

  if (g_hash_table_lookup_extended (book->formats, GUINT_TO_POINTER (format), NULL, &shows))
    return GPOINTER_TO_UINT (shows) - 1;
  if (book->version < 4)
    return SHOWS_NUMBER; /* Excel 2.x and 3.0 write every format they use */
  /* The built-in formats */
  if ((format >= 14 && format <= 17) || (format >= 27 && format <= 36)
      || (format >= 50 && format <= 58))
    return SHOWS_DATE;
  if (format == 46)
    return SHOWS_DURATION;
  if ((format >= 18 && format <= 21) || format == 45 || format == 47)
    return SHOWS_TIME;
  if (format == 22)
    return SHOWS_DATE_TIME;
  return SHOWS_NUMBER;
}

static Shows
book_shows (Book *book, guint16 xf)
{
  if (xf >= book->xf_formats->len)
    return SHOWS_NUMBER;
  return book_format_shows (book, g_array_index (book->xf_formats, guint16, xf));
}

/* A serial date as ISO 8601; NULL outside the years Excel knows. Excel's 1900 system counts
 * a 29 February 1900 that never was, so serials from 61 on are one day ahead. */
static char *
format_serial (double serial, gboolean date1904, Shows shows)
{
  GDate date;
  gint64 days;
  gint64 seconds;

  if (!(serial >= 0 && serial < 2958466))
    return NULL;
  days = (gint64)floor (serial);
  seconds = llround ((serial - days) * 86400);
  if (seconds >= 86400)
    {
      days++;
      seconds -= 86400;
    }
  if (shows == SHOWS_TIME)
    return g_strdup_printf ("%02d:%02d:%02d", (int)(seconds / 3600), (int)(seconds / 60 % 60),
                            (int)(seconds % 60));
  if (shows == SHOWS_DURATION)
    return g_strdup_printf ("%02" G_GINT64_FORMAT ":%02d:%02d", days * 24 + seconds / 3600,
                            (int)(seconds / 60 % 60), (int)(seconds % 60));

  g_date_clear (&date, 1);
  if (date1904)
    g_date_set_dmy (&date, 1, 1, 1904);
  else if (days == 60)
    return g_strdup ("1900-02-29");
  else if (days < 60)
    g_date_set_dmy (&date, 31, 12, 1899);
  else
    g_date_set_dmy (&date, 30, 12, 1899);
  g_date_add_days (&date, days);

  if (shows == SHOWS_DATE_TIME && seconds != 0)
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", g_date_get_year (&date),
                            g_date_get_month (&date), g_date_get_day (&date), (int)(seconds / 3600),
                            (int)(seconds / 60 % 60), (int)(seconds % 60));
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static void
format_number (char *buffer, gsize size, double value)
{
  if (value == 0)
    value = 0; /* no "-0" */
  g_ascii_formatd (buffer, size, "%.15g", value);
}

/* The workbook's global records */

static void
book_free (Book *book)
{
  if (book == NULL)
    return;
  for (guint i = 0; book->sheets && i < book->sheets->len; i++)
    g_free (g_array_index (book->sheets, BookSheet, i).name);
  g_clear_pointer (&book->sheets, g_array_unref);
  g_clear_pointer (&book->xf_formats, g_array_unref);
  g_clear_pointer (&book->formats, g_hash_table_unref);
  g_clear_pointer (&book->strings, g_ptr_array_unref);
  g_clear_pointer (&book->stream, g_bytes_unref);
  g_free (book);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Book, book_free)

static Book *
book_read (GBytes *stream, const char **reason)
{
  g_autoptr (Book) book = g_new0 (Book, 1);
  Record r = { 0 };

  book->stream = g_bytes_ref (stream);
  book->data = g_bytes_get_data (stream, &book->length);
  book->codepage = 1252;
  book->xf_formats = g_array_new (FALSE, FALSE, sizeof (guint16));
  book->formats = g_hash_table_new (NULL, NULL);
  book->strings = g_ptr_array_new_with_free_func (g_free);
  book->sheets = g_array_new (FALSE, FALSE, sizeof (BookSheet));
  r.data = book->data;
  r.length = book->length;

  if (!record_next (&r) || !is_bof (r.type) || r.size < 4)
    {
      *reason = "the workbook does not begin with a BOF record";
      return NULL;
    }
  if (r.type != REC_BOF)
    {
      BookSheet sheet = { 0, 0, 0, g_strdup ("Worksheet") };

      /* Excel 2.x to 4.0: one worksheet, its formats and styles among its cells. The name is
       * the one FreeXL gave these sheets. */
      book->version = r.type == REC_BOF2 ? 2 : r.type == REC_BOF3 ? 3 : 4;
      if (le16 (r.body + 2) != 0x0010)
        {
          g_free (sheet.name);
          *reason = le16 (r.body + 2) == 0x0100
                        ? "an Excel 4.0 workbook of several sheets, which Cakupan does not read"
                        : "the file is not a worksheet";
          return NULL;
        }
      g_array_append_val (book->sheets, sheet);
    }
  else if (le16 (r.body) < 0x0500)
    {
      *reason = "the workbook is older than Excel 5.0";
      return NULL;
    }
  else
    book->version = le16 (r.body) >= 0x0600 ? 8 : 5;

  while (record_next (&r) && r.type != REC_EOF)
    {
      switch (r.type)
        {
          case REC_FILEPASS:
            book->encrypted = TRUE;
            return g_steal_pointer (&book);
          case REC_CODEPAGE:
            if (r.size >= 2)
              book->codepage = le16 (r.body);
            break;
          case REC_DATEMODE:
            if (r.size >= 2)
              book->date1904 = le16 (r.body) != 0;
            break;
          case REC_XF:
            if (r.size >= 4)
              {
                guint16 format = le16 (r.body + 2);

                g_array_append_val (book->xf_formats, format);
              }
            break;
          case REC_XF3:
          case REC_XF4:
            if (r.size >= 2 && book->version == (r.type == REC_XF3 ? 3 : 4))
              {
                guint16 format = r.body[1];

                g_array_append_val (book->xf_formats, format);
              }
            break;
          case REC_FORMAT2:
            /* Excel 2.x and 3.0 number their formats in the order of these records */
            if (r.size >= 1 && book->version <= 3 && (gsize)r.body[0] + 1 <= r.size)
              {
                g_autofree char *code = decode_codepage (r.body + 1, r.body[0], book->codepage);

                g_hash_table_insert (book->formats, GUINT_TO_POINTER (book->n_formats),
                                     GUINT_TO_POINTER (classify_format (code) + 1));
                book->n_formats++;
              }
            break;
          case REC_FORMAT:
            if (r.size >= 3 && book->version >= 4)
              {
                Record at = r;
                g_autofree char *code = read_string (book, &at, r.body + 2, book->version < 8);

                if (code)
                  g_hash_table_insert (book->formats, GUINT_TO_POINTER (le16 (r.body)),
                                       GUINT_TO_POINTER (classify_format (code) + 1));
              }
            break;
          case REC_BOUNDSHEET:
            if (r.size >= 7)
              {
                BookSheet sheet = { le32 (r.body), r.body[4] & 0x03, r.body[5], NULL };
                Record at = r;

                sheet.name = read_string (book, &at, r.body + 6, TRUE);
                if (sheet.name == NULL)
                  sheet.name = g_strdup_printf ("%u", book->sheets->len + 1);
                g_array_append_val (book->sheets, sheet);
              }
            break;
          case REC_SST:
            if (book->version >= 8)
              {
                Record at = r;

                read_shared_strings (book, &at);
              }
            break;
          default:
            break;
        }
    }
  return g_steal_pointer (&book);
}

/* Checks every DIMENSION record of the stream: a file that claims more than the format holds
 * is damaged, whatever its cells. */
static gboolean
book_check_dimensions (Book *book, const char *display_name, GError **error)
{
  Record r = { book->data, book->length, 0 };
  const char *sheet = NULL;

  while (record_next (&r))
    {
      guint64 rows, columns;

      if (r.type == REC_BOF)
        {
          gsize at = r.next - 4 - r.size;

          for (guint i = 0; i < book->sheets->len; i++)
            if (g_array_index (book->sheets, BookSheet, i).offset == at)
              sheet = g_array_index (book->sheets, BookSheet, i).name;
          continue;
        }
      if (r.type != REC_DIMENSION)
        continue;
      if (r.size >= 14)
        {
          rows = le32 (r.body + 4);
          columns = le16 (r.body + 10);
        }
      else if (r.size >= 8)
        {
          rows = le16 (r.body + 2);
          columns = le16 (r.body + 6);
        }
      else
        continue;
      if (rows > BIFF8_ROWS || columns > BIFF_COLUMNS)
        {
          g_autofree char *n_rows = g_strdup_printf ("%" G_GUINT64_FORMAT, rows);
          g_autofree char *n_columns = g_strdup_printf ("%" G_GUINT64_FORMAT, columns);

          g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                       _ ("“%s” is a damaged workbook: sheet “%s” claims %s rows and %s "
                          "columns, more than an Excel 97–2003 file can hold."),
                       display_name, sheet ? sheet : "?", n_rows, n_columns);
          return FALSE;
        }
    }
  return TRUE;
}

/* A sheet's records */

static void
scan_clear (SheetScan *scan)
{
  g_clear_pointer (&scan->cells, g_array_unref);
  g_clear_pointer (&scan->merges, g_array_unref);
  g_clear_pointer (&scan->texts, g_string_chunk_free);
}

static void
scan_add (SheetScan *scan, guint32 row, guint32 column, CakCellType type, const char *text)
{
  ScanCell cell = { row, column, scan->cells->len, type, text };

  g_array_append_val (scan->cells, cell);
}

static void
scan_add_value (Book *book, SheetScan *scan, guint32 row, guint32 column, Shows shows, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return;
  if (shows != SHOWS_NUMBER)
    {
      g_autofree char *iso = format_serial (value, book->date1904, shows);

      if (iso)
        {
          gboolean time = shows == SHOWS_TIME || shows == SHOWS_DURATION;

          scan_add (scan, row, column, time ? CAK_CELL_TEXT : CAK_CELL_DATE,
                    g_string_chunk_insert (scan->texts, iso));
          return;
        }
    }
  format_number (buffer, sizeof buffer, value);
  scan_add (scan, row, column, CAK_CELL_NUMBER, g_string_chunk_insert (scan->texts, buffer));
}

static void
scan_add_number (Book *book, SheetScan *scan, guint32 row, guint32 column, guint16 xf, double value)
{
  scan_add_value (book, scan, row, column, book_shows (book, xf), value);
}

static void
scan_add_error (SheetScan *scan, guint32 row, guint32 column, guint8 code)
{
  const char *text = "#VALUE!";

  for (guint i = 0; i < G_N_ELEMENTS (error_texts); i++)
    if (error_texts[i].code == code)
      text = error_texts[i].text;
  scan_add (scan, row, column, CAK_CELL_ERROR, text);
}

static double
decode_rk (guint32 rk)
{
  double value;

  if (rk & 0x02)
    value = (double)((gint32)rk >> 2);
  else
    {
      guint64 bits = (guint64)(rk & 0xFFFFFFFCu) << 32;

      memcpy (&value, &bits, sizeof value);
    }
  return (rk & 0x01) ? value / 100 : value;
}

static void
scan_add_text (SheetScan *scan, guint32 row, guint32 column, char *text)
{
  if (text && *text)
    scan_add (scan, row, column, CAK_CELL_TEXT, g_string_chunk_insert (scan->texts, text));
  g_free (text);
}

/* A formula's cached result, 8 bytes: a number, or a string (in the STRING record that
 * follows), a boolean, an error or an empty string, marked by 0xFFFF in its last two bytes.
 * Returns whether a STRING record is to follow. */
static gboolean
scan_add_result (Book *book, SheetScan *scan, guint32 row, guint32 column, Shows shows,
                 const guint8 *result)
{
  if (result[6] != 0xFF || result[7] != 0xFF)
    {
      scan_add_value (book, scan, row, column, shows, le_double (result));
      return FALSE;
    }
  switch (result[0])
    {
      case 0:
        return TRUE;
      case 1:
        scan_add (scan, row, column, CAK_CELL_BOOLEAN, result[2] ? "TRUE" : "FALSE");
        break;
      case 2:
        scan_add_error (scan, row, column, result[2]);
        break;
      default: /* 3: an empty string */
        break;
    }
  return FALSE;
}

static void
scan_add_boolerr (SheetScan *scan, guint32 row, guint32 column, guint8 value, guint8 is_error)
{
  if (is_error == 0)
    scan_add (scan, row, column, CAK_CELL_BOOLEAN, value ? "TRUE" : "FALSE");
  else
    scan_add_error (scan, row, column, value);
}

/* The cell records of Excel 2.x: after the row and the column, three bytes of attributes, the
 * second of which holds the number format. Returns whether a STRING record is to follow. */
static gboolean
scan_biff2_cell (Book *book, SheetScan *scan, const Record *r, guint32 row, guint32 column)
{
  const guint8 *b = r->body;
  Shows shows;

  if (r->size < 7)
    return FALSE;
  shows = book_format_shows (book, b[5] & 0x3F);
  switch (r->type)
    {
      case REC_INTEGER2:
        if (r->size >= 9)
          scan_add_value (book, scan, row, column, shows, le16 (b + 7));
        break;
      case REC_NUMBER2:
        if (r->size >= 15)
          scan_add_value (book, scan, row, column, shows, le_double (b + 7));
        break;
      case REC_LABEL2:
        if (r->size >= 8 && (gsize)8 + b[7] <= r->size)
          scan_add_text (scan, row, column, decode_codepage (b + 8, b[7], book->codepage));
        break;
      case REC_BOOLERR2:
        if (r->size >= 9)
          scan_add_boolerr (scan, row, column, b[7], b[8]);
        break;
      case REC_FORMULA:
        if (r->size >= 15)
          return scan_add_result (book, scan, row, column, shows, b + 7);
        break;
      default:
        break;
    }
  return FALSE;
}

/* Reads the records of the sheet whose BOF is at @offset: its cells, with the cached results
 * of formulas, and its merged ranges. */
static gboolean
scan_sheet (Book *book, guint32 offset, SheetScan *scan, const char **reason)
{
  Record r = { book->data, book->length, offset };
  int depth = 0;
  gboolean string_pending = FALSE;
  guint32 string_row = 0, string_column = 0;

  scan->cells = g_array_new (FALSE, FALSE, sizeof (ScanCell));
  scan->merges = g_array_new (FALSE, FALSE, sizeof (CakMerge));
  scan->texts = g_string_chunk_new (4096);

  if (!record_next (&r) || !is_bof (r.type))
    {
      *reason = "a sheet does not begin with a BOF record";
      return FALSE;
    }
  depth = 1;

  while (depth > 0)
    {
      const guint8 *b;
      guint32 row, column;
      guint16 type;

      if (!record_next (&r))
        {
          *reason = "a sheet ends before its EOF record";
          return FALSE;
        }
      b = r.body;
      if (is_bof (r.type))
        depth++;
      else if (r.type == REC_EOF)
        depth--;
      if (depth != 1)
        continue;

      /* STRING records hold the result of the formula before them. */
      type = r.type;
      if (book->version == 2 && type == REC_STRING2)
        {
          if (string_pending && r.size >= 1 && (gsize)1 + b[0] <= r.size)
            scan_add_text (scan, string_row, string_column,
                           decode_codepage (b + 1, b[0], book->codepage));
          string_pending = FALSE;
          continue;
        }
      if (type == REC_STRING)
        {
          if (string_pending)
            {
              Record at = r;

              scan_add_text (scan, string_row, string_column, read_string (book, &at, b, FALSE));
            }
          string_pending = FALSE;
          continue;
        }

      /* Cell records begin with the row and the column; MERGECELLS does not. */
      if (r.size < 4)
        continue;
      row = le16 (b);
      column = le16 (b + 2);
      if (book->version == 2)
        {
          if (type >= REC_INTEGER2 && type <= REC_FORMULA)
            {
              string_pending = scan_biff2_cell (book, scan, &r, row, column);
              string_row = row;
              string_column = column;
            }
          continue;
        }
      if ((type == REC_FORMULA3 && book->version == 3)
          || (type == REC_FORMULA4 && book->version == 4))
        type = REC_FORMULA; /* the same but for the record's number */

      switch (type)
        {
          case REC_FORMULA:
            string_pending = FALSE;
            if (r.size < 14)
              break;
            string_pending
                = scan_add_result (book, scan, row, column, book_shows (book, le16 (b + 4)), b + 6);
            string_row = row;
            string_column = column;
            break;
          case REC_BOOLERR:
            if (r.size >= 8)
              scan_add_boolerr (scan, row, column, b[6], b[7]);
            break;
          case REC_MERGECELLS:
            for (guint i = 0, n = le16 (b); i < n && 2 + 8 * (i + 1) <= r.size; i++)
              {
                const guint8 *m = b + 2 + 8 * i;
                CakMerge merge = { le16 (m) + 1, le16 (m + 2) + 1, le16 (m + 4), le16 (m + 6) };

                if (merge.first_row <= merge.last_row && merge.first_column <= merge.last_column
                    && merge.last_column < CAK_SHEET_MAX_COLUMNS)
                  g_array_append_val (scan->merges, merge);
              }
            break;
          case REC_NUMBER:
            if (r.size >= 14)
              scan_add_number (book, scan, row, column, le16 (b + 4), le_double (b + 6));
            break;
          case REC_RK:
            if (r.size >= 10)
              scan_add_number (book, scan, row, column, le16 (b + 4), decode_rk (le32 (b + 6)));
            break;
          case REC_MULRK:
            for (guint i = 0; 4 + 6 * (i + 1) + 2 <= r.size; i++)
              scan_add_number (book, scan, row, column + i, le16 (b + 4 + 6 * i),
                               decode_rk (le32 (b + 6 + 6 * i)));
            break;
          case REC_LABELSST:
            if (r.size >= 10 && le32 (b + 6) < book->strings->len)
              {
                const char *text = g_ptr_array_index (book->strings, le32 (b + 6));

                if (*text)
                  scan_add (scan, row, column, CAK_CELL_TEXT, text);
              }
            break;
          case REC_LABEL:
          case REC_RSTRING:
            if (r.size >= 8)
              {
                Record at = r;

                scan_add_text (scan, row, column, read_string (book, &at, b + 6, FALSE));
              }
            break;
          default:
            break;
        }
    }
  return TRUE;
}

static int
compare_scan_cells (gconstpointer a, gconstpointer b)
{
  const ScanCell *x = a, *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Emitting the rows */

static void
report_progress (XlsReader *self, double within_sheet)
{
  if (self->callbacks->progress && self->n_sheets > 0)
    self->callbacks->progress (MIN (1.0, (self->sheet_index + within_sheet) / self->n_sheets),
                               self->callbacks->user_data);
}

/* Emits the rows of one sheet from the cells the scanner read: only the rows that have cells,
 * in order. */
static void
emit_sheet (XlsReader *self, const CakSheetInfo *info, SheetScan *scan)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();
  g_autoptr (GByteArray) types = g_byte_array_new ();
  ScanCell *scanned;
  guint n_scanned = scan->cells->len;
  guint32 width = 0, last_row;
  guint64 sheet_cells = 0;
  guint cursor = 0;

  g_array_sort (scan->cells, compare_scan_cells);
  scanned = (ScanCell *)scan->cells->data;
  if (n_scanned == 0)
    return;
  for (guint i = 0; i < n_scanned; i++)
    {
      if (scanned[i].column >= CAK_SHEET_MAX_COLUMNS)
        {
          g_autofree char *ref = cell_reference (scanned[i].column, scanned[i].row);

          g_set_error (&self->error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                       _ ("“%s” is a damaged workbook: in sheet “%s”, cell %s lies beyond the "
                          "last column or row a spreadsheet can have."),
                       self->display_name, info->name, ref);
          return;
        }
      width = MAX (width, scanned[i].column + 1);
    }
  last_row = scanned[n_scanned - 1].row;
  g_ptr_array_set_size (cells, width + 1);
  g_byte_array_set_size (types, width + 1);
  for (guint32 c = 0; c <= width; c++)
    {
      cells->pdata[c] = (gpointer)empty_text;
      types->data[c] = CAK_CELL_EMPTY;
    }

  while (cursor < n_scanned && !self->error && !self->stopped)
    {
      guint32 row = scanned[cursor].row;
      guint first = cursor;
      gint64 last = -1;
      CakRow out;

      /* Among the records for one cell, the last wins (the cells are sorted by record order). */
      for (; cursor < n_scanned && scanned[cursor].row == row; cursor++)
        {
          ScanCell *cell = &scanned[cursor];

          cells->pdata[cell->column] = (gpointer)cell->text;
          types->data[cell->column] = cell->type;
          last = MAX (last, (gint64)cell->column);
        }

      self->n_rows_seen++;
      if (self->n_rows_seen % CHECK_EVERY == 0)
        {
          g_cancellable_set_error_if_cancelled (self->cancellable, &self->error);
          report_progress (self, (double)row / MAX (last_row, 1));
        }
      sheet_cells += last + 1;
      if (sheet_cells > CAK_SHEET_MAX_CELLS && !self->error)
        {
          g_autofree char *shown = g_strdup_printf ("%u", row + 1);

          g_set_error (&self->error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_TOO_LARGE,
                       _ ("“%s” was not read: by row %s, sheet “%s” spans more than %u million "
                          "cells (counting the empty cells between those with content), more "
                          "than any table of figures needs."),
                       self->display_name, shown, info->name, CAK_SHEET_MAX_CELLS_MILLIONS);
        }
      if (!self->error)
        {
          cells->pdata[last + 1] = NULL;
          out.row = row + 1;
          out.n_cells = last + 1;
          out.cells = (const char *const *)cells->pdata;
          out.types = types->data;
          if (!self->callbacks->row (&out, self->callbacks->user_data))
            self->stopped = TRUE;
        }
      /* Back to an empty row for the next one */
      for (guint i = first; i < cursor; i++)
        {
          cells->pdata[scanned[i].column] = (gpointer)empty_text;
          types->data[scanned[i].column] = CAK_CELL_EMPTY;
        }
      cells->pdata[last + 1] = (gpointer)empty_text;
    }
}

static gboolean
contains (const guint8 *data, gsize length, const guint8 *needle, gsize n)
{
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_legacy_biff (const guint8 *data, gsize length)
{
  guint16 type;

  if (length < 8)
    return FALSE;
  type = le16 (data);
  return (type == 0x0009 || type == 0x0209 || type == 0x0409) && le16 (data + 2) >= 4
         && le16 (data + 2) <= 32;
}

static gboolean
read_sheets (XlsReader *self, Book *book)
{
  self->n_sheets = book->sheets->len;

  for (guint i = 0; i < book->sheets->len && !self->error && !self->stopped; i++)
    {
      BookSheet *sheet = &g_array_index (book->sheets, BookSheet, i);
      SheetScan scan = { 0 };
      const char *reason = NULL;
      CakSheetInfo info = { 0 };

      self->sheet_index = i;
      if (sheet->type != 0)
        continue; /* charts, macro sheets, VB modules */
      info.name = sheet->name;
      info.index = i;
      info.hidden = sheet->state != 0;

      if (self->callbacks->sheet_begin
          && !self->callbacks->sheet_begin (&info, self->callbacks->user_data))
        {
          if (self->callbacks->sheet_end)
            self->callbacks->sheet_end (&info, NULL, 0, self->callbacks->user_data);
          continue;
        }
      if (!scan_sheet (book, sheet->offset, &scan, &reason))
        {
          g_autofree char *detail = g_strdup_printf ("%s: %s", sheet->name, reason);

          scan_clear (&scan);
          set_damaged_error (&self->error, self->display_name, detail);
          break;
        }
      emit_sheet (self, &info, &scan);
      if (!self->error && !self->stopped && self->callbacks->sheet_end)
        self->callbacks->sheet_end (&info, (const CakMerge *)scan.merges->data, scan.merges->len,
                                    self->callbacks->user_data);
      scan_clear (&scan);
      report_progress (self, 1.0);
    }
  return self->error == NULL;
}

/**
 * cak_xls_read:
 * @path: an .xls file in the local file system
 * @display_name: the file's name as the user knows it, for messages
 * @callbacks: called for each worksheet and each row with content, in order
 *
 * Reads the worksheets of an Excel 97–2003 workbook (BIFF8, and BIFF5 to BIFF2). Cells are
 * typed: numbers as "%.15g" in the C locale, dates in ISO 8601, booleans as "TRUE"/"FALSE",
 * errors as Excel shows them, formulas by their cached value. Merged ranges are given to
 * sheet_end; hidden sheets are marked in #CakSheetInfo.
 *
 * Returns: %FALSE with @error set (%CAK_IMPORT_ERROR, or %G_IO_ERROR_CANCELLED) when the file
 * cannot be read; %TRUE when it was read or the row callback stopped it.
 */
gboolean
cak_xls_read (const char *path, const char *display_name, const CakSheetCallbacks *callbacks,
              GCancellable *cancellable, GError **error)
{
  g_autoptr (GMappedFile) mapped = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (Book) book = NULL;
  g_autoptr (GBytes) stream = NULL;
  const guint8 *data;
  gsize length;
  XlsReader self = { 0 };
  const char *reason = "?";
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (callbacks != NULL && callbacks->row != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_UNREADABLE,
                   _ ("“%s” could not be opened: %s"), display_name, local_error->message);
      return FALSE;
    }
  data = (const guint8 *)g_mapped_file_get_contents (mapped);
  length = g_mapped_file_get_length (mapped);
  if (length == 0)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_EMPTY, _ ("“%s” is empty."),
                   display_name);
      return FALSE;
    }
  if (length > FILE_SIZE_MAX)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_TOO_LARGE,
                   _ ("“%s” was not read: it is larger than %s, which no workbook of figures "
                      "needs."),
                   display_name, "1 GiB");
      return FALSE;
    }

  if (length >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    {
      Cfb cfb;
      int index;

      if (!cfb_open (&cfb, data, length, &reason))
        {
          static const guint8 encrypted_package[]
              = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e";

          cfb_clear (&cfb);
          /* An encrypted XLSX is a compound file too; its directory names it even when the
           * rest cannot be read. */
          if (contains (data, MIN (length, 64 * 1024), encrypted_package,
                        sizeof encrypted_package - 1))
            set_encrypted_error (error, display_name);
          else
            set_damaged_error (error, display_name, reason);
          return FALSE;
        }
      if (cfb_find (&cfb, "EncryptedPackage") >= 0 || cfb_find (&cfb, "EncryptionInfo") >= 0)
        {
          cfb_clear (&cfb);
          set_encrypted_error (error, display_name);
          return FALSE;
        }
      index = cfb_find (&cfb, "Workbook");
      if (index < 0)
        index = cfb_find (&cfb, "Book");
      if (index < 0)
        {
          cfb_clear (&cfb);
          g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET,
                       _ ("“%s” is not a spreadsheet: it is another kind of Microsoft Office "
                          "file."),
                       display_name);
          return FALSE;
        }
      stream = cfb_read_stream (&cfb, index, &reason);
      cfb_clear (&cfb);
      if (stream == NULL)
        {
          set_damaged_error (error, display_name, reason);
          return FALSE;
        }
      book = book_read (stream, &reason);
      if (book == NULL)
        {
          set_damaged_error (error, display_name, reason);
          return FALSE;
        }
      if (book->encrypted)
        {
          set_encrypted_error (error, display_name);
          return FALSE;
        }
      if (!book_check_dimensions (book, display_name, error))
        return FALSE;
    }
  else if (length >= 8 && (le16 (data) == REC_BOF || is_legacy_biff (data, length)))
    {
      /* A bare BIFF5 or BIFF8 stream, without the compound file around it, or an Excel 2.x
       * to 4.0 worksheet, which is always one */
      stream = g_bytes_new_static (data, length);
      book = book_read (stream, &reason);
      if (book == NULL)
        {
          set_damaged_error (error, display_name, reason);
          return FALSE;
        }
      if (book->encrypted)
        {
          set_encrypted_error (error, display_name);
          return FALSE;
        }
    }
  else
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET,
                   _ ("“%s” is not an Excel 97–2003 workbook (.xls)."), display_name);
      return FALSE;
    }

  self.display_name = display_name;
  self.callbacks = callbacks;
  self.cancellable = cancellable;
  ok = read_sheets (&self, book);

  if (ok && !self.stopped)
    {
      ok = !g_cancellable_set_error_if_cancelled (cancellable, &self.error);
      if (ok && callbacks->progress)
        callbacks->progress (1.0, callbacks->user_data);
    }
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&self.error));
  return ok;
}
