//! The timeline picture (`timeline.svg`, and `timeline.html` around it).
//!
//! Layout, 1280 px wide so it reads on an ordinary screen:
//! - a fixed label column at the right: the Arabic label right-to-left (truncated to fit, the full
//!   text in a `<title>` tooltip), the event id at its left; labels never reach into the bars;
//! - the time axis at the left. It is piecewise linear between the dated bounds that occur in the
//!   timeline, each stretch getting a width that grows with the logarithm of its length, so a
//!   year-long event and an evening both stay readable (the legend says so);
//! - one row per dated event: a pale bar from the earliest start to the latest end (what the sources
//!   allow), a solid bar from the latest start to the earliest end (when it surely happened), an
//!   arrow for an open bound; events in a contradiction are red and carry a `!`;
//! - silence periods shaded across all rows, votes marked with a green dashed line and named
//!   («تصويت» and the day) on the axis;
//! - below: the events with no time bound at all, as a compact grid, then the contradictions,
//!   each naming the events it involves (id and label);
//! - one such timeline per story (`TimelineEvent::story`), each with its own axis; a story of
//!   more than [`MAX_EVENTS_PER_STORY`] events shows its most important ones.
//!
//! Every event drawn gets exactly one element of class `event` (tests count them).

use chrono::{DateTime, Duration, FixedOffset};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;
use tarikh_timeline::{Timeline, TimelineEvent};

/// Width of the picture in pixels.
pub const WIDTH: f64 = 1280.0;
const MARGIN: f64 = 16.0;
/// Width of the label column at the right.
const LABEL_W: f64 = 360.0;
const ID_W: f64 = 52.0;
const ROW: f64 = 20.0;
const FONT: f64 = 13.0;
const FONT_FAMILY: &str = "'Noto Naskh Arabic', 'Noto Sans Arabic', Amiri, 'DejaVu Sans', Arial, sans-serif";
const BLUE: &str = "#1565c0";
const RED: &str = "#c62828";
const GREEN: &str = "#2e7d32";
const AMBER: &str = "#f9a825";

/// Escape text for XML (text and attribute values). Characters XML 1.0 cannot hold are dropped.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Rough width of `s` in pixels at `size` (no font metrics here: Arabic letters average about half
/// the font size, Latin letters and digits a little more; kept on the generous side).
fn text_width(s: &str, size: f64) -> f64 {
    s.chars()
        .map(|c| match c {
            ' ' => 0.3,
            '\u{064B}'..='\u{065F}' | '\u{0670}' => 0.0, // harakat take no width
            c if c.is_ascii_uppercase() || c.is_ascii_digit() => 0.65,
            c if c.is_ascii() => 0.55,
            _ => 0.55,
        })
        .sum::<f64>()
        * size
}

