/* cak-csv-reader.c: rows of cells from a CSV file, whatever its delimiter and encoding
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is read a chunk at a time, so that memory does not grow with it. Each chunk is
 * decoded to UTF-8 and split into records. Most records are plain: fields without quotes, or
 * quoted fields that end where a field ends. Those are split here, in place, with memchr()
 * finding the delimiters, line ends and quotes. libcsv reads every other record (a quote inside
 * an unquoted field, text after a closing quote, a record cut by the end of a chunk), and the
 * plain path reads a record as libcsv does: blanks around an unquoted field dropped, a line of
 * blanks alone a blank row. tests/test-csv-reader.c holds both to the same output.
 */
#define G_LOG_DOMAIN "cak-csv-reader"

#include "config.h"

#include <csv.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cak-csv-reader.h"

#define DEFAULT_CHUNK_SIZE (256 * 1024)
#define PROGRESS_STEP (1024 * 1024)
#define SNIFF_SIZE 4096 /* a NUL byte this near the start: not text */
#define MAX_CARRY 4     /* the longest character a chunk boundary can cut */

typedef enum
{
  UTF8_VALID,
  UTF8_INCOMPLETE, /* valid, but the last character goes on in the next chunk */
  UTF8_INVALID,
} Utf8Check;

/* Where the next LF, CR and quote are in the text being split, each found once. */
typedef struct
{
  char *lf, *cr, *quote;
} Marks;

typedef struct
{
  GInputStream *stream;
  goffset size;
  gsize chunk_size;
  const char *display_name;
  const CakSheetCallbacks *callbacks;
  GCancellable *cancellable;
  CakCsvInfo info;

  /* Decoding: the bytes read, and the text when it had to be converted */
  char *raw;
  char *text;
  gsize text_size;
  gboolean utf8;
  GIConv iconv;
  char carry[MAX_CARRY]; /* the start of a character cut by the end of the last chunk */
  gsize n_carry;

  /* Splitting */
  gboolean started;
  char delimiter;
  struct csv_parser parser;
  gboolean in_libcsv;    /* libcsv holds the start of the record being read */
  gboolean record_ended; /* libcsv ended a record in the bytes it was last given */

  /* The row: cells in place in the text, or copied into row_text at offsets */
  const char **cells;
  char **ends; /* where the cells of a quoted record end, before they are ended */
  guint cells_size;
  GString *row_text;
  GArray *offsets; /* gsize */
  guint row;
  int last_terminator;
  gboolean stopped;
} Reader;

G_DEFINE_QUARK (cak - import - error - quark, cak_import_error)

static const char candidates[] = { ',', ';', '\t', '|' };

/* The helpers of the splitting are inlined even in debug builds, where they would otherwise cost
 * more than the splitting itself. */
G_ALWAYS_INLINE static inline gboolean
is_blank (const Reader *r, char c)
{
  /* most bytes are past the first test */
  return (guchar)c <= ' ' && (c == ' ' || (c == '\t' && r->delimiter != '\t'));
}

static void
grow_cells (Reader *r, guint n)
{
  r->cells_size = MAX (2 * r->cells_size, n + 1);
  r->cells = g_renew (const char *, r->cells, r->cells_size);
  r->ends = g_renew (char *, r->ends, r->cells_size);
}

/* Hands a row to the callback. With CSV_REPALL_NL every line end is a record, so that blank
 * lines keep their place and rows are numbered as a spreadsheet program numbers them; the \n
 * of a \r\n pair is not a line of its own. */
static void
emit_row (Reader *r, guint n_cells, int terminator)
{
  CakRow row;

  if (n_cells == 0 && terminator == '\n' && r->last_terminator == '\r')
    {
      r->last_terminator = terminator;
      return;
    }
  r->last_terminator = terminator;
  if (r->stopped || (n_cells == 0 && terminator == -1))
    return;

  r->row++;
  r->cells[n_cells] = NULL;
  row.row = r->row;
  row.n_cells = n_cells;
  row.cells = r->cells;
  row.types = NULL;
  if (!r->callbacks->row (&row, r->callbacks->user_data))
    r->stopped = TRUE;
}

static void
clear_copied_row (Reader *r)
{
  g_string_truncate (r->row_text, 0);
  g_array_set_size (r->offsets, 0);
}

