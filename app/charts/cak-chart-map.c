/* cak-chart-map.c: coverage by regency on the map, and as a tile map of equal squares
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-chart-map"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-boundaries.h"
#include "cak-chart-private.h"
#include "cak-number.h"
#include "cak-raster.h"

/* Both painters colour each regency by its class (bands below its target, as the ranking draws
 * them, or fixed steps of coverage when no file gives targets) from a sequential palette that
 * readers with any common colour-vision deficiency tell apart (ColorBrewer YlGnBu: light is low,
 * dark is high). No data is hatched, never coloured as zero.
 *
 * The map projects longitude and latitude onto the plot (equirectangular, scaled by the cosine of
 * the middle latitude), fitting the province, or the country. Regions too small to point at are
 * drawn as dots as well, moved aside with a leader line when dots would touch (callouts); in the
 * national view Jakarta's five cities get an inset over the Indian Ocean. Every region has an
 * anchor: a point where a hit test finds it (its dot, its place in the inset, or its label point,
 * which the boundary data guarantees lies inside it and in no other region). The hits are small
 * boxes around the anchors, in reading order, for the keyboard. */

#define N_CLASSES 5
#define CLASS_NO_DATA (-1)
#define CLASS_NO_TARGET (-2)
#define MAP_PAD_FRACTION 0.02
#define MAX_LABELS 3
#define MAX_DOT_RING 14 /* how far a dot may move aside, in steps of 0.9 dot radii */

static const guint32 palette[N_CLASSES] = { 0xc7e9b4, 0x7fcdbb, 0x41b6c4, 0x2c7fb8, 0x253494 };

typedef struct
{
  double x, y;
} Pt;

/* How geography lands in the plot: x = ox + (lon - lon0) * sx, y = oy + (lat0 - lat) * sy */
typedef struct
{
  double lon0, lat0, sx, sy, ox, oy;
} Proj;

typedef struct
{
  int item;
  const CakBoundaryShape *shape;
  int klass;
  Pt anchor;
  gboolean dot; /* drawn as a dot too; the anchor is the dot's centre */
  gboolean in_inset;
  Pt dot_origin; /* where the region is, when its dot was moved aside */
  double dot_origin_x; /* the anchor's x before any dot moved (what place_dots sorts by) */
  CakTile tile;
} MapItem;

typedef struct
{
  int item;
  char *text;
  CakRect box; /* the text's box */
  Pt anchor;
  gboolean in_region; /* a name written in its region (a zoomed map), not beside it */
  int klass;
} MapLabel;

typedef struct
{
  gboolean tiles; /* the tile map */
  CakBoundaries *boundaries;
  const char *province_code;
  Proj proj;
  GArray *items;             /* MapItem, in drawing order (largest first) */
  GHashTable *by_item;       /* item + 1 -> MapItem index + 1 */
  GPtrArray *context_shapes; /* shapes of other provinces drawn grey around a province */
  double dot_r;
  gboolean has_inset;
  CakRect inset;
  Proj inset_proj;
  CakGeoBox inset_box;
  char *inset_title;
  /* The tile map */
  double tile, tile_x0, tile_y0;
  int cols, rows;
  gboolean tile_text;
  double tile_px;
  /* Classes */
  gboolean by_target;
  double band, step;
  guint n_legend;
  CakLegendEntry legend[N_CLASSES + 2];
  char *legend_text[N_CLASSES + 2];
  CakColor colors[N_CLASSES];
  /* Labels of the selected and the extreme regencies, and the attribution */
  GArray *labels; /* MapLabel */
  int labelled_selected;
  char *attribution;
  CakRect attribution_rect;
  double label_px;
  /* What does not change with a hover, as an image (see paint_cached) */
  cairo_surface_t *base;
  guint n_paints;
  double base_scale;
  const CakChartData *base_data;
  CakChartTheme base_theme;
} Map;

static void
map_label_clear (gpointer p)
{
  g_free (((MapLabel *)p)->text);
}

static void
map_free (gpointer p)
{
  Map *m = p;

  g_clear_pointer (&m->items, g_array_unref);
  g_clear_pointer (&m->by_item, g_hash_table_unref);
  g_clear_pointer (&m->context_shapes, g_ptr_array_unref);
  g_clear_pointer (&m->labels, g_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (m->legend_text); i++)
    g_free (m->legend_text[i]);
  g_free (m->inset_title);
  g_free (m->attribution);
  g_clear_pointer (&m->base, cairo_surface_destroy);
  g_free (m);
}

static CakColor
rgb (guint32 hex)
{
  return (CakColor){ ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                     (hex & 0xff) / 255.0, 1 };
}

static const char *
attribution_text (CakLang lang)
{
  /* Translators: the attribution the boundaries' licence (CC BY 3.0 IGO) requires; keep the
   * names and the licence as they are */
  return cak_lang_gettext (lang,
                           N_ ("Boundaries: geoBoundaries / OCHA COD-AB (BPS), CC BY 3.0 IGO"));
}

/* Classes */

static double
nice_step (double hi)
{
  static const double steps[] = { 1, 2, 2.5, 5, 10 };
  double base;

  if (!(hi > 0))
    return 10;
  base = pow (10, floor (log10 (hi / N_CLASSES)));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * base * N_CLASSES >= hi)
      return steps[i] * base;
  return 10 * base;
}

static int
class_of (const Map *m, const CakIndicatorRow *row)
{
  if (isnan (row->coverage_pct))
    return CLASS_NO_DATA;
  if (m->by_target)
    {
      double gap;

      if (isnan (row->target_pct))
        return CLASS_NO_TARGET;
      gap = row->target_pct - row->coverage_pct;
      if (gap <= 0)
        return 4;
      if (gap <= m->band)
        return 3;
      if (gap <= 2 * m->band)
        return 2;
      if (gap <= 4 * m->band)
        return 1;
      return 0;
    }
  return CLAMP ((int)floor (row->coverage_pct / m->step), 0, N_CLASSES - 1);
}

static void
build_classes (Map *m, const CakChartData *data, const CakChartTheme *theme)
{
  double hi = 0;
  gboolean any_no_data = FALSE, any_no_target = FALSE;
  guint n = 0;

  for (guint i = 0; i < N_CLASSES; i++)
    m->colors[i] = rgb (palette[i]);
  m->by_target = cak_chart_has_targets (data);
  m->band = data->near_band > 0 ? data->near_band : 5;
  for (guint i = 0; i < data->rows->len; i++)
    {
      const CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, i);

      if (!isnan (row->coverage_pct))
        hi = MAX (hi, row->coverage_pct);
      else
        any_no_data = TRUE;
      if (!isnan (row->coverage_pct) && isnan (row->target_pct))
        any_no_target = TRUE;
    }
  m->step = nice_step (hi);

  for (guint k = 0; k < N_CLASSES; k++)
    {
      char *text;

      if (m->by_target)
        {
          g_autofree char *a = cak_number_format (m->band
                                                      * (k == 1   ? 2
                                                         : k == 2 ? 1
                                                                  : 4),
                                                  0, data->lang);
          g_autofree char *b = cak_number_format (m->band * (k == 1 ? 4 : 2), 0, data->lang);

          if (k == 0)
            text = g_strdup_printf (
                cak_lang_gettext (data->lang, N_ ("More than %s pp below target")), a);
          else if (k == 1 || k == 2)
            text = g_strdup_printf (cak_lang_gettext (data->lang, N_ ("%s–%s pp below")), a, b);
          else if (k == 3)
            {
              g_autofree char *band = cak_number_format (m->band, 0, data->lang);

              text
                  = g_strdup_printf (cak_lang_gettext (data->lang, N_ ("Up to %s pp below")), band);
            }
          else
            text = g_strdup (cak_lang_gettext (data->lang, N_ ("At or above target")));
        }
      else
        {
          int decimals = cak_tick_decimals (m->step);
          g_autofree char *a = cak_number_format_percent (k * m->step, decimals, data->lang);
          g_autofree char *b = cak_number_format_percent ((k + 1) * m->step, decimals, data->lang);

          if (k == 0)
            text = g_strdup_printf (cak_lang_gettext (data->lang, N_ ("Below %s")), b);
          else if (k == N_CLASSES - 1)
            text = g_strdup_printf (cak_lang_gettext (data->lang, N_ ("%s and above")), a);
          else
            text = g_strdup_printf ("%s–%s", a, b);
        }
      m->legend_text[n] = text;
      m->legend[n] = (CakLegendEntry){ CAK_LEGEND_BOX, m->colors[k], text };
      n++;
    }
  if (any_no_target && m->by_target)
    {
      m->legend_text[n] = g_strdup (cak_lang_gettext (data->lang, N_ ("No target")));
      m->legend[n] = (CakLegendEntry){ CAK_LEGEND_BOX, theme->track, m->legend_text[n] };
      n++;
    }
  if (any_no_data)
    {
      m->legend_text[n] = g_strdup (cak_lang_gettext (data->lang, N_ ("No data")));
      m->legend[n] = (CakLegendEntry){ CAK_LEGEND_HATCH, theme->track, m->legend_text[n] };
      n++;
    }
  m->n_legend = n;
}

static CakColor
class_color (const Map *m, const CakChartTheme *theme, int klass)
{
  if (klass >= 0)
    return m->colors[klass];
  return theme->track;
}

/* Projection */

static Pt
project (const Proj *p, double lon, double lat)
{
  return (Pt){ p->ox + (lon - p->lon0) * p->sx, p->oy + (p->lat0 - lat) * p->sy };
}

static void
unproject (const Proj *p, double x, double y, double *lon, double *lat)
{
  *lon = p->lon0 + (x - p->ox) / p->sx;
  *lat = p->lat0 - (y - p->oy) / p->sy;
}

