//! Merging: mentions of one real event become one cluster (blocking keys, the merge rule, undated
//! mentions joining their group's main event), and each event is dated on its place's clock.

use crate::fasthash::FastMap;
use crate::flatten::{Flat, NOKEY, NUMBERED, STAGE};
use crate::time::{local_instant, local_midnight, zoned_interval, DAY};
use crate::Input;
use petgraph::unionfind::UnionFind;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use tarikh_events::{Relation, RelationBasis};

/// The events: which event each mention became, and each event's mentions.
pub(crate) struct Clusters {
    /// Per flat mention: its event index.
    pub event_of_flat: Vec<usize>,
    /// Per event: its flat mentions, in flat order (events numbered by their first mention).
    pub members: Vec<Vec<usize>>,
}

/// How many entries two sorted sets (of words, or of places) share. (Each step advances by
/// comparisons, not branches: which side is smaller is a coin toss the processor cannot predict, on
/// millions of candidate pairs.)
fn sorted_shared<T: Ord + Copy>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

/// The one document all the mentions of two clusters come from, if there is one (`None`: several
/// documents). A cluster's document set is only ever asked whether it is exactly one document, so
/// this is all that is kept of it: O(1) per union, where a merged list of documents cost the size
/// of the cluster at every union (quadratic in the size of large clusters).
fn same_doc(a: Option<usize>, b: Option<usize>) -> Option<usize> {
    if a == b {
        a
    } else {
        None
    }
}

/// The union of two sorted sets.
fn union_sorted(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out: Vec<u32> = a.iter().chain(b).copied().collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// When each document was written, in minutes from the origin: the start of its publication day
/// and, when its metadata gives the time, the instant (both `None` when the day is unknown).
pub(crate) struct WrittenAt {
    day_start: Vec<Option<i64>>,
    instant: Vec<Option<i64>>,
}

/// How long before its article was published an event is a precedent the article recalls, not
/// the story's own news.
const PRECEDENT: i64 = 30 * DAY;

impl WrittenAt {
    fn of(input: &Input) -> WrittenAt {
        let (mut day_start, mut instant) = (Vec::new(), Vec::new());
        for (d, _) in &input.docs {
            let p = &d.publication;
            let day = p.known_date();
            day_start.push(day.and_then(|day| local_midnight(p.timezone, day, None)).map(|t| input.minutes(t)));
            instant.push(day.zip(p.time).and_then(|(day, time)| local_instant(p.timezone, day, time)).map(|t| input.minutes(t)));
        }
        WrittenAt { day_start, instant }
    }

    /// Whether two documents were published over a week apart (both days known).
    fn apart(&self, a: usize, b: usize) -> bool {
        matches!((self.day_start[a], self.day_start[b]), (Some(x), Some(y)) if (x - y).abs() > 7 * DAY)
    }

    /// Whether an event ending at `end` ended over [`PRECEDENT`] before `doc` was published.
    fn is_precedent(&self, doc: usize, end: i64) -> bool {
        self.day_start[doc].is_some_and(|s| end + PRECEDENT < s)
    }
}

/// Per merge group, the documents' dated mentions of it: (document, start, end), sorted.
type DatedByGroup = HashMap<usize, Vec<(usize, i64, i64)>>;

/// Whether one article itself dates mentions of the group on both of two times that do not meet
/// (one mention on the first and not the second, another on the second and not the first). Two
/// mentions dated apart may be one event told with a disagreement, but not when an article tells
/// both days: an article does not contradict itself, so what it dates on Friday and what it dates
/// on Saturday («most countries celebrate on Friday, two on Saturday») are two events.
fn one_article_dates_both(dated: &DatedByGroup, group: usize, x: (i64, i64), y: (i64, i64)) -> bool {
    let Some(list) = dated.get(&group) else { return false };
    let overlaps = |a: (i64, i64), b: (i64, i64)| a.0 < b.1 && b.0 < a.1;
    // (the list is sorted by document: the marks of one document are reset at the next)
    let (mut on_x, mut on_y): (Option<usize>, Option<usize>) = (None, None);
    for &(doc, a, b) in list {
        if on_x != Some(doc) && on_y != Some(doc) {
            (on_x, on_y) = (None, None);
        }
        match (overlaps((a, b), x), overlaps((a, b), y)) {
            (true, false) => on_x = Some(doc),
            (false, true) => on_y = Some(doc),
            _ => {}
        }
        if on_x == Some(doc) && on_y == Some(doc) {
            return true;
        }
    }
    false
}

/// Whether two sorted sets of distinguishing words tell the events apart: both have some, and
/// they differ.
fn distinct_clash(a: &[u32], b: &[u32]) -> bool {
    !a.is_empty() && !b.is_empty() && a != b
}

/// Whether the distinguishing words of an undated event tell it apart from a dated one it might
/// name again: both have some of one kind, and those differ. A number after «رقم» and a stage word
/// («ربع»، «نصف»، «ثمن») do not clash with each other here: «المباراة رقم 60» of an article that
/// dates «ربع النهائي» names that quarter-final by its number in the draw (a stage the number is
/// played in, «رقم 62 في نصف النهائي», is among the number's own words and clashes with another
/// stage). Any other word (an ordinal) against numbers alone clashes: «المباراة الثانية» counts
/// what «رقم 60» counts. (Between two dated events the number always tells them apart: «القرار رقم
/// 98» of the evening is not the feast it fixes.)
fn undated_distinct_clash(a: &[u32], b: &[u32]) -> bool {
    // an ordinal counts what the number counts: «المباراة الثانية» is not «المباراة رقم 60»
    let ordinal_vs_number = |x: &[u32], y: &[u32]| x.iter().any(|w| w & (NUMBERED | STAGE) == 0) && y.iter().any(|w| w & NUMBERED != 0) && y.iter().all(|w| w & NUMBERED != 0);
    if ordinal_vs_number(a, b) || ordinal_vs_number(b, a) {
        return true;
    }
    [false, true].into_iter().any(|numbered| {
        let kind = move |w: &u32| (w & NUMBERED != 0) == numbered;
        let (mut x, mut y) = (a.iter().filter(|w| kind(w)).peekable(), b.iter().filter(|w| kind(w)).peekable());
        x.peek().is_some() && y.peek().is_some() && !x.eq(y)
    })
}

/// Whether two sorted sets of places (gazetteer countries) named as the events' other party
/// (see `Flat::places`) tell two events apart: both name one and each names one the other does
/// not. A win over Spain and a win over Switzerland («انتصارا تاريخيا على نظيره الإسباني», «فاز هو
/// الآخر على المنتخب السويسري»), an attack on one country and on another: news names the other
/// side right after the event's word, and two other sides are two events. A side named fewer
/// times (one mention «على إسبانيا», another with no party, or one naming both sides of a
/// coalition) names the event more loosely, not another one.
fn places_clash(a: &[u16], b: &[u16]) -> bool {
    let shared = if a.is_empty() || b.is_empty() { 0 } else { sorted_shared(a, b) };
    !a.is_empty() && !b.is_empty() && shared < a.len() && shared < b.len()
}

/// The union of two sorted sets of places.
fn union_places(a: &[u16], b: &[u16]) -> Vec<u16> {
    let mut out: Vec<u16> = a.iter().chain(b).copied().collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The length each mention's text states for its event ("هدنة لمدة 24 ساعة"), as the shortest and
/// longest reading in minutes; `None` when it states none.
fn stated_lengths(input: &Input, flat: &[Flat]) -> Vec<Option<(i64, i64)>> {
    flat.iter()
        .map(|f| {
            let (doc, ev) = input.docs[f.doc];
            let (lo, hi) = doc.timexes.get(ev.mentions.get(f.mi)?.duration?)?.duration_seconds?;
            Some((lo.div_euclid(60), (hi + 59).div_euclid(60)))
        })
        .collect()
}

/// The hull of two clusters' stated lengths.
fn length_hull(a: Option<(i64, i64)>, b: Option<(i64, i64)>) -> Option<(i64, i64)> {
    match (a, b) {
        (Some(x), Some(y)) => Some((x.0.min(y.0), x.1.max(y.1))),
        (x, y) => x.or(y),
    }
}

/// Whether two stated lengths cannot be one: both are stated and no reading of one is a reading of
/// the other (24 hours and 72 hours; a day and 24 hours agree).
fn lengths_clash(a: Option<(i64, i64)>, b: Option<(i64, i64)>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if x.1 < y.0 || y.1 < x.0)
}

/// Whether two clusters are told as two events by their own dates and lengths: dated apart (their
/// time hulls do not meet) and given lengths that cannot agree. A measure announced with its start
/// and its length («هدنة لمدة 24 ساعة تبدأ مساء الأربعاء», then «هدنة مدتها 72 ساعة تبدأ صباح
/// الجمعة») that another article gives another start and another length is another measure: a
/// truce, a curfew, a mourning, a closure renewed or followed by a longer one. One of the two
/// alone may be a disagreement between outlets; both together are not.
fn told_apart(hull_a: Option<(i64, i64)>, hull_b: Option<(i64, i64)>, len_a: Option<(i64, i64)>, len_b: Option<(i64, i64)>) -> bool {
    let apart = matches!((hull_a, hull_b), (Some(x), Some(y)) if x.1 <= y.0 || y.1 <= x.0);
    apart && lengths_clash(len_a, len_b)
}

/// Undated mentions that name a precedent by its participants, each with a dated mention of that
/// precedent: an article recalls an earlier event of the story's kind by who or where it struck
/// («قرصنة الحزب الديمقراطي الذي تنتمي له هيلاري كلينتون» in a story of this week's hack of
/// another campaign), and another article dates it («… خلال حملة الانتخابات الرئاسية 2016»). The
/// mention is that precedent, not its own article's event of the kind, when it shares with a
/// mention dated over a month before its article was written (of its group) at least two key
/// words that no other mention of the group has (besides the precedent's and the mentions that
/// may recall it): the names it gives are the precedent's alone. (A mention that names only the
/// story's own place or people, words the story's other mentions share, stays with the story.)
fn named_precedents(flat: &[Flat], written: &WrittenAt) -> Vec<(usize, usize)> {
    let usable = |f: &Flat| !f.strict && !f.reports;
    let recalled = |f: &Flat| f.time.is_some_and(|(_, b)| written.is_precedent(f.doc, b));
    // the precedents (dated over a month before their own article), by (group, key word), in
    // flat order: few mentions are, so the lists stay short (and most stories have none)
    let mut by_key: FastMap<(usize, u32), Vec<usize>> = FastMap::default();
    for (k, f) in flat.iter().enumerate() {
        if usable(f) && recalled(f) {
            for &w in &f.keys {
                by_key.entry((f.group, w)).or_default().push(k);
            }
        }
    }
    if by_key.is_empty() {
        return Vec::new();
    }
    // the undated mentions that may recall a precedent of their article's time (three words
    // besides the head in common with it), with those precedents
    let mut recalling: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, f) in flat.iter().enumerate() {
        if f.time.is_some() || !usable(f) {
            continue;
        }
        let mut ks: Vec<usize> = f.keys.iter().filter_map(|&w| by_key.get(&(f.group, w))).flatten().copied().filter(|&k| flat[k].time.is_some_and(|(_, b)| written.is_precedent(f.doc, b)) && shared_besides_head(f, &flat[k]) >= 3).collect();
        ks.sort_unstable();
        ks.dedup();
        if !ks.is_empty() {
            recalling.push((i, ks));
        }
    }
    // of the precedents' words, those the story's other mentions of the group have too (its own
    // events, dated or not)
    let mut is_recalling = vec![false; flat.len()];
    for (i, _) in &recalling {
        is_recalling[*i] = true;
    }
    let mut story_words: FastMap<(usize, u32), ()> = FastMap::default();
    for (i, f) in flat.iter().enumerate() {
        if usable(f) && !recalled(f) && !is_recalling[i] {
            for &w in &f.keys {
                if by_key.contains_key(&(f.group, w)) {
                    story_words.insert((f.group, w), ());
                }
            }
        }
    }
    let mut out = Vec::new();
    for (i, ks) in recalling {
        let f = &flat[i];
        // (most words of the precedent's own first, then the earliest precedent)
        let own = |k: usize| flat[k].keys.iter().filter(|&&w| !story_words.contains_key(&(f.group, w)) && f.keys.binary_search(&w).is_ok()).count();
        let best = ks.iter().map(|&k| (own(k), std::cmp::Reverse(k))).max();
        if let Some((n, std::cmp::Reverse(k))) = best {
            if n >= 2 {
                out.push((i, k));
            }
        }
    }
    out
}