static void
add_copied_cell (Reader *r, const char *data, gsize length)
{
  gsize offset = r->row_text->len;

  g_array_append_val (r->offsets, offset);
  g_string_append_len (r->row_text, data, length);
  g_string_append_c (r->row_text, '\0');
}

static void
emit_copied_row (Reader *r, int terminator)
{
  guint n = r->offsets->len;

  if (n >= r->cells_size)
    grow_cells (r, n);
  for (guint i = 0; i < n; i++)
    r->cells[i] = r->row_text->str + g_array_index (r->offsets, gsize, i);
  emit_row (r, n, terminator);
  clear_copied_row (r);
}

static void
field_cb (void *data, size_t length, void *user_data)
{
  add_copied_cell (user_data, data, length);
}

static void
record_cb (int terminator, void *user_data)
{
  Reader *r = user_data;

  r->record_ended = TRUE;
  emit_copied_row (r, terminator);
}

static Utf8Check
check_utf8 (const char *text, gsize length, gsize *out_valid)
{
  const guchar *s = (const guchar *)text;
  gsize i = 0;

  while (i < length)
    {
      guchar c = s[i], lo = 0x80, hi = 0xBF;
      guint need;

      if (c < 0x80)
        {
          /* Most of the text is ASCII: sixteen bytes at a time */
          for (i++; i + 16 <= length; i += 16)
            {
              guint64 a, b;

              memcpy (&a, s + i, 8);
              memcpy (&b, s + i + 8, 8);
              if ((a | b) & G_GUINT64_CONSTANT (0x8080808080808080))
                break;
            }
          continue;
        }

      /* RFC 3629: no overlong forms, no surrogates, nothing beyond U+10FFFF */
      if (c >= 0xC2 && c <= 0xDF)
        need = 1;
      else if (c >= 0xE0 && c <= 0xEF)
        {
          need = 2;
          lo = c == 0xE0 ? 0xA0 : 0x80;
          hi = c == 0xED ? 0x9F : 0xBF;
        }
      else if (c >= 0xF0 && c <= 0xF4)
        {
          need = 3;
          lo = c == 0xF0 ? 0x90 : 0x80;
          hi = c == 0xF4 ? 0x8F : 0xBF;
        }
      else
        {
          *out_valid = i;
          return UTF8_INVALID;
        }
      for (guint k = 1; k <= need; k++)
        {
          if (i + k == length)
            {
              *out_valid = i;
              return UTF8_INCOMPLETE;
            }
          if (s[i + k] < lo || s[i + k] > hi)
            {
              *out_valid = i;
              return UTF8_INVALID;
            }
          lo = 0x80;
          hi = 0xBF;
        }
      i += need + 1;
    }
  *out_valid = length;
  return UTF8_VALID;
}

G_ALWAYS_INLINE static inline char *
find_mark (char **mark, char *p, char *end, char c)
{
  if (*mark == NULL || *mark < p)
    {
      *mark = memchr (p, c, end - p);
      if (*mark == NULL)
        *mark = end;
    }
  return *mark;
}

/* A line without quotes, whole in the text: split in place. */
static char *
split_plain_line (Reader *r, char *p, char *line_end)
{
  int terminator = (guchar)*line_end;
  gboolean delimited = FALSE;
  guint n = 0;

  *line_end = '\0';
  for (;;)
    {
      char *delimiter = memchr (p, r->delimiter, line_end - p);
      char *field_end = delimiter ? delimiter : line_end;

      while (p < field_end && is_blank (r, *p))
        p++;
      while (field_end > p && is_blank (r, field_end[-1]))
        field_end--;
      *field_end = '\0';
      if (n + 1 >= r->cells_size)
        grow_cells (r, n + 1);
      r->cells[n++] = p;
      if (delimiter == NULL)
        break;
      delimited = TRUE;
      p = delimiter + 1;
    }
  /* Blanks alone are not a field: libcsv has not begun the row */
  if (!delimited && r->cells[0][0] == '\0')
    n = 0;
  emit_row (r, n, terminator);
  return line_end + 1;
}

G_ALWAYS_INLINE static inline char *
find_line_end (Marks *m, char *p, char *end)
{
  return MIN (find_mark (&m->lf, p, end, '\n'), find_mark (&m->cr, p, end, '\r'));
}

/* "" in a quoted field is one quote */
static char *
unescape_quotes (char *start, char *end)
{
  char *to = start;

  for (const char *from = start; from < end; from++)
    {
      *to++ = *from;
      if (*from == '"')
        from++;
    }
  return to;
}