/* Fits @box into @rect, centred, keeping shapes' proportions. */
static Proj
fit (const CakGeoBox *box, const CakRect *rect)
{
  double kx = cos ((box->y0 + box->y1) / 2 * G_PI / 180);
  double w = MAX (1e-6, (box->x1 - box->x0) * kx), h = MAX (1e-6, box->y1 - box->y0);
  double s = MIN (rect->width / w, rect->height / h);
  Proj p;

  p.sx = s * kx;
  p.sy = s;
  p.lon0 = box->x0;
  p.lat0 = box->y1;
  p.ox = rect->x + (rect->width - w * s) / 2;
  p.oy = rect->y + (rect->height - h * s) / 2;
  return p;
}

/* The view's zoom (see CakChartFocus): the fitted map magnified about a point of the plot */
static void
zoom_proj (Proj *p, const CakRect *plot, const CakChartFocus *focus)
{
  double zoom = cak_chart_focus_get_zoom (focus);
  double cx = plot->x + focus->center_x * plot->width;
  double cy = plot->y + focus->center_y * plot->height;

  if (zoom <= 1)
    return;
  /* A point at x of the fitted map goes to middle + (x - cx) * zoom */
  p->ox = plot->x + plot->width / 2 + (p->ox - cx) * zoom;
  p->oy = plot->y + plot->height / 2 + (p->oy - cy) * zoom;
  p->sx *= zoom;
  p->sy *= zoom;
}

/* Items */

static MapItem *
find_map_item (const Map *m, int item)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (m->by_item, GINT_TO_POINTER (item + 1)));

  return index > 0 ? &g_array_index (m->items, MapItem, index - 1) : NULL;
}

static int
compare_items_by_area (gconstpointer a, gconstpointer b)
{
  const MapItem *ia = a, *ib = b;

  if (ia->shape->area != ib->shape->area)
    return ia->shape->area > ib->shape->area ? -1 : 1;
  return strcmp (ia->shape->region->code, ib->shape->region->code);
}

static void
collect_items (Map *m, const CakChartData *data)
{
  m->items = g_array_new (FALSE, TRUE, sizeof (MapItem));
  m->by_item = g_hash_table_new (g_direct_hash, g_direct_equal);
  /* The country by province: every regency's shape in its province's class, each an item of
   * the province's row (its largest shape carries its name) */
  for (guint i = 0; data->by_province && i < cak_boundaries_get_n_shapes (m->boundaries); i++)
    {
      const CakBoundaryShape *shape = cak_boundaries_get_shape (m->boundaries, i);
      int item = cak_chart_data_find_code (data, shape->region->province_code);
      MapItem it = { 0 };

      if (item < 0)
        continue;
      it.item = item;
      it.shape = shape;
      it.klass = class_of (m, &g_array_index (data->rows, CakIndicatorRow, item));
      g_array_append_val (m->items, it);
    }
  for (guint i = 0; !data->by_province && i < data->rows->len; i++)
    {
      const CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, i);
      MapItem it = { 0 };

      it.item = (int)i;
      it.shape = cak_boundaries_lookup (m->boundaries, row->region->code);
      /* Every regency of the catalog has a shape; a row of anything else is not drawn */
      if (it.shape == NULL)
        continue;
      it.klass = class_of (m, row);
      g_array_append_val (m->items, it);
    }
  g_array_sort (m->items, compare_items_by_area);
  /* An item's first (largest) shape stands for it */
  for (guint i = 0; i < m->items->len; i++)
    {
      gpointer key = GINT_TO_POINTER (g_array_index (m->items, MapItem, i).item + 1);

      if (!g_hash_table_contains (m->by_item, key))
        g_hash_table_insert (m->by_item, key, GUINT_TO_POINTER (i + 1));
    }
}

/* The province the view shows: the data's, or the one every row lies in */
static const char *
view_province (const CakChartData *data)
{
  const char *code = NULL;

  if (data->province)
    return data->province->code;
  for (guint i = 0; i < data->rows->len; i++)
    {
      const CakRegion *region = g_array_index (data->rows, CakIndicatorRow, i).region;

      if (code == NULL)
        code = region->province_code;
      else if (g_strcmp0 (code, region->province_code) != 0)
        return NULL;
    }
  return data->rows->len > 0 && data->rows->len < 100 ? code : NULL;
}

/* What the view fits: every region's label point and every ring but small outlying islands
 * (Masalembu, far north of Madura, would shrink Jawa Timur to half its size); they may be cut at
 * the plot's edge. */
static void
view_extent (const Map *m, CakGeoBox *out_box)
{
  CakGeoBox box = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  for (guint i = 0; i < m->items->len; i++)
    {
      const CakBoundaryShape *shape = g_array_index (m->items, MapItem, i).shape;

      if (m->province_code && g_strcmp0 (shape->region->province_code, m->province_code) != 0)
        continue;
      box.x0 = MIN (box.x0, shape->label.x);
      box.x1 = MAX (box.x1, shape->label.x);
      box.y0 = MIN (box.y0, shape->label.y);
      box.y1 = MAX (box.y1, shape->label.y);
      for (guint k = 0; k < shape->n_rings; k++)
        {
          const CakGeoBox *rb = cak_boundaries_get_ring_box (m->boundaries, shape->first_ring + k);

          if (cak_boundaries_get_ring_area (m->boundaries, shape->first_ring + k)
              < shape->area * 0.04)
            continue;
          box.x0 = MIN (box.x0, rb->x0);
          box.x1 = MAX (box.x1, rb->x1);
          box.y0 = MIN (box.y0, rb->y0);
          box.y1 = MAX (box.y1, rb->y1);
        }
    }
  if (box.x0 > box.x1)
    cak_boundaries_get_extent (m->boundaries, NULL, &box);
  *out_box = box;
}

/* The dots: callouts for regions too small to point at */

/* Whether a dot fits at @p: inside the plot, off the inset, apart from the dots placed before
 * it and off every other region's anchor. @near holds the indexes of the items close enough to
 * matter. */
static gboolean
dot_free (const Map *m, Pt p, guint upto, const CakRect *plot, const GArray *near)
{
  double r = m->dot_r;

  if (p.x - r < plot->x || p.x + r > plot->x + plot->width || p.y - r < plot->y
      || p.y + r > plot->y + plot->height)
    return FALSE;
  if (m->has_inset && p.x + r > m->inset.x - 2 && p.x - r < m->inset.x + m->inset.width + 2
      && p.y + r > m->inset.y - 2 && p.y - r < m->inset.y + m->inset.height + 2)
    return FALSE;
  for (guint k = 0; k < near->len; k++)
    {
      guint j = g_array_index (near, guint, k);
      const MapItem *o = &g_array_index (m->items, MapItem, j);
      double dx = o->anchor.x - p.x, dy = o->anchor.y - p.y, d2 = dx * dx + dy * dy;

      /* Dots placed so far keep apart; no dot covers another region's anchor */
      if (o->dot && j < upto && d2 < (2 * r + 2) * (2 * r + 2))
        return FALSE;
      if (!o->dot && d2 < (r + 2) * (r + 2))
        return FALSE;
    }
  return TRUE;
}

static int
compare_anchor_x (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const GArray *items = user_data;
  double xa = g_array_index (items, MapItem, *(const guint *)a).dot_origin_x;
  double xb = g_array_index (items, MapItem, *(const guint *)b).dot_origin_x;

  return (xa > xb) - (xa < xb);
}

static void
place_dots (Map *m, const CakRect *plot)
{
  double r2 = m->dot_r * m->dot_r;
  g_autoptr (GArray) by_x = NULL;

  /* A city smaller than a dot of four times the dot's area, or any region smaller than a dot */
  for (guint i = 0; i < m->items->len; i++)
    {
      MapItem *it = &g_array_index (m->items, MapItem, i);
      double area = it->shape->area * m->proj.sx * m->proj.sy;

      /* Only for a region in view (a zoomed map shows part of the country) */
      it->dot_origin_x = it->anchor.x;
      it->dot = !it->in_inset && cak_rect_contains (plot, it->anchor.x, it->anchor.y)
                && (area < r2 * 2
                    || (it->shape->region->kind == CAK_REGION_KIND_KOTA && area < r2 * 12));
    }
  /* The regions by their anchors' x, to find those near a dot (the anchors of regions placed
   * before as dots have moved by less than the reach: the search reaches that much further) */
  by_x = g_array_sized_new (FALSE, FALSE, sizeof (guint), m->items->len);
  for (guint j = 0; j < m->items->len; j++)
    if (!g_array_index (m->items, MapItem, j).in_inset)
      g_array_append_val (by_x, j);
  g_array_sort_with_data (by_x, compare_anchor_x, m->items);
  /* Smallest first would push the tiniest farthest; place in drawing order, largest first. */
  for (guint i = 0; i < m->items->len; i++)
    {
      MapItem *it = &g_array_index (m->items, MapItem, i);
      gboolean placed = FALSE;

      g_autoptr (GArray) near = NULL;
      double reach = MAX_DOT_RING * m->dot_r * 0.9 + 2 * m->dot_r + 2;
      guint lo = 0, hi;

      if (!it->dot)
        continue;
      it->dot_origin = it->anchor;
      near = g_array_new (FALSE, FALSE, sizeof (guint));
      /* The first in x order within twice the reach to the left */
      hi = by_x->len;
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          const MapItem *o = &g_array_index (m->items, MapItem, g_array_index (by_x, guint, mid));

          if (o->dot_origin_x < it->anchor.x - 2 * reach)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (guint k = lo; k < by_x->len; k++)
        {
          guint j = g_array_index (by_x, guint, k);
          const MapItem *o = &g_array_index (m->items, MapItem, j);

          if (o->dot_origin_x > it->anchor.x + 2 * reach)
            break;
          if (j != i && fabs (o->anchor.x - it->anchor.x) < reach
              && fabs (o->anchor.y - it->anchor.y) < reach)
            g_array_append_val (near, j);
        }
      for (int ring = 0; ring <= MAX_DOT_RING && !placed; ring++)
        {
          int n_angles = ring == 0 ? 1 : 8 + ring * 4;

          for (int a = 0; a < n_angles && !placed; a++)
            {
              double angle = -G_PI / 2 + 2 * G_PI * a / n_angles;
              double dist = ring * m->dot_r * 0.9;
              Pt p = { it->dot_origin.x + dist * cos (angle),
                       it->dot_origin.y + dist * sin (angle) };

              if (dot_free (m, p, i, plot, near))
                {
                  it->anchor = p;
                  placed = TRUE;
                }
            }
        }
      /* Nowhere to put it: the region keeps its own place, found by the map beneath. */
      if (!placed)
        {
          it->dot = FALSE;
          it->anchor = it->dot_origin;
        }
    }
}