/// How many key words two mentions share besides the words of either's head.
fn shared_besides_heads(a: &Flat, b: &Flat) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.keys.len() && j < b.keys.len() {
        match a.keys[i].cmp(&b.keys[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let w = a.keys[i];
                n += usize::from(a.head_keys.binary_search(&w).is_err() && b.head_keys.binary_search(&w).is_err());
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// How many key words two mentions share besides their common head.
fn shared_besides_head(a: &Flat, b: &Flat) -> usize {
    let head = if a.head_id != NOKEY && a.head_id == b.head_id { a.head_words } else { 0 };
    sorted_shared(&a.keys, &b.keys).saturating_sub(head)
}

/// How many of the mentions filed under a blocking key each mention is compared with (the most
/// recent ones).
const K: usize = 8;

/// The last [`K`] mentions filed under a blocking key. Only these are ever compared, so they are
/// all that is kept, inline (a ring): one memory access finds them, where a growing list of every
/// mention under the key cost a second one to its heap storage, and memory in proportion.
#[derive(Default)]
struct Recent {
    ids: [usize; K],
    /// How many mentions were ever filed (the next slot is `filed % K`).
    filed: usize,
}

impl Recent {
    fn push(&mut self, i: usize) {
        self.ids[self.filed % K] = i;
        self.filed += 1;
    }

    /// The most recent first.
    fn latest(&self) -> impl Iterator<Item = usize> + '_ {
        (1..=self.filed.min(K)).map(move |t| self.ids[(self.filed - t) % K])
    }
}

/// How many key words a [`Merging`] record holds inline (a mention with more reads them from its
/// `Flat`).
const INLINE_KEYS: usize = 18;

/// What the merge rule reads of a mention, in two adjacent cache lines. A mention is compared
/// with candidates anywhere earlier in the story, so each comparison waits on memory: the rule's
/// fields were spread over a 440-byte `Flat` (several cache lines) and its key words on the heap;
/// here they are one 128-byte record, the key words inline. Copied from the `Flat`, never changed.
#[derive(Clone, Copy)]
#[repr(C, align(128))]
struct Merging {
    time: Option<(i64, i64)>,
    doc: u32,
    /// start of the mention's sentence (only compared for equality within one document, whose
    /// offsets fit in 32 bits)
    sentence: u32,
    ty: u32,
    group: u32,
    head_id: u32,
    head_first: u32,
    head_words: u32,
    zone: Option<chrono_tz::Tz>,
    flags: u8,
    /// number of key words inline; `u8::MAX`: more than [`INLINE_KEYS`], read from the `Flat`
    nkeys: u8,
    keys: [u32; INLINE_KEYS],
}

// (two cache lines exactly)
const _: () = assert!(std::mem::size_of::<Merging>() == 128);

const SAME_DAY: u8 = 1;
const STRICT: u8 = 2;
const STATE: u8 = 4;
/// the mention has distinguishing words
const DISTINCT: u8 = 8;
/// joined to another's event by its text, and not a report (see `cluster`)
const BARE_JOINER: u8 = 16;
/// the type is the general kind of its group (see `Flat::general`)
const GENERAL: u8 = 32;

impl Merging {
    fn of(f: &Flat, joined: bool) -> Merging {
        let mut keys = [0; INLINE_KEYS];
        let nkeys = if f.keys.len() <= INLINE_KEYS {
            keys[..f.keys.len()].copy_from_slice(&f.keys);
            f.keys.len() as u8
        } else {
            u8::MAX
        };
        let flag = |on: bool, bit: u8| if on { bit } else { 0 };
        Merging {
            time: f.time,
            doc: f.doc as u32,
            sentence: f.sentence as u32,
            ty: f.ty as u32,
            group: f.group as u32,
            head_id: f.head_id,
            head_first: f.head_first,
            head_words: u32::try_from(f.head_words).unwrap_or(u32::MAX),
            zone: f.zone,
            flags: flag(f.same_day, SAME_DAY) | flag(f.strict, STRICT) | flag(f.state, STATE) | flag(!f.distinct.is_empty(), DISTINCT) | flag(joined && !f.reports, BARE_JOINER) | flag(f.general, GENERAL),
            nkeys,
            keys,
        }
    }

    fn has(&self, bit: u8) -> bool {
        self.flags & bit != 0
    }

    /// The sorted key words (`flat[i]` is this mention's `Flat`, read only for a long list: a
    /// slice indexed behind its bounds check, so the compiler cannot load it ahead of the test).
    fn keys<'a>(&'a self, flat: &'a [Flat], i: usize) -> &'a [u32] {
        if self.nkeys == u8::MAX {
            &flat[i].keys
        } else {
            &self.keys[..usize::from(self.nkeys)]
        }
    }
}

/// Load the records of the candidates about to be compared together: they lie anywhere in the
/// story, and loads issued together overlap where loads issued one comparison at a time wait in
/// turn. Changes nothing; it only makes the comparisons that follow find their data in the cache.
fn warm(merging: &[Merging], checked: &[usize], cands: &[usize]) {
    let mut touched = 0usize;
    for &j in cands {
        touched ^= merging[j].ty as usize ^ merging[j].keys[INLINE_KEYS - 1] as usize ^ checked[j];
    }
    std::hint::black_box(touched);
}

/// Whether two mentions of other documents date one statement on an evening (or night) and on
/// the next day: an outlet dates a statement issued late in the evening by the day it reports it
/// («أعلن مكتب المرشح اليوم السبت» for the statement of Friday evening, «أمس السبت» in Sunday's
/// paper), so the two readings are one statement told with a disagreement, and the evening is
/// its time.
pub(crate) fn reported_next_day(a: &Flat, b: &Flat) -> bool {
    let late = |f: &Flat| matches!(f.gran, "evening" | "night");
    let next = |e: &Flat, d: &Flat| match (e.time, d.time) {
        (Some(x), Some(y)) => late(e) && d.gran == "day" && x.0 < y.0 && y.0 <= x.1 && y.1 > x.1,
        _ => false,
    };
    a.doc != b.doc && (next(a, b) || next(b, a))
}

/// The longest stretch a month names (31 days, and an hour for a change of clocks).
const MONTH: i64 = 31 * DAY + 60;

/// Whether one of two times is a day or two and the other a month at most that holds it.
fn month_and_day(a: Option<(i64, i64)>, b: Option<(i64, i64)>) -> bool {
    let within = |d: (i64, i64), m: (i64, i64)| d.1 - d.0 <= 2 * DAY && m.1 - m.0 > 2 * DAY && m.1 - m.0 <= MONTH && m.0 <= d.0 && d.1 <= m.1;
    matches!((a, b), (Some(x), Some(y)) if within(x, y) || within(y, x))
}

/// The merge rule (see the crate docs) for mentions `i` and `j`, on their merging records (their
/// `Flat`s read only for what the records leave out).
fn should_merge(flat: &[Flat], a: &Merging, b: &Merging, i: usize, j: usize) -> bool {
    // different triggers of one sentence are different events, unless they name an event of a
    // by-time type on the same day ("الانتخابات الأمريكية … ترامب الذي انتخب في 8 نوفمبر")
    let same_day_kind = a.ty == b.ty && a.has(SAME_DAY) && b.has(SAME_DAY) && a.time.is_some() && a.time == b.time;
    if a.group != b.group || (a.doc == b.doc && a.sentence == b.sentence && !same_day_kind) || (a.has(DISTINCT) && b.has(DISTINCT) && distinct_clash(&flat[i].distinct, &flat[j].distinct)) {
        return false;
    }
    // events placed in different countries are different events (the French and the American
    // presidential elections)
    if a.zone.is_some() && b.zone.is_some() && a.zone != b.zone {
        return false;
    }
    let head_eq = a.head_id != NOKEY && a.head_id == b.head_id;
    // a one-word head that is the noun of the other's ("الاستطلاعات" and "استطلاعات الرأي"): the
    // short name of the same thing
    let head_within = |x: &Merging, y: &Merging| x.head_words == 1 && y.head_words > 1 && x.head_id == y.head_first;
    let head_short = a.head_id != NOKEY && (head_within(a, b) || head_within(b, a));
    let shared = sorted_shared(a.keys(flat, i), b.keys(flat, j));
    // head words are part of keys: do not count them twice
    let head_words = if head_eq { a.head_words } else { 0 };
    let shared = shared.saturating_sub(head_words as usize);
    let coarse = |t: (i64, i64)| t.1 - t.0 > 2 * DAY;
    let time = match (a.time, b.time) {
        (Some(x), Some(y)) => {
            if x.0 < y.1 && y.0 < x.1 {
                if coarse(x) || coarse(y) {
                    1
                } else {
                    0
                }
            } else {
                let gap = (x.0 - y.1).max(y.0 - x.1);
                if gap <= 3 * DAY {
                    3
                } else {
                    4
                }
            }
        }
        _ => 2,
    };
    if a.has(STRICT) || b.has(STRICT) {
        // (one statement dated on an evening and the next day: the same verb and a word of what
        // it says)
        if a.has(STRICT) && b.has(STRICT) && head_eq && shared >= 1 && reported_next_day(&flat[i], &flat[j]) {
            return true;
        }
        return time <= 2 && shared >= 2 && (head_eq || shared >= 3);
    }
    // a state (the silence period) dated on nearby days is one state
    if a.has(STATE) && b.has(STATE) && a.ty == b.ty && time <= 3 {
        return true;
    }
    // a vote, a campaign's end, a leak: one of a type per day in a story (an instant at midnight
    // touches the day it ends: "انتهت الحملة منتصف الليل" and "انتهاء الحملة الجمعة")
    let instant = |t: (i64, i64)| t.1 - t.0 < 60;
    let touching = matches!((a.time, b.time), (Some(x), Some(y)) if x.0 <= y.1 && y.0 <= x.1 && (instant(x) || instant(y)));
    // in one article, two names of its kind that share no word but words of their names («صلاة
    // الميت» and «صلاة الغائب», «رؤية الهلال» and «استطلاع الهلال») are two events: an article that
    // names its event again by another name tells it with the same people, place or object
    if a.doc == b.doc && a.sentence != b.sentence && !head_eq && !head_short && shared_besides_heads(&flat[i], &flat[j]) == 0 {
        return false;
    }
    // (and of one group, when one is the group's general kind: «توفي» of one article and «وافته
    // المنية» of another, on one morning, are one death; kinds of a group with no general one
    // of its day, a quake and a fire, stay two)
    let kinds_meet = a.ty == b.ty || (a.has(GENERAL) || b.has(GENERAL));
    if (time == 0 || touching) && kinds_meet && a.has(SAME_DAY) && b.has(SAME_DAY) {
        return true;
    }
    // key words besides the head: few of them is little evidence either way
    let own = |m: &Merging, k: usize| m.keys(flat, k).len().saturating_sub(head_words as usize);
    match time {
        0 => head_eq || head_short || shared >= 1,
        // one event of a once-a-day kind that one article dates by its month («الانتخابات التي
        // أجريت في ديسمبر») and another by its day within it: the same, named by the same word
        1 => (head_eq && shared >= 1) || (a.ty == b.ty && a.has(SAME_DAY) && b.has(SAME_DAY) && (head_eq || head_short) && month_and_day(a.time, b.time)),
        2 => head_eq && (shared >= 1 || a.doc == b.doc || own(a, i).min(own(b, j)) <= 1),
        // one event of a kind a story has once a day ("الجولة الثانية") told on two nearby days:
        // the same, with a disagreement to report; kinds that recur (polls) are different events
        3 => head_eq && head_words >= 2 && a.has(SAME_DAY) && b.has(SAME_DAY),
        _ => false,
    }
}


/// Merge the mentions into events with blocking keys (see the crate docs).
pub(crate) fn cluster(input: &Input, flat: &[Flat], flat_of: &[Vec<Option<usize>>], joins: &[(usize, usize)]) -> Clusters {
    let docs = &input.docs;
    let n = flat.len();
    let mut uf: UnionFind<usize> = UnionFind::new(n);
    let mut postings: FastMap<(usize, u8, i64, u32), Recent> = FastMap::default();
    let mut cands: Vec<usize> = Vec::new();
    let mut reads: Vec<(usize, u8, i64, u32)> = Vec::new();
    // the groups with a month-dated mention of a once-a-day kind (few: the day-dated mentions of
    // the others need not look for one)
    let mut month_dated = vec![false; flat.iter().map(|f| f.group + 1).max().unwrap_or(0)];
    for f in flat {
        if f.same_day && f.time.is_some_and(|(a, b)| b - a > 2 * DAY && b - a <= MONTH) {
            month_dated[f.group] = true;
        }
    }
    // per cluster root: the hull of its members' own times
    let mut hull: Vec<Option<(i64, i64)>> = flat.iter().map(|f| f.time).collect();
    // per cluster root: the distinguishing words of its members ("الأولى" …): a cluster holding
    // the first round never takes a mention of the second, even through an undated "الانتخابات"
    let mut dist: Vec<Vec<u32>> = flat.iter().map(|f| f.distinct.clone()).collect();
    // per cluster root: the places its members' clauses name (see `places_clash`)
    // (kept only when some mention names a party: most inputs name none, and an empty list per
    // mention read at every candidate pair is memory traffic for nothing)
    let parties = flat.iter().any(|f| !f.places.is_empty());
    let mut plc: Vec<Vec<u16>> = if parties { flat.iter().map(|f| f.places.clone()).collect() } else { Vec::new() };
    // per cluster root: the one document of all its members, if they are in one
    let mut cdoc: Vec<Option<usize>> = flat.iter().map(|f| Some(f.doc)).collect();
    // per cluster root: the hull of the lengths its members state ("لمدة 24 ساعة"): two clusters
    // dated apart whose lengths cannot agree are two events, even through an undated mention
    // («الهدنة») that would fit either
    let lengths = stated_lengths(input, flat);
    let mut span: Vec<Option<(i64, i64)>> = lengths.clone();
    let mut dated: DatedByGroup = HashMap::new();
    for f in flat {
        if let Some((a, b)) = f.time {
            dated.entry(f.group).or_default().push((f.doc, a, b));
        }
    }
    for list in dated.values_mut() {
        list.sort_unstable();
    }
    let written = WrittenAt::of(input);
    // what the text itself makes one event comes first: a statement going on ("وأضاف:"), an
    // announcement and the event it announces; and a precedent named by its participants
    let recalled = named_precedents(flat, &written);
    for &(a, b) in joins.iter().chain(&recalled) {
        let (ra, rb) = (uf.find_mut(a), uf.find_mut(b));
        if ra == rb {
            continue;
        }
        let merged = match (hull[ra], hull[rb]) {
            (Some(x), Some(y)) => Some((x.0.min(y.0), x.1.max(y.1))),
            (x, y) => x.or(y),
        };
        uf.union(a, b);
        let root = uf.find_mut(a);
        hull[root] = merged;
        dist[root] = union_sorted(&dist[ra], &dist[rb]);
        if parties {
            plc[root] = union_places(&plc[ra], &plc[rb]);
        }
        cdoc[root] = same_doc(cdoc[ra], cdoc[rb]);
        span[root] = length_hull(span[ra], span[rb]);
    }
    // the mentions the text makes part of another's event (an extension of the measure it extends,
    // an outcome of its cause, a statement going on)
    let mut joined = vec![false; n];
    for &(a, _) in joins {
        joined[a] = true;
    }
    // what the merge rule reads of each mention, packed
    let merging: Vec<Merging> = flat.iter().zip(&joined).map(|(f, &j)| Merging::of(f, j)).collect();
    // the last mention each candidate was compared with (several keys find the same candidate)
    let mut checked: Vec<usize> = vec![usize::MAX; n];
    // An event the text places before or after another of its own group ("يدلي الناخبون في
    // الخارج السبت، قبل يوم من التصويت") is another event: such a source is held out of the first
    // pass, then merged where no cluster holds the event it was set against.
    let mut apart: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (di, (_, ev)) in docs.iter().enumerate() {
        for r in &ev.relations {
            if !matches!(r.relation, Relation::Before | Relation::After) {
                continue;
            }
            if let (Some(&Some(a)), Some(&Some(b))) = (flat_of[di].get(r.source), flat_of[di].get(r.target)) {
                if a != b && flat[a].group == flat[b].group {
                    apart[a].push(b);
                }
            }
        }
    }
    // per cluster root: its held-out members
    let mut held_in: HashMap<usize, Vec<usize>> = HashMap::new();
    // mentions the texts relate to each other are different events
    let mut related: Vec<(usize, usize, bool)> = Vec::new();
    for (di, (_, ev)) in docs.iter().enumerate() {
        // (a report and what it reports are plainly different events: no veto needed)
        for r in ev.relations.iter().filter(|r| r.basis != RelationBasis::Reported) {
            if let (Some(&Some(a)), Some(&Some(b))) = (flat_of[di].get(r.source), flat_of[di].get(r.target)) {
                let overlapping = !matches!(r.relation, Relation::Before | Relation::After);
                related.push((a, b, overlapping));
            }
        }
    }
    // pass 0 merges the mentions no text sets against another of their group, then undated
    // mentions join their group's main event; pass 1 places the held-out ones, so that the
    // event they are set against has found its cluster first
    for pass in 0..2 {
        if pass == 1 {
            // the end of each document's publication day: what it mentions without a date has
            // happened (or is announced) by then
            let published: Vec<i64> = docs
                .iter()
                .map(|(d, _)| {
                    // (an article whose day is unknown bounds nothing)
                    let Some(day) = d.publication.known_date() else { return i64::MAX };
                    let next = day.succ_opt().unwrap_or(day);
                    crate::time::local_midnight(d.publication.timezone, next, None).map_or(i64::MAX, |t| input.minutes(t))
                })
                .collect();
            attach_undated(flat, &mut uf, &hull, &related, &published, &written, &joined);
            // the clusters' hulls again, as attaching may have changed the roots
            let mut fresh: Vec<Option<(i64, i64)>> = vec![None; n];
            for (i, f) in flat.iter().enumerate() {
                let root = uf.find_mut(i);
                if let Some((a, b)) = f.time {
                    fresh[root] = Some(fresh[root].map_or((a, b), |(x, y)| (x.min(a), y.max(b))));
                }
            }
            hull = fresh;
            let mut fresh_dist: Vec<Vec<u32>> = vec![Vec::new(); n];
            for (i, f) in flat.iter().enumerate() {
                let root = uf.find_mut(i);
                fresh_dist[root] = union_sorted(&fresh_dist[root], &f.distinct);
            }
            dist = fresh_dist;
            if parties {
                let mut fresh_plc: Vec<Vec<u16>> = vec![Vec::new(); n];
                for (i, f) in flat.iter().enumerate() {
                    let root = uf.find_mut(i);
                    if !f.places.is_empty() {
                        fresh_plc[root] = union_places(&fresh_plc[root], &f.places);
                    }
                }
                plc = fresh_plc;
            }
            let mut fresh_doc: Vec<Option<Option<usize>>> = vec![None; n];
            for (i, f) in flat.iter().enumerate() {
                let root = uf.find_mut(i);
                fresh_doc[root] = Some(fresh_doc[root].map_or(Some(f.doc), |d| same_doc(d, Some(f.doc))));
            }
            cdoc = fresh_doc.into_iter().map(Option::flatten).collect();
            let mut fresh_span: Vec<Option<(i64, i64)>> = vec![None; n];
            for (i, &l) in lengths.iter().enumerate() {
                let root = uf.find_mut(i);
                fresh_span[root] = length_hull(fresh_span[root], l);
            }
            span = fresh_span;
            let moved: Vec<(usize, Vec<usize>)> = held_in.drain().collect();
            for (r, held) in moved {
                let root = uf.find_mut(r);
                held_in.entry(root).or_default().extend(held);
            }
        }
        let order: Vec<usize> = (0..n).filter(|&i| apart[i].is_empty() == (pass == 0)).collect();
        for i in order {
            if !apart[i].is_empty() {
                let root = uf.find_mut(i);
                held_in.entry(root).or_default().push(i);
            }
            let f = &flat[i];
            // every merge rule needs either the same head or (same day / strict type) a shared key
            // word, so these keys find every pair a rule could accept (within the window K)
            let mut keys: Vec<(usize, u8, i64, u32)> = Vec::new();
            let head = f.head_id;
            let g = f.group;
            if let Some((a, b)) = f.time {
                if b - a <= 2 * DAY {
                    for d in a.div_euclid(DAY)..=(b - 1).div_euclid(DAY) {
                        keys.push((g, 0, d, head));
                        // (a two-word head is also filed under its noun, where the one-word head
                        // naming the same thing is: see `should_merge`)
                        if f.head_words > 1 && f.head_first != head {
                            keys.push((g, 0, d, f.head_first));
                        }
                        keys.extend(f.rare.iter().map(|&k| (g, 1, d, k)));
                        if f.same_day {
                            // every same-day mention of the group is a candidate (types of one
                            // group still need a shared word, see should_merge)
                            keys.push((g, 5, d, 0));
                        }
                    }
                } else {
                    keys.push((g, 2, a.div_euclid(30 * DAY), head));
                }
            }
            keys.push((g, 3, 0, head));
            // a month-dated mention of a once-a-day kind meets the same-day mentions of its days,
            // and a day-dated one the month-dated mentions of its head or noun (only read: see
            // `should_merge`, a month and a day of the kind)
            reads.clear();
            if let (Some((a, b)), true) = (f.time, f.same_day && month_dated[g]) {
                if b - a <= 2 * DAY {
                    let bucket = a.div_euclid(30 * DAY);
                    for m in [bucket - 1, bucket] {
                        reads.push((g, 2, m, head));
                        if f.head_words > 1 && f.head_first != head {
                            reads.push((g, 2, m, f.head_first));
                        }
                    }
                } else if b - a <= MONTH {
                    reads.extend((a.div_euclid(DAY)..=(b - 1).div_euclid(DAY)).map(|d| (g, 5, d, 0)));
                }
            }
            if f.state {
                keys.push((g, 6, 0, f.ty as u32));
            }
            // (a report that is news, a warning as much as a statement, is filed under every
            // word: few reports are news, and two outlets name one by different words of it)
            if f.strict || f.reports {
                keys.extend(f.keys.iter().map(|&k| (g, 4, 0, k)));
            }
            // the candidates under every key, in key order (most recent first under each), all
            // read before any is compared: the keys are distinct, so filing `i` under one does
            // not change another's candidates
            cands.clear();
            for &key in &reads {
                if let Some(recent) = postings.get(&key).filter(|_| key.3 != NOKEY) {
                    cands.extend(recent.latest());
                }
            }
            for key in keys {
                if key.3 == NOKEY {
                    continue;
                }
                let recent = postings.entry(key).or_default();
                cands.extend(recent.latest());
                recent.push(i);
            }
            warm(&merging, &checked, &cands);
            for &j in &cands {
                    if checked[j] == i {
                        continue;
                    }
                    checked[j] = i;
                    let (ri, rj) = (uf.find_mut(i), uf.find_mut(j));
                    // a decision or an extension the text joins to the event it makes is that
                    // event: it links its cluster to others only through that event, never by its
                    // own word («قرار حظر التجول» is the curfew, not one more of the story's
                    // decisions). (A joined report still may: an announcement is also the news
                    // conference or statement that other articles cite.)
                    if ri == rj || merging[i].has(BARE_JOINER) || merging[j].has(BARE_JOINER) || !should_merge(flat, &merging[i], &merging[j], i, j) {
                        continue;
                    }
                    let set_against = |x: usize, other: usize, uf: &mut UnionFind<usize>| apart[x].iter().any(|&y| uf.find_mut(y) == other);
                    let held_of = |r: usize| held_in.get(&r).map_or(&[][..], Vec::as_slice);
                    if held_of(ri).iter().any(|&x| set_against(x, rj, &mut uf)) || held_of(rj).iter().any(|&x| set_against(x, ri, &mut uf)) {
                        continue;
                    }
                    if distinct_clash(&dist[ri], &dist[rj]) || (parties && places_clash(&plc[ri], &plc[rj])) || told_apart(hull[ri], hull[rj], span[ri], span[rj]) {
                        continue;
                    }
                    // (one statement an outlet dates by the day it reports it is not set apart by
                    // an article that dates other statements of the group on either day)
                    let next_day = reported_next_day(&flat[i], &flat[j]);
                    if let (Some(x), Some(y)) = (flat[i].time, flat[j].time) {
                        if (x.1 <= y.0 || y.1 <= x.0) && !next_day && one_article_dates_both(&dated, flat[i].group, x, y) {
                            continue;
                        }
                    }
                    // undated mentions join a dated event of their own article here; those of
                    // other articles wait for `attach_undated`, which weighs every dated candidate
                    // (the quake of today or the one a fortnight ago) instead of the first one met
                    // (nor do two undated mentions of articles written over a week apart meet
                    // here: each names an event of its own article's days, «ارتفاع» of the day's
                    // market and the rise a month later, and one pair of them would chain the two
                    // into one cluster that `attach_undated` then takes whole)
                    if hull[ri].is_none() && hull[rj].is_none() && written.apart(flat[i].doc, flat[j].doc) {
                        continue;
                    }
                    if hull[ri].is_some() != hull[rj].is_some() {
                        let (undated, dated) = if hull[ri].is_none() { (ri, rj) } else { (rj, ri) };
                        if flat[i].doc != flat[j].doc || cdoc[undated] != Some(flat[i].doc) {
                            continue;
                        }
                        // nor, here, an event dated over a month before their article was
                        // published: a precedent the article recalls («the hack of Clinton's
                        // campaign in 2016» in a story of this week's hack) is named with its
                        // date or context, and the article's bare «القرصنة» is the story's own
                        // event, which `attach_undated` weighs across the articles
                        if hull[dated].is_some_and(|(_, b)| written.is_precedent(flat[i].doc, b)) {
                            continue;
                        }
                    }
                    let merged = match (hull[ri], hull[rj]) {
                        (Some(x), Some(y)) => {
                            // Clusters grow through undated mentions: a strict type (statements)
                            // keeps one cluster to one time, or a chain of "he said" joins every
                            // statement of the week.
                            let gap = (x.0 - y.1).max(y.0 - x.1);
                            if gap > 3 * DAY || ((flat[i].strict || flat[j].strict) && gap >= 0 && !(next_day && gap <= 0)) {
                                continue;
                            }
                            Some((x.0.min(y.0), x.1.max(y.1)))
                        }
                        (x, y) => x.or(y),
                    };
                    uf.union(i, j);
                    let root = uf.find_mut(i);
                    hull[root] = merged;
                    dist[root] = union_sorted(&dist[ri], &dist[rj]);
                    if parties && (!plc[ri].is_empty() || !plc[rj].is_empty()) {
                        plc[root] = union_places(&plc[ri], &plc[rj]);
                    }
                    cdoc[root] = same_doc(cdoc[ri], cdoc[rj]);
                    span[root] = length_hull(span[ri], span[rj]);
                    let mut held: Vec<usize> = held_in.remove(&ri).unwrap_or_default();
                    held.extend(held_in.remove(&rj).unwrap_or_default());
                    if !held.is_empty() {
                        held.sort_unstable();
                        held_in.insert(root, held);
                    }
                }
        }
    }
    merge_disagreements(input, flat, &mut uf, &dated, &related, &apart);
    attach_month_dated(flat, &mut uf, &related);
    // events numbered by their first mention
    let mut event_of_flat = vec![usize::MAX; n];
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut root_event: HashMap<usize, usize> = HashMap::new();
    for (i, slot) in event_of_flat.iter_mut().enumerate() {
        let r = uf.find(i);
        let e = *root_event.entry(r).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        *slot = e;
        members[e].push(i);
    }
    Clusters { event_of_flat, members }
}

/// Event types whose events recur day after day in one story (a daily toll, the day's market, a
/// round of strikes or of aid, a match day, the prayers, flights): two of them dated on nearby days
/// by two articles are two events as often as one, so a date the articles disagree on is never
/// read into them. (Statements, reports and states are left out by their flags.)
const RECURRING: &[&str] = &[
    "toll", "market_move", "poll_publication", "protest", "fighting", "air_strike", "bombing", "aid", "delivery", "flight", "match", "sport_result", "prayer", "funeral_prayer",
    "condolence", "mourning", "rainfall", "storm", "aftershock", "outage", "phone_call", "trial", "legal_action", "investigation", "rescue", "displacement", "curfew", "closure",
    "suspension", "resumption", "extension", "measure_change", "remote_work", "holiday", "feast", "month_start", "crescent_sighting", "crescent_not_sighted", "election_round",
    "vote_count", "polls_open", "polls_close", "campaign_event", "debate", "publication", "social_media", "report", "media_warning", "announcement", "statement", "generic",
];

/// How many key words besides their heads two mentions of two articles must share to be read as
/// one event the articles date a day or two apart: who, where, what («سواحل» … «صفاقس»); one
/// when their heads have three words in common (the head then names who acted: «وصل ولي العهد
/// السعودي»).
fn disagreement_shared(common_head: usize) -> usize {
    if common_head >= 3 {
        1
    } else {
        2
    }
}

/// The head words of a mention up to inflection, in their order: its head's light stems as
/// skeletons (so «وصل» and «وصول» meet) with a final «ة»/«ه»/«ت» dropped («اعتقلت», «اعتقل»).
fn head_lemma(input: &Input, f: &Flat) -> Vec<String> {
    let (_, ev) = input.docs[f.doc];
    let head = &ev.mentions[f.mi].head;
    head.split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut s = String::new();
            skeleton_of(w, &mut s);
            while s.chars().count() > 2 && s.ends_with(['ة', 'ه', 'ت']) {
                s.pop();
            }
            s
        })
        .collect()
}