/* A record with quotes, from p to at least line_end. It is split in place too, but only once it
 * is known to be plain: until then the text is left as it was, for libcsv, and the fields are
 * only marked, their starts in cells and their ends in ends. Returns where the next record
 * starts, or NULL when libcsv is to read this one: it goes on beyond the text, or is not plain. */
static char *
split_quoted_record (Reader *r, Marks *m, char *p, char *line_end, char *end)
{
  char *quote = find_mark (&m->quote, p, end, '"'); /* the next quote, never before p */
  gboolean escaped = FALSE;
  int terminator;
  guint n = 0;

  for (;;)
    {
      while (p < line_end && is_blank (r, *p))
        p++;
      if (n + 1 >= r->cells_size)
        grow_cells (r, n + 1);

      if (p == quote)
        {
          /* Quoted: to the next quote that is not doubled; blanks after it are dropped */
          r->cells[n] = p + 1;
          for (;;)
            {
              quote = memchr (quote + 1, '"', end - quote - 1);
              if (quote == NULL || quote + 1 == end)
                return NULL;
              if (quote[1] != '"')
                break;
              escaped = TRUE;
              quote++;
            }
          r->ends[n++] = quote;
          p = quote + 1;
          if (p > line_end)
            {
              line_end = find_line_end (m, p, end);
              if (line_end == end)
                return NULL;
            }
          while (p < line_end && is_blank (r, *p))
            p++;
          if (p < line_end && *p != r->delimiter)
            return NULL;
          quote = find_mark (&m->quote, p, end, '"');
        }
      else
        {
          /* Unquoted: to the next delimiter or the line end, with no quote in it (libcsv keeps
           * a quote there as a character of the field) */
          char *stop = memchr (p, r->delimiter, line_end - p), *field_end;

          if (stop == NULL)
            stop = line_end;
          if (quote < stop)
            return NULL;
          for (field_end = stop; field_end > p && is_blank (r, field_end[-1]);)
            field_end--;
          r->cells[n] = p;
          r->ends[n++] = field_end;
          p = stop;
        }

      if (p == line_end)
        {
          terminator = (guchar)*p;
          break;
        }
      p++;
    }

  /* Plain: end the fields */
  for (guint i = 0; i < n; i++)
    {
      if (escaped && memchr (r->cells[i], '"', r->ends[i] - r->cells[i]) != NULL)
        r->ends[i] = unescape_quotes ((char *)r->cells[i], r->ends[i]);
      *r->ends[i] = '\0';
    }
  emit_row (r, n, terminator);
  return p + 1;
}

static void
start_sheet (Reader *r, const char *text, gsize length)
{
  CakSheetInfo sheet = { NULL, 0, FALSE };

  r->started = TRUE;
  r->delimiter = r->info.delimiter = cak_csv_detect_delimiter (text, length);
  if (csv_init (&r->parser, CSV_REPALL_NL) != 0)
    g_error ("libcsv could not set up its parser");
  csv_set_delim (&r->parser, r->delimiter);
  /* libcsv grows its field buffer by this much at a time */
  csv_set_blk_size (&r->parser, 4096);

  if (r->callbacks->sheet_begin && !r->callbacks->sheet_begin (&sheet, r->callbacks->user_data))
    r->stopped = TRUE;
}

/* Splits UTF-8 text into rows: plain records here, the others through libcsv, which is given a
 * line at a time so that the plain path takes over again where a record ends. */
static gboolean
split_text (Reader *r, char *p, char *end, GError **error)
{
  Marks marks = { NULL, NULL, NULL };

  if (!r->started)
    start_sheet (r, p, end - p);

  while (p < end && !r->stopped)
    {
      char *line_end, *next;

      /* the \n of a \r\n pair, which emit_row() would drop */
      if (*p == '\n' && r->last_terminator == '\r' && !r->in_libcsv)
        {
          r->last_terminator = '\n';
          p++;
          continue;
        }

      line_end = find_line_end (&marks, p, end);
      if (!r->in_libcsv && line_end < end)
        {
          if (find_mark (&marks.quote, p, end, '"') > line_end)
            next = split_plain_line (r, p, line_end);
          else
            next = split_quoted_record (r, &marks, p, line_end, end);
          if (next != NULL)
            {
              p = next;
              continue;
            }
        }

      r->in_libcsv = TRUE;
      r->record_ended = FALSE;
      next = line_end < end ? line_end + 1 : end;
      if (csv_parse (&r->parser, p, next - p, field_cb, record_cb, r) != (gsize)(next - p))
        {
          g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_UNREADABLE,
                       _ ("“%s” could not be read as CSV near record %u: %s"), r->display_name,
                       r->row + 1, csv_strerror (csv_error (&r->parser)));
          return FALSE;
        }
      if (r->record_ended)
        r->in_libcsv = FALSE;
      p = next;
    }
  return TRUE;
}