/* The Jakarta inset of the national map: the five cities, enlarged over the Indian Ocean. */
static void
layout_inset (Map *m, const CakRect *plot)
{
  static const char *const cities[] = { "31.71", "31.72", "31.73", "31.74", "31.75" };
  CakGeoBox box = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  Pt a, b;
  double w, h, mx, my;
  CakRect room;

  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    {
      const CakBoundaryShape *shape = cak_boundaries_lookup (m->boundaries, cities[i]);

      box.x0 = MIN (box.x0, shape->box.x0);
      box.y0 = MIN (box.y0, shape->box.y0);
      box.x1 = MAX (box.x1, shape->box.x1);
      box.y1 = MAX (box.y1, shape->box.y1);
    }
  mx = (box.x1 - box.x0) * 0.08;
  my = (box.y1 - box.y0) * 0.08;
  box.x0 -= mx, box.x1 += mx, box.y0 -= my, box.y1 += my;
  m->inset_box = box;

  /* The open sea south-west of Sumatra, from 95.2°E to 101.6°E and 5.8°S down to the plot */
  a = project (&m->proj, 95.2, -5.8);
  b = project (&m->proj, 101.6, -11.5);
  room = (CakRect){ MAX (plot->x, a.x), a.y, 0, 0 };
  room.width = MIN (b.x, plot->x + plot->width) - room.x;
  /* and a line above it for its title */
  room.height = plot->y + plot->height - room.y - m->label_px * 1.4;
  w = MIN (room.width, plot->width * 0.14);
  h = w * (box.y1 - box.y0) / ((box.x1 - box.x0) * cos (-6.2 * G_PI / 180));
  if (h > room.height)
    {
      w *= room.height / h;
      h = room.height;
    }
  if (w < m->dot_r * 16 || h < m->dot_r * 12)
    return;
  m->has_inset = TRUE;
  m->inset = (CakRect){ room.x, room.y + room.height - h, w, h };
  m->inset_proj = fit (&box, &m->inset);
  for (guint i = 0; i < m->items->len; i++)
    {
      MapItem *it = &g_array_index (m->items, MapItem, i);
      const CakGeoBox *sb = &it->shape->box;

      if (sb->x0 >= box.x0 && sb->x1 <= box.x1 && sb->y0 >= box.y0 && sb->y1 <= box.y1)
        {
          it->in_inset = TRUE;
          it->anchor = project (&m->inset_proj, it->shape->label.x, it->shape->label.y);
        }
    }
}

/* Labels: the selected and the extreme regencies */

static CakColor
text_on (CakColor fill, const CakChartTheme *theme)
{
  double l = 0.2126 * fill.r + 0.7152 * fill.g + 0.0722 * fill.b;
  CakColor dark = { 0.08, 0.08, 0.1, 1 }, light = { 1, 1, 1, 1 };

  (void)theme;
  return l > 0.45 ? dark : light;
}

/* A region's name on the map: short, and "Kota Administrasi Jakarta Selatan" as "Kota Jakarta
 * Selatan" */
static char *
map_name (const CakRegion *region)
{
  char *name = cak_chart_short_name (region->name);
  char *adm = strstr (name, "Administrasi ");

  if (adm)
    memmove (adm, adm + strlen ("Administrasi "), strlen (adm + strlen ("Administrasi ")) + 1);
  return name;
}

static char *
label_text (const CakChartData *data, int item)
{
  const CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, item);
  g_autofree char *name = map_name (row->region);
  g_autofree char *value = cak_chart_format_pct (row->coverage_pct, 1, data->lang);

  return g_strdup_printf ("%s %s", name, value);
}

static gboolean
label_box_free (const CakChartLayout *layout, const Map *m, const CakRect *box, const CakRect *plot,
                const GArray *taken, gboolean in_inset)
{
  if (box->x < plot->x || box->y < plot->y || box->x + box->width > plot->x + plot->width
      || box->y + box->height > plot->y + plot->height)
    return FALSE;
  if (m->has_inset && !in_inset && cak_rect_overlaps (box, &m->inset))
    return FALSE;
  for (guint i = 0; i < layout->labels->len; i++)
    if (cak_rect_overlaps (box, &g_array_index (layout->labels, CakRect, i)))
      return FALSE;
  for (guint i = 0; taken && i < taken->len; i++)
    if (cak_rect_overlaps (box, &g_array_index (taken, MapLabel, i).box))
      return FALSE;
  return TRUE;
}

/* Where a label of @item goes, beside its anchor and clear of every text: a pure function of
 * the layout, used for the labels the layout places and for a selection made after it. */
static gboolean
place_label (const CakChartLayout *layout, const Map *m, const CakChartTheme *theme,
             const CakChartData *data, int item, const GArray *taken, MapLabel *out)
{
  const MapItem *it = find_map_item (m, item);
  double px = m->label_px, gap;
  g_autofree char *text = NULL;
  CakRect plot = layout->plot;
  Pt anchor;
  double w, h;

  /* A region out of view (a zoomed map) gets no label */
  if (it == NULL || (!m->tiles && !cak_rect_contains (&plot, it->anchor.x, it->anchor.y)))
    return FALSE;
  anchor = it->anchor;
  if (m->tiles)
    anchor = (Pt){ m->tile_x0 + (it->tile.col + 0.5) * m->tile,
                   m->tile_y0 + (it->tile.row + 0.5) * m->tile };
  text = label_text (data, item);
  w = cak_chart_text_width (layout, theme, px, PANGO_WEIGHT_BOLD, text);
  h = px * 1.3;
  gap = m->tiles ? m->tile * 0.5 + px * 0.3 : MAX (m->dot_r, px * 0.5) + px * 0.3;
  /* right, left, above, below, then farther out */
  for (int ring = 1; ring <= 6; ring++)
    {
      const double offsets[][2] = { { 1, 0 },  { -1, 0 },  { 0, -1 }, { 0, 1 },
                                    { 1, -1 }, { -1, -1 }, { 1, 1 },  { -1, 1 } };

      for (guint o = 0; o < G_N_ELEMENTS (offsets); o++)
        {
          double dx = offsets[o][0], dy = offsets[o][1];
          double g = gap * ring;
          CakRect box;
          double cx = anchor.x + dx * (g + (dx != 0 ? w / 2 : 0));
          double cy = anchor.y + dy * (g + h / 2);

          box = cak_chart_text_rect (layout, theme, px, PANGO_WEIGHT_BOLD, text, cx, cy, 0.5, 0);
          box.x -= px * 0.25, box.width += px * 0.5;
          if (!label_box_free (layout, m, &box, &plot, taken, it->in_inset))
            continue;
          out->item = item;
          out->text = g_steal_pointer (&text);
          out->box = box;
          out->anchor = anchor;
          return TRUE;
        }
    }
  return FALSE;
}

/* Whether a text's box lies in a region: its corners and the middles of its sides */
static gboolean
box_in_shape (const Map *m, const CakBoundaryShape *shape, const CakRect *box)
{
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++)
      {
        double lon, lat;

        if (i == 1 && j == 1)
          continue;
        unproject (&m->proj, box->x + box->width * i / 2, box->y + box->height * j / 2, &lon, &lat);
        if (!cak_boundaries_shape_contains (m->boundaries, shape, lon, lat))
          return FALSE;
      }
  return TRUE;
}

/* A zoomed map writes the names of the regions in view that have room for them, largest first,
 * in the regions themselves */
#define MAX_REGION_NAMES 80

static void
layout_region_names (CakChartLayout *layout, Map *m, const CakChartData *data,
                     const CakChartTheme *theme)
{
  double px = m->label_px * 0.9;
  guint n = 0;

  if (m->tiles || cak_chart_focus_get_zoom (&layout->focus) <= 1)
    return;
  for (guint i = 0; i < m->items->len && n < MAX_REGION_NAMES; i++)
    {
      const MapItem *it = &g_array_index (m->items, MapItem, i);
      g_autofree char *name = NULL;
      gboolean labelled = FALSE;
      double bw, bh, w;
      MapLabel label = { 0 };
      CakRect box;

      if (it->dot || it->in_inset || find_map_item (m, it->item) != it
          || !cak_rect_contains (&layout->plot, it->anchor.x, it->anchor.y))
        continue;
      for (guint j = 0; j < m->labels->len && !labelled; j++)
        labelled = g_array_index (m->labels, MapLabel, j).item == it->item;
      if (labelled)
        continue;
      bw = (it->shape->box.x1 - it->shape->box.x0) * m->proj.sx;
      bh = (it->shape->box.y1 - it->shape->box.y0) * m->proj.sy;
      if (bh < px * 2.2 || bw < px * 3)
        continue;
      name = map_name (g_array_index (data->rows, CakIndicatorRow, it->item).region);
      w = cak_chart_text_width (layout, theme, px, PANGO_WEIGHT_NORMAL, name);
      if (w > bw * 0.7)
        continue;
      box = cak_chart_text_rect (layout, theme, px, PANGO_WEIGHT_NORMAL, name, it->anchor.x,
                                 it->anchor.y, 0.5, 0);
      if (!label_box_free (layout, m, &box, &layout->plot, NULL, FALSE)
          || !box_in_shape (m, it->shape, &box))
        continue;
      label.item = it->item;
      label.text = g_steal_pointer (&name);
      label.box = box;
      label.anchor = it->anchor;
      label.in_region = TRUE;
      label.klass = it->klass;
      cak_chart_place_text (layout, theme, px, PANGO_WEIGHT_NORMAL, label.text, it->anchor.x,
                            it->anchor.y, 0.5, 0);
      g_array_append_val (m->labels, label);
      n++;
    }
}

