//! The timeline picture: one row per event on a shared time axis, bounds drawn as bars, Arabic
//! labels right-to-left, silence periods shaded, votes marked, contradictions flagged in red.

use chrono::{DateTime, Duration, FixedOffset};
use std::fmt::Write;
use tarikh_timeline::{Timeline, TimelineEvent};

/// Escape text for XML.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

fn span_of(e: &TimelineEvent) -> Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
    let start = e.earliest_start.or(e.latest_start).or(e.earliest_end)?;
    let end = e.latest_end.or(e.earliest_end).or(e.latest_start).unwrap_or(start);
    Some((start.min(end), end.max(start)))
}

/// Render the timeline as a standalone SVG document, 1280 px wide.
pub fn render(timeline: &Timeline) -> String {
    const WIDTH: f64 = 1280.0;
    const LABEL_W: f64 = 430.0;
    const ROW: f64 = 26.0;
    const TOP: f64 = 70.0;
    let placed: Vec<(&TimelineEvent, DateTime<FixedOffset>, DateTime<FixedOffset>)> =
        timeline.events.iter().filter_map(|e| span_of(e).map(|(s, en)| (e, s, en))).collect();
    let height = TOP + ROW * (timeline.events.len().max(1) as f64) + 60.0;
    let mut svg = String::new();
    let _ = writeln!(svg, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="Noto Naskh Arabic, Amiri, Arial, sans-serif" font-size="13">"#
    );
    let _ = writeln!(svg, r##"<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>"##);
    let _ = writeln!(svg, r##"<text x="{}" y="28" font-size="18" text-anchor="end" direction="rtl" fill="#222">الخط الزمني للأحداث</text>"##, WIDTH - 20.0);
    if placed.is_empty() {
        let _ = writeln!(svg, r##"<text x="20" y="{}" fill="#666">No event has a time bound yet.</text>"##, TOP + 20.0);
    }
    let (t0, t1) = match (placed.iter().map(|p| p.1).min(), placed.iter().map(|p| p.2).max()) {
        (Some(a), Some(b)) => (a, if b > a { b } else { a + Duration::days(1) }),
        _ => {
            svg.push_str("</svg>\n");
            return svg;
        }
    };
    let axis_left = 20.0;
    let axis_right = WIDTH - LABEL_W - 20.0;
    let total = (t1 - t0).num_seconds().max(1) as f64;
    let x = |t: DateTime<FixedOffset>| axis_left + (axis_right - axis_left) * ((t - t0).num_seconds() as f64 / total);
    let bottom = TOP + ROW * timeline.events.len() as f64;
    // Silence periods shaded across the whole chart, votes marked with a line.
    for (e, s, en) in &placed {
        if e.event_type.contains("silence") {
            let _ = writeln!(svg, r##"<rect class="silence" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#fff3c4" opacity="0.8"><title>{}</title></rect>"##, x(*s), TOP - 10.0, (x(*en) - x(*s)).max(2.0), bottom - TOP + 10.0, xml_escape(&e.label));
        }
    }
    for (e, s, _) in &placed {
        if e.event_type.contains("election") || e.event_type == "vote" {
            let _ = writeln!(svg, r##"<line class="vote" x1="{0:.1}" y1="{1:.1}" x2="{0:.1}" y2="{2:.1}" stroke="#2e7d32" stroke-dasharray="4 3"/>"##, x(*s), TOP - 10.0, bottom);
        }
    }
    // Axis with day ticks (or month ticks for long spans).
    let _ = writeln!(svg, r##"<line x1="{axis_left}" y1="{0:.1}" x2="{axis_right}" y2="{0:.1}" stroke="#444"/>"##, bottom + 8.0);
    let days = (t1 - t0).num_days().max(1);
    let step = if days <= 14 { 1 } else if days <= 120 { 7 } else { 30 };
    let mut tick = t0;
    let mut n = 0;
    while tick <= t1 && n < 400 {
        let _ = writeln!(svg, r##"<line x1="{0:.1}" y1="{1:.1}" x2="{0:.1}" y2="{2:.1}" stroke="#ccc"/><text x="{0:.1}" y="{3:.1}" font-size="10" text-anchor="middle" fill="#444">{4}</text>"##, x(tick), TOP - 10.0, bottom + 12.0, bottom + 26.0, tick.format("%Y-%m-%d"));
        tick += Duration::days(step);
        n += 1;
    }
    for (i, e) in timeline.events.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let conflict = e.status == "conflict";
        let colour = if conflict { "#c62828" } else { "#1565c0" };
        let label = format!("{} · {} · {}", e.label, e.event_type, e.id);
        let _ = writeln!(svg, r##"<text class="label" x="{:.1}" y="{:.1}" text-anchor="end" direction="rtl" fill="{}">{}</text>"##, WIDTH - 20.0, y + 14.0, if conflict { "#c62828" } else { "#222" }, xml_escape(&label));
        if let Some((s, en)) = span_of(e) {
            let w = (x(en) - x(s)).max(3.0);
            let title = format!("{} {} → {}", e.id, super::output::iso(&s), super::output::iso(&en));
            let _ = writeln!(svg, r##"<rect class="event" data-id="{}" x="{:.1}" y="{:.1}" width="{:.1}" height="14" rx="3" fill="{}" opacity="0.75"><title>{}</title></rect>"##, xml_escape(&e.id), x(s), y + 3.0, w, colour, xml_escape(&title));
            if conflict {
                let _ = writeln!(svg, r##"<text x="{:.1}" y="{:.1}" fill="#c62828" font-weight="bold">!</text>"##, x(s) + w + 4.0, y + 14.0);
            }
        } else {
            let _ = writeln!(svg, r##"<rect class="event unanchored" data-id="{}" x="{axis_left}" y="{:.1}" width="0" height="14"/>"##, xml_escape(&e.id), y + 3.0);
        }
    }
    svg.push_str("</svg>\n");
    svg
}
