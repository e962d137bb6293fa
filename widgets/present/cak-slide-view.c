/* cak-slide-view.c: one slide of a deck at a time, filling the widget, with a thin progress bar
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every slide is drawn by cak_slide_draw(), as the PDF and the PNG files are, at the widget's
 * size. The drawn slide is kept as a render node, so that the cross-fade to the next one and the
 * redraws of the progress bar cost nothing.
 */
#define G_LOG_DOMAIN "cak-slide-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cak-number.h"
#include "cak-slide-view.h"
#include "cak-slides-private.h"

/* Slides cross-fade for this long, unless animations are off. */
#define FADE_USEC (250 * 1000)

struct _CakSlideView
{
  GtkWidget parent_instance;

  CakDeck *deck;
  CakChartData *data;
  CakChartTheme theme;
  char *agency;
  CakMonev *monev; /* the project's, for the slides of its meetings and checklist; or NULL */
  guint index;
  CakBlank blank;
  int highlight;

  GskRenderNode *node; /* the current slide at node_width x node_height */
  int node_width, node_height;
  GskRenderNode *old_node; /* the slide fading out */
  gint64 fade_start;
  guint fade_tick;

  CakChartLayout *hits; /* the current chart slide's geometry, for clicks */
};

G_DEFINE_FINAL_TYPE (CakSlideView, cak_slide_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_INDEX,
  PROP_BLANK,
  PROP_HIGHLIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CakSlide *
current_slide (CakSlideView *self)
{
  if (self->deck == NULL || self->index >= cak_deck_get_n_slides (self->deck))
    return NULL;
  return cak_deck_get_slide (self->deck, self->index);
}

static void
invalidate (CakSlideView *self)
{
  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_clear_pointer (&self->hits, cak_chart_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* What a slide that is no chart shows, in words: each slide its own description, the last
 * (the summary) too, rather than the one before it left over. */
static char *
describe_slide (const CakSlide *slide, const CakChartData *data)
{
  CakLang lang = data->lang;
  g_autofree char *period = cak_period_format (data->period, lang);

  switch (slide->kind)
    {
      case CAK_SLIDE_CHART:
        return cak_chart_describe (slide->chart, data);
      case CAK_SLIDE_SPOTLIGHT:
        {
          int item = cak_chart_data_find_code (data, slide->code);

          if (item >= 0)
            return cak_chart_data_describe_item (data, item);
          return NULL;
        }
      case CAK_SLIDE_SUMMARY:
        {
          gboolean targets = cak_chart_has_targets (data);
          g_autoptr (GArray) items = cak_slide_neediest_items (data, 5);
          g_autoptr (GString) text = g_string_new (NULL);
          g_autofree char *coverage = cak_chart_format_pct (data->total.coverage_pct, 2, lang);
          double sum = 0;

          for (guint i = 0; i < data->rows->len; i++)
            {
              const CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, i);
              double v = targets ? row->gap_to_target : row->uncovered;

              if (!isnan (v) && v > 0)
                sum += v;
            }
          {
            g_autofree char *count = cak_number_format (round (sum), 0, lang);

            if (targets)
              /* Translators: the summary slide, for a screen reader: the place, the period, its
               * coverage, and how many workers are still to enrol */
              g_string_append_printf (text,
                                      _ ("%s, %s: coverage %s; %s workers still to enrol for "
                                         "every regency to reach its target."),
                                      data->place, period, coverage, count);
            else
              /* Translators: the summary slide, for a screen reader: the place, the period, its
               * coverage, and how many workers are not yet covered */
              g_string_append_printf (text, _ ("%s, %s: coverage %s; %s workers not yet covered."),
                                      data->place, period, coverage, count);
          }
          for (guint i = 0; i < items->len; i++)
            {
              const CakIndicatorRow *row
                  = &g_array_index (data->rows, CakIndicatorRow, g_array_index (items, int, i));
              g_autofree char *count = cak_number_format (
                  round (targets ? row->gap_to_target : row->uncovered), 0, lang);

              if (i == 0)
                g_string_append_printf (text, " %s: ",
                                        targets ? _ ("Furthest from target")
                                                : _ ("Most workers not yet covered"));
              else
                g_string_append (text, "; ");
              g_string_append_printf (text, "%s %s", row->region->name, count);
            }
          return g_string_free (g_steal_pointer (&text), FALSE);
        }
      case CAK_SLIDE_TITLE:
      default:
        return g_strdup_printf ("%s, %s", data->place, period);
    }
}

/* An action's status changed in the window while presenting: the slide shows it at once */
static void
monev_changed_cb (CakSlideView *self)
{
  invalidate (self);
}

static void
update_accessible (CakSlideView *self)
{
  const CakSlide *slide = current_slide (self);
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  if (slide == NULL || self->data == NULL)
    return;
  name = cak_slide_get_name (slide, self->data);
  label = g_strdup_printf (_ ("Slide %u of %u: %s"), self->index + 1,
                           cak_deck_get_n_slides (self->deck), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  description = describe_slide (slide, self->data);
  if (description)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    /* A slide change is announced: the new slide's name */
#if GTK_CHECK_VERSION(4, 14, 0)
  gtk_accessible_announce (GTK_ACCESSIBLE (self), label,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
#endif
}

static gboolean
animations_enabled (CakSlideView *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled,
                NULL);
  return enabled;
}

static gboolean
fade_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  CakSlideView *self = CAK_SLIDE_VIEW (widget);

  if (gdk_frame_clock_get_frame_time (clock) - self->fade_start >= FADE_USEC)
    {
      g_clear_pointer (&self->old_node, gsk_render_node_unref);
      self->fade_tick = 0;
      gtk_widget_queue_draw (widget);
      return G_SOURCE_REMOVE;
    }
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
stop_fade (CakSlideView *self)
{
  if (self->fade_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fade_tick);
  self->fade_tick = 0;
  g_clear_pointer (&self->old_node, gsk_render_node_unref);
}

static void
start_fade (CakSlideView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  stop_fade (self);
  if (self->node == NULL || clock == NULL || self->blank != CAK_BLANK_NONE
      || !gtk_widget_get_mapped (GTK_WIDGET (self)) || !animations_enabled (self))
    return;
  self->old_node = gsk_render_node_ref (self->node);
  self->fade_start = gdk_frame_clock_get_frame_time (clock);
  self->fade_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), fade_tick_cb, NULL, NULL);
}

static void
ensure_node (CakSlideView *self, int width, int height)
{
  const CakSlide *slide = current_slide (self);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  CakSlideInfo info = { self->agency, NULL, self->highlight, self->monev };
  cairo_t *cr;

  if (self->node && self->node_width == width && self->node_height == height)
    return;
  g_clear_pointer (&self->node, gsk_render_node_unref);
  if (slide == NULL || self->data == NULL)
    return;
  self->node = gsk_cairo_node_new (&bounds);
  self->node_width = width;
  self->node_height = height;
  cr = gsk_cairo_node_get_draw_context (self->node);
  cak_slide_draw (cr, slide, self->data, &info, &self->theme, width, height);
  cairo_destroy (cr);
}

/* A thin bar along the bottom edge: how far into the deck the room is. */
static void
append_progress (CakSlideView *self, GtkSnapshot *snapshot, int width, int height)
{
  guint n = cak_deck_get_n_slides (self->deck);
  double bar = MAX (3, round (height / 180.0));
  double done = n ? width * (self->index + 1) / (double)n : 0;
  const CakColor *c = &self->theme.muted;
  GdkRGBA track = { c->r, c->g, c->b, 0.18 };
  GdkRGBA fill = { c->r, c->g, c->b, 0.75 };

  if (n < 2)
    return;
  gtk_snapshot_append_color (snapshot, &track, &GRAPHENE_RECT_INIT (0, height - bar, width, bar));
  gtk_snapshot_append_color (snapshot, &fill, &GRAPHENE_RECT_INIT (0, height - bar, done, bar));
}

static void
cak_slide_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CakSlideView *self = CAK_SLIDE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);

  if (width <= 0 || height <= 0)
    return;
  if (self->blank != CAK_BLANK_NONE)
    {
      GdkRGBA colour = { 0, 0, 0, 1 };

      if (self->blank == CAK_BLANK_WHITE)
        colour = (GdkRGBA){ 1, 1, 1, 1 };
      gtk_snapshot_append_color (snapshot, &colour, &bounds);
      return;
    }
  ensure_node (self, width, height);
  if (self->node == NULL)
    {
      const CakColor *c = &self->theme.background;

      gtk_snapshot_append_color (snapshot, &(GdkRGBA){ c->r, c->g, c->b, 1 }, &bounds);
      return;
    }
  if (self->old_node && self->fade_tick)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
      double t
          = clock ? (gdk_frame_clock_get_frame_time (clock) - self->fade_start) / (double)FADE_USEC
                  : 1;

      gtk_snapshot_push_cross_fade (snapshot, CLAMP (t, 0, 1));
      gtk_snapshot_append_node (snapshot, self->old_node);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_node (snapshot, self->node);
      gtk_snapshot_pop (snapshot);
    }
  else
    gtk_snapshot_append_node (snapshot, self->node);
  append_progress (self, snapshot, width, height);
}