static void
layout_labels (CakChartLayout *layout, Map *m, const CakChartData *data, const CakChartTheme *theme)
{
  int want[MAX_LABELS] = { layout->focus.selected, CAK_CHART_ITEM_NONE, CAK_CHART_ITEM_NONE };
  double hi = -INFINITY, lo = INFINITY;

  m->labels = g_array_new (FALSE, TRUE, sizeof (MapLabel));
  g_array_set_clear_func (m->labels, map_label_clear);
  m->labelled_selected = CAK_CHART_ITEM_NONE;
  for (guint i = 0; i < data->rows->len; i++)
    {
      double c = g_array_index (data->rows, CakIndicatorRow, i).coverage_pct;

      if (isnan (c) || find_map_item (m, (int)i) == NULL)
        continue;
      if (c > hi)
        hi = c, want[1] = (int)i;
      if (c < lo)
        lo = c, want[2] = (int)i;
    }
  for (guint k = 0; k < MAX_LABELS; k++)
    {
      MapLabel label = { 0 };
      gboolean seen = FALSE;

      if (want[k] < 0 || want[k] >= (int)data->rows->len)
        continue;
      for (guint j = 0; j < k; j++)
        seen |= want[j] == want[k];
      if (seen || !place_label (layout, m, theme, data, want[k], m->labels, &label))
        continue;
      if (k == 0)
        m->labelled_selected = want[k];
      g_array_append_val (m->labels, label);
    }
  for (guint i = 0; i < m->labels->len; i++)
    {
      MapLabel *l = &g_array_index (m->labels, MapLabel, i);

      cak_chart_place_text (layout, theme, m->label_px, PANGO_WEIGHT_BOLD, l->text,
                            l->box.x + l->box.width / 2, l->box.y + l->box.height / 2, 0.5, 0);
    }
  layout_region_names (layout, m, data, theme);
}

/* Hits: a small box around each anchor, in reading order */

static int
compare_hits (gconstpointer a, gconstpointer b)
{
  const CakChartHit *ha = a, *hb = b;
  double ya = floor ((ha->rect.y + ha->rect.height / 2) / 48);
  double yb = floor ((hb->rect.y + hb->rect.height / 2) / 48);

  if (ya != yb)
    return ya < yb ? -1 : 1;
  if (ha->rect.x != hb->rect.x)
    return ha->rect.x < hb->rect.x ? -1 : 1;
  return ha->item - hb->item;
}

static void
add_hits (CakChartLayout *layout, Map *m)
{
  for (guint i = 0; i < m->items->len; i++)
    {
      const MapItem *it = &g_array_index (m->items, MapItem, i);

      if (m->tiles)
        cak_chart_add_hit (layout,
                           (CakRect){ m->tile_x0 + it->tile.col * m->tile + 1,
                                      m->tile_y0 + it->tile.row * m->tile + 1, m->tile - 2,
                                      m->tile - 2 },
                           it->item);
      else
        cak_chart_add_hit (layout, (CakRect){ it->anchor.x - 0.5, it->anchor.y - 0.5, 1, 1 },
                           it->item);
    }
  g_array_sort (layout->hits, compare_hits);
}

/* The layout common to both */

static void
attribution_layout (CakChartLayout *layout, Map *m, const CakChartTheme *theme, CakLang lang)
{
  double px = layout->font_px * 0.78;
  double y = layout->plot.y + layout->plot.height - px * 0.6;

  m->attribution = g_strdup (attribution_text (lang));
  layout->plot.height = MAX (layout->font_px, layout->plot.height - px * 1.5);
  m->attribution_rect
      = cak_chart_place_text (layout, theme, px, PANGO_WEIGHT_NORMAL, m->attribution,
                              layout->width - layout->pad, y, 1, layout->width - 2 * layout->pad);
}

static char *
map_title (CakLang lang, gboolean tiles)
{
  return g_strdup (
      tiles ? cak_lang_gettext (lang, N_ ("Coverage of the workforce, one tile per regency"))
            : cak_lang_gettext (lang, N_ ("Coverage of the workforce on the map")));
}

static Map *
map_new (CakChartLayout *layout, const CakChartData *data, const CakChartTheme *theme,
         gboolean tiles)
{
  Map *m = g_new0 (Map, 1);
  g_autofree char *title = map_title (data->lang, tiles);
  g_autofree char *subtitle = cak_chart_subtitle (data, NULL);
  g_autofree char *footer = cak_chart_footer (data);

  layout->priv = m;
  layout->priv_free = map_free;
  m->tiles = tiles;
  m->boundaries = cak_boundaries_get_default ();
  m->province_code = view_province (data);
  m->label_px = layout->font_px * 0.92;
  m->dot_r = MAX (2.5, round (layout->font_px * 0.44) / 2);
  m->labelled_selected = CAK_CHART_ITEM_NONE;
  build_classes (m, data, theme);
  cak_chart_frame_layout (layout, theme, title, subtitle, footer, TRUE);
  cak_chart_legend_layout (layout, theme, m->legend, m->n_legend);
  attribution_layout (layout, m, theme, data->lang);
  collect_items (m, data);
  return m;
}

/* The map */

static void
map_layout (CakChartLayout *layout, const CakChartData *data, const CakChartTheme *theme)
{
  Map *m = map_new (layout, data, theme, FALSE);
  CakGeoBox box;
  CakRect plot = layout->plot;

  view_extent (m, &box);
  {
    double mx = (box.x1 - box.x0) * MAP_PAD_FRACTION, my = (box.y1 - box.y0) * MAP_PAD_FRACTION;

    box.x0 -= mx, box.x1 += mx, box.y0 -= my, box.y1 += my;
  }
  m->proj = fit (&box, &plot);
  zoom_proj (&m->proj, &plot, &layout->focus);

  /* Around a province its neighbours, and any region without a row, in grey */
  m->context_shapes = g_ptr_array_new ();
  {
    double lon0, lat0, lon1, lat1;
    g_autoptr (GHashTable) drawn = g_hash_table_new (g_direct_hash, g_direct_equal);

    for (guint i = 0; i < m->items->len; i++)
      g_hash_table_add (drawn, (gpointer)g_array_index (m->items, MapItem, i).shape);
    unproject (&m->proj, plot.x, plot.y + plot.height, &lon0, &lat0);
    unproject (&m->proj, plot.x + plot.width, plot.y, &lon1, &lat1);
    for (guint i = 0; i < cak_boundaries_get_n_shapes (m->boundaries); i++)
      {
        const CakBoundaryShape *s = cak_boundaries_get_shape (m->boundaries, i);

        if (!g_hash_table_contains (drawn, s) && s->box.x1 >= lon0 && s->box.x0 <= lon1
            && s->box.y1 >= lat0 && s->box.y0 <= lat1)
          g_ptr_array_add (m->context_shapes, (gpointer)s);
      }
  }

  for (guint i = 0; i < m->items->len; i++)
    {
      MapItem *it = &g_array_index (m->items, MapItem, i);

      it->anchor = project (&m->proj, it->shape->label.x, it->shape->label.y);
    }
  /* Zoomed in, Jakarta is seen where it is */
  if (m->province_code == NULL && cak_chart_focus_get_zoom (&layout->focus) <= 1)
    layout_inset (m, &plot);
  place_dots (m, &plot);
  if (m->has_inset)
    {
      m->inset_title = g_strdup ("Jakarta");
      cak_chart_place_text (layout, theme, layout->font_px * 0.8, PANGO_WEIGHT_BOLD, m->inset_title,
                            m->inset.x + layout->font_px * 0.4, m->inset.y - layout->font_px * 0.65,
                            0, m->inset.width - layout->font_px * 0.8);
    }
  layout_labels (layout, m, data, theme);
  add_hits (layout, m);
}

static int
map_hit_test (const CakChartLayout *layout, double x, double y)
{
  const Map *m = layout->priv;
  const CakBoundaryShape *shape;
  const MapItem *it;
  double lon, lat;

  if (m->tiles)
    {
      int col, row;

      if (m->tile <= 0 || x < m->tile_x0 || y < m->tile_y0)
        return CAK_CHART_ITEM_NONE;
      col = (int)floor ((x - m->tile_x0) / m->tile);
      row = (int)floor ((y - m->tile_y0) / m->tile);
      for (guint i = 0; i < m->items->len; i++)
        {
          it = &g_array_index (m->items, MapItem, i);
          if (it->tile.col == col && it->tile.row == row)
            return it->item;
        }
      return CAK_CHART_ITEM_NONE;
    }

  for (guint i = m->items->len; i-- > 0;)
    {
      it = &g_array_index (m->items, MapItem, i);
      if (it->dot && hypot (x - it->anchor.x, y - it->anchor.y) <= m->dot_r + 1)
        return it->item;
    }
  if (m->has_inset && cak_rect_contains (&m->inset, x, y))
    {
      unproject (&m->inset_proj, x, y, &lon, &lat);
      shape = cak_boundaries_hit (m->boundaries, m->province_code, lon, lat);
    }
  else if (cak_rect_contains (&layout->plot, x, y))
    {
      unproject (&m->proj, x, y, &lon, &lat);
      shape = cak_boundaries_hit (m->boundaries, m->province_code, lon, lat);
    }
  else
    return CAK_CHART_ITEM_NONE;
  if (shape == NULL)
    return CAK_CHART_ITEM_NONE;
  for (guint i = 0; i < m->items->len; i++)
    {
      it = &g_array_index (m->items, MapItem, i);
      if (it->shape == shape)
        return it->item;
    }
  return CAK_CHART_ITEM_NONE;
}