/// How many head words two heads (up to inflection) have in common when one holds every word of
/// the other (then the shorter names the same act: «غرق قارب» and «غرق قارب يقل مهاجرين»), else 0.
fn heads_agree(a: &[String], b: &[String]) -> usize {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.first() == long.first() && short.iter().all(|w| long.contains(w)) {
        short.len()
    } else {
        0
    }
}

/// Verbs that tell which act on an event a noun names: submitting a resignation and accepting it,
/// announcing a measure and postponing, cancelling or approving it («قدم استقالة حكومته» on
/// Wednesday and «قبل … استقالة الحكومة» on Thursday are two acts on one resignation). Light
/// stems, as the events stage gives key words.
const ACTS: &[&str] = &["قدم", "يقدم", "قبل", "يقبل", "رفض", "يرفض", "اعلن", "يعلن", "نفى", "نفي", "اجل", "يوجل", "الغى", "الغي", "يلغي", "طلب", "يطلب", "سحب", "يسحب", "علق", "يعلق", "وافق", "يوافق", "اقر", "يقر", "صادق", "يصادق", "اعتمد", "يعتمد"];

/// Whether one of two mentions names, among its key words, an act on its event (see [`ACTS`])
/// that the other does not: then they may tell two acts on one thing, each on its day.
fn acts_differ(input: &Input, a: &Flat, b: &Flat) -> bool {
    let acts = |f: &Flat| -> BTreeSet<String> {
        let mut s = String::new();
        let list: BTreeSet<String> = ACTS
            .iter()
            .map(|w| {
                skeleton_of(w, &mut s);
                s.clone()
            })
            .collect();
        input.docs[f.doc].1.mentions[f.mi]
            .keywords
            .iter()
            .filter_map(|w| {
                skeleton_of(w, &mut s);
                list.contains(&s).then(|| s.clone())
            })
            .collect()
    };
    acts(a) != acts(b)
}