/// `s` cut (with an ellipsis) to fit in `width` pixels at `size`.
pub fn fit(s: &str, width: f64, size: f64) -> String {
    if text_width(s, size) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        out.push(c);
        if text_width(&out, size) + 0.6 * size > width {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

/// Is this event a vote (an election round, a referendum or the close of polls)?
fn is_vote(e: &TimelineEvent) -> bool {
    let t = e.event_type.as_str();
    t == "election_round" || t == "referendum" || t == "polls_close" || t.contains("vote")
}

fn is_silence(e: &TimelineEvent) -> bool {
    e.event_type.contains("silence")
}

/// An optional instant: None is an open bound.
type OpenBound = Option<DateTime<FixedOffset>>;

/// The stretch an event may cover: (earliest start or None when open, latest end or None when open).
fn hull(e: &TimelineEvent) -> Option<(OpenBound, OpenBound)> {
    let bounds = [e.earliest_start, e.latest_start, e.earliest_end, e.latest_end];
    if bounds.iter().all(Option::is_none) {
        return None;
    }
    let lo = e.earliest_start;
    let hi = e.latest_end;
    Some((lo, hi))
}

/// Both ends when both are known.
fn closed_hull(e: &TimelineEvent) -> Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
    let known: Vec<DateTime<FixedOffset>> = [e.earliest_start, e.latest_start, e.earliest_end, e.latest_end].into_iter().flatten().collect();
    let lo = e.earliest_start.or_else(|| known.iter().min().copied())?;
    let hi = e.latest_end.or_else(|| known.iter().max().copied())?;
    Some((lo.min(hi), hi.max(lo)))
}

/// The time axis: piecewise linear between breakpoints.
struct Axis {
    /// (time as seconds since the epoch, x in pixels)
    points: Vec<(i64, f64)>,
}

impl Axis {
    fn new(mut times: Vec<i64>, left: f64, right: f64) -> Axis {
        times.sort_unstable();
        times.dedup();
        if times.is_empty() {
            times.push(0);
        }
        if times.len() == 1 {
            times = vec![times[0] - 43_200, times[0] + 43_200];
        }
        // Room at both ends for open bounds: a pad worth a short stretch.
        let pad = 1.0;
        let weights: Vec<f64> = times.windows(2).map(|w| (1.0 + (w[1] - w[0]) as f64 / 3600.0).ln() + 0.4).collect();
        let total: f64 = weights.iter().sum::<f64>() + 2.0 * pad;
        let unit = (right - left) / total;
        let mut x = left + pad * unit;
        let mut points = vec![(times[0], x)];
        for (i, w) in weights.iter().enumerate() {
            x += w * unit;
            points.push((times[i + 1], x));
        }
        Axis { points }
    }

    fn x(&self, t: DateTime<FixedOffset>) -> f64 {
        let s = t.timestamp();
        let p = &self.points;
        if s <= p[0].0 {
            return p[0].1;
        }
        if s >= p[p.len() - 1].0 {
            return p[p.len() - 1].1;
        }
        let i = p.partition_point(|q| q.0 <= s) - 1;
        let (t0, x0) = p[i];
        let (t1, x1) = p[i + 1];
        x0 + (x1 - x0) * ((s - t0) as f64 / (t1 - t0) as f64)
    }
}

/// A `<text>` right-to-left whose right edge is at `x_right`, baseline at `y`.
fn rtl_text(svg: &mut String, class: &str, (x_right, y): (f64, f64), size: f64, fill: &str, text: &str, title: Option<&str>) {
    let tooltip = title.map(|t| format!("<title>{}</title>", xml_escape(t))).unwrap_or_default();
    let _ = writeln!(
        svg,
        r#"<text class="{class}" x="{x_right:.1}" y="{y:.1}" font-size="{size}" direction="rtl" unicode-bidi="embed" text-anchor="start" fill="{fill}">{tooltip}{}</text>"#,
        xml_escape(text)
    );
}

/// Which contradictions each event takes part in: a conflict's evidence span overlapping one of the
/// event's mentions, or naming the same document span.
fn conflicts_by_event(timeline: &Timeline) -> BTreeMap<String, Vec<String>> {
    // Index the mentions by document once: comparing every conflict with every mention is quadratic
    // and dominated whole runs on large corpora (BENCHMARKS.md).
    let mut by_doc: HashMap<&str, Vec<(usize, usize, usize)>> = HashMap::new();
    for (index, e) in timeline.events.iter().enumerate() {
        for (d, s, en) in &e.mentions {
            by_doc.entry(d.as_str()).or_default().push((*s, *en, index));
        }
    }
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let index_of: HashMap<&str, usize> = timeline.events.iter().enumerate().map(|(k, e)| (e.id.as_str(), k)).collect();
    for c in &timeline.conflicts {
        // the events the reconciliation names, and those whose mentions the evidence touches
        let mut hit: BTreeSet<usize> = c.events.iter().filter_map(|id| index_of.get(id.as_str()).copied()).collect();
        for (cd, cs, ce, _) in &c.evidence {
            for &(s, en, index) in by_doc.get(&**cd).map(Vec::as_slice).unwrap_or(&[]) {
                if *cs < en && s < *ce {
                    hit.insert(index);
                }
            }
        }
        for index in hit {
            let v = out.entry(timeline.events[index].id.clone()).or_default();
            if !v.contains(&c.id) {
                v.push(c.id.clone());
            }
        }
    }
    out
}

fn bounds_text(e: &TimelineEvent) -> String {
    let f = |t: &Option<DateTime<FixedOffset>>| t.as_ref().map(crate::timefmt::iso).unwrap_or_else(|| "…".into());
    format!(
        "start {} – {}, end {} – {}",
        f(&e.earliest_start),
        f(&e.latest_start),
        f(&e.earliest_end),
        f(&e.latest_end)
    )
}

/// How many events of a story the chart draws at most: the most important ones (documents,
/// mentions, explicitness of their date), in time order; `timeline.csv` holds them all.
pub const MAX_EVENTS_PER_STORY: usize = 35;

/// The events of one story the picture draws: all of them up to [`MAX_EVENTS_PER_STORY`], else
/// the most important ones (ties: the earlier id), kept in timeline order.
pub fn shown_events<'a>(events: &[&'a TimelineEvent]) -> Vec<&'a TimelineEvent> {
    if events.len() <= MAX_EVENTS_PER_STORY {
        return events.to_vec();
    }
    let mut ranked: Vec<&TimelineEvent> = events.to_vec();
    ranked.sort_by(|a, b| b.importance.cmp(&a.importance).then_with(|| a.id.cmp(&b.id)));
    let keep: BTreeSet<&str> = ranked.iter().take(MAX_EVENTS_PER_STORY).map(|e| e.id.as_str()).collect();
    events.iter().copied().filter(|e| keep.contains(e.id.as_str())).collect()
}

