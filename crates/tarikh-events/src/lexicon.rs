//! The event lexicon: event types with their triggers, relation signals and generic-event stop
//! words, loaded from `data/events/ar/events.toml` (format documented at the top of that file).

use crate::Relation;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The embedded default lexicon file.
const EMBEDDED: &str = include_str!("../../../data/events/ar/events.toml");
/// Name under which the embedded file is reported in errors.
const EMBEDDED_NAME: &str = "data/events/ar/events.toml";

/// Why a lexicon could not be loaded. Messages name the file, the line and the reason.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The file could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file was read but is not a valid lexicon.
    #[error("{file} line {line}: {reason}")]
    Invalid {
        /// The file (path or embedded name).
        file: String,
        /// 1-based line of the offending entry.
        line: usize,
        /// What is wrong and what was expected.
        reason: String,
    },
}

/// One example sentence of an event type, run by the test suite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeExample {
    /// The sentence.
    pub text: String,
    /// The trigger expected to be found in it, as written.
    pub trigger: String,
    /// The measure (see [`EventType::measures`]) the mention is expected to name, if the example
    /// says.
    pub measure: Option<String>,
}

/// One measure an event type moves (`measures` of the lexicon): its name and the words that name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    /// Machine name ("dollar", "index" ...).
    pub name: String,
    /// The words naming it, normalised, without the article.
    pub words: Vec<String>,
    /// A currency: its move is against another currency («تراجع الجنيه أمام الدولار»), and a move
    /// names the pair when the text names the other.
    pub currency: bool,
    /// The currency others are quoted against when the text names none («تراجع الجنيه» is the
    /// pound against the dollar): at most one per type.
    pub reference: bool,
}

/// One example of a relation signal, run by the test suite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignalExample {
    /// The sentence.
    pub text: String,
    /// Trigger text of the expected source mention.
    pub source: String,
    /// Expected relation.
    pub relation: Relation,
    /// Trigger text of the expected target mention.
    pub target: String,
}

/// An event type of the lexicon.
#[derive(Debug, Clone)]
pub struct EventType {
    /// Machine name ("cyberattack", "statement" ...).
    pub name: String,
    /// One-line description.
    pub description: String,
    /// Strict types merge across documents only on a close key-word match.
    pub strict_merge: bool,
    /// "by_time" types: two mentions on the same day are one event even without a shared word
    /// (a story rarely has two votes, two campaign ends or two leaks on one day).
    pub same_day_merge: bool,
    /// "keyed" types: an undated mention joins another article's dated event of its kind only when
    /// they share a key word besides their heads' (what is decided, by whom), never by its kind
    /// alone (a day's news tells many decisions).
    pub keyed_merge: bool,
    /// Mentions of types with the same group may name one real event (a hack seen through its
    /// leak); the group is the type name unless `group` says otherwise.
    pub group: String,
    /// Open types: the event's own date bounds only its start.
    pub open_extent: bool,
    /// States ("the silence period"): a date mentioned with one says the state holds then, so
    /// it bounds neither end tightly (start ≤ the date's end, end ≥ its start).
    pub state_extent: bool,
    /// Where in a month (or longer period) its date names the event falls: "first_day" (غرة شهر
    /// رمضان is the 1st of Ramadan), "eve" (the crescent of Shawwal is sought on the evening before
    /// 1 Shawwal); empty: the whole period.
    pub period_part: String,
    /// Reporting types (statements, warnings): what follows their complementizer ("قال إن …")
    /// is the reported content, whose dates are not the report's.
    pub reports: bool,
    /// Types that act on another event (announcing it, extending it): with an event as their
    /// object ("أعلنت الحكومة الحداد", "تمديد العمل عن بعد") they are that event, one row of the
    /// timeline, not an event of their own.
    pub joins_object: bool,
    /// Events an announcement makes (measures, declarations, results: mourning, a curfew, a
    /// decision, a toll): «أعلن X» is X, on the announcement's day. Other events (a hack, a quake)
    /// happened before they are announced: their announcement stays apart.
    pub declared: bool,
    /// Types that, in a relative clause, describe the event of the noun before it ("الاستطلاعات
    /// التي نشرت الجمعة": the polls' publication): they join that event.
    pub joins_antecedent: bool,
    /// Types whose event is about an earlier one (condolences, mourning, funerals, tributes): the
    /// event after them, governed by a preposition («تعزية بوفاة الأمير»، «الحداد على ضحايا
    /// الزلزال»), is their topic. It happened before them and takes none of their dates.
    pub about: bool,
    /// Types whose words name only the kind of an event (a catastrophe, a tragedy): right before
    /// another event word, in a construct ("فاجعة الزلازل", "كارثة الفيضانات"), they are that event
    /// and make no mention of their own.
    pub names_kind: bool,
    /// Types of events that are the outcome of another (the dead of a storm, a win in a vote): after
    /// an outcome word (`[clauses] outcome`: "مخلفا"، "أسفر … عن") they are part of the event that
    /// caused them, not a row of their own.
    pub outcome: bool,
    /// Gatherings that kill no one themselves (protests, strikes, sit-ins): the dead «في» them
    /// («قتل 3 متظاهرين برصاص الأمن في احتجاجات») were killed by someone, an event of its own,
    /// not the gathering's toll (see `outcome`, whose dead «في» an accident or an attack are it).
    pub no_toll: bool,
    /// Acts of institutions that confer or decide (meetings, calls, visits, decisions, sanctions):
    /// told on with «و» after a dated happening of another kind («اندلعت اشتباكات يوم السبت،
    /// واجتمع مجلس الأمن»), one is the institutions' reaction, on a day of its own: it does not take
    /// the happening's date as the same occasion told on.
    pub deliberate: bool,
    /// Sittings in which institutions act (meetings, sessions): an institution's act (a
    /// `deliberate` type) with no date of its own, placed «في / خلال» one a few words after it
    /// («قرر المجلس، في اجتماعه اليوم الخميس، رفع …»، «أقر مجلس الوزراء في جلسته التي عقدها
    /// اليوم …»), was done at that sitting and takes its date.
    pub sitting: bool,
    /// Events that last days (festivals, strikes, sit-ins, exam sessions, tournaments): a verb of
    /// ending before one («اختتمت فعاليات المهرجان مساء السبت»، «أنهى العمال إضرابهم أمس») dates
    /// its end, not a day it fills (`EventMention::until`, no date of its own).
    pub lasts_days: bool,
    /// A type whose event marks this one's start when both fall on one day (a vote begins when
    /// the polls open); empty when none.
    pub begins_with: String,
    /// A type whose event marks this one's end when both fall on one day (a vote ends when the
    /// polls close); empty when none.
    pub ends_with: String,
    /// Types of the sudden events this one is people's immediate reaction to (fleeing into the
    /// streets when a quake is felt): an undated mention in a sentence that names one of them
    /// begins right after it (see `tarikh_events::REACTION_WINDOW_SECONDS`); empty for most types.
    pub reacts_to: Vec<String>,
    /// Types of the happenings this one is an authority's answer to (a mourning declared for a
    /// quake's dead, an inquiry opened into a fire): an undated mention told after one of them in
    /// its sentence, in a clause of its own joined by «و» or «ثم», comes after it (no window:
    /// the answer may come hours or days later); empty for most types.
    pub responds_to: Vec<String>,
    /// Types of the happenings this one deals with the wreck of (rescuers search the rubble a
    /// quake left, the dead of a flood are recovered): a mention going on «منذ» a time, in a
    /// sentence that names one of them, comes after the nearest, however long after unsaid (no search for
    /// survivors starts before the disaster it follows); empty for most types.
    pub follows: Vec<String>,
    /// Types of measures this one ends as planned (classes resume when a suspension of them
    /// ends): after «على أن» in a sentence that tells such a measure («…ليوم الثلاثاء، على أن
    /// تستأنف الدراسة يوم الأربعاء») it is the measure's planned end, not an event of its own.
    pub ends_planned: Vec<String>,
    /// Normalised words of a reporting type that always go on with speech already cited ("أضاف"
    /// "added", "أردف"): with or without a subject of their own ("وأضاف المسؤول أن …"), they
    /// continue the last report of the few sentences before them, not a statement of their own.
    pub continues: Vec<String>,
    /// Context words (normalised) required by the context triggers.
    pub context: Vec<String>,
    /// The context word must stand between the words of a context trigger, as its subject («وصل
    /// وزير الخارجية إلى»), not anywhere in the sentence («وصل عدد القتلى إلى 300 بحسب وزير الصحة»).
    pub context_in_trigger: bool,
    /// The measures an event of the type moves (a currency, an index, a price: a market's move),
    /// each a name and its words (normalised, without the article); empty for most types. The
    /// measure a mention names tells it apart: the index's rise is not the dollar's.
    pub measures: Vec<Measure>,
    /// Example sentences.
    pub examples: Vec<TypeExample>,
    /// Sentences in which this type must not be found.
    pub counter_examples: Vec<String>,
}