/// A word of a sentence as the argument and sequel guards compare it: hamzated alefs as «ا», a
/// final «ى» as «ي», marks dropped; a final «ة» is kept («ناشطا» is not «ناشطة»).
fn plain_word(word: &str) -> String {
    word.chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0640}'))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' => 'ا',
            'ى' => 'ي',
            c => c,
        })
        .collect()
}

/// Whether two clusters look like follow-ups rather than one event: every article of one and
/// every article of the other were published on different days and each dates its event as many
/// days before its own publication («اعتقلت الشرطة ناشطا يوم الأحد» in Monday's paper and «… يوم
/// الاثنين» in Tuesday's tell two arrests, each the day before). Articles of one day dating one
/// event on two days (or at two distances) are a contradiction to report.
fn echoes(a: &BTreeMap<usize, (i64, BTreeSet<i64>)>, b: &BTreeMap<usize, (i64, BTreeSet<i64>)>) -> bool {
    !a.is_empty() && !b.is_empty() && a.values().all(|(pa, oa)| b.values().all(|(pb, ob)| pa != pb && !oa.is_disjoint(ob)))
}

/// The words of a mention's sentence in order, with whether each lies in a temporal expression of
/// its document (or is a word of time: «يوم»، «صباح»، a weekday) — the dates the articles disagree
/// on are not what tells two events apart.
fn sentence_words(input: &Input, f: &Flat) -> (Vec<(String, bool)>, usize) {
    let (doc, ev) = input.docs[f.doc];
    // (the normalised text is released before reconciliation: the original is read, in code points)
    let text: Vec<char> = doc.original.chars().collect();
    let at = ev.mentions[f.mi].start.min(text.len());
    let ends = |k: usize| {
        let c = text[k];
        matches!(c, '!' | '?' | '؟' | '\n' | '؛') || (c == '.' && !(k > 0 && k + 1 < text.len() && text[k - 1].is_numeric() && text[k + 1].is_numeric()))
    };
    let first = (0..at).rev().find(|&k| ends(k)).map_or(0, |k| k + 1);
    let last = (at..text.len()).find(|&k| ends(k)).unwrap_or(text.len());
    const TIME_WORDS: &[&str] = &[
        "يوم", "اليوم", "امس", "صباح", "مساء", "فجر", "ليلة", "ليل", "ظهر", "الماضي", "الجاري", "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعة",
    ];
    let is_word = |c: char| c.is_alphanumeric() || c == '.' || matches!(c, '\u{064B}'..='\u{065F}');
    let mut out = Vec::new();
    let mut trigger = None;
    let mut start = None;
    for k in first..=last {
        let c = if k < last { text[k] } else { ' ' };
        match (is_word(c), start) {
            (true, None) => start = Some(k),
            (false, Some(s)) => {
                start = None;
                let raw: String = text[s..k].iter().collect();
                let raw = raw.trim_matches('.');
                if raw.is_empty() {
                    continue;
                }
                let in_timex = doc.timexes.iter().any(|t| t.start < k && s < t.end);
                let w = plain_word(raw);
                let temporal = in_timex || TIME_WORDS.contains(&w.as_str()) || TIME_WORDS.contains(&w.trim_start_matches('و'));
                if k > at && trigger.is_none() {
                    trigger = Some(out.len());
                }
                out.push((w, temporal));
            }
            _ => {}
        }
    }
    let trigger = trigger.unwrap_or(0);
    (out, trigger)
}