static void
set_not_encoded_error (Reader *r, GError **error)
{
  if (g_str_has_prefix (r->info.encoding, "UTF-16"))
    g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_UNREADABLE,
                 _ ("“%s” says it is UTF-16 text, but row %u is not."), r->display_name,
                 r->row + 1);
  else
    g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_UNREADABLE,
                 _ ("“%s” is neither UTF-8 nor Windows-1252 text: row %u has bytes that neither "
                    "uses."),
                 r->display_name, r->row + 1);
}

static void
use_encoding (Reader *r, const char *encoding)
{
  g_assert (r->iconv == (GIConv)-1);
  r->info.encoding = encoding;
  r->utf8 = FALSE;
  /* Converted text is at most three bytes for every byte read */
  r->text_size = 3 * (r->chunk_size + MAX_CARRY);
  r->text = g_malloc (r->text_size);
  r->iconv = g_iconv_open ("UTF-8", encoding);
  if (r->iconv == (GIConv)-1)
    g_error ("iconv cannot convert from %s", encoding);
}

/* Files saved by Excel on Windows come in the ANSI code page. */
static void
fall_back_to_windows_1252 (Reader *r)
{
  use_encoding (r, "WINDOWS-1252");
  r->info.encoding_fallback = TRUE;
  r->info.fallback_row = r->row + 1;
}

static gboolean
convert_and_split (Reader *r, char *data, gsize length, gboolean eof, GError **error)
{
  char *out = r->text;
  gsize out_left = r->text_size;
  gboolean complete = TRUE;

  if (g_iconv (r->iconv, &data, &length, &out, &out_left) == (gsize)-1)
    {
      /* A character cut by the end of the chunk goes on in the next */
      if (errno == EINVAL && !eof && length < MAX_CARRY)
        {
          memcpy (r->carry, data, length);
          r->n_carry = length;
        }
      else
        complete = FALSE;
    }
  if (!split_text (r, r->text, out, error))
    return FALSE;
  if (!complete)
    {
      set_not_encoded_error (r, error);
      return FALSE;
    }
  return TRUE;
}

/* Decodes and splits what was read, the carry from the last chunk first. */
static gboolean
take_bytes (Reader *r, char *data, gsize length, gboolean eof, GError **error)
{
  gsize valid;
  Utf8Check check;

  r->n_carry = 0;
  if (!r->utf8)
    return convert_and_split (r, data, length, eof, error);

  check = check_utf8 (data, length, &valid);
  if (check == UTF8_INCOMPLETE && !eof)
    {
      r->n_carry = length - valid;
      memcpy (r->carry, data + valid, r->n_carry);
      check = UTF8_VALID;
    }
  if (!split_text (r, data, data + valid, error))
    return FALSE;
  if (check == UTF8_VALID || r->stopped)
    return TRUE;

  /* Not UTF-8 after all: the rest is read as Windows-1252 */
  fall_back_to_windows_1252 (r);
  return convert_and_split (r, data + valid, length - valid, eof, error);
}

static gboolean
read_chunk (Reader *r, gsize size, gsize *n_read, gboolean *eof, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  memcpy (r->raw, r->carry, r->n_carry);
  if (!g_input_stream_read_all (r->stream, r->raw + r->n_carry, size, n_read, r->cancellable,
                                &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_UNREADABLE,
                     _ ("Reading “%s” failed: %s"), r->display_name, local_error->message);
      return FALSE;
    }
  *eof = *n_read < size;
  return TRUE;
}

static void
report_progress (Reader *r, goffset done, goffset *next)
{
  if (r->callbacks->progress == NULL || r->size <= 0 || done < *next)
    return;
  r->callbacks->progress (MIN (1.0, (double)done / r->size), r->callbacks->user_data);
  *next = done + PROGRESS_STEP;
}