/// A relation signal ("إثر", "حتى", ...).
#[derive(Debug, Clone)]
pub struct SignalDef {
    /// The signal phrases as written.
    pub words: Vec<String>,
    /// The relation it states.
    pub relation: Relation,
    /// True when the event after the signal is the source ("X حتى Y" → Y ENDS X).
    pub following_is_source: bool,
    /// Words allowed between the signal and the event it introduces.
    pub max_gap: usize,
    /// Normalised words that cancel the signal when right before it ("من" + "خلال").
    pub not_after: Vec<String>,
    /// The introduced event happened the same day as the other ("قال إثر زيارته": the visit was
    /// that day): an undated one takes the other's date.
    pub same_day: bool,
    /// Examples.
    pub examples: Vec<SignalExample>,
    /// Sentences in which the signal must produce no relation.
    pub counter_examples: Vec<String>,
}

/// The sense an ambiguous trigger takes from its argument (`[[sense]]`): «فوز» is a sport result,
/// but «فوز المرشح» an election result; «لقاء» is a meeting, but «لقاء فرنسا وإنجلترا» in a
/// World Cup report a match; «وصل إلى» is a visit, but «وصل إلى 1041 حالة إصابة» a toll.
#[derive(Debug, Clone)]
pub struct SenseDef {
    /// The type whose trigger is ambiguous.
    pub of: String,
    /// The type it becomes (or [`crate::GENERIC`]: no type of the lexicon).
    pub becomes: String,
    /// Normalised argument words (article stripped) that select the sense.
    pub arguments: HashSet<String>,
    /// A place name of the lexicon («فرنسا») is an argument too.
    pub places: bool,
    /// The argument is a count: a number right after the trigger, then (if `arguments` is not
    /// empty) one of the argument words.
    pub count: bool,
    /// How many words after the trigger (or after the number) the argument may stand.
    pub reach: usize,
    /// Normalised words one of which the sentence must contain (empty: no condition).
    pub context: Vec<String>,
    /// Normalised triggers of type `of` the sense is restricted to (empty: every trigger): «الجولة
    /// الأولى من الدوري» is a match, but «التصويت على استضافة كأس العالم» stays a vote.
    pub triggers: Vec<String>,
    /// Example sentences: a mention of type `becomes` with the given trigger is expected.
    pub examples: Vec<TypeExample>,
    /// Sentences in which the trigger keeps its own type (no mention of type `becomes`).
    pub counter_examples: Vec<String>,
}

/// One word slot of a compiled phrase.
#[derive(Debug, Clone)]
pub(crate) enum Slot {
    /// A word: the set of accepted stems (article stripped), with suffix forms expanded.
    Word(HashSet<String>),
    /// Up to n arbitrary words.
    Gap(usize),
}

/// A compiled trigger or signal phrase.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    /// Index of the type (triggers) or signal (signals).
    pub owner: usize,
    /// Slots; the first is always a word.
    pub slots: Vec<Slot>,
    /// Only counts when a context word of the type is in the sentence.
    pub contextual: bool,
    /// Only counts when punctuation follows it at once ("وتابع،", "وأضاف:"): speech going on.
    pub continuation: bool,
    /// Number of real words (priority when matches overlap).
    pub words: usize,
    /// May be read inside a temporal expression that names the day ("أول أيام عيد الفطر").
    pub in_timex: bool,
    /// The phrase opens with a verb form of a reporting type ("قال"، "أضاف"، "يؤكد"): a verb never
    /// carries the article, so a text word with it is a noun of another sense ("بالإضافة إلى" is
    /// "in addition to", "وسائل النقل" is transport).
    pub verb_head: bool,
}