/// Words that tell a sequel or another event of the kind: «ناشطا آخر»، «ناقلة ثانية»، «المداولة
/// الثانية»، «سفيرا جديدا»، «واصل … إضرابهم»، «لمتابعة بحث …»، «لليوم الثاني».
const SEQUEL_WORDS: &[&str] = &[
    "اخر", "اخرى", "الاخر", "الاخرى", "ثان", "ثانية", "الثانية", "ثالثة", "الثالثة", "الاولى", "جديد", "جديدا", "جديدة", "الجديد", "الجديدة", "مجددا", "مجدد", "واصل", "واصلت", "يواصل", "تواصل", "تواصلت",
    "متابعة", "لمتابعة", "ومتابعة",
];

/// Whether a mention's sentence (its trigger the word at `trigger`) says its event is a sequel or
/// another of its kind (see [`SEQUEL_WORDS`]; «الثاني» only after «اليوم», not in a month's name
/// «كانون الثاني»; «الأولى» not in «جمادى الأولى»; «جديد» only on the trigger's noun).
fn names_sequel(words: &[(String, bool)], trigger: usize) -> bool {
    words.iter().enumerate().any(|(k, (w, _))| {
        let w = w.trim_start_matches('و');
        let before = k.checked_sub(1).map(|p| words[p].0.as_str());
        // «جديد» qualifies the event's noun right after the trigger («حريق جديد»، «عين سفيرا
        // جديدا»), not any noun of the sentence («بتشكيل حكومة جديدة» after a resignation)
        let new_of_event = !matches!(w, "جديد" | "جديدا" | "جديدة" | "الجديد" | "الجديدة") || (trigger + 1..=trigger + 2).contains(&k);
        (SEQUEL_WORDS.contains(&w) && new_of_event && !(w == "الاولى" && before == Some("جمادي"))) || (matches!(w, "الثاني" | "الثالث") && matches!(before, Some("اليوم" | "لليوم")))
    })
}

/// Whether two sentences name two different things at one place of a shared wording: a word
/// both have, then one or two words only the first has in one and as many only the second has in
/// the other, then the same word again (or a word of time in both, or the end of both): the
/// minister of health and of education, «ناشطا» and «ناشطة», a magnitude 5.2 and 4.6, «بمدينة فاس»
/// and «بمدينة مكناس», two names after «الفنان السوري». The words of time are left out: articles
/// telling one event in one wording with two dates differ only in those.
fn arguments_differ(a: &[(String, bool)], b: &[(String, bool)]) -> bool {
    let in_a: BTreeSet<&str> = a.iter().map(|(w, _)| w.as_str()).collect();
    let in_b: BTreeSet<&str> = b.iter().map(|(w, _)| w.as_str()).collect();
    let only = |s: &[(String, bool)], other: &BTreeSet<&str>| s.iter().all(|(w, t)| !t && !other.contains(w.as_str()));
    let resumes = |x: Option<&(String, bool)>, y: Option<&(String, bool)>| match (x, y) {
        (None, None) => true,
        (Some((v, vt)), Some((w, wt))) => v == w || (*vt && *wt),
        _ => false,
    };
    // one word put for two joined by «و» («وزير النفط» and «وزير الكهرباء والماء»)
    let lengths = |xs: &[(String, bool)], ys: &[(String, bool)]| xs.len() == ys.len() || [xs, ys].iter().any(|s| s.len() == 2 && s[1].0.starts_with('و'));
    (0..a.len()).any(|i| {
        !a[i].1
            && (0..b.len()).any(|j| {
                a[i].0 == b[j].0
                    && (1..=2).any(|n| {
                        (1..=2).any(|m| {
                            let (xs, ys) = (a.get(i + 1..i + 1 + n), b.get(j + 1..j + 1 + m));
                            matches!((xs, ys), (Some(xs), Some(ys)) if lengths(xs, ys) && only(xs, &in_b) && only(ys, &in_a) && resumes(a.get(i + 1 + n), b.get(j + 1 + m)))
                        })
                    })
            })
    })
}

/// The value of a word that counts («15»، «تسعة»، «سبعة»), digits or a number word from three to
/// ten (one and two are told by the noun's own form).
fn count_of(word: &str) -> Option<u32> {
    let w = word.trim_start_matches('و');
    if !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()) {
        return w.parse().ok();
    }
    const WORDS: &[(&str, u32)] = &[
        ("ثلاثة", 3), ("ثلاث", 3), ("اربعة", 4), ("اربع", 4), ("خمسة", 5), ("خمس", 5), ("ستة", 6), ("ست", 6), ("سبعة", 7), ("سبع", 7), ("ثمانية", 8), ("ثماني", 8), ("تسعة", 9), ("تسع", 9), ("عشرة", 10), ("عشر", 10),
    ];
    WORDS.iter().find(|(n, _)| *n == w).map(|&(_, v)| v)
}

/// Whether two sentences count one thing with different numbers (outside their dates): «قتل 15
/// مدنيا» and «قتل تسعة مدنيين» tell two attacks. Counts of different things («إنقاذ 12 شخصا»,
/// «31 مهاجرا لقوا حتفهم») say nothing either way, nor does a sentence that counts nothing.
fn counts_differ(a: &[(String, bool)], b: &[(String, bool)]) -> bool {
    // the counted noun without its case and number endings («مدنيا»، «مدنيين» → «مدني»)
    let stem = |w: &str| -> String {
        let w = w.trim_end_matches('ا');
        ["ين", "ون", "ات"].iter().find_map(|x| w.strip_suffix(x).filter(|r| r.chars().count() >= 2)).unwrap_or(w).to_string()
    };
    let counts = |s: &[(String, bool)]| -> BTreeMap<String, BTreeSet<u32>> {
        let mut out: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
        for (k, (w, t)) in s.iter().enumerate() {
            if let (false, Some(n), Some((next, false))) = (*t, count_of(w), s.get(k + 1)) {
                out.entry(stem(next)).or_default().insert(n);
            }
        }
        out
    };
    let (ca, cb) = (counts(a), counts(b));
    ca.iter().any(|(noun, n)| cb.get(noun).is_some_and(|m| n.is_disjoint(m)))
}

/// Whether a word is an indefinite noun or adjective: no article, no preposition or conjunction
/// of the small closed list, not a number.
fn indefinite(word: &str) -> bool {
    const FUNCTION: &[&str] = &["في", "على", "من", "الى", "عن", "مع", "بعد", "قبل", "امام", "خلال", "اثر", "اثناء", "بين", "عند", "لدي", "الي", "منذ", "حتى", "ان", "انه", "التي", "الذي", "ما", "لا", "قد"];
    let w = word.trim_start_matches(['و', 'ف']);
    !w.starts_with("ال") && !w.starts_with("لل") && !w.starts_with("بال") && !FUNCTION.contains(&w) && count_of(w).is_none() && w.chars().count() >= 3
}

/// Whether two sentences tell the act on two unnamed persons or things: the word right after
/// each trigger (or after each sentence's opening verb) is an indefinite noun and they differ
/// («توفي طفل» and «توفي شاب»), or either names in the words after its trigger an indefinite
/// accusative («اعتقلت الشرطة ناشطا»، «اغتال مسلحون ناشطا مدنيا»): an unnamed victim is no
/// identifier of one event — two papers of a day may tell two arrests of an activist.
fn unnamed_patients_differ(a: &[(String, bool)], at: usize, b: &[(String, bool)], bt: usize) -> bool {
    fn next(s: &[(String, bool)], k: usize) -> Option<&str> {
        s.get(k + 1).filter(|(w, t)| !t && indefinite(w)).map(|(w, _)| w.as_str())
    }
    // after each trigger, and after the verb that opens each sentence («توفي طفل غرقا» holds
    // the drowning's trigger after its patient)
    for (k, l) in [(at, bt), (0, 0)] {
        if let (Some(x), Some(y)) = (next(a, k), next(b, l)) {
            if x != y {
                return true;
            }
        }
    }
    const ADVERBS: &[&str] = &["غرقا", "مجددا", "ايضا", "حاليا", "سابقا", "رسميا", "صباحا", "مساء", "ليلا", "نهارا", "جدا", "اليا", "فورا", "تقريبا", "عمدا", "خطا"];
    // (an accusative counted by a number, «15 مدنيا», is told by its count: see `counts_differ`)
    fn unnamed(s: &[(String, bool)], k: usize) -> bool {
        (k + 1..(k + 5).min(s.len())).any(|p| {
            let (w, t) = &s[p];
            !t && indefinite(w) && w.ends_with('ا') && !w.ends_with("اا") && !ADVERBS.contains(&w.as_str()) && count_of(&s[p - 1].0).is_none()
        })
    }
    unnamed(a, at) || unnamed(b, bt)
}

/// A word without its inner long vowels (as the key words are interned, see `flatten`).
fn skeleton_of(word: &str, out: &mut String) {
    out.clear();
    let mut chars = word.chars();
    out.extend(chars.next());
    out.extend(chars.filter(|c| !matches!(c, 'ا' | 'و' | 'ي')));
}