/* The first chunk tells whether the file is text, its encoding and its delimiter. */
static gboolean
take_first_chunk (Reader *r, gsize n_read, gboolean eof, GError **error)
{
  const guchar *u = (const guchar *)r->raw;
  char *data = r->raw;
  gsize length = n_read, valid;

  if (length >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      r->info.had_bom = TRUE;
      data += 3;
      length -= 3;
    }
  else if (length >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    {
      r->info.had_bom = TRUE;
      use_encoding (r, u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE");
      data += 2;
      length -= 2;
    }

  if (length == 0 && eof)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_EMPTY, _ ("“%s” is empty."),
                   r->display_name);
      return FALSE;
    }
  if (r->utf8 && memchr (data, '\0', MIN (length, SNIFF_SIZE)) != NULL)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET,
                   _ ("“%s” is not a text file, so it cannot be read as CSV."), r->display_name);
      return FALSE;
    }
  if (r->utf8)
    {
      Utf8Check check = check_utf8 (data, length, &valid);

      if (check == UTF8_INVALID || (check == UTF8_INCOMPLETE && eof))
        fall_back_to_windows_1252 (r);
    }

  return take_bytes (r, data, length, eof, error);
}

static void
reader_clear (Reader *r)
{
  if (r->started)
    csv_free (&r->parser);
  if (r->iconv != (GIConv)-1)
    g_iconv_close (r->iconv);
  g_free (r->raw);
  g_free (r->text);
  g_free (r->cells);
  g_free (r->ends);
  g_string_free (r->row_text, TRUE);
  g_array_unref (r->offsets);
}

/**
 * cak_csv_detect_delimiter:
 *
 * Picks the delimiter among , ; tab and | that splits the first lines into the same number of
 * fields most consistently, counting only outside quotes.
 *
 * Returns: the delimiter; ',' when nothing tells.
 */
char
cak_csv_detect_delimiter (const char *text, gsize length)
{
  char best = ',';
  double best_score = 0;
  gsize limit = MIN (length, 64 * 1024);

  g_return_val_if_fail (text != NULL || length == 0, ',');

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      guint counts[32] = { 0 };
      guint n_lines = 0, count = 0;
      gboolean quoted = FALSE;
      guint mode_hits = 0, mode_count = 0, nonzero = 0;
      double score;

      for (gsize i = 0; i < limit && n_lines < G_N_ELEMENTS (counts); i++)
        {
          char ch = text[i];

          if (ch == '"')
            quoted = !quoted;
          else if (!quoted && ch == candidates[c])
            count++;
          else if (!quoted && (ch == '\n' || ch == '\r'))
            {
              if (ch == '\r' && i + 1 < limit && text[i + 1] == '\n')
                i++;
              counts[n_lines++] = count;
              count = 0;
            }
        }
      if (count > 0 && n_lines < G_N_ELEMENTS (counts))
        counts[n_lines++] = count;

      /* The score is how many lines share the most common non-zero count: title lines have no
       * delimiters, data lines all have the same. Ties go to the delimiter that splits lines into
       * more fields: a table of 5 columns with a decimal comma in one of them, and one note line
       * with a comma, is a semicolon file. */
      for (guint i = 0; i < n_lines; i++)
        {
          guint hits = 0;

          if (counts[i] == 0)
            continue;
          nonzero++;
          for (guint j = 0; j < n_lines; j++)
            if (counts[j] == counts[i])
              hits++;
          if (hits > mode_hits || (hits == mode_hits && counts[i] > mode_count))
            {
              mode_hits = hits;
              mode_count = counts[i];
            }
        }
      if (nonzero == 0)
        continue;
      score = mode_hits + 0.01 * MIN (mode_count, 50) + 0.0001 * nonzero;
      if (score > best_score)
        {
          best_score = score;
          best = candidates[c];
        }
    }
  return best;
}