/* Rings smaller than this, in pixels both ways, are drawn as their box when filled and left
 * out of outlines: most of Indonesia's 5,600 rings are islets a pixel wide in the national view,
 * and drawing their points cost more than all the rest. */
#define TINY_RING_PX 1.5

typedef enum
{
  RINGS_FILL,   /* tiny rings as boxes */
  RINGS_STROKE, /* tiny rings left out */
  RINGS_BOTH,   /* (a raster only) the rings, then tiny rings as boxes */
} RingMode;

/* The coarse outlines wherever they stray from the full ones by at most this many pixels: the
 * whole country at the sizes of a screen, never a province or the inset */
#define COARSE_MAX_PX 1.2

static CakBoundariesDetail
detail_for (const Proj *p)
{
  return cak_boundaries_get_coarse_tolerance () * MAX (p->sx, p->sy) <= COARSE_MAX_PX
             ? CAK_BOUNDARIES_DETAIL_COARSE
             : CAK_BOUNDARIES_DETAIL_FULL;
}

/* The outline of a shape, as a path of @cr, or of @raster when it is not %NULL.
 *
 * Returns: how many rings were not tiny (in RINGS_BOTH, the first of the path) */
static guint
shape_path (cairo_t *cr, CakRaster *raster, CakBoundaries *b, const CakBoundaryShape *shape,
            const Proj *p, RingMode mode)
{
  CakBoundariesDetail detail = detail_for (p);
  guint n_outlined = 0;

  /* In RINGS_BOTH, the rings first, then the tiny ones */
  for (guint pass = 0; pass < (mode == RINGS_BOTH ? 2 : 1); pass++)
    for (guint k = 0; k < shape->n_rings; k++)
      {
        guint n;
        const CakGeoPoint *pts = cak_boundaries_get_ring_at (b, shape->first_ring + k, detail, &n);
        const CakGeoBox *rb = cak_boundaries_get_ring_box (b, shape->first_ring + k);
        double lx = NAN, ly = NAN;

        gboolean tiny
            = (rb->x1 - rb->x0) * p->sx < TINY_RING_PX && (rb->y1 - rb->y0) * p->sy < TINY_RING_PX;

        if (mode == RINGS_BOTH && tiny != (pass == 1))
          continue;
        if (tiny)
          {
            if (mode != RINGS_STROKE)
              {
                double cx = p->ox + ((rb->x0 + rb->x1) / 2 - p->lon0) * p->sx;
                double cy = p->oy + (p->lat0 - (rb->y0 + rb->y1) / 2) * p->sy;
                double w = MAX (0.8, (rb->x1 - rb->x0) * p->sx);
                double h = MAX (0.8, (rb->y1 - rb->y0) * p->sy);

                if (raster)
                  cak_raster_rectangle (raster, cx - w / 2, cy - h / 2, w, h);
                else
                  cairo_rectangle (cr, cx - w / 2, cy - h / 2, w, h);
              }
            continue;
          }
        for (guint j = 0; j < n; j++)
          {
            double x = p->ox + (pts[j].x - p->lon0) * p->sx;
            double y = p->oy + (p->lat0 - pts[j].y) * p->sy;

            /* Points closer than half a pixel add nothing but time */
            if (j > 0 && fabs (x - lx) + fabs (y - ly) < 0.5)
              continue;
            if (raster)
              {
                if (j == 0)
                  cak_raster_move_to (raster, x, y);
                else
                  cak_raster_line_to (raster, x, y);
              }
            else if (j == 0)
              cairo_move_to (cr, x, y);
            else
              cairo_line_to (cr, x, y);
            lx = x, ly = y;
          }
        if (!raster)
          cairo_close_path (cr);
        n_outlined++;
      }
  return n_outlined;
}

/* The tile of the hatching of no data: the track colour, crossed finely, whatever the region's
 * size (cak_chart_hatch spaces its lines by the height of a bar). @scale is the device's. */
static cairo_surface_t *
hatch_tile (const CakChartTheme *theme, double px, double scale)
{
  int step = (int)MAX (5.0, round (px * 0.55));
  int size = MAX (1, (int)round (step * scale));
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *tc = cairo_create (tile);

  cairo_scale (tc, size / (double)step, size / (double)step);
  cak_chart_set_color (tc, theme->track);
  cairo_paint (tc);
  cak_chart_set_color (tc, cak_chart_mix (theme->track, theme->muted, 0.45));
  cairo_set_line_width (tc, MAX (1.0, step / 4.5));
  cairo_move_to (tc, -1, step + 1);
  cairo_line_to (tc, step + 1, -1);
  cairo_move_to (tc, -1, 1);
  cairo_line_to (tc, 1, -1);
  cairo_move_to (tc, step - 1, step + 1);
  cairo_line_to (tc, step + 1, step - 1);
  cairo_stroke (tc);
  cairo_destroy (tc);
  cairo_surface_flush (tile);
  return tile;
}

/* No data: the current path filled with the hatching */
static void
hatch_path (cairo_t *cr, const CakChartTheme *theme, double px)
{
  cairo_surface_t *tile = hatch_tile (theme, px, 1);
  cairo_pattern_t *pattern = cairo_pattern_create_for_surface (tile);

  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_save (cr);
  cairo_set_source (cr, pattern);
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_pattern_destroy (pattern);
  cairo_surface_destroy (tile);
}

static void paint_dots (cairo_t *cr, CakRaster *raster, const Map *m, const CakChartTheme *theme);

/* Whether a shape's box meets the part of the map drawn */
static gboolean
shape_seen (const CakBoundaryShape *shape, const CakGeoBox *view)
{
  const CakGeoBox *sb = &shape->box;

  return !(sb->x1 < view->x0 || sb->x0 > view->x1 || sb->y1 < view->y0 || sb->y0 > view->y1);
}

/* The regions with cak-raster when the target is an image (the fills without antialiasing,
 * every edge then covered by the outlines, antialiased, in the background's colour), else with
 * cairo, antialiased. */
/* A rectangle grown to whole pixels */
static CakRect
pixel_rect (const CakRect *r)
{
  return (CakRect){ floor (r->x), floor (r->y), ceil (r->x + r->width) - floor (r->x),
                    ceil (r->y + r->height) - floor (r->y) };
}