/// One event that two articles date on nearby days: mentions of two different documents, of one
/// type, named by the same words up to inflection (one head holding the other's light stems), that
/// share two other key words (the coast and the city, the summit and its city; one when their heads
/// share three words, see `disagreement_shared`), name no different act on it (see [`ACTS`]), with
/// no distinguishing word, place or party telling them apart, each in a cluster dated within one
/// day, the two days at most two apart (the hulls a day apart at most), no document dating members
/// of both, and no article of the story dating mentions of the group on both days (an article does
/// not contradict itself: one that tells the Saturday and the Sunday tells two events).
/// «غرق قارب مهاجرين قبالة سواحل صفاقس يوم الأحد» in one paper and «… يوم السبت» in another are
/// one sinking; the constraint network then keeps the reading of most documents (the earliest on
/// a tie) and reports the other as a `cross_doc_disagreement`. Kinds that recur day after day
/// ([`RECURRING`]), statements, reports and states never merge so, nor mentions the texts relate
/// or set apart.
fn merge_disagreements(input: &Input, flat: &[Flat], uf: &mut UnionFind<usize>, dated: &DatedByGroup, related: &[(usize, usize, bool)], apart: &[Vec<usize>]) {
    const ONE_DAY: i64 = DAY + 60;
    let eligible = |f: &Flat| {
        let ty = &input.docs[f.doc].1.mentions[f.mi].event_type;
        !f.strict && !f.reports && !f.state && !f.open && f.head_id != NOKEY && f.distinct.is_empty() && f.time.is_some_and(|(a, b)| b - a <= ONE_DAY) && !RECURRING.contains(&ty.as_str())
    };
    // per cluster root: the hull of its members' own times and the documents that date them
    let mut hull: BTreeMap<usize, (i64, i64)> = BTreeMap::new();
    let mut docs_of: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    let mut dist: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
    let mut plc: BTreeMap<usize, Vec<u16>> = BTreeMap::new();
    // per cluster root: per document that dates it, its publication day (days from the origin's)
    // and how many days before it the document dates its members
    let mut offsets: BTreeMap<usize, BTreeMap<usize, (i64, BTreeSet<i64>)>> = BTreeMap::new();
    let published: Vec<Option<i64>> = input
        .docs
        .iter()
        .map(|(d, _)| {
            let day = d.publication.known_date()?;
            local_midnight(d.publication.timezone, day, None).map(|m| input.minutes(m))
        })
        .collect();
    for (i, f) in flat.iter().enumerate() {
        let r = uf.find_mut(i);
        if let Some((a, b)) = f.time {
            let h = hull.entry(r).or_insert((a, b));
            *h = (h.0.min(a), h.1.max(b));
            docs_of.entry(r).or_default().insert(f.doc);
            if let Some(p) = published[f.doc] {
                let before = (p - a + DAY / 2).div_euclid(DAY);
                offsets.entry(r).or_default().entry(f.doc).or_insert((p.div_euclid(DAY), BTreeSet::new())).1.insert(before);
            }
        }
        if !f.distinct.is_empty() {
            let d = dist.entry(r).or_default();
            *d = union_sorted(d, &f.distinct);
        }
        if !f.places.is_empty() {
            let p = plc.entry(r).or_default();
            *p = union_places(p, &f.places);
        }
    }
    // the eligible mentions by (type, first head word up to inflection), in order of their start
    let mut buckets: BTreeMap<(usize, String), Vec<usize>> = BTreeMap::new();
    let mut lemma: HashMap<usize, Vec<String>> = HashMap::new();
    for (i, f) in flat.iter().enumerate() {
        if eligible(f) && hull.get(&uf.find_mut(i)).is_some_and(|h| h.1 - h.0 <= ONE_DAY) {
            let l = head_lemma(input, f);
            if let Some(first) = l.first() {
                buckets.entry((f.ty, first.clone())).or_default().push(i);
                lemma.insert(i, l);
            }
        }
    }
    // mentions the texts relate to each other, or set one before or after the other
    let pairs: Vec<(usize, usize)> = related.iter().map(|&(a, b, _)| (a, b)).chain(apart.iter().enumerate().flat_map(|(k, os)| os.iter().map(move |&o| (k, o)))).collect();
    let related_roots = |uf: &mut UnionFind<usize>, x: usize, y: usize| {
        pairs.iter().any(|&(a, b)| {
            let (ra, rb) = (uf.find_mut(a), uf.find_mut(b));
            (ra == x && rb == y) || (ra == y && rb == x)
        })
    };
    let words_of = |i: usize| sentence_words(input, &flat[i]);
    for list in buckets.values_mut() {
        list.sort_by_key(|&i| (flat[i].time.map(|t| t.0), i));
        for (p, &i) in list.iter().enumerate() {
            for &j in &list[p + 1..] {
                let (x, y) = (flat[i].time.unwrap(), flat[j].time.unwrap());
                if y.0 - x.0 > 2 * DAY + 60 {
                    break;
                }
                let (fi, fj) = (&flat[i], &flat[j]);
                if fi.doc == fj.doc || fi.group != fj.group || (fi.zone.is_some() && fj.zone.is_some() && fi.zone != fj.zone) {
                    continue;
                }
                let common = heads_agree(&lemma[&i], &lemma[&j]);
                if common == 0 || shared_besides_heads(fi, fj) < disagreement_shared(common) || acts_differ(input, fi, fj) {
                    continue;
                }
                let (ri, rj) = (uf.find_mut(i), uf.find_mut(j));
                if ri == rj {
                    continue;
                }
                let (Some(&hi), Some(&hj)) = (hull.get(&ri), hull.get(&rj)) else { continue };
                // dated apart, a day or two, and together within three days
                let gap = (hi.0 - hj.1).max(hj.0 - hi.1);
                let together = (hi.0.min(hj.0), hi.1.max(hj.1));
                if !(0..DAY).contains(&gap) || together.1 - together.0 > 3 * DAY + 60 {
                    continue;
                }
                let empty: Vec<u32> = Vec::new();
                let no_places: Vec<u16> = Vec::new();
                if distinct_clash(dist.get(&ri).unwrap_or(&empty), dist.get(&rj).unwrap_or(&empty)) || places_clash(plc.get(&ri).unwrap_or(&no_places), plc.get(&rj).unwrap_or(&no_places)) {
                    continue;
                }
                let (di, dj) = (&docs_of[&ri], &docs_of[&rj]);
                if !di.is_disjoint(dj) || one_article_dates_both(dated, fi.group, hi, hj) || related_roots(uf, ri, rj) {
                    continue;
                }
                if echoes(&offsets[&ri], &offsets[&rj]) {
                    continue;
                }
                let ((wi, ti), (wj, tj)) = (words_of(i), words_of(j));
                if names_sequel(&wi, ti) || names_sequel(&wj, tj) || arguments_differ(&wi, &wj) || counts_differ(&wi, &wj) || unnamed_patients_differ(&wi, ti, &wj, tj) {
                    continue;
                }
                let joined_docs: BTreeSet<usize> = di.union(dj).copied().collect();
                let joined_dist = union_sorted(dist.get(&ri).unwrap_or(&empty), dist.get(&rj).unwrap_or(&empty));
                let joined_plc = union_places(plc.get(&ri).unwrap_or(&no_places), plc.get(&rj).unwrap_or(&no_places));
                uf.union(i, j);
                let root = uf.find_mut(i);
                hull.insert(root, together);
                docs_of.insert(root, joined_docs);
                dist.insert(root, joined_dist);
                plc.insert(root, joined_plc);
                let mut joined_offsets = offsets.remove(&ri).unwrap_or_default();
                for (d, o) in offsets.remove(&rj).unwrap_or_default() {
                    joined_offsets.entry(d).or_insert(o);
                }
                offsets.insert(root, joined_offsets);
            }
        }
    }
}

/// A cluster dated only by its month («سمح البنك المركزي في مارس الماضي بتخفيض سعر الصرف», in an
/// article of April) names the event of its kind that a day of that month holds, when the story
/// has exactly one such event: a later article recalls a decision by its month, the articles of
/// the day date it by the day. It joins that day-dated cluster when one of the cluster's mentions
/// is of the same type, they share a key word (who acted, on what: «البنك», «الجنيه»), no
/// distinguishing word or place tells them apart and no text relates them. Two events of the kind
/// in that month (a second rate decision three weeks later) leave the month-dated one on its own
/// row: the month does not say which it is. Statements and reports, many a month, never join so.
/// (Kinds that happen once a day already merge so in `should_merge`; this is every other kind.)
/// Near-linear: the day-dated clusters are indexed by type and start, and each month-dated cluster
/// reads the ones that start in its month.
fn attach_month_dated(flat: &[Flat], uf: &mut UnionFind<usize>, related: &[(usize, usize, bool)]) {
    let n = flat.len();
    let coarse = |t: (i64, i64)| t.1 - t.0 > 2 * DAY;
    // per mention: its cluster's root; per root: the hull of its day-dated (fine) and of its
    // coarser mentions, and whether it holds a strict type or a report (a month-dated cluster
    // that does stays apart)
    let root: Vec<usize> = (0..n).map(|i| uf.find_mut(i)).collect();
    let mut fine: Vec<Option<(i64, i64)>> = vec![None; n];
    let mut rough: Vec<Option<(i64, i64)>> = vec![None; n];
    let mut talk = vec![false; n];
    let hull_with = |h: Option<(i64, i64)>, t: (i64, i64)| Some(h.map_or(t, |(a, b)| (a.min(t.0), b.max(t.1))));
    for (f, &r) in flat.iter().zip(&root) {
        talk[r] |= f.strict || f.reports;
        match f.time {
            Some(t) if coarse(t) => rough[r] = hull_with(rough[r], t),
            Some(t) => fine[r] = hull_with(fine[r], t),
            None => {}
        }
    }
    let is_month = |r: usize| fine[r].is_none() && !talk[r] && rough[r].is_some_and(|t| t.1 - t.0 <= MONTH);
    // (most stories have none: nothing more is built for them)
    if !(0..n).any(|r| root[r] == r && is_month(r)) {
        return;
    }
    // the day-dated clusters (one or two days, any coarser mention of theirs holding them), by
    // the type of each of their mentions, sorted by start
    let is_day = |r: usize| fine[r].is_some_and(|(a, b)| b - a <= 2 * DAY && rough[r].is_none_or(|(x, y)| x <= a && b <= y));
    let mut by_type: FastMap<usize, Vec<(i64, i64, usize)>> = FastMap::default();
    for (f, &r) in flat.iter().zip(&root) {
        if let (true, Some((a, b))) = (is_day(r), fine[r]) {
            by_type.entry(f.ty).or_default().push((a, b, r));
        }
    }
    for list in by_type.values_mut() {
        list.sort_unstable();
        list.dedup();
    }
    // per month-dated cluster: its members, then the one day-dated cluster it may name
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &r) in root.iter().enumerate() {
        if is_month(r) {
            members.entry(r).or_default().push(i);
        }
    }
    let mut chosen: Vec<(usize, usize)> = Vec::new();
    for (&r, ms) in &members {
        let (ma, mb) = rough[r].expect("a month-dated cluster");
        let mut tys: Vec<usize> = ms.iter().map(|&i| flat[i].ty).collect();
        tys.sort_unstable();
        tys.dedup();
        let mut found: Vec<usize> = Vec::new();
        for ty in tys {
            let Some(list) = by_type.get(&ty) else { continue };
            let from = list.partition_point(|&(a, _, _)| a < ma);
            found.extend(list[from..].iter().take_while(|&&(a, _, _)| a < mb).filter(|&&(_, b, _)| b <= mb).map(|&(_, _, k)| k));
        }
        found.sort_unstable();
        found.dedup();
        if let [day] = found[..] {
            chosen.push((r, day));
        }
    }
    if chosen.is_empty() {
        return;
    }
    let wanted: BTreeSet<usize> = chosen.iter().map(|&(_, d)| d).collect();
    for (i, &r) in root.iter().enumerate() {
        if wanted.contains(&r) {
            members.entry(r).or_default().push(i);
        }
    }
    let related_roots: BTreeSet<(usize, usize)> = related.iter().flat_map(|&(a, b, _)| [(root[a], root[b]), (root[b], root[a])]).collect();
    let zones = |list: &[usize]| list.iter().filter_map(|&i| flat[i].zone.map(|z| z.name())).collect::<BTreeSet<_>>();
    let words = |list: &[usize], pick: fn(&Flat) -> &[u32]| {
        let mut w: Vec<u32> = list.iter().flat_map(|&i| pick(&flat[i]).iter().copied()).collect();
        w.sort_unstable();
        w.dedup();
        w
    };
    for (r, day) in chosen {
        let (ms, others) = (&members[&r], &members[&day]);
        let (zm, zd) = (zones(ms), zones(others));
        let named = |list: &[usize]| list.iter().fold(Vec::new(), |acc: Vec<u16>, &i| union_places(&acc, &flat[i].places));
        let placed_apart = (!zm.is_empty() && !zd.is_empty() && zm != zd) || places_clash(&named(ms), &named(others));
        let shares_word = sorted_shared(&words(ms, |f| &f.keys), &words(others, |f| &f.keys)) >= 1;
        let told_apart = distinct_clash(&words(ms, |f| &f.distinct), &words(others, |f| &f.distinct));
        if shares_word && !placed_apart && !told_apart && !related_roots.contains(&(r, day)) {
            uf.union(r, day);
        }
    }
}