/**
 * cak_csv_read_stream_chunked:
 * @stream: the file's bytes
 * @size: how many bytes @stream holds, for progress; -1 when not known
 * @chunk_size: how many bytes to read at a time
 * @display_name: the file's name as the user knows it, for messages
 * @out_info: (optional): receives the delimiter and encoding found
 * @callbacks: called once for the sheet and once for every row, in order
 *
 * Reads CSV text a chunk at a time, keeping no more than a chunk and a row in memory: quotes
 * and embedded newlines, CRLF, LF or CR line ends, UTF-8 with or without a byte-order mark,
 * UTF-16 with one, and Windows-1252 when the text is not UTF-8 (see #CakCsvInfo). The first
 * chunk decides the encoding and the delimiter.
 *
 * sheet_begin is called once before the first row (the sheet has no name), and sheet_end once
 * after the last (with no merges) unless an error ended the reading; a row function that returns
 * %FALSE ends it early.
 *
 * Returns: %FALSE with @error set when the text cannot be read; cancelling gives
 * %G_IO_ERROR_CANCELLED.
 */
gboolean
cak_csv_read_stream_chunked (GInputStream *stream, goffset size, gsize chunk_size,
                             const char *display_name, CakCsvInfo *out_info,
                             const CakSheetCallbacks *callbacks, GCancellable *cancellable,
                             GError **error)
{
  Reader r = { 0 };
  CakSheetInfo sheet = { NULL, 0, FALSE };
  goffset done, next_progress = PROGRESS_STEP;
  gsize n_read = 0;
  gboolean eof, ok;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (chunk_size > 0, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (callbacks != NULL && callbacks->row != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  r.stream = stream;
  r.size = size;
  r.display_name = display_name;
  r.callbacks = callbacks;
  r.cancellable = cancellable;
  r.info = (CakCsvInfo){ ',', "UTF-8", FALSE, FALSE, 0 };
  /* Long enough for a byte-order mark and a character after it */
  r.chunk_size = MAX (chunk_size, MAX_CARRY);
  r.raw = g_malloc (r.chunk_size + MAX_CARRY);
  r.utf8 = TRUE;
  r.iconv = (GIConv)-1;
  grow_cells (&r, 16);
  r.row_text = g_string_sized_new (256);
  r.offsets = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 16);

  ok = read_chunk (&r, r.chunk_size, &n_read, &eof, error)
       && take_first_chunk (&r, n_read, eof, error);
  done = n_read;
  while (ok && !eof && !r.stopped)
    {
      report_progress (&r, done, &next_progress);
      ok = !g_cancellable_set_error_if_cancelled (cancellable, error)
           && read_chunk (&r, r.chunk_size, &n_read, &eof, error)
           && take_bytes (&r, r.raw, r.n_carry + n_read, eof, error);
      done += n_read;
    }
  if (ok && r.started && !r.stopped)
    csv_fini (&r.parser, field_cb, record_cb, &r);
  ok = ok && !g_cancellable_set_error_if_cancelled (cancellable, error);

  if (ok)
    {
      if (callbacks->sheet_end)
        callbacks->sheet_end (&sheet, NULL, 0, callbacks->user_data);
      if (callbacks->progress)
        callbacks->progress (1.0, callbacks->user_data);
      if (out_info)
        *out_info = r.info;
    }
  reader_clear (&r);
  return ok;
}

/**
 * cak_csv_read_stream:
 *
 * Reads CSV text from @stream with cak_csv_read_stream_chunked(), 256 KiB at a time (less for
 * a file of @size smaller than that).
 */
gboolean
cak_csv_read_stream (GInputStream *stream, goffset size, const char *display_name,
                     CakCsvInfo *out_info, const CakSheetCallbacks *callbacks,
                     GCancellable *cancellable, GError **error)
{
  /* A small file needs no buffer larger than itself (and one byte to see its end). */
  gsize chunk_size = size > 0 && size < DEFAULT_CHUNK_SIZE ? (gsize)size + 1 : DEFAULT_CHUNK_SIZE;

  return cak_csv_read_stream_chunked (stream, size, chunk_size, display_name, out_info, callbacks,
                                      cancellable, error);
}

/**
 * cak_csv_read_bytes:
 *
 * Reads CSV text held in memory with cak_csv_read_stream().
 */
gboolean
cak_csv_read_bytes (GBytes *bytes, const char *display_name, CakCsvInfo *out_info,
                    const CakSheetCallbacks *callbacks, GCancellable *cancellable, GError **error)
{
  g_autoptr (GInputStream) stream = NULL;

  g_return_val_if_fail (bytes != NULL, FALSE);

  stream = g_memory_input_stream_new_from_bytes (bytes);
  return cak_csv_read_stream (stream, g_bytes_get_size (bytes), display_name, out_info, callbacks,
                              cancellable, error);
}