static void
cak_slide_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CakSlideView *self = CAK_SLIDE_VIEW (widget);

  if (self->node_width != width || self->node_height != height)
    {
      stop_fade (self);
      invalidate (self);
    }
}

static void
cak_slide_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                        int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 1280 : 720;
}

static void
cak_slide_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CakSlideView *self = CAK_SLIDE_VIEW (object);

  switch (prop_id)
    {
      case PROP_INDEX:
        g_value_set_uint (value, self->index);
        break;
      case PROP_BLANK:
        g_value_set_int (value, self->blank);
        break;
      case PROP_HIGHLIGHT:
        g_value_set_int (value, self->highlight);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cak_slide_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CakSlideView *self = CAK_SLIDE_VIEW (object);

  switch (prop_id)
    {
      case PROP_INDEX:
        cak_slide_view_set_index (self, g_value_get_uint (value));
        break;
      case PROP_BLANK:
        cak_slide_view_set_blank (self, g_value_get_int (value));
        break;
      case PROP_HIGHLIGHT:
        cak_slide_view_set_highlight (self, g_value_get_int (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cak_slide_view_dispose (GObject *object)
{
  CakSlideView *self = CAK_SLIDE_VIEW (object);

  stop_fade (self);
  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_clear_pointer (&self->hits, cak_chart_layout_free);
  g_clear_pointer (&self->deck, cak_deck_free);
  g_clear_pointer (&self->data, cak_chart_data_unref);
  g_clear_pointer (&self->agency, g_free);
  if (self->monev)
    g_signal_handlers_disconnect_by_func (self->monev, monev_changed_cb, self);
  g_clear_object (&self->monev);
  G_OBJECT_CLASS (cak_slide_view_parent_class)->dispose (object);
}

static void
cak_slide_view_class_init (CakSlideViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cak_slide_view_dispose;
  object_class->get_property = cak_slide_view_get_property;
  object_class->set_property = cak_slide_view_set_property;
  widget_class->snapshot = cak_slide_view_snapshot;
  widget_class->size_allocate = cak_slide_view_size_allocate;
  widget_class->measure = cak_slide_view_measure;

  properties[PROP_INDEX]
      = g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLANK]
      = g_param_spec_int ("blank", NULL, NULL, CAK_BLANK_NONE, CAK_BLANK_WHITE, CAK_BLANK_NONE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHLIGHT] = g_param_spec_int (
      "highlight", NULL, NULL, CAK_CHART_ITEM_REST, G_MAXINT, CAK_CHART_ITEM_NONE,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "slideview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cak_slide_view_init (CakSlideView *self)
{
  self->highlight = CAK_CHART_ITEM_NONE;
  self->deck = cak_deck_new ();
  cak_chart_theme_init (&self->theme, CAK_CHART_THEME_PROJECTOR);
}

/* Public */

GtkWidget *
cak_slide_view_new (void)
{
  return g_object_new (CAK_TYPE_SLIDE_VIEW, NULL);
}

/**
 * cak_slide_view_set_deck:
 *
 * Shows a copy of @deck, from its first slide.
 */
void
cak_slide_view_set_deck (CakSlideView *self, const CakDeck *deck)
{
  g_return_if_fail (CAK_IS_SLIDE_VIEW (self));
  g_return_if_fail (deck != NULL);

  cak_deck_free (self->deck);
  self->deck = cak_deck_copy (deck);
  stop_fade (self);
  invalidate (self);
  if (self->index != 0)
    {
      self->index = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
    }
  update_accessible (self);
}

const CakDeck *
cak_slide_view_get_deck (CakSlideView *self)
{
  g_return_val_if_fail (CAK_IS_SLIDE_VIEW (self), NULL);

  return self->deck;
}

/**
 * cak_slide_view_set_data:
 * @data: (nullable): the figures the slides are drawn from; the view keeps a reference
 */
void
cak_slide_view_set_data (CakSlideView *self, CakChartData *data)
{
  g_return_if_fail (CAK_IS_SLIDE_VIEW (self));

  if (self->data == data)
    return;
  g_clear_pointer (&self->data, cak_chart_data_unref);
  self->data = data ? cak_chart_data_ref (data) : NULL;
  invalidate (self);
  update_accessible (self);
}

CakChartData *
cak_slide_view_get_data (CakSlideView *self)
{
  g_return_val_if_fail (CAK_IS_SLIDE_VIEW (self), NULL);

  return self->data;
}

void
cak_slide_view_set_theme_kind (CakSlideView *self, CakChartThemeKind kind)
{
  g_return_if_fail (CAK_IS_SLIDE_VIEW (self));

  cak_chart_theme_init (&self->theme, kind);
  invalidate (self);
}

/**
 * cak_slide_view_set_agency:
 * @agency: (nullable): the office named on the title slide
 */
void
cak_slide_view_set_agency (CakSlideView *self, const char *agency)
{
  g_return_if_fail (CAK_IS_SLIDE_VIEW (self));

  g_free (self->agency);
  self->agency = g_strdup (agency);
  invalidate (self);
}

/**
 * cak_slide_view_set_monev:
 * @monev: (nullable): the project's: what its meetings agreed, its checklist
 */
void
cak_slide_view_set_monev (CakSlideView *self, CakMonev *monev)
{
  g_return_if_fail (CAK_IS_SLIDE_VIEW (self));
  g_return_if_fail (monev == NULL || CAK_IS_MONEV (monev));

  if (self->monev == monev)
    return;
  if (self->monev)
    g_signal_handlers_disconnect_by_func (self->monev, monev_changed_cb, self);
  g_set_object (&self->monev, monev);
  if (monev)
    g_signal_connect_object (monev, "changed", G_CALLBACK (monev_changed_cb), self,
                             G_CONNECT_SWAPPED);
  invalidate (self);
}

/**
 * cak_slide_view_get_monev:
 *
 * Returns: (transfer none) (nullable): the monev the slides are drawn with
 */
CakMonev *
cak_slide_view_get_monev (CakSlideView *self)
{
  g_return_val_if_fail (CAK_IS_SLIDE_VIEW (self), NULL);

  return self->monev;
}

guint
cak_slide_view_get_n_slides (CakSlideView *self)
{
  g_return_val_if_fail (CAK_IS_SLIDE_VIEW (self), 0);

  return cak_deck_get_n_slides (self->deck);
}

/**
 * cak_slide_view_set_index:
 *
 * Shows slide @index (from 0; clamped to the deck), fading from the one shown.
 */
void
cak_slide_view_set_index (CakSlideView *self, guint index)
{
  guint n;

  g_return_if_fail (CAK_IS_SLIDE_VIEW (self));

  n = cak_deck_get_n_slides (self->deck);
  index = n ? MIN (index, n - 1) : 0;
  if (index == self->index)
    return;
  start_fade (self);
  self->index = index;
  invalidate (self);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
}

guint
cak_slide_view_get_index (CakSlideView *self)
{
  g_return_val_if_fail (CAK_IS_SLIDE_VIEW (self), 0);

  return self->index;
}

/**
 * cak_slide_view_set_blank:
 *
 * Shows a black or white screen in place of the slide, at once, or the slide again.
 */
void
cak_slide_view_set_blank (CakSlideView *self, CakBlank blank)
{
  g_return_if_fail (CAK_IS_SLIDE_VIEW (self));

  if (blank == self->blank)
    return;
  stop_fade (self);
  self->blank = blank;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLANK]);
}

CakBlank
cak_slide_view_get_blank (CakSlideView *self)
{
  g_return_val_if_fail (CAK_IS_SLIDE_VIEW (self), CAK_BLANK_NONE);

  return self->blank;
}

/**
 * cak_slide_view_set_highlight:
 * @item: a regency of the data, emphasised on every slide, or %CAK_CHART_ITEM_NONE
 */
void
cak_slide_view_set_highlight (CakSlideView *self, int item)
{
  g_return_if_fail (CAK_IS_SLIDE_VIEW (self));

  if (item == self->highlight)
    return;
  self->highlight = item;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
}

int
cak_slide_view_get_highlight (CakSlideView *self)
{
  g_return_val_if_fail (CAK_IS_SLIDE_VIEW (self), CAK_CHART_ITEM_NONE);

  return self->highlight;
}

/**
 * cak_slide_view_hit_test:
 *
 * Returns: the regency whose mark is at @x, @y on a chart slide, or %CAK_CHART_ITEM_NONE
 *
 * A chart slide is the chart filling the slide, with the type size of an exported chart of that
 * size; the geometry is that of the chart's own layout.
 */
int
cak_slide_view_hit_test (CakSlideView *self, double x, double y)
{
  const CakSlide *slide;
  int width, height;

  g_return_val_if_fail (CAK_IS_SLIDE_VIEW (self), CAK_CHART_ITEM_NONE);

  slide = current_slide (self);
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (slide == NULL || self->data == NULL || slide->kind != CAK_SLIDE_CHART
      || self->blank != CAK_BLANK_NONE || width <= 0 || height <= 0)
    return CAK_CHART_ITEM_NONE;
  if (self->hits == NULL)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cairo_t *cr = cairo_create (surface);
      PangoContext *context = cak_chart_create_context (cr);

      CakSlideInfo info = { self->agency, NULL, self->highlight, self->monev };

      /* The chart as cak_slide_draw() lays it out: its theme, type sizes and regency. */
      self->hits
          = cak_slide_layout_new (slide, self->data, &info, &self->theme, context, width, height);
      g_object_unref (context);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  return cak_chart_hit_test (self->hits, x, y);
}