/// An event whose dated mentions name one place (and no other) is dated on that place's clock, and
/// one whose mentions name none on the clock of the place the story happens in: its mentions'
/// times are read again in that zone. Returns each event's zone.
pub(crate) fn place_clocks(input: &Input, members: &[Vec<usize>], flat: &mut [Flat]) -> Vec<Option<chrono_tz::Tz>> {
    let minutes = |dt| input.minutes(dt);
    let ne = members.len();
    let story = story_place(input);
    let mut event_zone: Vec<Option<chrono_tz::Tz>> = vec![None; ne];
    for (e, ms) in members.iter().enumerate() {
        // (the dated mentions decide: undated ones give the event no time to read)
        let zones: BTreeSet<String> = ms.iter().filter(|&&i| flat[i].time.is_some()).filter_map(|&i| flat[i].zone.map(|z| z.name().to_string())).collect();
        let zone = match zones.len() {
            1 => ms.iter().filter(|&&i| flat[i].time.is_some()).find_map(|&i| flat[i].zone),
            // no place of its own: where the story happens
            0 => story,
            _ => None,
        };
        event_zone[e] = zone;
        let Some(zone) = zone else { continue };
        for &i in ms {
            // (a mention written on that clock already reads so, with its modifiers: «منتصف مايو»)
            if input.docs[flat[i].doc].0.publication.timezone == zone {
                continue;
            }
            // a lone «حتى Y» reads its end on that clock
            if flat[i].time.is_none() {
                let end = flat[i].range.as_ref().and_then(|r| zoned_interval(&r.end_value, zone));
                if let (Some(r), Some((ya, yb))) = (flat[i].range.as_mut(), end) {
                    r.end = (minutes(ya), minutes(yb).max(minutes(ya) + 1));
                }
            }
            let Some(v) = flat[i].value.clone() else { continue };
            if let Some(stretch) = zoned_interval(&v, zone) {
                let (a, b) = crate::flatten::period_part(stretch, &flat[i].period_part);
                flat[i].time = Some((minutes(a), minutes(b).max(minutes(a) + 1)));
                // a range «من X حتى Y» reads both its ends on that clock
                let end = flat[i].range.as_ref().and_then(|r| zoned_interval(&r.end_value, zone));
                if let (Some(r), Some((ya, yb))) = (flat[i].range.as_mut(), end) {
                    r.start = Some((minutes(a), minutes(b).max(minutes(a) + 1)));
                    r.end = (minutes(ya), minutes(yb).max(minutes(ya) + 1));
                    if r.end.1 > minutes(a) {
                        flat[i].time = Some((minutes(a), r.end.1));
                    }
                }
            }
        }
    }
    event_zone
}

/// Where the story happens: the place its articles name most, when it has more than half of all
/// the place names (and at least three); its zone is the clock of events that name no place.
fn story_place(input: &Input) -> Option<chrono_tz::Tz> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, ev) in &input.docs {
        for (zone, n) in &ev.places {
            *counts.entry(zone.as_str()).or_insert(0) += n;
        }
    }
    let total: usize = counts.values().sum();
    let (zone, n) = counts.into_iter().max_by_key(|&(z, n)| (n, std::cmp::Reverse(z)))?;
    (2 * n > total && n >= 3).then(|| zone.parse().ok()).flatten()
}

/// An undated mention (or cluster of them) of a non-strict type that no rule joined to a dated
/// cluster (one with a time, or whose start «منذ X» dates: the search going on «منذ 30 ساعة» is
/// the search another article names bare, «فرق الإنقاذ تواصل البحث») names the story's main
/// event of its group: "التصويت" with no date in an article about a vote is that vote. It joins the dated cluster of its group cited by the most documents (then
/// the most mentions), preferring clusters that share one of its documents, when that cluster
/// stands out (no tie), no distinguishing word ("الأولى"/"الثانية") tells them apart, and no
/// text relates the two (an aftershock two hours after the quake is not the quake), nor places
/// it during (or at the start or end of) an event dated more than three days away from that
/// cluster ("the hack during the 2016 campaign" is not this week's hack), nor does that cluster
/// begin more than three days after the mention's article was published unless the article itself
/// dates it (`published`: per document, the end of its publication day in minutes), nor does it
/// lie over a month before the articles (a precedent) unless each of them dates it, nor does it
/// begin, unannounced, after every article naming it was written (`written`).
/// `related` holds
/// (mention, mention, whether the relation makes them overlap or touch). A cluster's group is that
/// of its first mention that is an event in its own right (no report, and not `joined` to another
/// mention by the text): «مددت الإمارات نظام العمل عن بعد» is remote work, not an extension, and
/// joins the remote work its article dates.
fn attach_undated(flat: &[Flat], uf: &mut UnionFind<usize>, hull: &[Option<(i64, i64)>], related: &[(usize, usize, bool)], published: &[i64], written: &WrittenAt, joined: &[bool]) {
    struct Cluster {
        docs: BTreeSet<usize>,
        mentions: usize,
        distinct: BTreeSet<u32>,
        group: usize,
        /// how well the mention that gave the group names the event: 0 an event in its own
        /// right, 1 one joined to another mention, 2 a report
        group_rank: u8,
        timed: bool,
        /// a mention dates its start by «منذ X» (an ongoing search «منذ 30 ساعة»): no time of
        /// its own, but a dated event that undated mentions of other articles may name
        since: bool,
        strict: bool,
        reports_only: bool,
        any_strict: bool,
        heads: BTreeSet<u32>,
        distinct_list: Vec<u32>,
        /// the places its mentions' clauses name (see `places_clash`)
        places: Vec<u16>,
        /// every mention names the event as the case of the accused (see `Flat::named_case`)
        named_case: bool,
        /// the mention that gives the group is of a keyed type (see `Flat::keyed`): «تقرر تمديد
        /// العمل عن بعد» is remote work, which joins by its kind; a decision alone does not
        keyed: bool,
        /// the event types of its mentions
        types: BTreeSet<usize>,
        /// the key words of its mentions besides their heads' (who, what, where)
        own_keys: BTreeSet<u32>,
        /// the key words of its mentions' heads
        head_keys: BTreeSet<u32>,
        /// the first words of its mentions' heads (the act they name)
        head_firsts: BTreeSet<u32>,
    }
    let mut clusters: BTreeMap<usize, Cluster> = BTreeMap::new();
    for (i, f) in flat.iter().enumerate() {
        let r = uf.find(i);
        let c = clusters.entry(r).or_insert_with(|| Cluster {
            docs: BTreeSet::new(),
            mentions: 0,
            distinct: BTreeSet::new(),
            group: f.group,
            group_rank: u8::MAX,
            timed: hull[r].is_some(),
            since: false,
            strict: false,
            reports_only: true,
            any_strict: false,
            heads: BTreeSet::new(),
            distinct_list: Vec::new(),
            places: Vec::new(),
            named_case: true,
            keyed: false,
            types: BTreeSet::new(),
            own_keys: BTreeSet::new(),
            head_keys: BTreeSet::new(),
            head_firsts: BTreeSet::new(),
        });
        c.head_keys.extend(f.head_keys.iter().copied());
        c.head_firsts.insert(f.head_first);
        c.own_keys.extend(f.keys.iter().copied().filter(|k| f.head_keys.binary_search(k).is_err()));
        c.types.insert(f.ty);
        if !f.places.is_empty() {
            c.places = union_places(&c.places, &f.places);
        }
        c.docs.insert(f.doc);
        c.mentions += 1;
        c.heads.insert(f.head_id);
        c.distinct.extend(f.distinct.iter().copied());
        // a report that joined the event it announces does not make its cluster a statement, nor
        // give it its group; a mention joined to another (an extension) gives it only when no
        // mention is an event in its own right
        let rank = if f.reports { 2 } else { u8::from(joined[i]) };
        if rank < c.group_rank {
            c.group = f.group;
            c.group_rank = rank;
            c.keyed = f.keyed;
        } else if rank == c.group_rank {
            c.keyed |= f.keyed;
        }
        c.strict |= f.strict && !f.reports;
        c.reports_only &= f.reports;
        c.any_strict |= f.strict;
        c.timed |= f.time.is_some();
        c.since |= f.since.is_some();
        c.named_case &= f.named_case;
    }
    for c in clusters.values_mut() {
        c.strict |= c.reports_only && c.any_strict;
        c.distinct_list = c.distinct.iter().copied().collect();
    }
    let related_roots: BTreeSet<(usize, usize)> = related
        .iter()
        .flat_map(|&(a, b, _)| {
            let (ra, rb) = (uf.find(a), uf.find(b));
            [(ra, rb), (rb, ra)]
        })
        .collect();
    // per cluster: the time hulls of the clusters it overlaps or touches by a stated relation
    let mut overlap_hulls: BTreeMap<usize, Vec<(i64, i64)>> = BTreeMap::new();
    for &(a, b, overlapping) in related {
        if !overlapping {
            continue;
        }
        let (ra, rb) = (uf.find(a), uf.find(b));
        if let Some(h) = hull[rb] {
            overlap_hulls.entry(ra).or_default().push(h);
        }
        if let Some(h) = hull[ra] {
            overlap_hulls.entry(rb).or_default().push(h);
        }
    }
    let near = |x: (i64, i64), y: (i64, i64)| (x.0 - y.1).max(y.0 - x.1) <= 3 * DAY;
    // An undated mention and a dated event only its own article tells, named by the same act on
    // two different objects and sharing no other key word, are two acts of the kind («استدعاء سفيرها» and
    // «استدعاء القائم بالأعمال» two days later, in one article): the mention then looks for its
    // event among the other articles'. A bare word («الاستدعاء») still joins its article's event.
    let objects_clash = |c: &Cluster, d: &Cluster| {
        // (the act named first by both, the objects after it: «تعذرت رؤية الهلال» and «عدم ثبوت
        // رؤية الهلال» name one thing by two words before it)
        if c.mentions != 1 || c.docs != d.docs || !c.own_keys.is_disjoint(&d.own_keys) || !c.head_firsts.is_subset(&d.head_firsts) || c.head_firsts.contains(&NOKEY) {
            return false;
        }
        let common = c.head_keys.intersection(&d.head_keys).count();
        common > 0 && c.head_keys.len() > common && d.head_keys.len() > common
    };
    // The dated clusters an undated one may join, indexed so that the search stays near-linear:
    // by group (in order of (documents, mentions), best first), by (group, head), by (group,
    // distinguishing words) and by document.
    let rank = |k: &usize| (std::cmp::Reverse((clusters[k].docs.len(), clusters[k].mentions)), *k);
    let mut by_group: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut by_head: BTreeMap<(usize, u32), Vec<usize>> = BTreeMap::new();
    let mut by_distinct: BTreeMap<(usize, &[u32]), Vec<usize>> = BTreeMap::new();
    let mut by_doc: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (&k, d) in &clusters {
        if !(d.timed || d.since) || d.strict {
            continue;
        }
        by_group.entry(d.group).or_default().push(k);
        for &h in &d.heads {
            by_head.entry((d.group, h)).or_default().push(k);
        }
        by_distinct.entry((d.group, d.distinct_list.as_slice())).or_default().push(k);
        for &doc in &d.docs {
            by_doc.entry(doc).or_default().push(k);
        }
    }
    for list in by_group.values_mut().chain(by_head.values_mut()).chain(by_distinct.values_mut()).chain(by_doc.values_mut()) {
        list.sort_by_key(rank);
        list.dedup();
    }
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for (&r, c) in &clusters {
        if c.timed || c.strict {
            continue;
        }
        let placed_elsewhere = |k: usize| {
            overlap_hulls.get(&r).is_some_and(|hs| hull[k].is_some_and(|hk| hs.iter().any(|&h| !near(h, hk))))
        };
        // an article cannot name without a date an event that only begins well after it was
        // published (the quake of a fortnight later is not "الزلزال" of today's article; the vote
        // of the day after tomorrow may be "التصويت")
        let written_by = c.docs.iter().map(|&d| published[d]).min().unwrap_or(i64::MAX);
        let not_later = |k: usize, d: &Cluster| hull[k].is_none_or(|(a, _)| a < written_by.saturating_add(3 * DAY)) || !d.docs.is_disjoint(&c.docs);
        // nor, when writing over a week after it, an event only one other article tells (the
        // evacuation after a new aftershock is not the flight of the first night); the story's
        // headline event, told by several articles, may still be named without its date
        // (an article that dates it may name it again without a date; but an event over a month
        // old when written is a precedent an article recalls, and mentions of other articles
        // that never date it name the story's own event, not the precedent: «القرصنة» of five
        // articles on this week's hack is not the 2016 hack one of them recalls, however many
        // articles recall that hack by its names)
        let not_stale = |k: usize, d: &Cluster| {
            let precedent = hull[k].is_some_and(|(_, b)| b + PRECEDENT < written_by);
            hull[k].is_none_or(|(_, b)| b + 7 * DAY >= written_by) || (d.docs.len() >= 2 && !precedent) || (!d.docs.is_disjoint(&c.docs) && (!precedent || c.docs.is_subset(&d.docs)))
        };
        // nor an event that began after every article naming it here was written (their
        // publication time is known) when no article told it before it began: what happens
        // unannounced (a flight into the streets, a night outdoors) is told after the fact, so a
        // report written at dawn names the dawn's events, not the coming night's; an event
        // announced ahead (a vote an earlier article dates) may still be named before it
        let written_last = c.docs.iter().map(|&doc| written.instant[doc]).try_fold(i64::MIN, |m, t| t.map(|t| m.max(t)));
        let not_after_writing = |k: usize, d: &Cluster| {
            let (Some(last), Some((start, _))) = (written_last, hull[k]) else { return true };
            let announced = d.docs.iter().any(|&doc| written.instant[doc].or(written.day_start[doc]).is_some_and(|t| t < start));
            start <= last || announced
        };
        let compatible = |k: usize| {
            let d = &clusters[&k];
            k != r && !related_roots.contains(&(r, k)) && !placed_elsewhere(k) && not_later(k, d) && not_stale(k, d) && not_after_writing(k, d) && d.group == c.group && !undated_distinct_clash(&c.distinct_list, &d.distinct_list) && !places_clash(&c.places, &d.places)
                // the case of the accused is an event of its own article only if of its type: «قتل
                // خلالها مشتبه به في الهجوم» names the attack, not the article's raid of its group
                && (!c.named_case || d.docs.is_disjoint(&c.docs) || !d.types.is_disjoint(&c.types))
                && !objects_clash(c, d)
                // an act of a kind every day's news tells many of (a decision) is another
                // article's only if they share a word besides the act's (what, by whom): «قررت
                // الحكومة تمديد حالة الطوارئ» is not the commission's decision to put off a vote
                && (!c.keyed || !d.docs.is_disjoint(&c.docs) || !c.own_keys.is_disjoint(&d.own_keys))
        };
        // the event named by the same word first ("المؤتمر" is the conference, not the meeting)
        let score = |d: &Cluster| (!d.heads.is_disjoint(&c.heads), d.docs.len(), d.mentions);
        // the same distinguishing word ("الدورة الأولى" and "الجولة الأولى") names the same event;
        // else an event of the mention's own article; else any. (Not the article's own for the case
        // of the accused: «قتل خلالها مشتبه به في الهجوم» names the attack told before, not the raid
        // its article tells.)
        let same: Vec<usize> = if c.distinct.is_empty() {
            Vec::new()
        } else {
            by_distinct.get(&(c.group, c.distinct_list.as_slice())).map(|ks| ks.iter().copied().filter(|&k| compatible(k)).collect()).unwrap_or_default()
        };
        let pool: Vec<usize> = if !same.is_empty() {
            let local: Vec<usize> = same.iter().copied().filter(|k| !clusters[k].docs.is_disjoint(&c.docs)).collect();
            if local.is_empty() { same } else { local }
        } else {
            let mut local: Vec<usize> = if c.named_case { Vec::new() } else { c.docs.iter().filter_map(|d| by_doc.get(d)).flatten().copied().filter(|k| clusters[k].group == c.group && compatible(*k)).collect() };
            local.sort_unstable();
            local.dedup();
            if !local.is_empty() {
                local
            } else {
                // the two best of each head list and of the group list are enough to rank
                let mut top: Vec<usize> = Vec::new();
                let first_two = |list: Option<&Vec<usize>>, extra: &dyn Fn(usize) -> bool| -> Vec<usize> {
                    list.map(|ks| ks.iter().copied().filter(|&k| extra(k) && compatible(k)).take(2).collect()).unwrap_or_default()
                };
                for &h in &c.heads {
                    top.extend(first_two(by_head.get(&(c.group, h)), &|_| true));
                }
                top.extend(first_two(by_group.get(&c.group), &|k| clusters[&k].heads.is_disjoint(&c.heads)));
                top.sort_unstable();
                top.dedup();
                top
            }
        };
        let mut ranked: Vec<(usize, &Cluster)> = pool.into_iter().map(|k| (k, &clusters[&k])).collect();
        ranked.sort_by_key(|(k, d)| (std::cmp::Reverse(score(d)), *k));
        match ranked.as_slice() {
            [(best, _)] => joins.push((r, *best)),
            [(best, b), (_, second), ..] if score(b) > score(second) => joins.push((r, *best)),
            _ => {}
        }
    }
    // two related undated clusters choosing the same event ("يدلي الناخبون في الخارج ... قبل يوم
    // من التصويت"): the relation says they differ, so the relation's source stays apart and the
    // event it is related to (the target) joins
    let chosen: BTreeMap<usize, usize> = joins.iter().copied().collect();
    let vetoed: BTreeSet<usize> = related
        .iter()
        .filter_map(|&(a, b, _)| {
            let (ra, rb) = (uf.find(a), uf.find(b));
            (ra != rb && chosen.get(&ra).is_some_and(|k| chosen.get(&rb) == Some(k))).then_some(ra)
        })
        .collect();
    for (a, b) in joins {
        if vetoed.contains(&a) {
            continue;
        }
        uf.union(a, b);
    }
}