/* @clear: lay the background under the regions first */
static void
paint_regions (cairo_t *cr, const Map *m, const CakChartTheme *theme, const Proj *p,
               const CakRect *clip, gboolean inset, gboolean clear)
{
  gboolean whole_country = m->province_code == NULL && !inset;
  double outline = inset ? 0.9 : m->province_code ? 1.2 : 0.6;
  double border = inset ? 1.4 : 1.1;
  CakColor context = cak_chart_mix (theme->track, theme->background, 0.45);
  CakColor border_color = cak_chart_mix (theme->text, theme->background, 0.25);
  CakRect pixels = pixel_rect (clip);
  cairo_surface_t *hatch = NULL;
  CakRaster *raster;
  CakGeoBox view;

  unproject (p, clip->x, clip->y + clip->height, &view.x0, &view.y0);
  unproject (p, clip->x + clip->width, clip->y, &view.x1, &view.y1);
  cairo_save (cr);
  /* A clip on whole pixels: cairo clips it as a region, not through a mask */
  cairo_rectangle (cr, pixels.x, pixels.y, pixels.width, pixels.height);
  cairo_clip (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  raster = cak_raster_begin (cr, pixels.x, pixels.y, pixels.width, pixels.height);
  if (clear && raster)
    cak_raster_clear (raster, theme->background);
  else if (clear)
    {
      cak_chart_set_color (cr, theme->background);
      cairo_paint (cr);
    }

  /* Neighbours of the province, and regions without a row, in grey */
  for (guint i = 0; i < m->context_shapes->len; i++)
    shape_path (cr, raster, m->boundaries, g_ptr_array_index (m->context_shapes, i), p, RINGS_FILL);
  if (raster)
    cak_raster_fill (raster, context);
  else
    {
      cak_chart_set_color (cr, context);
      cairo_fill (cr);
    }

  /* Each region on its own, largest first, so that a city over its kabupaten stays seen */
  if (whole_country && !raster)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (guint i = 0; i < m->items->len; i++)
    {
      const MapItem *it = &g_array_index (m->items, MapItem, i);

      if (!shape_seen (it->shape, &view))
        continue;
      /* A raster takes the outline from the same path: it lays outlines over all fills */
      if (raster)
        cak_raster_stroke_closed_preserve (
            raster, outline, shape_path (cr, raster, m->boundaries, it->shape, p, RINGS_BOTH));
      else
        shape_path (cr, raster, m->boundaries, it->shape, p, RINGS_FILL);
      if (it->klass == CLASS_NO_DATA && raster)
        {
          cairo_matrix_t ctm;

          /* The tile in device pixels */
          cairo_get_matrix (cr, &ctm);
          if (hatch == NULL)
            hatch = hatch_tile (theme, m->label_px, ctm.xx);
          cak_raster_fill_tile (raster, (const guint32 *)cairo_image_surface_get_data (hatch),
                                cairo_image_surface_get_width (hatch));
        }
      else if (it->klass == CLASS_NO_DATA)
        hatch_path (cr, theme, m->label_px);
      else if (raster)
        cak_raster_fill (raster, class_color (m, theme, it->klass));
      else
        {
          cak_chart_set_color (cr, class_color (m, theme, it->klass));
          cairo_fill (cr);
        }
    }

  /* Regency outlines in the background's colour, thin; then province borders */
  if (whole_country && !raster)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  cairo_set_line_width (cr, outline);
  cak_chart_set_color (cr, theme->background);
  for (guint i = 0; i < m->items->len; i++)
    {
      const MapItem *it = &g_array_index (m->items, MapItem, i);

      if (raster || !shape_seen (it->shape, &view))
        continue;
      shape_path (cr, NULL, m->boundaries, it->shape, p, RINGS_STROKE);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < m->context_shapes->len; i++)
    {
      shape_path (cr, raster, m->boundaries, g_ptr_array_index (m->context_shapes, i), p,
                  RINGS_STROKE);
      if (raster)
        cak_raster_stroke_closed (raster, outline);
      else
        cairo_stroke (cr);
    }
  if (raster)
    cak_raster_paint_strokes (raster, theme->background);

  if (m->province_code == NULL)
    {
      for (guint i = 0; i < cak_boundaries_get_n_borders (m->boundaries); i++)
        {
          guint n;
          const CakGeoPoint *pts = cak_boundaries_get_border (m->boundaries, i, &n);
          const CakGeoBox *bb = cak_boundaries_get_border_box (m->boundaries, i);
          Pt last = { NAN, NAN };

          if (bb->x1 < view.x0 || bb->x0 > view.x1 || bb->y1 < view.y0 || bb->y0 > view.y1)
            continue;
          for (guint j = 0; j < n; j++)
            {
              Pt q = project (p, pts[j].x, pts[j].y);

              /* Points closer than half a pixel add nothing but time (the last always goes) */
              if (j > 0 && j + 1 < n && fabs (q.x - last.x) + fabs (q.y - last.y) < 0.5)
                continue;
              last = q;
              if (raster && j == 0)
                cak_raster_move_to (raster, q.x, q.y);
              else if (raster)
                cak_raster_line_to (raster, q.x, q.y);
              else if (j == 0)
                cairo_move_to (cr, q.x, q.y);
              else
                cairo_line_to (cr, q.x, q.y);
            }
          if (raster)
            cak_raster_stroke_open (raster, border);
        }
      if (raster)
        cak_raster_paint_strokes (raster, border_color);
      else
        {
          cak_chart_set_color (cr, border_color);
          cairo_set_line_width (cr, border);
          cairo_stroke (cr);
        }
    }
  /* The callouts of the map (the inset has none) */
  if (!inset)
    paint_dots (cr, raster, m, theme);
  cak_raster_end (raster);
  g_clear_pointer (&hatch, cairo_surface_destroy);
  cairo_restore (cr);
}

static void
outline_item (cairo_t *cr, const Map *m, const MapItem *it, const CakChartTheme *theme,
              gboolean selected)
{
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (it->dot)
    cairo_arc (cr, it->anchor.x, it->anchor.y, m->dot_r + 2, 0, 2 * G_PI);
  else
    {
      cairo_rectangle (cr, 0, 0, 1e5, 1e5);
      cairo_clip (cr);
      shape_path (cr, NULL, m->boundaries, it->shape, it->in_inset ? &m->inset_proj : &m->proj,
                  RINGS_STROKE);
    }
  cak_chart_set_color (cr, theme->text);
  cairo_set_line_width (cr, selected ? 3 : 2);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
paint_label (cairo_t *cr, const CakChartLayout *layout, const Map *m, const CakChartTheme *theme,
             const MapLabel *l)
{
  CakColor halo = theme->background;
  const CakRect *b = &l->box;
  double cx = CLAMP (l->anchor.x, b->x, b->x + b->width);
  double cy = CLAMP (l->anchor.y, b->y, b->y + b->height);

  if (l->in_region)
    {
      cak_chart_set_color (cr, l->klass >= 0 ? text_on (m->colors[l->klass], theme) : theme->text);
      cak_chart_show_text (cr, layout, theme, m->label_px * 0.9, PANGO_WEIGHT_NORMAL, l->text,
                           b->x + b->width / 2, b->y + b->height / 2, 0.5, 0);
      return;
    }

  /* A leader from the region to its name, when the name sits away from it */
  cak_chart_set_color (cr, theme->text);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, l->anchor.x, l->anchor.y);
  cairo_line_to (cr, cx, cy);
  cairo_stroke (cr);
  cairo_arc (cr, l->anchor.x, l->anchor.y, 2.2, 0, 2 * G_PI);
  cairo_fill (cr);
  halo.a = 0.88;
  cak_chart_set_color (cr, halo);
  cak_chart_rounded_bar (cr, b->x, b->y, b->width, b->height);
  cairo_fill (cr);
  cak_chart_set_color (cr, theme->text);
  cak_chart_show_text (cr, layout, theme, m->label_px, PANGO_WEIGHT_BOLD, l->text,
                       b->x + b->width / 2, b->y + b->height / 2, 0.5, 0);
}

/* The labels of the layout, but the selected regency's: that one follows the selection */
static void
paint_base_labels (cairo_t *cr, const CakChartLayout *layout, const Map *m,
                   const CakChartTheme *theme)
{
  for (guint i = 0; i < m->labels->len; i++)
    {
      const MapLabel *l = &g_array_index (m->labels, MapLabel, i);

      if (l->item != m->labelled_selected)
        paint_label (cr, layout, m, theme, l);
    }
}

static void
paint_selected_label (cairo_t *cr, const CakChartLayout *layout, const Map *m,
                      const CakChartData *data, int selected, const CakChartTheme *theme)
{
  MapLabel label = { 0 };

  if (selected < 0 || selected >= (int)data->rows->len)
    return;
  for (guint i = 0; i < m->labels->len; i++)
    {
      const MapLabel *l = &g_array_index (m->labels, MapLabel, i);

      if (l->item == selected)
        {
          /* Placed by the layout: in the base already, unless it is the selection's own */
          if (selected == m->labelled_selected)
            paint_label (cr, layout, m, theme, l);
          return;
        }
    }
  /* A selection made after the layout gets its label here, placed the same way */
  if (place_label (layout, m, theme, data, selected, m->labels, &label))
    {
      paint_label (cr, layout, m, theme, &label);
      g_free (label.text);
    }
}

/* A hover repaints the chart: the part that changes with neither the pointer nor the selection
 * is kept as an image at the device's resolution, when drawing into one, and painted back. A
 * layout painted once (an export) draws straight into the target; the image is made at the
 * second paint. */
static void
paint_cached (cairo_t *cr, const CakChartLayout *layout, const CakChartData *data,
              const CakChartTheme *theme,
              void (*base) (cairo_t *, const CakChartLayout *, const CakChartData *,
                            const CakChartTheme *))
{
  Map *m = layout->priv;
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t ctm;
  double scale;

  cairo_get_matrix (cr, &ctm);
  scale = ctm.xx;
  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE || ctm.xy != 0 || ctm.yx != 0
      || ctm.xx != ctm.yy || scale <= 0 || scale > 8 || m->n_paints++ == 0)
    {
      base (cr, layout, data, theme);
      return;
    }
  if (m->base == NULL || m->base_scale != scale || m->base_data != data
      || memcmp (&m->base_theme, theme, sizeof *theme) != 0)
    {
      cairo_t *bc;

      g_clear_pointer (&m->base, cairo_surface_destroy);
      m->base = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)ceil (layout->width * scale),
                                            (int)ceil (layout->height * scale));
      bc = cairo_create (m->base);
      cairo_scale (bc, scale, scale);
      base (bc, layout, data, theme);
      cairo_destroy (bc);
      m->base_scale = scale;
      m->base_data = data;
      m->base_theme = *theme;
    }
  cairo_save (cr);
  cairo_scale (cr, 1 / scale, 1 / scale);
  cairo_set_source_surface (cr, m->base, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  /* An opaque image is copied, not blended */
  if (theme->background.a >= 1)
    cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_rectangle (cr, 0, 0, layout->width * scale, layout->height * scale);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
paint_attribution (cairo_t *cr, const CakChartLayout *layout, const Map *m,
                   const CakChartTheme *theme)
{
  cak_chart_set_color (cr, theme->muted);
  cak_chart_show_text (cr, layout, theme, layout->font_px * 0.78, PANGO_WEIGHT_NORMAL,
                       m->attribution, layout->width - layout->pad,
                       m->attribution_rect.y + m->attribution_rect.height / 2, 1,
                       layout->width - 2 * layout->pad);
}

/* The callouts: leaders from where the small regions are to their dots, then the dots, each
 * in its class's colour and outlined. With a raster, a dot is a polygon of 24 sides, filled and
 * outlined as the regions are. */
static void
dot_path (CakRaster *raster, Pt centre, double r)
{
  for (int k = 0; k < 24; k++)
    {
      double a = 2 * G_PI * k / 24;

      if (k == 0)
        cak_raster_move_to (raster, centre.x + r * cos (a), centre.y + r * sin (a));
      else
        cak_raster_line_to (raster, centre.x + r * cos (a), centre.y + r * sin (a));
    }
}

static void
paint_dots (cairo_t *cr, CakRaster *raster, const Map *m, const CakChartTheme *theme)
{
  cairo_surface_t *hatch = NULL;

  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_line_width (cr, 1);
  cak_chart_set_color (cr, theme->muted);
  for (guint i = 0; i < m->items->len; i++)
    {
      const MapItem *it = &g_array_index (m->items, MapItem, i);

      if (!it->dot
          || hypot (it->anchor.x - it->dot_origin.x, it->anchor.y - it->dot_origin.y) <= m->dot_r)
        continue;
      if (raster)
        {
          cak_raster_move_to (raster, it->dot_origin.x, it->dot_origin.y);
          cak_raster_line_to (raster, it->anchor.x, it->anchor.y);
          cak_raster_stroke_open (raster, 1);
        }
      else
        {
          cairo_move_to (cr, it->dot_origin.x, it->dot_origin.y);
          cairo_line_to (cr, it->anchor.x, it->anchor.y);
        }
    }
  if (raster)
    cak_raster_paint_strokes (raster, theme->muted);
  else
    cairo_stroke (cr);
  for (guint i = 0; i < m->items->len; i++)
    {
      const MapItem *it = &g_array_index (m->items, MapItem, i);

      if (!it->dot)
        continue;
      if (raster)
        {
          dot_path (raster, it->anchor, m->dot_r);
          cak_raster_stroke_closed_preserve (raster, 1, 1);
          if (it->klass == CLASS_NO_DATA)
            {
              cairo_matrix_t ctm;

              cairo_get_matrix (cr, &ctm);
              if (hatch == NULL)
                hatch = hatch_tile (theme, m->label_px * 0.6, ctm.xx);
              cak_raster_fill_tile (raster, (const guint32 *)cairo_image_surface_get_data (hatch),
                                    cairo_image_surface_get_width (hatch));
            }
          else
            cak_raster_fill (raster, class_color (m, theme, it->klass));
          continue;
        }
      cairo_arc (cr, it->anchor.x, it->anchor.y, m->dot_r, 0, 2 * G_PI);
      cak_chart_set_color (cr, class_color (m, theme, it->klass));
      if (it->klass == CLASS_NO_DATA)
        {
          cairo_new_path (cr);
          cairo_arc (cr, it->anchor.x, it->anchor.y, m->dot_r, 0, 2 * G_PI);
          hatch_path (cr, theme, m->label_px * 0.6);
          cairo_arc (cr, it->anchor.x, it->anchor.y, m->dot_r, 0, 2 * G_PI);
        }
      else
        cairo_fill_preserve (cr);
      cak_chart_set_color (cr, theme->text);
      cairo_stroke (cr);
    }
  if (raster)
    cak_raster_paint_strokes (raster, theme->text);
  g_clear_pointer (&hatch, cairo_surface_destroy);
  cairo_restore (cr);
}

static void
map_paint_base (cairo_t *cr, const CakChartLayout *layout, const CakChartData *data,
                const CakChartTheme *theme)
{
  const Map *m = layout->priv;

  CakRect plot = pixel_rect (&layout->plot);
  gboolean plot_by_raster = theme->background.a >= 1 && cak_raster_supported (cr);

  /* The background: the plot's part is laid by the raster with the regions, a band at a time,
   * on as many processors as they are */
  if (plot_by_raster)
    {
      cak_chart_set_color (cr, theme->background);
      cairo_rectangle (cr, 0, 0, layout->width, layout->height);
      cairo_rectangle (cr, plot.x, plot.y + plot.height, plot.width, -plot.height);
      cairo_fill (cr);
    }
  else
    cak_chart_fill_background (cr, theme, layout);
  cak_chart_frame_paint (cr, layout, theme);
  cak_chart_legend_paint (cr, layout, theme, m->legend, m->n_legend);
  paint_attribution (cr, layout, m, theme);

  paint_regions (cr, m, theme, &m->proj, &layout->plot, FALSE, plot_by_raster);

  if (m->has_inset)
    {
      Pt a = project (&m->proj, m->inset_box.x0, m->inset_box.y1);
      Pt b = project (&m->proj, m->inset_box.x1, m->inset_box.y0);

      /* Where the inset is, on the map, and the inset */
      cak_chart_set_color (cr, theme->text);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, a.x - 1.5, a.y - 1.5, b.x - a.x + 3, b.y - a.y + 3);
      cairo_stroke (cr);
      cak_chart_set_color (cr, theme->background);
      cairo_rectangle (cr, m->inset.x, m->inset.y, m->inset.width, m->inset.height);
      cairo_fill (cr);
      paint_regions (cr, m, theme, &m->inset_proj, &m->inset, TRUE, FALSE);
      cak_chart_set_color (cr, theme->muted);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, m->inset.x + 0.5, m->inset.y + 0.5, m->inset.width - 1,
                       m->inset.height - 1);
      cairo_stroke (cr);
      cak_chart_set_color (cr, theme->text);
      cak_chart_show_text (cr, layout, theme, layout->font_px * 0.8, PANGO_WEIGHT_BOLD,
                           m->inset_title, m->inset.x + layout->font_px * 0.4,
                           m->inset.y - layout->font_px * 0.65, 0,
                           m->inset.width - layout->font_px * 0.8);
    }

  paint_base_labels (cr, layout, m, theme);
}