/// Render the timeline as a standalone SVG document, [`WIDTH`] px wide: a header, then one
/// timeline per story (its own axis, rows, events with no bound and contradictions).
pub fn render(timeline: &Timeline) -> String {
    render_named(timeline, &BTreeMap::new())
}

/// How many of a story's words its heading shows.
const HEADING_WORDS: usize = 4;

/// [`render`], each story headed by its id and the words its articles share most (`story_words`
/// of `documents.csv`, by story id), so that a reader of a folder of several stories knows which
/// one each timeline is.
pub fn render_named(timeline: &Timeline, story_words: &BTreeMap<String, Vec<String>>) -> String {
    let conflicts_of = conflicts_by_event(timeline);
    let label_of: HashMap<&str, &str> = timeline.events.iter().map(|e| (e.id.as_str(), e.label.as_str())).collect();
    let mut stories: BTreeMap<&str, (Vec<&TimelineEvent>, Vec<&tarikh_timeline::Conflict>)> = BTreeMap::new();
    for e in &timeline.events {
        stories.entry(e.story.as_str()).or_default().0.push(e);
    }
    for c in &timeline.conflicts {
        stories.entry(c.story.as_str()).or_default().1.push(c);
    }

    let mut body = String::new();
    // ---- header
    let shown_total: usize = stories.values().map(|(evs, _)| shown_events(evs).len()).sum();
    let conflicting = timeline.events.iter().filter(|e| e.status == "conflict").count();
    rtl_text(&mut body, "title", (WIDTH - MARGIN, 30.0), 20.0, "#222", "الخط الزمني للأحداث", None);
    let _ = writeln!(
        body,
        r##"<text class="summary" x="{MARGIN}" y="28" font-size="12" fill="#555">{} stor{} · {} events ({} drawn) · {} in a contradiction · {} contradictions</text>"##,
        stories.len(),
        if stories.len() == 1 { "y" } else { "ies" },
        timeline.events.len(),
        shown_total,
        conflicting,
        timeline.conflicts.len()
    );
    // Legend.
    let ly = 52.0;
    let _ = writeln!(body, r##"<g class="legend" font-size="11" fill="#444">"##);
    let _ = writeln!(body, r##"<rect x="{MARGIN}" y="{:.1}" width="26" height="10" fill="{BLUE}" opacity="0.25"/><rect x="{:.1}" y="{:.1}" width="12" height="10" fill="{BLUE}"/>"##, ly - 9.0, MARGIN + 7.0, ly - 9.0);
    let _ = writeln!(body, r##"<text x="{:.1}" y="{ly}">pale: earliest start → latest end · solid: surely ongoing</text>"##, MARGIN + 32.0);
    let _ = writeln!(body, r##"<path d="M{0:.1},{1:.1} l-7,5 l7,5 z" fill="{BLUE}"/><text x="{2:.1}" y="{ly}">open bound</text>"##, MARGIN + 368.0, ly - 9.0, MARGIN + 372.0);
    let _ = writeln!(body, r##"<rect x="{:.1}" y="{:.1}" width="14" height="10" fill="{AMBER}" opacity="0.3"/><text x="{:.1}" y="{ly}">silence period</text>"##, MARGIN + 440.0, ly - 9.0, MARGIN + 458.0);
    let _ = writeln!(body, r##"<line x1="{0:.1}" y1="{1:.1}" x2="{0:.1}" y2="{ly}" stroke="{GREEN}" stroke-width="2" stroke-dasharray="3 2"/><text x="{2:.1}" y="{ly}">vote</text>"##, MARGIN + 550.0, ly - 10.0, MARGIN + 556.0);
    let _ = writeln!(body, r##"<rect x="{:.1}" y="{:.1}" width="14" height="10" fill="{RED}"/><text x="{:.1}" y="{ly}">in a contradiction (!)</text>"##, MARGIN + 600.0, ly - 9.0, MARGIN + 618.0);
    let _ = writeln!(body, r##"<text x="{:.1}" y="{ly}" fill="#777">axis compressed: stretches between dated bounds widen with the log of their length</text>"##, MARGIN + 750.0);
    let _ = writeln!(body, "</g>");

    let mut y = 62.0;
    for (story, (events, conflicts)) in &stories {
        let words = story_words.get(*story).map(Vec::as_slice).unwrap_or_default();
        y = render_story(&mut body, y, (story, words), events, conflicts, &conflicts_of, &label_of);
    }
    let height = (y + 24.0).ceil();

    let mut svg = String::new();
    let _ = writeln!(svg, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="{FONT_FAMILY}" font-size="{FONT}">"#
    );
    let _ = writeln!(svg, r##"<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>"##);
    svg.push_str(&body);
    svg.push_str("</svg>\n");
    svg
}

/// One story's timeline, drawn from `y0` down; returns where it ends.
fn render_story(
    body: &mut String,
    y0: f64,
    (story, words): (&str, &[String]),
    all_events: &[&TimelineEvent],
    conflicts: &[&tarikh_timeline::Conflict],
    conflicts_of: &BTreeMap<String, Vec<String>>,
    label_of: &HashMap<&str, &str>,
) -> f64 {
    let events = shown_events(all_events);
    let hidden = all_events.len() - events.len();
    let (dated, undated): (Vec<&TimelineEvent>, Vec<&TimelineEvent>) = events.iter().copied().partition(|e| hull(e).is_some());
    let axis_left = MARGIN + 8.0;
    let axis_right = WIDTH - MARGIN - LABEL_W - 16.0;
    // Every dated bound, each printed in its own offset (the first one seen for an instant).
    let mut bounds: BTreeMap<i64, DateTime<FixedOffset>> = BTreeMap::new();
    for e in &dated {
        for t in [e.earliest_start, e.latest_start, e.earliest_end, e.latest_end].into_iter().flatten() {
            bounds.entry(t.timestamp()).or_insert(t);
        }
    }
    let axis = Axis::new(bounds.keys().copied().collect(), axis_left, axis_right);

    // ---- the story's heading
    let heading_y = y0 + 26.0;
    let _ = writeln!(body, r##"<line class="story-rule" x1="{MARGIN}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#c5ccd6"/>"##, y0 + 6.0, WIDTH - MARGIN, y0 + 6.0);
    let mut name = if story.is_empty() { "القصة".to_string() } else { format!("القصة: {story}") };
    if !words.is_empty() {
        name.push_str(" — ");
        name.push_str(&words.iter().take(HEADING_WORDS).map(String::as_str).collect::<Vec<_>>().join(" · "));
    }
    rtl_text(body, "story", (WIDTH - MARGIN, heading_y), 15.0, "#222", &name, None);
    let story_conflicting = all_events.iter().filter(|e| e.status == "conflict").count();
    let _ = writeln!(
        body,
        r##"<text class="story-summary" x="{MARGIN}" y="{heading_y:.1}" font-size="11" fill="#555">{} events · {} dated · {} without a time bound · {} in a contradiction · {} contradictions{}</text>"##,
        all_events.len(),
        dated.len(),
        undated.len(),
        story_conflicting,
        conflicts.len(),
        if hidden > 0 { format!(" · {hidden} less important not drawn (all are in timeline.csv)") } else { String::new() }
    );

    let top_ticks = y0 + 52.0;
    let annot1 = y0 + 68.0;
    let annot2 = y0 + 82.0;
    let top = y0 + 94.0;
    let rows_bottom = top + ROW * dated.len() as f64;

    if dated.is_empty() {
        let _ = writeln!(body, r##"<text x="{MARGIN}" y="{:.1}" fill="#666">No event has a time bound.</text>"##, top + 14.0);
    } else {
        for (i, _) in dated.iter().enumerate() {
            if i % 2 == 1 {
                let _ = writeln!(body, r##"<rect x="{MARGIN}" y="{:.1}" width="{:.1}" height="{ROW}" fill="#f5f7fa"/>"##, top + ROW * i as f64, WIDTH - 2.0 * MARGIN);
            }
        }
        // Silence periods shaded, votes marked, with one annotation per place at the top.
        let mut annotations: Vec<(f64, String, &str)> = Vec::new();
        let mut shaded: BTreeSet<(i64, i64)> = BTreeSet::new();
        for e in &dated {
            if !is_silence(e) {
                continue;
            }
            if let Some((s, en)) = closed_hull(e) {
                if !shaded.insert((s.timestamp(), en.timestamp())) {
                    continue;
                }
                let (x0, x1) = (axis.x(s), axis.x(en));
                let _ = writeln!(
                    body,
                    r##"<rect class="silence" x="{x0:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{AMBER}" opacity="0.22"><title>{}</title></rect>"##,
                    annot1 - 10.0,
                    (x1 - x0).max(2.0),
                    rows_bottom - annot1 + 10.0,
                    xml_escape(&format!("{} ({}): {} → {}", e.label, e.id, crate::timefmt::iso(&s), crate::timefmt::iso(&en)))
                );
                annotations.push(((x0 + x1) / 2.0, e.label.clone(), "#8d6e00"));
            }
        }
        // the vote days, marked through the rows and named on the axis
        let mut vote_days: BTreeMap<chrono::NaiveDate, DateTime<FixedOffset>> = BTreeMap::new();
        for e in &dated {
            if !is_vote(e) || matches!(e.granularity.as_str(), "year" | "month") {
                continue;
            }
            let Some((s, en)) = closed_hull(e) else { continue };
            if en - s > Duration::hours(48) || e.earliest_start.is_none() {
                continue;
            }
            if vote_days.contains_key(&s.date_naive()) {
                continue;
            }
            vote_days.insert(s.date_naive(), s);
            let x0 = axis.x(s);
            let _ = writeln!(
                body,
                r##"<line class="vote" x1="{x0:.1}" y1="{:.1}" x2="{x0:.1}" y2="{rows_bottom:.1}" stroke="{GREEN}" stroke-width="2" stroke-dasharray="5 3"><title>{}</title></line>"##,
                annot1 - 10.0,
                xml_escape(&format!("{} ({}): {}", e.label, e.id, crate::timefmt::iso(&s)))
            );
            annotations.push((x0, "تصويت".to_string(), GREEN));
        }
        // Place annotations on two lines, the second when the first is taken.
        annotations.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        let mut line_end = [f64::NEG_INFINITY; 2];
        for (x, text, colour) in &annotations {
            let w = text_width(text, 11.0);
            let (x0, x1) = (x - w / 2.0, x + w / 2.0);
            let Some(line) = (0..2).find(|&l| x0 > line_end[l] + 6.0) else { continue };
            line_end[line] = x1;
            let yy = if line == 0 { annot1 } else { annot2 };
            let _ = writeln!(
                body,
                r##"<text class="annotation" x="{x:.1}" y="{yy:.1}" font-size="11" text-anchor="middle" direction="rtl" unicode-bidi="embed" fill="{colour}">{}</text>"##,
                xml_escape(text)
            );
        }

        // Axis: a grid line at each dated bound, labels where they fit; the vote days first, in
        // green, named «تصويت» with their date.
        let _ = writeln!(body, r##"<g class="axis" font-size="10" fill="#444">"##);
        let _ = writeln!(body, r##"<line x1="{axis_left}" y1="{0:.1}" x2="{axis_right}" y2="{0:.1}" stroke="#444"/>"##, top - 2.0);
        let _ = writeln!(body, r##"<line x1="{axis_left}" y1="{0:.1}" x2="{axis_right}" y2="{0:.1}" stroke="#444"/>"##, rows_bottom + 2.0);
        let mut taken: Vec<(f64, f64)> = Vec::new();
        let free = |taken: &[(f64, f64)], a: f64, b: f64| taken.iter().all(|&(x, y)| b + 4.0 < x || a > y + 4.0);
        for local in vote_days.values() {
            let x0 = axis.x(*local);
            // the date isolated left-to-right: inside right-to-left text its parts would be
            // reordered (2017-05-06 shown as 06-05-2017)
            let label = format!("تصويت \u{2066}{}\u{2069}", local.format("%Y-%m-%d"));
            let w = text_width(&label, 10.0);
            taken.push((x0 - w / 2.0, x0 + w / 2.0));
            let _ = writeln!(
                body,
                r##"<text class="vote-day" x="{x0:.1}" y="{top_ticks:.1}" text-anchor="middle" font-weight="bold" fill="{GREEN}" direction="rtl" unicode-bidi="embed">{0}</text><text class="vote-day" x="{x0:.1}" y="{1:.1}" text-anchor="middle" font-weight="bold" fill="{GREEN}" direction="rtl" unicode-bidi="embed">{0}</text>"##,
                xml_escape(&label),
                rows_bottom + 16.0
            );
        }
        let mut last_year = None;
        for local in bounds.values().copied() {
            let x0 = axis.x(local);
            let _ = writeln!(body, r##"<line x1="{x0:.1}" y1="{:.1}" x2="{x0:.1}" y2="{:.1}" stroke="#dde3ea"/>"##, top - 6.0, rows_bottom + 6.0);
            let year = local.format("%Y").to_string();
            // the year on its first label; then day and month name («3 May»): a bare «05-03» reads
            // as 5 March to half the world
            let label = if last_year.as_ref() != Some(&year) { local.format("%Y-%m-%d").to_string() } else { local.format("%-d %b").to_string() };
            let label = if local.format("%H:%M").to_string() != "00:00" { format!("{label} {}", local.format("%H:%M")) } else { label };
            let w = text_width(&label, 10.0);
            let (a, b) = (x0 - w / 2.0, x0 + w / 2.0);
            if free(&taken, a, b) && b <= axis_right + 30.0 {
                taken.push((a, b));
                last_year = Some(year);
                let _ = writeln!(body, r#"<text x="{x0:.1}" y="{top_ticks:.1}" text-anchor="middle">{label}</text><text x="{x0:.1}" y="{:.1}" text-anchor="middle">{label}</text>"#, rows_bottom + 16.0);
            }
        }
        let _ = writeln!(body, "</g>");

        // One row per dated event.
        for (i, e) in dated.iter().enumerate() {
            draw_row(body, &axis, (axis_left, axis_right), top + ROW * i as f64, e, conflicts_of);
        }
    }

    // ---- events with no time bound: a compact grid.
    let mut y = rows_bottom + 44.0;
    if !undated.is_empty() {
        rtl_text(body, "section", (WIDTH - MARGIN, y), 14.0, "#222", &format!("أحداث بلا حدود زمنية ({})", undated.len()), None);
        let _ = writeln!(body, r##"<text x="{MARGIN}" y="{y:.1}" font-size="11" fill="#777">events with no time bound: no date in the text relates to them</text>"##);
        y += 12.0;
        let cols = 4usize;
        let col_w = (WIDTH - 2.0 * MARGIN) / cols as f64;
        let per_col = undated.len().div_ceil(cols);
        for (i, e) in undated.iter().enumerate() {
            // Columns read right to left, like the labels.
            let col = i / per_col;
            let row = i % per_col;
            let right = WIDTH - MARGIN - col as f64 * col_w;
            let ry = y + ROW * row as f64;
            let conflict = e.status == "conflict";
            let colour = if conflict { RED } else { "#888" };
            let title = format!("{} — {} ({}): no time bound; {} mention(s) in {}", e.id, e.label, e.event_type, e.mentions.len(), e.docs.join(", "));
            let _ = writeln!(
                body,
                r##"<g class="row" data-id="{0}"><circle class="event unanchored" data-id="{0}" cx="{1:.1}" cy="{2:.1}" r="4" fill="none" stroke="{colour}" stroke-width="1.5"><title>{3}</title></circle>"##,
                xml_escape(&e.id),
                right - 6.0,
                ry + 10.0,
                xml_escape(&title)
            );
            let id_text = format!("{}{}", if conflict { "! " } else { "" }, e.id);
            let id_w = text_width(&id_text, 10.0);
            let _ = writeln!(body, r##"<text class="id" x="{:.1}" y="{:.1}" font-size="10" text-anchor="end" fill="{}" font-family="'DejaVu Sans Mono', monospace">{}</text>"##, right - 14.0, ry + 14.0, if conflict { RED } else { "#999" }, xml_escape(&id_text));
            let shown = fit(&e.label, col_w - 30.0 - id_w, 12.0);
            rtl_text(body, "label", (right - 20.0 - id_w, ry + 14.5), 12.0, if conflict { RED } else { "#333" }, &shown, Some(&title));
            let _ = writeln!(body, "</g>");
        }
        y += ROW * per_col as f64 + 10.0;
    }

    // ---- contradictions, each naming the events it involves
    if !conflicts.is_empty() {
        y += 26.0;
        rtl_text(body, "section", (WIDTH - MARGIN, y), 14.0, RED, &format!("تناقضات بين المصادر ({})", conflicts.len()), None);
        let _ = writeln!(body, r##"<text x="{MARGIN}" y="{y:.1}" font-size="11" fill="#777">contradictions: id, kind and the events involved; below, the evidence (hover for the resolution)</text>"##);
        y += 8.0;
        let mut events_of: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (eid, cids) in conflicts_of {
            for c in cids {
                events_of.entry(c.as_str()).or_default().push(eid.as_str());
            }
        }
        for c in conflicts {
            y += ROW;
            let evs = events_of.get(c.id.as_str()).cloned().unwrap_or_default();
            let named = evs.iter().map(|id| format!("{id} «{}»", label_of.get(id).copied().unwrap_or(""))).collect::<Vec<_>>().join("، ");
            let title = format!("{} — {}: {}. Evidence: {}", c.id, c.kind, c.resolution, c.evidence.iter().map(|(d, s, e, t)| format!("{d}:{s}-{e} «{t}»")).collect::<Vec<_>>().join(" | "));
            let _ = writeln!(body, r##"<g class="conflict" data-id="{}" data-events="{}"><title>{}</title>"##, xml_escape(&c.id), xml_escape(&evs.join(" ")), xml_escape(&title));
            let _ = writeln!(body, r##"<text x="{MARGIN}" y="{y:.1}" font-size="11" fill="{RED}" font-family="'DejaVu Sans Mono', monospace">{} {}</text>"##, xml_escape(&c.id), xml_escape(&c.kind));
            let involved = if named.is_empty() { "(no event of the timeline)".to_string() } else { named };
            rtl_text(body, "conflict-events", (WIDTH - MARGIN, y), 12.0, "#b71c1c", &fit(&involved, WIDTH - 2.0 * MARGIN - 220.0, 12.0), None);
            y += ROW - 4.0;
            let evidence = c.evidence.iter().map(|(d, _, _, t)| format!("{d}: «{t}»")).collect::<Vec<_>>().join(" ‖ ");
            rtl_text(body, "evidence", (WIDTH - MARGIN, y), 11.0, "#555", &fit(&evidence, WIDTH - 2.0 * MARGIN - 220.0, 11.0), None);
            let _ = writeln!(body, "</g>");
        }
    }
    y + 10.0
}

/// One dated event's row: the pale bar of what the sources allow, the solid core, open bounds,
/// and the label column (id, then the Arabic label right-to-left).
fn draw_row(body: &mut String, axis: &Axis, (axis_left, axis_right): (f64, f64), y: f64, e: &TimelineEvent, conflicts_of: &BTreeMap<String, Vec<String>>) {
    let conflict = e.status == "conflict";
    let colour = if conflict { RED } else { BLUE };
    let (lo, hi) = hull(e).unwrap_or((None, None));
    let cids = conflicts_of.get(&e.id).map(|v| v.join(", ")).unwrap_or_default();
    let title = format!(
        "{} — {} ({}): {}; {} mention(s) in {}; importance {}{}",
        e.id,
        e.label,
        e.event_type,
        bounds_text(e),
        e.mentions.len(),
        e.docs.join(", "),
        e.importance,
        if cids.is_empty() { String::new() } else { format!("; contradictions {cids}") }
    );
    let known: Vec<DateTime<FixedOffset>> = [e.earliest_start, e.latest_start, e.earliest_end, e.latest_end].into_iter().flatten().collect();
    let x0 = match lo {
        Some(t) => axis.x(t),
        None => axis_left,
    };
    let x1 = match hi {
        Some(t) => axis.x(t),
        None => axis_right,
    };
    // When only one side is known the bar runs from it to the open end.
    let (x0, x1) = match (lo, hi) {
        (None, Some(_)) => (axis_left, x1.max(known.iter().map(|t| axis.x(*t)).fold(f64::MIN, f64::max))),
        (Some(_), None) => (x0.min(known.iter().map(|t| axis.x(*t)).fold(f64::MAX, f64::min)), axis_right),
        _ => (x0, x1),
    };
    let (x0, x1) = if x1 - x0 < 4.0 { ((x0 + x1) / 2.0 - 2.0, (x0 + x1) / 2.0 + 2.0) } else { (x0, x1) };
    let _ = writeln!(
        body,
        r##"<g class="row" data-id="{}"><rect class="event{}" data-id="{}" x="{x0:.1}" y="{:.1}" width="{:.1}" height="12" rx="2" fill="{colour}" fill-opacity="0.28" stroke="{colour}" stroke-width="0.8"><title>{}</title></rect>"##,
        xml_escape(&e.id),
        if conflict { " conflict" } else { "" },
        xml_escape(&e.id),
        y + 4.0,
        x1 - x0,
        xml_escape(&title)
    );
    if let (Some(ls), Some(ee)) = (e.latest_start, e.earliest_end) {
        if ee > ls {
            let (c0, c1) = (axis.x(ls), axis.x(ee));
            if c1 - c0 >= 1.0 {
                let _ = writeln!(body, r##"<rect class="core" x="{c0:.1}" y="{:.1}" width="{:.1}" height="12" rx="2" fill="{colour}"/>"##, y + 4.0, c1 - c0);
            }
        }
    }
    if lo.is_none() {
        let _ = writeln!(body, r##"<path class="open" d="M{:.1},{:.1} l-7,6 l7,6 z" fill="{colour}"/>"##, axis_left, y + 4.0);
    }
    if hi.is_none() {
        let _ = writeln!(body, r##"<path class="open" d="M{:.1},{:.1} l7,6 l-7,6 z" fill="{colour}"/>"##, axis_right, y + 4.0);
    }
    let label_right = WIDTH - MARGIN;
    let id_x = WIDTH - MARGIN - LABEL_W;
    let _ = writeln!(
        body,
        r##"<text class="id" x="{id_x:.1}" y="{:.1}" font-size="11" fill="{}" font-family="'DejaVu Sans Mono', monospace">{}{}</text>"##,
        y + 14.5,
        if conflict { RED } else { "#777" },
        xml_escape(&e.id),
        if conflict { " !" } else { "" }
    );
    let shown = fit(&e.label, LABEL_W - ID_W - 4.0, FONT);
    rtl_text(body, "label", (label_right, y + 15.0), FONT, if conflict { RED } else { "#222" }, &shown, Some(&title));
    let _ = writeln!(body, "</g>");
}

/// `timeline.html`: the SVG inline in a page with no margins, so a headless screenshot of `WIDTH`
/// px shows it at its natural size; a narrower window (or one whose vertical scrollbar takes some of
/// the 1280 px) scales it down to fit instead of needing a horizontal scrollbar.
pub fn render_html(svg: &str) -> String {
    let inline = svg.split_once("?>\n").map(|(_, rest)| rest).unwrap_or(svg);
    let mut html = String::new();
    html.push_str("<!DOCTYPE html>\n<html lang=\"ar\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.push_str("<meta name=\"viewport\" content=\"width=1280\">\n<title>tarikh — الخط الزمني</title>\n");
    let _ = writeln!(html, "<style>html,body{{margin:0;padding:0;background:#fff}}svg{{display:block;width:100%;max-width:{WIDTH}px;height:auto}}</style>\n</head>\n<body>");
    html.push_str(inline);
    html.push_str("</body>\n</html>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(event_type: &str) -> TimelineEvent {
        TimelineEvent {
            id: "E001".into(),
            event_type: event_type.into(),
            label: String::new(),
            earliest_start: None,
            latest_start: None,
            earliest_end: None,
            latest_end: None,
            granularity: "day".into(),
            docs: Vec::new(),
            mentions: Vec::new(),
            status: "consistent".into(),
            importance: 0,
            story: "S1".into(),
        }
    }

    #[test]
    fn votes_of_people_and_of_texts_are_marked_on_the_axis() {
        for t in ["election_round", "referendum", "polls_close"] {
            assert!(is_vote(&event(t)), "{t}");
        }
        for t in ["election_results", "statement", "generic"] {
            assert!(!is_vote(&event(t)), "{t}");
        }
    }
}