#[cfg(test)]
mod tests {
    use super::{arguments_differ, counts_differ, names_sequel, places_clash, plain_word, undated_distinct_clash, unnamed_patients_differ};
    use crate::flatten::{NUMBERED, STAGE};

    /// Words of an invented sentence, the weekday and «يوم» as words of time.
    fn words(sentence: &str) -> Vec<(String, bool)> {
        sentence.split(' ').map(|w| (plain_word(w), matches!(w, "يوم" | "الأحد" | "الاثنين" | "اليوم"))).collect()
    }

    #[test]
    fn arguments_differ_at_one_place_of_a_shared_wording() {
        let differ = |a: &str, b: &str| arguments_differ(&words(a), &words(b));
        assert!(differ("زار وزير الصحة الأردني محافظة إربد يوم الأحد", "زار وزير التربية الأردني محافظة إربد يوم الاثنين"));
        assert!(differ("اعتقلت الشرطة ناشطا في الحراك يوم الأحد", "اعتقلت الشرطة ناشطة في الحراك يوم الاثنين"));
        assert!(differ("ضرب زلزال بقوة 5.2 درجات يوم الأحد", "ضرب زلزال بقوة 4.6 درجات يوم الاثنين"));
        assert!(differ("توفي الفنان السوري سامر حداد في دمشق", "توفي الفنان السوري وليد قباني في دمشق"));
        assert!(differ("زار الوزير المستشفى بمدينة فاس يوم الأحد", "زار الوزير المستشفى بمدينة مكناس اليوم الاثنين"));
        // the dates apart, or wordings that differ by more than a word put for another
        assert!(!differ("غرق قارب قبالة سواحل صفاقس يوم الأحد", "غرق قارب قبالة سواحل صفاقس يوم الاثنين"));
        assert!(!differ("القمة العربية العادية ستعقد في بغداد", "القمة العربية ستنعقد في بغداد"));
        assert!(!differ("وصل إلى القاهرة في زيارة رسمية تستغرق يومين", "وصل إلى القاهرة في مستهل جولة إقليمية"));
    }

    #[test]
    fn one_word_put_for_two_joined_by_and() {
        let differ = |a: &str, b: &str| arguments_differ(&words(a), &words(b));
        assert!(differ("قدم وزير النفط الكويتي استقالته يوم الأحد", "قدم وزير الكهرباء والماء الكويتي استقالته يوم الاثنين"));
        assert!(!differ("القمة العربية العادية ستعقد في بغداد", "القمة العربية ستنعقد في بغداد"));
    }

    #[test]
    fn counts_of_one_thing() {
        let differ = |a: &str, b: &str| counts_differ(&words(a), &words(b));
        assert!(differ("قتل 15 مدنيا في قصف على المدينة يوم الأحد", "قتل تسعة مدنيين في قصف على المدينة يوم الاثنين"));
        // counts of different things, or one count only
        assert!(!differ("غرق قارب وأنقذ خفر السواحل 12 شخصا", "لقي 31 مهاجرا حتفهم في غرق قارب"));
        assert!(!differ("ضرب زلزال بقوة 6.2 درجات يوم الأحد", "ضرب زلزال الجزيرة يوم الاثنين"));
        assert!(!differ("قتل 15 مدنيا في قصف يوم الأحد", "قتل 15 مدنيا في قصف يوم الاثنين"));
    }

    #[test]
    fn unnamed_patients() {
        let differ = |a: &str, at: usize, b: &str, bt: usize| unnamed_patients_differ(&words(a), at, &words(b), bt);
        assert!(differ("توفي طفل غرقا في السد يوم الأحد", 2, "توفي شاب غرقا في السد يوم الاثنين", 2));
        assert!(differ("اغتال مسلحون الناشط أحمد يوم الأحد", 0, "اغتال مسلحون ناشطا مدنيا يوم الاثنين", 0));
        assert!(differ("اعتقلت الشرطة صحفيا يوم الأحد", 0, "اعتقلت الشرطة صحفيا يوم الاثنين", 0));
        assert!(!differ("افتتح الرئيس المعرض يوم الأحد", 0, "افتتح الرئيس المعرض يوم الاثنين", 0));
        assert!(!differ("قتل 15 مدنيا في قصف يوم الأحد", 0, "قتل 15 مدنيا في قصف يوم الاثنين", 0));
    }

    #[test]
    fn sequel_words() {
        assert!(names_sequel(&words("اعتقلت الشرطة ناشطا آخر يوم الاثنين"), 0));
        assert!(names_sequel(&words("صوت المجلس في المداولة الثانية"), 0));
        assert!(names_sequel(&words("واصل الأساتذة إضرابهم لليوم الثاني"), 0));
        assert!(names_sequel(&words("عين الرئيس سفيرا جديدا يوم الأحد"), 1));
        assert!(names_sequel(&words("اندلع حريق جديد في الغابة يوم الأحد"), 1));
        assert!(!names_sequel(&words("صدر القرار في 3 كانون الثاني"), 0));
        assert!(!names_sequel(&words("اعتقلت الشرطة ناشطا يوم الأحد"), 0));
        // a new thing the sentence names besides the event
        assert!(!names_sequel(&words("استقال رئيس الوزراء يوم الاثنين وكلف الملك وزيرا بتشكيل حكومة جديدة"), 0));
        assert!(!names_sequel(&words("أدت الحكومة المغربية الجديدة اليمين الدستورية يوم الخميس"), 4));
    }

    #[test]
    fn numbers_and_words_tell_an_undated_event_apart_each_among_their_own_kind() {
        let distinct_clash = undated_distinct_clash;
        let (quarter, semi, n60, n61, second) = (3 | STAGE, 4 | STAGE, 7 | NUMBERED, 8 | NUMBERED, 9);
        // a quarter-final and a semi-final, match 60 and match 61
        assert!(distinct_clash(&[quarter], &[semi]));
        assert!(distinct_clash(&[n60], &[n61]));
        assert!(distinct_clash(&[quarter, n60], &[quarter, n61]));
        // «ربع النهائي» and «المباراة رقم 60»: two ways of naming one match
        assert!(!distinct_clash(&[quarter], &[n60]));
        assert!(!distinct_clash(&[quarter], &[quarter, n60]));
        assert!(!distinct_clash(&[], &[n60]));
        // «المباراة الثانية» counts what «رقم 60» counts: they clash
        assert!(distinct_clash(&[second], &[n60]));
    }

    #[test]
    fn places_clash_only_when_each_names_a_party_the_other_does_not() {
        // a win over Spain and one over Switzerland
        assert!(places_clash(&[3], &[7]));
        assert!(places_clash(&[1, 3], &[1, 7]));
        // one names fewer: the same event named more loosely
        assert!(!places_clash(&[3], &[1, 3]));
        assert!(!places_clash(&[3], &[3]));
        // one names none
        assert!(!places_clash(&[], &[7]));
        assert!(!places_clash(&[], &[]));
    }
}