static void
map_paint_over (cairo_t *cr, const CakChartLayout *layout, const CakChartData *data,
                const CakChartFocus *focus, const CakChartTheme *theme)
{
  const Map *m = layout->priv;
  int selected = focus->selected, highlighted = focus->highlighted;

  /* Outlines go over the plot only, when the map is zoomed */
  cairo_save (cr);
  cairo_rectangle (cr, layout->plot.x, layout->plot.y, layout->plot.width, layout->plot.height);
  if (m->has_inset)
    cairo_rectangle (cr, m->inset.x, m->inset.y, m->inset.width, m->inset.height);
  cairo_clip (cr);
  for (guint i = 0; i < m->items->len; i++)
    {
      const MapItem *it = &g_array_index (m->items, MapItem, i);

      if (it->item == highlighted && it->item != selected)
        outline_item (cr, m, it, theme, FALSE);
    }
  for (guint i = 0; i < m->items->len; i++)
    {
      const MapItem *it = &g_array_index (m->items, MapItem, i);

      if (it->item == selected)
        outline_item (cr, m, it, theme, TRUE);
    }
  cairo_restore (cr);
  paint_selected_label (cr, layout, m, data, focus->selected, theme);
}

static void
map_paint (cairo_t *cr, const CakChartLayout *layout, const CakChartData *data,
           const CakChartFocus *focus, const CakChartTheme *theme)
{
  paint_cached (cr, layout, data, theme, map_paint_base);
  map_paint_over (cr, layout, data, focus, theme);
}

/* The tile map */

/* A tile's name: short, but a city is told from the kabupaten of its name ("Kota Blitar",
 * "Blitar") */
static char *
tile_name (const CakRegion *region)
{
  if (region->kind == CAK_REGION_KIND_KOTA)
    return g_strconcat ("Kota ", region->short_name, NULL);
  return g_strdup (region->short_name);
}

static void
tilemap_layout (CakChartLayout *layout, const CakChartData *data, const CakChartTheme *theme)
{
  Map *m = map_new (layout, data, theme, TRUE);
  g_autofree const CakRegion **regions = g_new (const CakRegion *, MAX (1u, m->items->len));
  g_autofree CakTile *tiles = NULL;
  CakRect plot = layout->plot;
  double px = layout->font_px;

  m->context_shapes = g_ptr_array_new ();
  for (guint i = 0; i < m->items->len; i++)
    regions[i] = g_array_index (m->items, MapItem, i).shape->region;
  tiles = cak_boundaries_tile_layout (m->boundaries, regions, m->items->len,
                                      plot.width / MAX (1.0, plot.height), &m->cols, &m->rows);
  m->tile = floor (MIN (plot.width / MAX (1, m->cols), plot.height / MAX (1, m->rows)));
  m->tile_x0 = round (plot.x + (plot.width - m->tile * m->cols) / 2);
  m->tile_y0 = round (plot.y + (plot.height - m->tile * m->rows) / 2);
  m->tile_px = MIN (px * 0.8, m->tile * 0.2);
  /* A tile per regency: by province, its name would repeat in each of the province's tiles */
  m->tile_text = m->tile >= px * 3.6 && !data->by_province;
  for (guint i = 0; i < m->items->len; i++)
    {
      MapItem *it = &g_array_index (m->items, MapItem, i);

      it->tile = tiles[i];
      it->anchor = (Pt){ m->tile_x0 + (it->tile.col + 0.5) * m->tile,
                         m->tile_y0 + (it->tile.row + 0.5) * m->tile };
    }
  /* Every name and figure whole: the type of all tiles shrinks to the widest, and below half
   * the body size the tiles go without words (the labels name the extremes instead) */
  if (m->tile_text)
    {
      double inner = m->tile - px * 0.5, widest = 0;

      for (guint i = 0; i < m->items->len; i++)
        {
          const MapItem *it = &g_array_index (m->items, MapItem, i);
          const CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, it->item);
          g_autofree char *value = cak_chart_format_pct (row->coverage_pct, 1, data->lang);
          g_autofree char *name = tile_name (row->region);

          widest = MAX (widest,
                        cak_chart_text_width (layout, theme, m->tile_px, PANGO_WEIGHT_BOLD, name));
          widest = MAX (
              widest, cak_chart_text_width (layout, theme, m->tile_px, PANGO_WEIGHT_NORMAL, value));
        }
      /* Text does not scale quite linearly (hinting): a little under the proportion */
      if (widest > inner)
        m->tile_px = floor (m->tile_px * inner / widest * 0.94 * 10) / 10;
      m->tile_text = m->tile_px >= px * 0.5;
    }
  if (m->tile_text)
    for (guint i = 0; i < m->items->len; i++)
      {
        const MapItem *it = &g_array_index (m->items, MapItem, i);
        const CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, it->item);
        g_autofree char *value = cak_chart_format_pct (row->coverage_pct, 1, data->lang);
        g_autofree char *name = tile_name (row->region);
        double inner = m->tile - px * 0.5;

        cak_chart_place_text (layout, theme, m->tile_px, PANGO_WEIGHT_BOLD, name, it->anchor.x,
                              it->anchor.y - m->tile_px * 0.7, 0.5, inner);
        cak_chart_place_text (layout, theme, m->tile_px, PANGO_WEIGHT_NORMAL, value, it->anchor.x,
                              it->anchor.y + m->tile_px * 0.75, 0.5, inner);
      }
  else
    layout_labels (layout, m, data, theme);
  if (m->labels == NULL)
    {
      m->labels = g_array_new (FALSE, TRUE, sizeof (MapLabel));
      g_array_set_clear_func (m->labels, map_label_clear);
    }
  add_hits (layout, m);
}

