/* cak-csv-reader.c: rows of cells from a CSV file, whatever its delimiter and encoding
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-csv-reader"

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cak-csv-reader.h"

typedef struct
{
  GPtrArray *cells; /* char*, the record being built */
  guint row;
  const CakSheetCallbacks *callbacks;
  gboolean stopped;
  int last_terminator;
  GCancellable *cancellable;
} ParseState;

G_DEFINE_QUARK (cak - import - error - quark, cak_import_error)

static const char candidates[] = { ',', ';', '\t', '|' };

static void
field_cb (void *data, size_t length, void *user_data)
{
  ParseState *state = user_data;

  g_ptr_array_add (state->cells, g_strndup (data ? data : "", length));
}

static void
record_cb (int terminator, void *user_data)
{
  ParseState *state = user_data;
  CakRow row;

  if (state->stopped)
    {
      g_ptr_array_set_size (state->cells, 0);
      return;
    }

  /* With CSV_REPALL_NL every line end is reported, so that blank lines keep their place and
   * rows are numbered as a spreadsheet program numbers them; the \n of a \r\n pair is not a
   * line of its own. */
  if (state->cells->len == 0 && terminator == '\n' && state->last_terminator == '\r')
    {
      state->last_terminator = terminator;
      return;
    }
  state->last_terminator = terminator;
  if (state->cells->len == 0 && terminator == -1)
    return;

  state->row++;
  g_ptr_array_add (state->cells, NULL);
  row.row = state->row;
  row.n_cells = state->cells->len - 1;
  row.cells = (const char *const *)state->cells->pdata;
  row.types = NULL;
  if (!state->callbacks->row (&row, state->callbacks->user_data))
    state->stopped = TRUE;
  if ((state->row & 0x3ff) == 0 && g_cancellable_is_cancelled (state->cancellable))
    state->stopped = TRUE;
  g_ptr_array_set_size (state->cells, 0);
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
      guint mode_hits = 0, nonzero = 0;
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

      /* The score is how many lines share the most common non-zero count, weighted a little by
       * the count itself: title lines have no delimiters, data lines all have the same. */
      for (guint i = 0; i < n_lines; i++)
        {
          guint hits = 0;

          if (counts[i] == 0)
            continue;
          nonzero++;
          for (guint j = 0; j < n_lines; j++)
            if (counts[j] == counts[i])
              hits++;
          mode_hits = MAX (mode_hits, hits);
        }
      if (nonzero == 0)
        continue;
      score = mode_hits + 0.01 * nonzero;
      if (score > best_score)
        {
          best_score = score;
          best = candidates[c];
        }
    }
  return best;
}

static char *
to_utf8 (const char *data, gsize length, const char *display_name, CakCsvInfo *info, GError **error)
{
  const guchar *u = (const guchar *)data;
  g_autoptr (GError) local_error = NULL;
  char *text;
  gsize written = 0;

  info->had_bom = FALSE;
  if (length >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      info->had_bom = TRUE;
      data += 3;
      length -= 3;
    }
  else if (length >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    {
      info->had_bom = TRUE;
      info->encoding = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      text
          = g_convert (data + 2, length - 2, "UTF-8", info->encoding, NULL, &written, &local_error);
      if (text == NULL)
        {
          g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_UNREADABLE,
                       _ ("“%s” says it is UTF-16 text but is not: %s"), display_name,
                       local_error->message);
          return NULL;
        }
      return text;
    }

  if (g_utf8_validate_len (data, length, NULL))
    {
      info->encoding = "UTF-8";
      return g_strndup (data, length);
    }

  /* Files saved by Excel on Windows come in the ANSI code page. */
  info->encoding = "WINDOWS-1252";
  text = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, &written, &local_error);
  if (text == NULL)
    g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_UNREADABLE,
                 _ ("“%s” is neither UTF-8 nor Windows-1252 text: %s"), display_name,
                 local_error->message);
  return text;
}

/**
 * cak_csv_read_bytes:
 * @display_name: the file's name as the user knows it, for messages
 * @out_info: (optional): receives the delimiter and encoding found
 * @callbacks: its row function is called for every record, in order
 *
 * Reads CSV text: quotes and embedded newlines, CRLF, LF or CR line ends, UTF-8 with or without
 * a byte-order mark, UTF-16 with one, and Windows-1252 when the text is not UTF-8.
 *
 * Returns: %FALSE with @error set when the text cannot be read; cancelling gives
 * %G_IO_ERROR_CANCELLED.
 */
gboolean
cak_csv_read_bytes (GBytes *bytes, const char *display_name, CakCsvInfo *out_info,
                    const CakSheetCallbacks *callbacks, GCancellable *cancellable, GError **error)
{
  CakCsvInfo info = { ',', "UTF-8", FALSE };
  struct csv_parser parser;
  ParseState state = { 0 };
  g_autofree char *text = NULL;
  gsize length, n_text;
  const char *data;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (callbacks != NULL && callbacks->row != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  if (length == 0)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_EMPTY, _ ("“%s” is empty."),
                   display_name);
      return FALSE;
    }
  if (memchr (data, '\0', MIN (length, 4096)) != NULL
      && !(length >= 2 && ((guchar)data[0] == 0xFF || (guchar)data[0] == 0xFE)))
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET,
                   _ ("“%s” is not a text file, so it cannot be read as CSV."), display_name);
      return FALSE;
    }

  text = to_utf8 (data, length, display_name, &info, error);
  if (text == NULL)
    return FALSE;
  n_text = strlen (text);
  info.delimiter = cak_csv_detect_delimiter (text, n_text);

  if (csv_init (&parser, CSV_APPEND_NULL | CSV_REPALL_NL) != 0)
    g_error ("libcsv could not allocate its parser");
  csv_set_delim (&parser, info.delimiter);

  state.cells = g_ptr_array_new_with_free_func (g_free);
  state.callbacks = callbacks;
  state.cancellable = cancellable;

  for (gsize off = 0; off < n_text && !state.stopped;)
    {
      gsize chunk = MIN (n_text - off, 1 << 20);

      if (csv_parse (&parser, text + off, chunk, field_cb, record_cb, &state) != chunk)
        {
          g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_UNREADABLE,
                       _ ("“%s” could not be read as CSV near record %u: %s"), display_name,
                       state.row + 1, csv_strerror (csv_error (&parser)));
          csv_free (&parser);
          g_ptr_array_unref (state.cells);
          return FALSE;
        }
      off += chunk;
    }
  if (!state.stopped)
    csv_fini (&parser, field_cb, record_cb, &state);
  csv_free (&parser);
  g_ptr_array_unref (state.cells);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (out_info)
    *out_info = info;
  return TRUE;
}