/// The event lexicon: types, triggers, signals and stop words, all normalised.
#[derive(Debug, Clone)]
pub struct EventLexicon {
    types: Vec<EventType>,
    signals: Vec<SignalDef>,
    senses: Vec<SenseDef>,
    pub(crate) triggers: Vec<Phrase>,
    /// Stem of a first word → triggers starting with it.
    pub(crate) trigger_index: HashMap<String, Vec<usize>>,
    pub(crate) signal_phrases: Vec<Phrase>,
    pub(crate) signal_index: HashMap<String, Vec<usize>>,
    pub(crate) stopwords: HashSet<String>,
    /// Normalised words that tell two events of one type apart ("الأولى" vs "الثانية").
    pub(crate) distinct: HashSet<String>,
    /// Place names and adjectives (normalised, article stripped) → the IANA time zone of the place:
    /// an event placed there is dated by its own clock ("الانتخابات الأمريكية" → America/New_York).
    pub(crate) places: HashMap<String, String>,
    /// The longest place name, in words.
    pub(crate) place_words: usize,
    /// Normalised words that make no event when a clause has a date and no trigger (copulas,
    /// light and aspectual verbs, adverbial participles of speech: "كان", "تجري", "قائلا").
    pub(crate) non_events: HashSet<String>,
    /// Normalised negation particles ("لم", "لن", "عدم"): a negated event did not happen.
    pub(crate) negations: HashSet<String>,
    /// Normalised titles before a person's name ("الشيخ", "المدرب", "الوزير"): the word after one
    /// is a name, never a verb ("الوزير وليد" is no «ليد» done).
    pub(crate) titles: HashSet<String>,
    /// Normalised words that introduce the start of a state or the time since a date ("منذ").
    pub(crate) since: HashSet<String>,
    /// Normalised words of beginning ("انطلقت"، "بدأت"): «منذ X» after one is when that start
    /// happened, see [`EventLexicon::is_beginning`].
    pub(crate) beginning: HashSet<String>,
    /// Normalised words that, before «منذ», make it a comparison ("أكبر كمية منذ 1949"): the date
    /// is no time of the event.
    pub(crate) comparison: HashSet<String>,
    /// Normalised two-word phrases of a first time ("المرة الأولى", "لأول مرة"): anywhere before
    /// «منذ» in its clause, across a relative clause ("المرة الأولى التي تصل فيها طائرة … منذ 12
    /// عاما"), they make it a comparison.
    pub(crate) first_time: Vec<(String, String)>,
    /// Normalised words and phrases of lasting ("لمدة", "استمرت", "على مدى"): a duration right after
    /// them is the length of the event before them.
    pub(crate) lasting: HashSet<String>,
    /// Normalised words of a penalty ("السجن", "الحبس", "سجنا"): a duration next to them is the
    /// term of a sentence, never the length of an event.
    pub(crate) penalty: HashSet<String>,
    /// Normalised nouns of institutions and roles: an event word right after one of them names
    /// it ("لجنة الانتخابات", "مراكز الاقتراع"), not an event.
    pub(crate) institutions: HashSet<String>,
    /// Normalised words that open a likening to another event ("على غرار ما حدث …", "مثلما"):
    /// a date after them belongs to that other event, never to an event before them.
    pub(crate) likening: HashSet<String>,
    /// Normalised nouns of the magnitude of an event ("حجم الكارثة"، "هول الفاجعة"): the event word
    /// right after one names how large the event was, not a happening of its own.
    pub(crate) magnitude: HashSet<String>,
    /// Normalised words and phrases that open a contrasted clause ("في حين"، "بينما"، "لكن"), each
    /// split into words: a date on one side of them never dates an event on the other.
    pub(crate) contrast: Vec<Vec<String>>,
    /// Normalised words after which a contrast word is no contrast ("فيما يتعلق"، "فيما بعد").
    pub(crate) contrast_not_before: HashSet<String>,
    /// Normalised words and phrases, each split into words and matched as written (with their
    /// و), that open a clause of consequence ("وعليه"، "وبناء عليه"، "وبالتالي"): what is decided
    /// follows what was found, so a date on one side of them never dates an event on the other.
    pub(crate) consequence: Vec<Vec<String>>,
    /// Normalised words after which an event is the outcome of the one that caused it ("مخلفا"،
    /// "أسفرت … عن"، "أوقع").
    pub(crate) outcome_words: HashSet<String>,
    /// Normalised nouns that name the date of the event after them in a construct ("موعد حلول
    /// عيد الفطر"، "تحديد موعد الانتخابات"): that event is the topic of what is set or announced,
    /// and a date before the noun is the setting's, not the event's.
    pub(crate) date_of: HashSet<String>,
    /// Normalised words and phrases (split into words) that make the event after them a cause
    /// ("جراء"، "بسبب"): a date before them is the effect's, see [`EventLexicon::ends_cause`].
    pub(crate) cause: Vec<Vec<String>>,
    /// Normalised words and phrases (split into words) that make the event after them a purpose
    /// ("بهدف"، "من أجل"): planned, not done; a date before them is the act's.
    pub(crate) purpose: Vec<Vec<String>>,
    /// Nouns of a party's stance toward the event after them (surface forms), see [`EventLexicon::is_stance`].
    pub(crate) stance: HashSet<String>,
    /// Normalised words and phrases (split into words) of fear and risk ("خوفا من"، "خطر"): the
    /// event after them is feared, not told as happening, see [`EventLexicon::ends_fear`].
    pub(crate) fear: Vec<Vec<String>>,
    /// Words of reaching or qualifying for a stage (surface forms: "تأهل"، "العبور"، "يصل"), see
    /// [`EventLexicon::is_reaching`].
    pub(crate) reaching: HashSet<String>,
    /// Adjectives of likeness ("مماثلة", "مشابه", "السابق"), see [`EventLexicon::is_likeness`].
    pub(crate) likeness: HashSet<String>,
    /// Nouns of the accused and the perpetrators ("المتهم", "منفذي"), see
    /// [`EventLexicon::is_accused`].
    pub(crate) accused: HashSet<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    event: Vec<RawEvent>,
    #[serde(default)]
    signal: Vec<RawSignal>,
    #[serde(default)]
    sense: Vec<Spanned<RawSense>>,
    #[serde(default)]
    generic: Option<RawGeneric>,
    #[serde(default)]
    merge: Option<RawMerge>,
    #[serde(default)]
    place: Vec<Spanned<RawPlace>>,
    #[serde(default)]
    since: Option<RawSince>,
    #[serde(default)]
    duration: Option<RawDuration>,
    #[serde(default)]
    clauses: Option<RawClauses>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSense {
    of: String,
    becomes: String,
    #[serde(default)]
    arguments: Vec<String>,
    #[serde(default)]
    places: bool,
    #[serde(default)]
    count: bool,
    #[serde(default)]
    reach: Option<usize>,
    #[serde(default)]
    context: Vec<String>,
    #[serde(default)]
    triggers: Vec<String>,
    #[serde(default)]
    examples: Vec<RawTypeExample>,
    #[serde(default)]
    counter_examples: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClauses {
    #[serde(default)]
    likening: Vec<String>,
    #[serde(default)]
    magnitude: Vec<String>,
    #[serde(default)]
    outcome: Vec<String>,
    #[serde(default)]
    contrast: Vec<String>,
    #[serde(default)]
    contrast_not_before: Vec<String>,
    #[serde(default)]
    consequence: Vec<String>,
    #[serde(default)]
    date_of: Vec<String>,
    #[serde(default)]
    stance: Vec<String>,
    #[serde(default)]
    cause: Vec<String>,
    #[serde(default)]
    purpose: Vec<String>,
    #[serde(default)]
    fear: Vec<String>,
    #[serde(default)]
    reaching: Vec<String>,
    #[serde(default)]
    likeness: Vec<String>,
    #[serde(default)]
    accused: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDuration {
    #[serde(default)]
    lasting: Vec<String>,
    #[serde(default)]
    penalty: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSince {
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    beginning: Vec<String>,
    #[serde(default)]
    comparison: Vec<String>,
    #[serde(default)]
    first_time: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlace {
    zone: String,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMerge {
    #[serde(default)]
    distinct: Vec<String>,
    #[serde(default)]
    institutions: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    #[serde(rename = "type")]
    ty: Spanned<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    triggers: Vec<Spanned<String>>,
    #[serde(default)]
    context_triggers: Vec<Spanned<String>>,
    #[serde(default)]
    continuation_triggers: Vec<Spanned<String>>,
    #[serde(default)]
    continues: Vec<String>,
    #[serde(default)]
    context: Vec<String>,
    #[serde(default)]
    context_in_trigger: bool,
    #[serde(default)]
    merge: Option<Spanned<String>>,
    #[serde(default)]
    extent: Option<Spanned<String>>,
    #[serde(default)]
    group: Option<String>,
    #[serde(default)]
    reports: bool,
    #[serde(default)]
    joins_object: bool,
    #[serde(default)]
    date_names: bool,
    #[serde(default)]
    declared: bool,
    #[serde(default)]
    joins_antecedent: bool,
    #[serde(default)]
    about: bool,
    #[serde(default)]
    names_kind: bool,
    #[serde(default)]
    outcome: bool,
    #[serde(default)]
    no_toll: bool,
    #[serde(default)]
    deliberate: bool,
    #[serde(default)]
    sitting: bool,
    #[serde(default)]
    lasts_days: bool,
    #[serde(default)]
    begins_with: Option<Spanned<String>>,
    #[serde(default)]
    ends_with: Option<Spanned<String>>,
    #[serde(default)]
    reacts_to: Vec<Spanned<String>>,
    #[serde(default)]
    responds_to: Vec<Spanned<String>>,
    #[serde(default)]
    follows: Vec<Spanned<String>>,
    #[serde(default)]
    ends_planned: Vec<Spanned<String>>,
    #[serde(default)]
    measures: Vec<Spanned<RawMeasure>>,
    #[serde(default)]
    examples: Vec<Spanned<RawTypeExample>>,
    #[serde(default)]
    counter_examples: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTypeExample {
    text: String,
    trigger: String,
    #[serde(default)]
    measure: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeasure {
    name: String,
    words: Vec<String>,
    #[serde(default)]
    currency: bool,
    #[serde(default)]
    reference: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSignal {
    words: Vec<Spanned<String>>,
    relation: Spanned<String>,
    #[serde(default)]
    source: Option<Spanned<String>>,
    #[serde(default)]
    max_gap: Option<usize>,
    #[serde(default)]
    not_after: Vec<String>,
    #[serde(default)]
    same_day: bool,
    #[serde(default)]
    examples: Vec<Spanned<RawSignalExample>>,
    #[serde(default)]
    counter_examples: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSignalExample {
    text: String,
    source: String,
    relation: String,
    target: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGeneric {
    #[serde(default)]
    stopwords: Vec<String>,
    #[serde(default)]
    non_events: Vec<String>,
    #[serde(default)]
    negations: Vec<String>,
    #[serde(default)]
    titles: Vec<String>,
}

/// Suffixes a trigger word may carry in the text (after the base form).
const SUFFIXES: &[&str] = &[
    "ا", "ات", "ون", "ين", "ان", "ت", "وا", "تا", "تم", "ه", "ها", "هم", "هما", "نا", "كم",
];
/// Pronoun suffixes after a ta marbuta turned into ت (حملته).
const PRONOUNS: &[&str] = &["ه", "ها", "هم", "هما", "ي", "نا", "كم", "ان", "ين"];

/// Whether a normalised word carries the article (after a conjunction and a preposition).
fn without_article_at(word: &str) -> bool {
    let w = word.strip_prefix('و').or_else(|| word.strip_prefix('ف')).unwrap_or(word);
    let w = ["ب", "ل", "ك"].iter().find_map(|p| w.strip_prefix(p)).filter(|r| r.starts_with("ال")).unwrap_or(w);
    w.starts_with("ال") || w.starts_with("لل")
}

/// Strip a leading article from a normalised lexicon word when at least 3 letters remain.
pub(crate) fn strip_article(word: &str) -> &str {
    match word.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => word,
    }
}

/// All surface stems (article already stripped) that the base form `base` accepts.
fn surface_forms(base: &str, exact: bool) -> HashSet<String> {
    let mut out = HashSet::new();
    out.insert(base.to_string());
    if exact {
        return out;
    }
    if let Some(stem) = base.strip_suffix('ه').filter(|s| s.chars().count() >= 2) {
        out.insert(format!("{stem}ات"));
        out.insert(format!("{stem}تان"));
        out.insert(format!("{stem}تين"));
        for p in PRONOUNS {
            out.insert(format!("{stem}ت{p}"));
            out.insert(format!("{stem}ات{p}"));
        }
    } else {
        for s in SUFFIXES {
            out.insert(format!("{base}{s}"));
        }
    }
    out
}

/// Candidate stems of a normalised text word: (byte offset of the stem in the word, counting the
/// article as part of the stem; the stem without its article). Proclitics tried: و ف, then ب ل ك,
/// then the article ال; every combination that leaves at least 2 letters and strips no more than
/// [`tarikh_text::proclitic_len`] allows is a candidate (so "وزارة" is never و + "زارة").
/// Whether `words` end with one of `phrases` (each split into words), the first word of the
/// phrase perhaps with the conjunction و/ف.
fn ends_with_phrase(phrases: &[Vec<String>], words: &[&str]) -> bool {
    phrases.iter().any(|p| {
        let Some(start) = words.len().checked_sub(p.len()) else { return false };
        words[start..].iter().zip(p).enumerate().all(|(i, (w, pw))| {
            let bare = w.strip_prefix('و').or_else(|| w.strip_prefix('ف')).filter(|b| b.chars().count() >= 3).unwrap_or(w);
            w == pw || (i == 0 && bare == pw)
        })
    })
}

pub(crate) fn word_candidates(word: &str) -> Vec<(usize, &str)> {
    // never strip more than tarikh-text's conservative splitter does (وزارة stays whole)
    let most = tarikh_text::proclitic_len(word);
    let mut out = Vec::with_capacity(6);
    for conj in ["", "و", "ف"] {
        let Some(r1) = word.strip_prefix(conj) else { continue };
        for prep in ["", "ب", "ل", "ك"] {
            let Some(r2) = r1.strip_prefix(prep) else { continue };
            let off = conj.len() + prep.len();
            if r2.chars().count() >= 2 && word.len() - r2.len() <= most {
                out.push((off, r2));
            }
            if let Some(r3) = r2.strip_prefix("ال") {
                if r3.chars().count() >= 2 && word.len() - r3.len() <= most {
                    out.push((off, r3));
                }
            }
        }
        // the future prefix سـ on an imperfect verb: "وسيتوجه" is "يتوجه" to come
        if let Some(r2) = r1.strip_prefix('س') {
            if r2.chars().count() >= 3 && r2.starts_with(['ي', 'ت', 'ن', 'أ']) {
                out.push((conj.len() + 'س'.len_utf8(), r2));
            }
        }
    }
    out
}

fn line_of(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].bytes().filter(|&b| b == b'\n').count() + 1
}

impl EventLexicon {
    /// The default lexicon, compiled into the binary from `data/events/ar/events.toml`.
    pub fn embedded() -> Result<EventLexicon, LexiconError> {
        EventLexicon::from_str(EMBEDDED, EMBEDDED_NAME)
    }

    /// Load a lexicon from a directory holding `events.toml` (or `ar/events.toml`), to override
    /// the embedded one.
    pub fn load_dir(dir: &Path) -> Result<EventLexicon, LexiconError> {
        let direct = dir.join("events.toml");
        let nested = dir.join("ar").join("events.toml");
        if !direct.exists() && !nested.exists() {
            return Err(LexiconError::Io {
                path: dir.to_path_buf(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, format!("no events.toml there (looked for `{}` and `{}`)", direct.display(), nested.display())),
            });
        }
        let path = if direct.exists() { direct } else { nested };
        let text = std::fs::read_to_string(&path)
            .map_err(|source| LexiconError::Io { path: path.clone(), source })?;
        EventLexicon::from_str(&text, &path.display().to_string())
    }

    /// Parse a lexicon from the text of an `events.toml` file; `file` names it in errors.
    pub fn from_str(text: &str, file: &str) -> Result<EventLexicon, LexiconError> {
        let err = |byte: usize, reason: String| LexiconError::Invalid {
            file: file.to_string(),
            line: line_of(text, byte),
            reason,
        };
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let at = e.span().map(|s| s.start).unwrap_or(0);
            err(at, e.message().trim().to_string())
        })?;
        let mut lex = EventLexicon {
            types: Vec::new(),
            signals: Vec::new(),
            senses: Vec::new(),
            triggers: Vec::new(),
            trigger_index: HashMap::new(),
            signal_phrases: Vec::new(),
            signal_index: HashMap::new(),
            stopwords: HashSet::new(),
            distinct: HashSet::new(),
            places: HashMap::new(),
            place_words: 0,
            non_events: HashSet::new(),
            negations: HashSet::new(),
            titles: HashSet::new(),
            since: HashSet::new(),
            beginning: HashSet::new(),
            comparison: HashSet::new(),
            likening: HashSet::new(),
            magnitude: HashSet::new(),
            contrast: Vec::new(),
            contrast_not_before: HashSet::new(),
            consequence: Vec::new(),
            outcome_words: HashSet::new(),
            date_of: HashSet::new(),
            cause: Vec::new(),
            purpose: Vec::new(),
            stance: HashSet::new(),
            fear: Vec::new(),
            reaching: HashSet::new(),
            likeness: HashSet::new(),
            accused: HashSet::new(),
            first_time: Vec::new(),
            lasting: HashSet::new(),
            penalty: HashSet::new(),
            institutions: HashSet::new(),
        };
        let mut seen = HashSet::new();
        for ev in &raw.event {
            let at = ev.ty.span().start;
            let name = ev.ty.get_ref().trim().to_string();
            if name.is_empty()
                || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                return Err(err(at, format!("expected a type name of a-z, 0-9 and _, found `{name}`")));
            }
            if name == "generic" {
                return Err(err(at, "the type name `generic` is reserved for events outside the lexicon".into()));
            }
            if !seen.insert(name.clone()) {
                return Err(err(at, format!("event type `{name}` is defined twice")));
            }
            if ev.triggers.is_empty() && ev.context_triggers.is_empty() {
                return Err(err(at, format!("event type `{name}` has no triggers")));
            }
            if !ev.context_triggers.is_empty() && ev.context.is_empty() {
                return Err(err(at, format!("event type `{name}` has context_triggers but no `context` words")));
            }
            if ev.context_in_trigger && !ev.context_triggers.iter().any(|t| t.get_ref().contains("...") || t.get_ref().contains('…')) {
                return Err(err(at, format!("event type `{name}` has `context_in_trigger` but no context trigger with a gap (`...`) to hold the context word")));
            }
            let (strict_merge, same_day_merge, keyed_merge) = match ev.merge.as_ref().map(|m| m.get_ref().as_str()) {
                None | Some("normal") => (false, false, false),
                Some("strict") => (true, false, false),
                Some("by_time") => (false, true, false),
                Some("keyed") => (false, false, true),
                Some(other) => {
                    let at = ev.merge.as_ref().map_or(at, |m| m.span().start);
                    return Err(err(at, format!("expected merge = \"normal\", \"strict\", \"by_time\" or \"keyed\", found `{other}`")));
                }
            };
            let group = match ev.group.as_deref().map(str::trim) {
                None | Some("") => name.clone(),
                Some(g) if g.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') => g.to_string(),
                Some(g) => return Err(err(at, format!("expected a group name of a-z, 0-9 and _, found `{g}`"))),
            };
            let (open_extent, state_extent, period_part) = match ev.extent.as_ref().map(|m| m.get_ref().as_str()) {
                None | Some("bounded") => (false, false, ""),
                Some("open") => (true, false, ""),
                Some("state") => (false, true, ""),
                Some(part @ ("first_day" | "eve")) => (false, false, part),
                Some(other) => {
                    let at = ev.extent.as_ref().map_or(at, |m| m.span().start);
                    return Err(err(at, format!("expected extent = \"bounded\", \"open\", \"state\", \"first_day\" or \"eve\", found `{other}`")));
                }
            };
            let owner = lex.types.len();
            for (list, contextual, continuation) in
                [(&ev.triggers, false, false), (&ev.context_triggers, true, false), (&ev.continuation_triggers, false, true)]
            {
                for t in list {
                    let mut phrase = compile_phrase(t.get_ref(), owner, contextual, true)
                        .map_err(|r| err(t.span().start, r))?;
                    let first = t.get_ref().split_whitespace().next().unwrap_or_default();
                    phrase.verb_head = ev.reports && !first.ends_with('!') && verb_shape(&tarikh_text::normalise(first));
                    phrase.continuation = continuation;
                    phrase.in_timex = ev.date_names;
                    lex.add_trigger(phrase);
                }
            }
            let mut examples = Vec::new();
            for ex in &ev.examples {
                let e = ex.get_ref();
                if e.text.trim().is_empty() || e.trigger.trim().is_empty() {
                    return Err(err(ex.span().start, "an example needs a non-empty `text` and `trigger`".into()));
                }
                if !e.text.contains(e.trigger.as_str()) {
                    return Err(err(ex.span().start, format!("the example trigger `{}` does not occur in its text", e.trigger)));
                }
                if let Some(m) = &e.measure {
                    if !ev.measures.iter().any(|x| &x.get_ref().name == m) {
                        return Err(err(ex.span().start, format!("the example's measure `{m}` is none of this type's `measures`")));
                    }
                }
                examples.push(TypeExample { text: e.text.clone(), trigger: e.trigger.clone(), measure: e.measure.clone() });
            }
            let mut measures = Vec::new();
            for m in &ev.measures {
                let raw = m.get_ref();
                let words: Vec<String> = raw.words.iter().map(|w| strip_article(&tarikh_text::normalise(w.trim())).to_string()).filter(|w| !w.is_empty()).collect();
                if raw.name.trim().is_empty() || words.is_empty() {
                    return Err(err(m.span().start, "a measure needs a `name` and at least one word".into()));
                }
                if !ev.examples.iter().any(|ex| ex.get_ref().measure.as_deref() == Some(raw.name.as_str())) {
                    return Err(err(m.span().start, format!("the measure `{}` has no example: add one to `examples` with `measure = \"{}\"`", raw.name, raw.name)));
                }
                if raw.reference && (!raw.currency || ev.measures.iter().filter(|x| x.get_ref().reference).count() > 1) {
                    return Err(err(m.span().start, "`reference = true` needs `currency = true`, and a type has at most one reference currency".into()));
                }
                measures.push(Measure { name: raw.name.trim().to_string(), words, currency: raw.currency, reference: raw.reference });
            }
            lex.types.push(EventType {
                name,
                description: ev.description.clone(),
                strict_merge,
                same_day_merge,
                keyed_merge,
                group,
                open_extent,
                state_extent,
                period_part: period_part.to_string(),
                reports: ev.reports,
                joins_object: ev.joins_object,
                declared: ev.declared,
                joins_antecedent: ev.joins_antecedent,
                about: ev.about,
                names_kind: ev.names_kind,
                outcome: ev.outcome,
                no_toll: ev.no_toll,
                deliberate: ev.deliberate,
                sitting: ev.sitting,
                lasts_days: ev.lasts_days,
                begins_with: ev.begins_with.as_ref().map(|b| b.get_ref().trim().to_string()).unwrap_or_default(),
                ends_with: ev.ends_with.as_ref().map(|b| b.get_ref().trim().to_string()).unwrap_or_default(),
                reacts_to: ev.reacts_to.iter().map(|t| t.get_ref().trim().to_string()).collect(),
                responds_to: ev.responds_to.iter().map(|t| t.get_ref().trim().to_string()).collect(),
                follows: ev.follows.iter().map(|t| t.get_ref().trim().to_string()).collect(),
                ends_planned: ev.ends_planned.iter().map(|t| t.get_ref().trim().to_string()).collect(),
                continues: ev.continues.iter().map(|c| tarikh_text::normalise(c.trim())).filter(|c| !c.is_empty()).collect(),
                context: ev.context.iter().map(|c| tarikh_text::normalise(c.trim())).filter(|c| !c.is_empty()).collect(),
                context_in_trigger: ev.context_in_trigger,
                measures,
                examples,
                counter_examples: ev.counter_examples.clone(),
            });
        }
        // begins_with / ends_with / reacts_to / responds_to / follows / ends_planned must name a type of the lexicon
        for ev in &raw.event {
            for field in [&ev.begins_with, &ev.ends_with].into_iter().flatten().chain(&ev.reacts_to).chain(&ev.responds_to).chain(&ev.follows).chain(&ev.ends_planned) {
                let name = field.get_ref().trim();
                if !lex.types.iter().any(|t| t.name == name) {
                    let known: Vec<&str> = lex.types.iter().map(|t| t.name.as_str()).collect();
                    return Err(err(field.span().start, format!("`{name}` is not an event type of this lexicon; the types are {}", known.join(", "))));
                }
            }
        }
        for sig in &raw.signal {
            let relation: Relation = sig.relation.get_ref().parse().map_err(|r| err(sig.relation.span().start, r))?;
            let following_is_source = match sig.source.as_ref().map(|s| s.get_ref().as_str()) {
                None | Some("preceding") => false,
                Some("following") => true,
                Some(other) => {
                    return Err(err(
                        sig.source.as_ref().unwrap().span().start,
                        format!("expected source = \"preceding\" or \"following\", found `{other}`"),
                    ))
                }
            };
            if sig.words.is_empty() {
                return Err(err(sig.relation.span().start, "a signal needs at least one entry in `words`".into()));
            }
            let owner = lex.signals.len();
            for w in &sig.words {
                let phrase = compile_phrase(w.get_ref(), owner, false, false).map_err(|r| err(w.span().start, r))?;
                let key: Vec<String> = match &phrase.slots[0] {
                    Slot::Word(forms) => forms.iter().cloned().collect(),
                    Slot::Gap(_) => unreachable!("phrases start with a word"),
                };
                let idx = lex.signal_phrases.len();
                for k in key {
                    lex.signal_index.entry(k).or_default().push(idx);
                }
                lex.signal_phrases.push(phrase);
            }
            let mut examples = Vec::new();
            for ex in &sig.examples {
                let e = ex.get_ref();
                let relation: Relation = e.relation.parse().map_err(|r| err(ex.span().start, r))?;
                examples.push(SignalExample {
                    text: e.text.clone(),
                    source: e.source.clone(),
                    relation,
                    target: e.target.clone(),
                });
            }
            lex.signals.push(SignalDef {
                words: sig.words.iter().map(|w| w.get_ref().clone()).collect(),
                relation,
                following_is_source,
                max_gap: sig.max_gap.unwrap_or(2),
                not_after: sig.not_after.iter().map(|w| tarikh_text::normalise(w.trim())).filter(|w| !w.is_empty()).collect(),
                same_day: sig.same_day,
                examples,
                counter_examples: sig.counter_examples.clone(),
            });
        }
        let normalised = |words: &[String]| -> HashSet<String> {
            words.iter().map(|w| tarikh_text::normalise(w.trim())).filter(|w| !w.is_empty()).collect()
        };
        for sense in &raw.sense {
            let at = sense.span().start;
            let r = sense.get_ref();
            if lex.event_type(&r.of).is_none() {
                return Err(err(at, format!("[[sense]] of = `{}` is no event type of the lexicon", r.of)));
            }
            if r.becomes != crate::GENERIC && lex.event_type(&r.becomes).is_none() {
                return Err(err(at, format!("[[sense]] becomes = `{}` is no event type of the lexicon (nor `generic`)", r.becomes)));
            }
            if r.arguments.is_empty() && !r.places && !r.count {
                return Err(err(at, "a [[sense]] needs `arguments`, `places = true` or `count = true`".into()));
            }
            if r.examples.iter().any(|e| e.measure.is_some()) {
                return Err(err(at, "a [[sense]] example takes no `measure` (measures belong to an [[event]]'s `measures`)".into()));
            }
            let own_triggers: HashSet<String> = raw
                .event
                .iter()
                .filter(|ev| ev.ty.get_ref() == &r.of)
                .flat_map(|ev| ev.triggers.iter().map(|t| tarikh_text::normalise(t.get_ref().trim())))
                .collect();
            if let Some(t) = r.triggers.iter().find(|t| !own_triggers.contains(&tarikh_text::normalise(t.trim()))) {
                return Err(err(at, format!("[[sense]] trigger `{t}` is no trigger of type `{}`", r.of)));
            }
            lex.senses.push(SenseDef {
                of: r.of.clone(),
                becomes: r.becomes.clone(),
                arguments: r.arguments.iter().map(|w| strip_article(&tarikh_text::normalise(w.trim())).to_string()).filter(|w| !w.is_empty()).collect(),
                places: r.places,
                count: r.count,
                reach: r.reach.unwrap_or(2),
                context: r.context.iter().map(|w| tarikh_text::normalise(w.trim())).filter(|w| !w.is_empty()).collect(),
                triggers: r.triggers.iter().map(|w| tarikh_text::normalise(w.trim())).collect(),
                examples: r.examples.iter().map(|e| TypeExample { text: e.text.clone(), trigger: e.trigger.clone(), measure: None }).collect(),
                counter_examples: r.counter_examples.clone(),
            });
        }
        if let Some(g) = &raw.generic {
            lex.stopwords = normalised(&g.stopwords);
            lex.non_events = normalised(&g.non_events);
            lex.negations = normalised(&g.negations);
            lex.titles = normalised(&g.titles);
        }
        if let Some(c) = &raw.clauses {
            lex.likening = normalised(&c.likening);
            lex.magnitude = normalised(&c.magnitude);
            lex.outcome_words = normalised(&c.outcome);
            lex.contrast = c.contrast.iter().map(|p| tarikh_text::normalise(p.trim()).split_whitespace().map(str::to_string).collect::<Vec<_>>()).filter(|p| !p.is_empty()).collect();
            lex.contrast_not_before = normalised(&c.contrast_not_before);
            lex.consequence = c.consequence.iter().map(|p| tarikh_text::normalise(p.trim()).split_whitespace().map(str::to_string).collect::<Vec<_>>()).filter(|p| !p.is_empty()).collect();
            lex.date_of = normalised(&c.date_of);
            let phrases = |list: &[String]| -> Vec<Vec<String>> {
                list.iter().map(|p| tarikh_text::normalise(p.trim()).split_whitespace().map(str::to_string).collect::<Vec<_>>()).filter(|p| !p.is_empty()).collect()
            };
            lex.cause = phrases(&c.cause);
            lex.purpose = phrases(&c.purpose);
            lex.stance = normalised(&c.stance).iter().flat_map(|w| surface_forms(w, false)).collect();
            lex.fear = phrases(&c.fear);
            lex.reaching = normalised(&c.reaching);
            lex.likeness = normalised(&c.likeness);
            lex.accused = normalised(&c.accused);
        }
        if let Some(d) = &raw.duration {
            lex.lasting = normalised(&d.lasting);
            lex.penalty = normalised(&d.penalty);
        }
        if let Some(s) = &raw.since {
            lex.since = normalised(&s.words);
            lex.beginning = normalised(&s.beginning);
            lex.comparison = normalised(&s.comparison);
            for phrase in &s.first_time {
                let words: Vec<String> = tarikh_text::normalise(phrase).split_whitespace().map(str::to_string).collect();
                match words.as_slice() {
                    [a, b] => lex.first_time.push((a.clone(), b.clone())),
                    _ => {
                        let at = text.find("first_time").unwrap_or(0);
                        return Err(err(at, format!("[since] first_time: «{phrase}» must be two words, as in \"المرة الأولى\"")));
                    }
                }
            }
        }
        for place in &raw.place {
            let p = place.get_ref();
            if p.zone.parse::<chrono_tz::Tz>().is_err() {
                return Err(err(place.span().start, format!("`{}` is not an IANA time zone (write it like \"Africa/Cairo\")", p.zone)));
            }
            for w in &p.words {
                let n = tarikh_text::normalise(w.trim());
                if n.is_empty() {
                    continue;
                }
                let key = n.split(' ').map(|w| strip_article(w).to_string()).collect::<Vec<_>>().join(" ");
                lex.place_words = lex.place_words.max(key.split(' ').count());
                lex.places.insert(key, p.zone.clone());
            }
        }
        if let Some(m) = &raw.merge {
            lex.institutions = m.institutions.iter().map(|w| strip_article(&tarikh_text::normalise(w.trim())).to_string()).filter(|w| !w.is_empty()).collect();
            for w in &m.distinct {
                let n = tarikh_text::normalise(w.trim());
                if !n.is_empty() {
                    lex.distinct.insert(strip_article(&n).to_string());
                }
            }
        }
        if lex.types.is_empty() {
            return Err(err(0, "no [[event]] entry: a lexicon without event types would make every mention a generic event (copy data/events/ar/events.toml and edit it)".into()));
        }
        Ok(lex)
    }

    /// The distinguishing word ("الأولى", "الثانية" ...) a normalised word is, if any, with
    /// proclitics and the article removed.
    pub fn distinct_word(&self, normalised_word: &str) -> Option<String> {
        word_candidates(normalised_word).into_iter().map(|(_, s)| s).find(|s| self.distinct.contains(*s)).map(str::to_string)
    }

    fn add_trigger(&mut self, phrase: Phrase) {
        let idx = self.triggers.len();
        if let Slot::Word(forms) = &phrase.slots[0] {
            for f in forms {
                self.trigger_index.entry(f.clone()).or_default().push(idx);
            }
        }
        self.triggers.push(phrase);
    }

    /// The time zone of the place named by these normalised words, if the lexicon knows it.
    pub fn place_zone(&self, normalised_words: &[&str]) -> Option<&str> {
        let key = normalised_words.iter().map(|w| strip_article(w)).collect::<Vec<_>>().join(" ");
        self.places.get(&key).map(String::as_str)
    }

    /// The event types, in file order (earlier types win ties between overlapping triggers).
    pub fn types(&self) -> &[EventType] {
        &self.types
    }

    /// The event type called `name`, if any.
    pub fn event_type(&self, name: &str) -> Option<&EventType> {
        self.types.iter().find(|t| t.name == name)
    }

    /// The senses ambiguous triggers take from their argument, in file order (the first that
    /// applies wins).
    pub fn senses(&self) -> &[SenseDef] {
        &self.senses
    }

    /// Whether a normalised text word (with proclitics and the article) is an argument word of
    /// `sense`.
    pub fn is_sense_argument(&self, sense: &SenseDef, normalised_word: &str) -> bool {
        word_candidates(normalised_word).iter().any(|(_, s)| sense.arguments.contains(*s) || sense.arguments.contains(strip_article(s)))
    }

    /// The relation signals, in file order.
    pub fn signals(&self) -> &[SignalDef] {
        &self.signals
    }

    /// Whether a normalised word (with or without a conjunction, a preposition or the article) is
    /// one that makes no event of its own (`[generic] non_events`).
    pub fn is_non_event(&self, normalised_word: &str) -> bool {
        self.non_events.contains(normalised_word) || word_candidates(normalised_word).iter().any(|(_, s)| self.non_events.contains(*s) || self.non_events.contains(&format!("ال{s}")))
    }

    /// Whether a normalised word (with a conjunction or not) is a negation particle ("لم", "ولن").
    pub fn is_negation(&self, normalised_word: &str) -> bool {
        let bare = normalised_word.strip_prefix('و').or_else(|| normalised_word.strip_prefix('ف')).unwrap_or(normalised_word);
        // "بعدم", "وبدون": a preposition before the negation noun
        let noun = bare.strip_prefix('ب').or_else(|| bare.strip_prefix('ل')).unwrap_or(bare);
        self.negations.contains(normalised_word) || self.negations.contains(bare) || self.negations.contains(noun)
    }

    /// Whether a normalised word (with or without a conjunction) is a title before a person's
    /// name (`[generic] titles`: "الشيخ", "والرئيس").
    pub fn is_title(&self, normalised_word: &str) -> bool {
        let bare = normalised_word.strip_prefix('و').or_else(|| normalised_word.strip_prefix('ف')).unwrap_or(normalised_word);
        self.titles.contains(normalised_word) || self.titles.contains(bare)
    }

    /// Whether a normalised word (with a conjunction, a preposition or the article) is a verb or
    /// a noun of beginning ("انطلقت"، "بدأت"، "انطلاق"): an event named with it is a start, and
    /// «منذ X» in its clause is when it happened ("انطلقت الحملة منذ 16 جانفي"), not the start of
    /// a state it begins.
    pub fn is_beginning(&self, normalised_word: &str) -> bool {
        self.beginning.contains(normalised_word) || word_candidates(normalised_word).iter().any(|(_, s)| self.beginning.contains(*s))
    }

    /// Whether a normalised word (with a conjunction or not) introduces a start ("منذ").
    pub fn is_since(&self, normalised_word: &str) -> bool {
        let bare = normalised_word.strip_prefix('و').or_else(|| normalised_word.strip_prefix('ف')).unwrap_or(normalised_word);
        self.since.contains(normalised_word) || self.since.contains(bare)
    }

    /// Whether a normalised word, with or without the article, is the noun of an institution or a
    /// role: the head of a name that adjectives and an event word with ل may follow («الهيئة
    /// الوطنية للانتخابات»).
    pub fn is_institution_noun(&self, normalised_word: &str) -> bool {
        word_candidates(normalised_word).iter().any(|(_, s)| self.institutions.contains(*s))
    }

    /// Whether a normalised word (with a conjunction, a preposition or the article) is the noun of an
    /// institution or a role, after which an event word names it ("لجنة الانتخابات").
    pub fn is_institution(&self, normalised_word: &str) -> bool {
        // the head of a construct has no article: "لجنة الانتخابات", not "اللجنة الانتخابات"
        word_candidates(normalised_word).iter().any(|(_, s)| self.institutions.contains(*s) && !s.starts_with("ال"))
            && !without_article_at(normalised_word)
    }

    /// Whether a normalised word says the duration after it is how long an event lasts ("لمدة",
    /// "واستمرت", "مدى" of «على مدى»).
    pub fn is_lasting(&self, normalised_word: &str) -> bool {
        self.lasting.contains(normalised_word) || word_candidates(normalised_word).iter().any(|(_, s)| self.lasting.contains(*s))
    }

    /// Whether a normalised word (with a conjunction, a preposition or the article) is a word of a
    /// penalty ("بالسجن", "الحبس", "سجنا"): a duration next to it is a sentence's term.
    pub fn is_penalty(&self, normalised_word: &str) -> bool {
        self.penalty.contains(normalised_word) || word_candidates(normalised_word).iter().any(|(_, s)| self.penalty.contains(*s))
    }

    /// Whether a normalised word (with a conjunction, a preposition or the article) names the date
    /// of the event after it ("موعد" of «عن موعد حلول العيد»; not the accusative «موعدا ل…», "as
    /// the date for", whose date is the event's).
    pub fn is_date_of(&self, normalised_word: &str) -> bool {
        self.date_of.contains(normalised_word) || word_candidates(normalised_word).iter().any(|(_, s)| self.date_of.contains(*s))
    }

    /// Whether a normalised word (with a conjunction, a preposition, the article or a pronoun
    /// suffix) is a noun of a party's stance toward the event after it: consent, intention, refusal
    /// («أعلنت موافقتها على هدنة»، «عزمه الترشح»، «رفضها للقرار»). The event is what is agreed,
    /// intended or refused, not what happened: a date before the noun dates the stance.
    pub fn is_stance(&self, normalised_word: &str) -> bool {
        self.stance.contains(normalised_word) || word_candidates(normalised_word).iter().any(|(_, s)| self.stance.contains(*s))
    }

    /// Whether the normalised words `words` (in text order) end with a word or phrase of cause
    /// («جراء»، «بسبب»، «بفعل»): the event right after them caused the clause's event, so it came
    /// before it or at most on its day; the clause's date before them is the effect's. The first
    /// word may carry the conjunction و/ف («وبسبب»); nothing else is stripped («النتيجة» is no
    /// «نتيجة» of cause).
    pub fn ends_cause(&self, words: &[&str]) -> bool {
        ends_with_phrase(&self.cause, words)
    }

    /// Whether the normalised words `words` (in text order) end with a word or phrase of purpose
    /// («بهدف»، «من أجل»، «سعيا»): the event right after them is what an act is meant to bring
    /// about, planned, not done; the act's date before them is not its date. Words are read as
    /// in [`EventLexicon::ends_cause`].
    pub fn ends_purpose(&self, words: &[&str]) -> bool {
        ends_with_phrase(&self.purpose, words)
    }

    /// Whether the normalised words `words` (in text order) end with a word or phrase of fear or
    /// risk («خوفا من»، «مخاوف من»، «خشية»، «خطر»): the event right after them (one word may stand
    /// between: «خوفا من وقوع تسونامي») is feared, not told as happening, and makes no mention.
    /// Words are read as in [`EventLexicon::ends_cause`].
    pub fn ends_fear(&self, words: &[&str]) -> bool {
        ends_with_phrase(&self.fear, words)
    }

    /// Whether a normalised word is a noun of the accused, the suspects or the perpetrators of an
    /// event («المتهم»، «المشتبه»، «منفذي»): the event they are named by is their case, which
    /// happened before the arrest or the trial that names them.
    pub fn is_accused(&self, normalised_word: &str) -> bool {
        self.accused.contains(normalised_word) || word_candidates(normalised_word).iter().any(|(_, s)| self.accused.contains(*s))
    }

    /// Whether a normalised word is an adjective of likeness or of an earlier time
    /// («مماثلة»، «مشابه»، «السابق»): right after an event word, it makes that word another event
    /// of its kind, named to compare, not the story's.
    pub fn is_likeness(&self, normalised_word: &str) -> bool {
        self.likeness.contains(normalised_word) || word_candidates(normalised_word).iter().any(|(_, s)| self.likeness.contains(*s))
    }

    /// Whether a normalised word (with a conjunction, a preposition or the article: «ليتأهل»،
    /// «بالعبور») is a word of reaching or qualifying for a stage («تأهل»، «عبور»، «يصل»): the stage
    /// it governs through «إلى» or ل is still to come when it is reached.
    pub fn is_reaching(&self, normalised_word: &str) -> bool {
        self.reaching.contains(normalised_word) || word_candidates(normalised_word).iter().any(|(_, s)| self.reaching.contains(*s))
    }

    /// Whether a normalised word (with a conjunction or a preposition) opens a likening to another
    /// event ("غرار" of «على غرار», "مثلما"): a date after it is not the time of an event before it.
    pub fn is_likening(&self, normalised_word: &str) -> bool {
        self.likening.contains(normalised_word) || word_candidates(normalised_word).iter().any(|(_, s)| self.likening.contains(*s))
    }

    /// Whether a normalised word (perhaps with a conjunction or «ل»: «وحجم»، «لحجم») is a noun of
    /// the magnitude of the event word after it ("حجم الكارثة"، "هول الفاجعة"): that word names
    /// how large the event was, no happening of its own. With «ب» or «ك» it compares instead
    /// («خطة بحجم الكارثة»: as large as the disaster), and the event word after it stays a mention.
    pub fn is_magnitude(&self, normalised_word: &str) -> bool {
        self.magnitude.contains(normalised_word)
            || word_candidates(normalised_word).iter().any(|&(off, s)| !normalised_word[..off].contains(['ب', 'ك']) && self.magnitude.contains(s))
    }

    /// Whether the normalised words `words` begin with a contrast that opens a clause of its own
    /// ("في حين تعذرت …"، "وبينما"، "لكن"), the first word perhaps with the conjunction و: the dates
    /// on either side of it belong to the events on that side.
    pub fn opens_contrast(&self, words: &[&str]) -> bool {
        let Some(first) = words.first() else { return false };
        let bare = first.strip_prefix('و').unwrap_or(first);
        self.contrast.iter().any(|p| {
            words.len() >= p.len()
                && (p[0] == *first || p[0] == bare)
                && p[1..].iter().zip(&words[1..]).all(|(a, b)| a == b)
                && words.get(p.len()).is_none_or(|next| !self.contrast_not_before.contains(*next))
        })
    }

    /// Whether the normalised words `words` begin with a word or phrase of consequence that opens a
    /// clause of its own ("وعليه يكون السبت أول أيام العيد"): the dates on either side of it belong
    /// to the events on that side.
    pub fn opens_consequence(&self, words: &[&str]) -> bool {
        self.consequence.iter().any(|p| words.len() >= p.len() && p.iter().zip(words).all(|(a, b)| a == b))
    }

    /// Whether a normalised word (with a conjunction) says that what follows is the outcome of an
    /// event ("مخلفا"، "وأسفر").
    pub fn is_outcome_word(&self, normalised_word: &str) -> bool {
        let bare = normalised_word.strip_prefix('و').or_else(|| normalised_word.strip_prefix('ف')).unwrap_or(normalised_word);
        self.outcome_words.contains(normalised_word) || self.outcome_words.contains(bare)
    }

    /// Whether a normalised word makes a following «منذ» a comparison ("أكبر كمية منذ 1949").
    pub fn is_comparison(&self, normalised_word: &str) -> bool {
        self.comparison.contains(normalised_word) || word_candidates(normalised_word).iter().any(|(_, s)| self.comparison.contains(*s))
    }

    /// Whether two normalised words in a row say "the first time" ("المرة الأولى", "ولأول مرة"):
    /// a conjunction may stand before the first.
    pub fn is_first_time(&self, first: &str, second: &str) -> bool {
        let bare = first.strip_prefix('و').or_else(|| first.strip_prefix('ف')).unwrap_or(first);
        self.first_time.iter().any(|(a, b)| (a == first || a == bare) && b == second)
    }

    /// Whether a normalised word (with or without proclitics) is a stop word for generic labels.
    pub fn is_stopword(&self, normalised_word: &str) -> bool {
        let bare = normalised_word.strip_prefix('و').or_else(|| normalised_word.strip_prefix('ف'));
        self.stopwords.contains(normalised_word)
            || bare.is_some_and(|b| self.stopwords.contains(b))
            || word_candidates(normalised_word).iter().any(|(_, s)| {
                self.stopwords.contains(*s) || self.stopwords.contains(&format!("ال{s}"))
            })
    }
}

/// Compile one trigger or signal phrase. `suffixes` allows the suffix forms (triggers only).
fn compile_phrase(raw: &str, owner: usize, contextual: bool, suffixes: bool) -> Result<Phrase, String> {
    let mut slots = Vec::new();
    let mut words = 0;
    for part in raw.split_whitespace() {
        if part == "..." || part == "…" {
            if slots.is_empty() {
                return Err(format!("`{raw}`: a phrase cannot start with `...`"));
            }
            slots.push(Slot::Gap(3));
            continue;
        }
        let (part, exact) = match part.strip_suffix('!') {
            Some(p) => (p, true),
            None => (part, !suffixes),
        };
        let n = tarikh_text::normalise(part);
        let n: String = n.chars().filter(|c| c.is_alphanumeric()).collect();
        if n.is_empty() {
            return Err(format!("`{raw}`: the word `{part}` has no letters after normalisation"));
        }
        // with and without a leading article: "إلكتروني" normalises to "الكتروني", whose "ال" is
        // part of the word
        let mut forms = surface_forms(&n, exact);
        forms.extend(surface_forms(strip_article(&n), exact));
        slots.push(Slot::Word(forms));
        words += 1;
    }
    if words == 0 {
        return Err(format!("expected a word or phrase, found `{raw}`"));
    }
    if matches!(slots.last(), Some(Slot::Gap(_))) {
        return Err(format!("`{raw}`: a phrase cannot end with `...`"));
    }
    Ok(Phrase { owner, slots, contextual, continuation: false, words, in_timex: false, verb_head: false })
}

/// Whether a normalised lexicon word (no article) has the shape of a verb: a perfect of three or
/// four letters that is no noun of the فِعال/فَعيل pattern ("قال"، "اضاف"، "اكد"; not "بيان"), an
/// imperfect ("يقول"، "تؤكد"), or a form ending in the suffix of the feminine or of the plural
/// ("قالت"، "قالوا"; not the plural noun "تصريحات").
pub(crate) fn verb_shape(n: &str) -> bool {
    let c: Vec<char> = n.chars().collect();
    if n.ends_with("ات") || n.starts_with("ال") {
        return false;
    }
    if n.ends_with('ت') || n.ends_with("وا") {
        return c.len() <= 6;
    }
    let noun_pattern = c.len() == 4 && matches!(c[2], 'ا' | 'ي' | 'و') && !matches!(c[0], 'ا' | 'ي' | 'ت' | 'ن');
    (3..=4).contains(&c.len()) && !noun_pattern
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_loads() {
        let lex = EventLexicon::embedded().unwrap();
        assert!(lex.types().len() >= 15);
        assert!(lex.event_type("cyberattack").is_some());
        assert!(lex.is_stopword("وفي"));
    }

    #[test]
    fn errors_name_file_line_reason() {
        let bad = "[[event]]\ntype = \"a\"\ntriggers = [\"x\"]\n\n[[event]]\ntype = \"a\"\ntriggers = [\"y\"]\n";
        let e = EventLexicon::from_str(bad, "t.toml").unwrap_err().to_string();
        assert!(e.contains("t.toml line 6") && e.contains("twice"), "{e}");
        let bad = "[[signal]]\nwords = [\"بعد\"]\nrelation = \"LATER\"\n";
        let e = EventLexicon::from_str(bad, "s.toml").unwrap_err().to_string();
        assert!(e.contains("s.toml line 3") && e.contains("LATER"), "{e}");
        let bad = "[[event]]\ntype = \"x\"\ntriggers = [\"a\"\n";
        let e = EventLexicon::from_str(bad, "p.toml").unwrap_err().to_string();
        assert!(e.starts_with("p.toml line"), "{e}");
        // a sense restricted to a trigger its type does not have would never apply
        let bad = "[[event]]\ntype = \"a\"\ntriggers = [\"x\"]\n\n[[event]]\ntype = \"b\"\ntriggers = [\"y\"]\n\n[[sense]]\nof = \"a\"\nbecomes = \"b\"\narguments = [\"z\"]\ntriggers = [\"y\"]\n";
        let e = EventLexicon::from_str(bad, "r.toml").unwrap_err().to_string();
        assert!(e.contains("r.toml line") && e.contains("no trigger of type `a`"), "{e}");
        let bad = "[[event]]\ntype = \"x\"\ntrigers = [\"a\"]\n";
        assert!(EventLexicon::from_str(bad, "u.toml").is_err());
        // an empty file would silently make every mention generic
        let e = EventLexicon::from_str("", "e.toml").unwrap_err().to_string();
        assert!(e.contains("e.toml line 1") && e.contains("no [[event]] entry"), "{e}");
        let e = EventLexicon::load_dir(Path::new("/nonexistent-lexicon-dir")).unwrap_err().to_string();
        assert!(e.contains("no events.toml there") && e.contains("ar/events.toml"), "{e}");
    }

    #[test]
    fn forms() {
        let f = surface_forms("حمله", false);
        assert!(f.contains("حملات") && f.contains("حملته"));
        let f = surface_forms("بيان", true);
        assert!(!f.contains("بيانات"));
        let c = word_candidates("لالقرصنه");
        assert!(c.iter().any(|(o, s)| *o == 2 && *s == "قرصنه"));
    }
}