static void
tilemap_paint_base (cairo_t *cr, const CakChartLayout *layout, const CakChartData *data,
                    const CakChartTheme *theme)
{
  const Map *m = layout->priv;
  double gap = MAX (1.0, round (m->tile * 0.06));
  g_autoptr (GHashTable) cells = g_hash_table_new (g_direct_hash, g_direct_equal);

  cak_chart_fill_background (cr, theme, layout);
  cak_chart_frame_paint (cr, layout, theme);
  cak_chart_legend_paint (cr, layout, theme, m->legend, m->n_legend);
  paint_attribution (cr, layout, m, theme);

  for (guint i = 0; i < m->items->len; i++)
    {
      const MapItem *it = &g_array_index (m->items, MapItem, i);
      double x = m->tile_x0 + it->tile.col * m->tile, y = m->tile_y0 + it->tile.row * m->tile;
      CakColor fill = class_color (m, theme, it->klass);

      g_hash_table_insert (cells, GINT_TO_POINTER (it->tile.row * m->cols + it->tile.col + 1),
                           (gpointer)it);
      cak_chart_set_color (cr, fill);
      cairo_rectangle (cr, x + gap / 2, y + gap / 2, m->tile - gap, m->tile - gap);
      if (it->klass == CLASS_NO_DATA)
        hatch_path (cr, theme, m->label_px);
      else
        cairo_fill (cr);
    }
  /* Province borders: between neighbouring tiles of different provinces */
  cak_chart_set_color (cr, theme->text);
  cairo_set_line_width (cr, MAX (1.5, gap * 0.8));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  for (guint i = 0; i < m->items->len; i++)
    {
      const MapItem *it = &g_array_index (m->items, MapItem, i);
      const MapItem *right = g_hash_table_lookup (
          cells, GINT_TO_POINTER (it->tile.row * m->cols + it->tile.col + 2));
      const MapItem *below = g_hash_table_lookup (
          cells, GINT_TO_POINTER ((it->tile.row + 1) * m->cols + it->tile.col + 1));
      double x = m->tile_x0 + it->tile.col * m->tile, y = m->tile_y0 + it->tile.row * m->tile;

      if (right && it->tile.col + 1 < m->cols
          && strcmp (right->shape->region->province_code, it->shape->region->province_code) != 0)
        {
          cairo_move_to (cr, x + m->tile, y);
          cairo_line_to (cr, x + m->tile, y + m->tile);
        }
      if (below
          && strcmp (below->shape->region->province_code, it->shape->region->province_code) != 0)
        {
          cairo_move_to (cr, x, y + m->tile);
          cairo_line_to (cr, x + m->tile, y + m->tile);
        }
    }
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (guint i = 0; i < m->items->len; i++)
    {
      const MapItem *it = &g_array_index (m->items, MapItem, i);

      if (m->tile_text)
        {
          const CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, it->item);
          g_autofree char *value = cak_chart_format_pct (row->coverage_pct, 1, data->lang);
          g_autofree char *name = tile_name (row->region);
          double inner = m->tile - layout->font_px * 0.5;

          cak_chart_set_color (cr, it->klass == CLASS_NO_DATA
                                       ? theme->text
                                       : text_on (class_color (m, theme, it->klass), theme));
          cak_chart_show_text (cr, layout, theme, m->tile_px, PANGO_WEIGHT_BOLD, name, it->anchor.x,
                               it->anchor.y - m->tile_px * 0.7, 0.5, inner);
          cak_chart_show_text (cr, layout, theme, m->tile_px, PANGO_WEIGHT_NORMAL, value,
                               it->anchor.x, it->anchor.y + m->tile_px * 0.75, 0.5, inner);
        }
    }
  paint_base_labels (cr, layout, m, theme);
}

static void
tilemap_paint_over (cairo_t *cr, const CakChartLayout *layout, const CakChartData *data,
                    const CakChartFocus *focus, const CakChartTheme *theme)
{
  const Map *m = layout->priv;
  int selected = focus->selected, highlighted = focus->highlighted;

  for (guint i = 0; i < m->items->len; i++)
    {
      const MapItem *it = &g_array_index (m->items, MapItem, i);
      double x = m->tile_x0 + it->tile.col * m->tile, y = m->tile_y0 + it->tile.row * m->tile;

      if (it->item == selected || it->item == highlighted)
        {
          cak_chart_set_color (cr, theme->text);
          cairo_set_line_width (cr, it->item == selected ? 3 : 2);
          cairo_rectangle (cr, x + 1.5, y + 1.5, m->tile - 3, m->tile - 3);
          cairo_stroke (cr);
        }
    }
  paint_selected_label (cr, layout, m, data, focus->selected, theme);
}

static void
tilemap_paint (cairo_t *cr, const CakChartLayout *layout, const CakChartData *data,
               const CakChartFocus *focus, const CakChartTheme *theme)
{
  paint_cached (cr, layout, data, theme, tilemap_paint_base);
  tilemap_paint_over (cr, layout, data, focus, theme);
}

/* In words */

static char *
describe (const CakChartData *data, gboolean tiles)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *title = map_title (data->lang, tiles);
  g_autofree char *subtitle = cak_chart_subtitle (data, NULL);
  Map m = { 0 };
  guint counts[N_CLASSES] = { 0 }, n_no_data = 0, n_no_target = 0;
  const CakIndicatorRow *top = NULL, *bottom = NULL;
  CakChartTheme theme;

  cak_chart_theme_init (&theme, CAK_CHART_THEME_LIGHT);
  build_classes (&m, data, &theme);
  for (guint i = 0; i < data->rows->len; i++)
    {
      const CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, i);
      int k = class_of (&m, row);

      if (k == CLASS_NO_DATA)
        n_no_data++;
      else if (k == CLASS_NO_TARGET)
        n_no_target++;
      else
        counts[k]++;
      if (isnan (row->coverage_pct))
        continue;
      if (top == NULL || row->coverage_pct > top->coverage_pct)
        top = row;
      if (bottom == NULL || row->coverage_pct < bottom->coverage_pct)
        bottom = row;
    }
  g_string_append_printf (out, "%s. %s. ", title, subtitle);
  g_string_append_printf (
      out,
      g_dngettext (GETTEXT_PACKAGE, "%u regency or city, coloured by class:",
                   "%u regencies and cities, coloured by class:", data->rows->len),
      data->rows->len);
  for (int k = N_CLASSES - 1; k >= 0; k--)
    g_string_append_printf (out, " %s: %u;", m.legend_text[k], counts[k]);
  if (n_no_target > 0)
    g_string_append_printf (out, " %s: %u;", cak_lang_gettext (data->lang, N_ ("No target")),
                            n_no_target);
  g_string_append_printf (out, " %s: %u.", cak_lang_gettext (data->lang, N_ ("No data")),
                          n_no_data);
  if (top)
    {
      g_autofree char *tv = cak_number_format_percent (top->coverage_pct, 1, data->lang);
      g_autofree char *bv = cak_number_format_percent (bottom->coverage_pct, 1, data->lang);

      g_string_append (out, " ");
      g_string_append_printf (
          out, cak_lang_gettext (data->lang, N_ ("Highest: %s, %s. Lowest: %s, %s.")),
          top->region->name, tv, bottom->region->name, bv);
    }
  for (guint i = 0; i < G_N_ELEMENTS (m.legend_text); i++)
    g_free (m.legend_text[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
map_describe (const CakChartData *data)
{
  return describe (data, FALSE);
}

static char *
tilemap_describe (const CakChartData *data)
{
  return describe (data, TRUE);
}

const CakChartPainter cak_chart_map_painter = {
  .layout = map_layout,
  .paint = map_paint,
  .describe = map_describe,
  .hit_test = map_hit_test,
  .paint_base = map_paint_base,
  .paint_over = map_paint_over,
  .can_zoom = TRUE,
};

const CakChartPainter cak_chart_tilemap_painter = {
  .layout = tilemap_layout,
  .paint = tilemap_paint,
  .describe = tilemap_describe,
  .hit_test = map_hit_test,
  .paint_base = tilemap_paint_base,
  .paint_over = tilemap_paint_over,
};

/* What the tests read of a map: the anchor where a hit test finds @item */
gboolean
cak_chart_map_get_anchor (const CakChartLayout *layout, int item, double *out_x, double *out_y)
{
  const MapItem *it;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (layout->kind == CAK_CHART_MAP || layout->kind == CAK_CHART_TILEMAP, FALSE);
  it = find_map_item (layout->priv, item);
  if (it == NULL)
    return FALSE;
  *out_x = it->anchor.x;
  *out_y = it->anchor.y;
  return TRUE;
}
