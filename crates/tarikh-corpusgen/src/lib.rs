//! A deterministic generator of Arabic news-like articles, for benchmarking tarikh.
//!
//! Central decision: the corpus is a pure function of a seed. Article `i` of seed `s` is generated
//! from its own random stream (seeded from `s` and `i`), so the same seed gives byte-identical files
//! on every machine, whatever order or number of threads writes them, and article 7 is the same in
//! the 10 MB and the 100 MB corpus. The random generator is SplitMix64, written out here (a dozen
//! lines, no dependency, no platform-dependent floating point).
//!
//! The text imitates wire copy: a headline, a dateline, then paragraphs of reported speech, events,
//! places and figures, with temporal expressions of every family the grammar knows — weekdays, full
//! dates in every month-name family (Syriac/Levantine «كانون الثاني», Egyptian/Gulf «يناير», Maghrebi
//! «جانفي، أفريل، ماي», Moroccan «يوليوز، غشت», paired «5 مايو/أيار 2017»), Arabic-Indic digits, Hijri
//! dates «شعبان 1438 هـ», parts of day «مساء الجمعة», clock times «الساعة الثامنة مساء», relative
//! dates «أمس، الأحد المقبل، العام الماضي», ordinals «السابع من مايو», durations «يومين، 24 ساعة،
//! أسابيع عدة», ranges, sets, decades and event-anchored expressions «قبل 48 ساعة من التصويت».
//! About one sentence in two carries a temporal expression, as in the bundled corpus.
//!
//! ```
//! let a = tarikh_corpusgen::article(42, 0);
//! let b = tarikh_corpusgen::article(42, 0);
//! assert_eq!(a.text, b.text);
//! assert!(a.text.len() > 1500);
//! ```
#![deny(missing_docs)]

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

/// SplitMix64: a tiny, well-studied 64-bit generator (Steele, Lea, Flood 2014).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One item of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A civil date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// Year.
    pub year: i64,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
}

impl Date {
    /// The date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date { year, month, day }
    }

    /// ISO weekday, 1 = Monday … 7 = Sunday, of the date `days` after 1970-01-01 (a Thursday).
    pub fn weekday_of(days: i64) -> usize {
        ((days + 3).rem_euclid(7) + 1) as usize
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// One generated article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Document id (`a000042`).
    pub id: String,
    /// File name in the corpus folder.
    pub file: String,
    /// Publication day (`YYYY-MM-DD`), or empty for the few articles whose date tarikh must infer.
    pub published_at: String,
    /// The text.
    pub text: String,
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Written as in real copy: hamzas, taa marbuta, some diacritics and tatweel, so that
// normalisation has work to do.

const WEEKDAYS: [&str; 7] = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"];
const MONTHS_EGYPT: [&str; 12] = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
const MONTHS_SYRIAC: [&str; 12] = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"];
const MONTHS_MAGHREB: [&str; 12] = ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
const MONTHS_MOROCCO: [&str; 12] = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"];
const MONTHS_HIJRI: [&str; 12] = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"];
const ORDINALS: [&str; 20] = [
    "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر", "الحادي عشر", "الثاني عشر", "الثالث عشر",
    "الرابع عشر", "الخامس عشر", "السادس عشر", "السابع عشر", "الثامن عشر", "التاسع عشر", "العشرين",
];
const HOURS: [&str; 12] = ["الواحدة", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة", "العاشرة", "الحادية عشرة", "الثانية عشرة"];
const NUMBER_WORDS: [&str; 9] = ["ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "خمسة عشر"];

const SUBJECTS: &[&str] = &[
    "الرئيس الفرنسي", "وزير الخارجية", "المتحدث باسم الحكومة", "رئيس الوزراء", "المفوضية العليا المستقلة للانتخابات", "وكالة الأنباء الرسمية",
    "مصادر أمنية", "الأمين العام للأمم المتحدة", "قائد الشرطة المحلية", "الناطق باسم الجيش", "زعيم المعارضة", "نقابة الصحفيين",
    "منظمة الصحة العالمية", "محافظ البنك المركزي", "وزارة الداخلية", "الهلال الأحمر", "مكتب المدعي العام", "رئيس البرلمان",
    "المرشح المستقل سمير حداد", "مرشحة حزب الخضر ليلى منصور", "المبعوث الأممي", "وزيرة الصحة", "مدير المستشفى الجامعي",
];
const REPORT_VERBS: &[&str] = &["أعلن", "أكد", "قال", "أوضح", "أشار", "صرّح", "كشف", "نفى", "ذكر", "أفاد", "شدّد"];
const PLACES: &[&str] = &[
    "في بيروت", "في القاهرة", "في تونس العاصمة", "في الرباط", "في بغداد", "في دمشق", "في عمّان", "في الجزائر", "في باريس", "في الرياض",
    "في الدوحة", "في الخرطوم", "في طرابلس", "في صنعاء", "في نواكشوط", "في جنيف", "في مدينة الموصل", "في محافظة إدلب", "في الدار البيضاء",
    "في ولاية سطيف", "في مدينة صفاقس", "في إقليم كردستان",
];
const EVENTS: &[&str] = &[
    "الانتخابات البرلمانية", "الجولة الثانية من الانتخابات الرئاسية", "القمة العربية", "المؤتمر الاقتصادي", "المفاوضات", "الاستفتاء على الدستور",
    "التصويت", "الاحتجاجات", "الزلزال", "الهجوم", "اجتماع مجلس الأمن", "المناظرة التلفزيونية", "زيارة الوفد الرسمي", "توقيع الاتفاق",
    "الإضراب العام", "افتتاح مراكز الاقتراع", "الدورة الأولى", "إعلان النتائج",
];
const ACTIONS: &[&str] = &[
    "تعرض مقر الحزب لهجوم مسلح أسفر عن سقوط جرحى",
    "خرج آلاف المتظاهرين إلى الشوارع للمطالبة بإصلاحات سياسية",
    "وقّعت الحكومة اتفاقاً مع صندوق النقد الدولي",
    "عقد مجلس الوزراء اجتماعاً طارئاً لبحث الأوضاع الأمنية",
    "أعلنت السلطات فتح تحقيق في ملابسات الحادث",
    "ضرب زلزال بقوة 5.8 درجات المنطقة الجبلية",
    "اعتقلت قوات الأمن عدداً من المشتبه بهم",
    "وصل الوفد الوزاري إلى العاصمة في زيارة رسمية",
    "أغلقت مراكز الاقتراع أبوابها وبدأ فرز الأصوات",
    "نشرت وسائل الإعلام وثائق مسربة من البريد الإلكتروني للحملة",
    "استقال رئيس الهيئة بعد ضغوط من البرلمان",
    "انطلقت حملة تلقيح واسعة في المدارس",
    "ارتفعت أسعار الوقود بنسبة ١٢ بالمئة",
    "انهار مبنى سكني قديم في الحي التاريخي",
    "أجرى المرشحان مناظرة تلفزيونية حادة",
];
const QUOTES: &[&str] = &[
    "الوضع تحت السيطرة ولا داعي للقلق",
    "لن نسمح بزعزعة الاستقرار الديمقراطي",
    "الوثائق المتداولة تم الحصول عليها بطريقة غير قانونية",
    "نحن ملتزمون بإجراء الانتخابات في موعدها",
    "الحوار هو السبيل الوحيد للخروج من الأزمة",
    "سنواصل العمل حتى تحقيق مطالبنا كاملة",
    "الأرقام الأولية تشير إلى نسبة مشاركة مرتفعة",
];
const FILLERS: &[&str] = &[
    "ويأتي ذلك في ظل توتر سياسي متصاعد تشهده البلاد منذ أشهر",
    "ولم يصدر أي تعليق رسمي من الجهات المعنية حتى الآن",
    "وتشير التقديرات إلى أن عدد المشاركين تجاوز التوقعات",
    "ويرى مراقبون أن هذه الخطوة قد تمهّد لمرحلة جديدة من التعاون الإقليمي",
    "وكانت المنظمات الحقوقية قد طالبت بضمان حرية التعبير والتجمع",
    "وتتواصل الجهود الدبلوماسية لاحتواء الأزمة",
    "وأظهر استطلاع للرأي أن غالبية المواطنين يؤيدون الإصلاحات",
    "ويبلغ عدد سكان المدينة نحو مليوني نسمة بحسب آخر إحصاء رسمي",
    "وبلغت نسبة البطالة 15.3 بالمئة وفق الأرقام الرسمية",
    "وتعهدت الحكومة بتعويض المتضررين وإعادة إعمار ما تهدّم",
    "ودعت الأحزاب أنصارها إلى الهدوء وضبط النفس",
    "وقال شهود عيان إن الشرطة أغلقت الطرق المؤدية إلى الساحة الرئيسية",
];

/// Arabic-Indic digits for a number written in ASCII digits.
fn indic(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_digit() { char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c) } else { c }).collect()
}

/// Context an article's dates are drawn around.
struct Ctx {
    /// Publication day, as days since 1970-01-01.
    day: i64,
}

impl Ctx {
    fn date(&self, rng: &mut Rng, spread: i64) -> (Date, usize) {
        let d = self.day + rng.range(-spread, spread / 4);
        (Date::from_days(d), Date::weekday_of(d))
    }
}

/// A month name of month `m` (1–12) in a random family, or the paired Egyptian/Syriac form.
fn month_name(rng: &mut Rng, m: u32) -> String {
    let i = (m - 1) as usize;
    match rng.below(6) {
        0 | 1 => MONTHS_EGYPT[i].to_string(),
        2 => MONTHS_SYRIAC[i].to_string(),
        3 => MONTHS_MAGHREB[i].to_string(),
        4 => MONTHS_MOROCCO[i].to_string(),
        _ => format!("{}/{}", MONTHS_EGYPT[i], MONTHS_SYRIAC[i]),
    }
}

/// One temporal expression of a random family.
fn temporal(rng: &mut Rng, ctx: &Ctx) -> String {
    let (date, wd) = ctx.date(rng, 400);
    let wname = WEEKDAYS[wd - 1];
    let event = *rng.pick(EVENTS);
    match rng.below(24) {
        0 => format!("{} {}", if rng.chance(50) { "يوم" } else { "" }, rng.pick(&WEEKDAYS)).trim().to_string(),
        1 => format!("{} {}", rng.pick(&WEEKDAYS), if rng.chance(50) { "الماضي" } else { "المقبل" }),
        2 => format!("{} {} {}", date.day, month_name(rng, date.month), date.year),
        3 => format!("{wname} {} {} {}", date.day, month_name(rng, date.month), date.year),
        4 => indic(&format!("{} {} {}", date.day, MONTHS_EGYPT[(date.month - 1) as usize], date.year)),
        5 => format!("{} من {}{}", ORDINALS[(date.day as usize - 1) % 20], month_name(rng, date.month), if rng.chance(50) { format!(" {}", date.year) } else { String::new() }),
        6 => {
            let hy = 1400 + (date.year - 1980) * 33 / 32;
            if rng.chance(50) {
                format!("{} {} {hy} هـ", rng.range(1, 29), MONTHS_HIJRI[rng.below(12)])
            } else {
                format!("{} {hy} هـ", MONTHS_HIJRI[rng.below(12)])
            }
        }
        7 => format!("{} {}", rng.pick(&["مساء", "صباح", "عصر", "ظهر", "ليلة", "فجر"]), rng.pick(&WEEKDAYS)),
        8 => format!("الساعة {} {}", rng.pick(&HOURS), rng.pick(&["مساء", "صباحا", "مساءً", "ليلا"])),
        9 => format!("الساعة {}:{:02} {}", rng.range(1, 12), rng.below(4) * 15, rng.pick(&["صباحا", "مساء", "بتوقيت غرينتش"])),
        10 => rng.pick(&["أمس", "أول أمس", "اليوم", "غداً", "بعد غد", "البارحة", "الليلة الماضية", "هذا الصباح", "مساء أمس"]).to_string(),
        11 => format!("{} {}", rng.pick(&["الأسبوع", "الشهر", "العام", "السنة"]), rng.pick(&["الماضي", "المقبل", "الجاري", "قبل الماضي"])),
        12 => rng.pick(&["يومين", "24 ساعة", "أسابيع عدة", "ثلاثة أيام", "خمس سنوات", "ساعة ونصف", "نحو 24 ساعة", "عدة أشهر", "عقدين", "أسبوعين"]).to_string(),
        13 => format!("{} {} {}", rng.pick(&["منذ", "قبل", "بعد", "خلال"]), rng.pick(&NUMBER_WORDS), rng.pick(&["أيام", "أسابيع", "أشهر", "سنوات"])),
        14 => format!("{} {} من {event}", rng.pick(&["قبل", "بعد"]), rng.pick(&["48 ساعة", "يومين", "أسبوع", "ساعات قليلة", "نحو 24 ساعة"])),
        15 => format!("{} {event}", rng.pick(&["عشية", "غداة", "قبيل", "إثر"])),
        16 => format!("{} {}", rng.pick(&["شهر", ""]), month_name(rng, date.month)).trim().to_string(),
        17 => format!("{} {}", month_name(rng, date.month), date.year),
        18 => format!("{} {}", rng.pick(&["عام", "سنة", ""]), date.year - rng.range(0, 30)).trim().to_string(),
        19 => rng.pick(&["الثمانينيات", "التسعينيات", "الستينيات من القرن الماضي", "مطلع الألفية"]).to_string(),
        20 => format!("من {} إلى {} {} {}", date.day.min(20), date.day.min(20) + 3, month_name(rng, date.month), date.year),
        21 => format!("بين عامي {} و{}", date.year - 3, date.year - 1),
        22 => rng.pick(&["كل يوم", "كل أسبوع", "كل عام", "كل يومين", "يومياً"]).to_string(),
        _ => format!("{} الساعة {} من {} {}", rng.pick(&["عند", "في", "قرابة"]), rng.pick(&HOURS), rng.pick(&["مساء", "صباح"]), wname),
    }
}

/// One sentence; about half carry a temporal expression.
fn sentence(rng: &mut Rng, ctx: &Ctx, out: &mut String) {
    let subject = *rng.pick(SUBJECTS);
    let verb = *rng.pick(REPORT_VERBS);
    let place = *rng.pick(PLACES);
    match rng.below(9) {
        0 => {
            let t = temporal(rng, ctx);
            let _ = write!(out, "و{verb} {subject} {t} أن «{}».", rng.pick(QUOTES));
        }
        1 => {
            let t = temporal(rng, ctx);
            let _ = write!(out, "{} {place} {t}، بحسب ما {verb} {subject}.", rng.pick(ACTIONS));
        }
        2 => {
            let t = temporal(rng, ctx);
            let _ = write!(out, "وكان {subject} قد {verb} {t} أن {} لا تزال قائمة.", rng.pick(EVENTS));
        }
        3 => {
            let n = rng.range(3, 4800);
            let _ = write!(out, "وأسفر ذلك عن {} قتيلاً و{} جريحاً {place}، فيما {} {subject} أن الحصيلة قد ترتفع.", n / 40 + 1, n / 7 + 2, verb);
        }
        4 => {
            let t = temporal(rng, ctx);
            let t2 = temporal(rng, ctx);
            let _ = write!(out, "ومن المقرر أن تنطلق {} {t}، على أن تُعلن النتائج {t2}.", rng.pick(EVENTS));
        }
        5 => {
            let _ = write!(out, "{}.", rng.pick(FILLERS));
        }
        6 => {
            let t = temporal(rng, ctx);
            let _ = write!(out, "وتابع {subject} في تصريح لوكالة فرانس برس {place}: \"{}\"، مضيفاً أن اللجنة ستجتمع {t}.", rng.pick(QUOTES));
        }
        7 => {
            let _ = write!(out, "{}، و{} {subject} {place} أن نحو {} شخص شاركوا.", rng.pick(FILLERS), verb, rng.range(200, 90_000));
        }
        _ => {
            let t = temporal(rng, ctx);
            let _ = write!(out, "{t}، {}.", rng.pick(ACTIONS));
        }
    }
}

/// The random stream of article `index` of corpus `seed`.
fn article_rng(seed: u64, index: u64) -> Rng {
    let mut mix = Rng::new(seed ^ 0x7461_7269_6b68_0000);
    let base = mix.next_u64();
    let mut r = Rng::new(base ^ index.wrapping_mul(0xD6E8_FEB8_6659_FD93));
    r.next_u64();
    r
}

/// Article `index` of the corpus of `seed`: 2–8 KB of text, published between 2010 and 2024.
pub fn article(seed: u64, index: u64) -> Article {
    let mut rng = article_rng(seed, index);
    // 2010-01-01 is day 14610; 2024-12-31 is day 20088.
    let day = rng.range(14_610, 20_088);
    let ctx = Ctx { day };
    let target = rng.range(2_000, 8_000) as usize;
    let mut text = String::with_capacity(target + 600);
    // Headline, then a dateline.
    let _ = writeln!(text, "{} {}: {}", rng.pick(SUBJECTS), rng.pick(REPORT_VERBS), rng.pick(ACTIONS));
    text.push('\n');
    let pub_date = Date::from_days(day);
    let place = rng.pick(PLACES).trim_start_matches("في ").to_string();
    let _ = write!(text, "{place} - ");
    while text.len() < target {
        let sentences = rng.range(2, 5);
        for s in 0..sentences {
            if s > 0 {
                text.push(' ');
            }
            sentence(&mut rng, &ctx, &mut text);
        }
        text.push_str("\n\n");
    }
    let id = format!("a{index:06}");
    let file = format!("{id}.txt");
    // One article in fifty has no publication date in metadata: tarikh infers it.
    let published_at = if rng.chance(2) { String::new() } else { pub_date.iso() };
    Article { id, file, published_at, text }
}

/// One long text of at least `bytes` bytes: articles of `seed` joined by blank lines (for the
/// single-text tag benchmark).
pub fn text(seed: u64, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 9000);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&article(seed, i).text);
        out.push('\n');
        i += 1;
    }
    out
}

/// Write a corpus folder of about `bytes` bytes of text into `dir` (created if missing): one
/// `.txt` file per article and a `docs.csv` (`doc,file,published_at,timezone`). Returns the number
/// of articles and the number of text bytes written.
pub fn write_corpus(dir: &Path, seed: u64, bytes: u64) -> std::io::Result<(u64, u64)> {
    std::fs::create_dir_all(dir)?;
    let mut csv = std::io::BufWriter::new(std::fs::File::create(dir.join("docs.csv"))?);
    csv.write_all(b"doc,file,published_at,timezone\n")?;
    let mut written = 0u64;
    let mut n = 0u64;
    while written < bytes {
        let a = article(seed, n);
        std::fs::write(dir.join(&a.file), &a.text)?;
        let zone = ["Europe/Paris", "Asia/Beirut", "Africa/Cairo", "Africa/Tunis", "Asia/Riyadh"][(n % 5) as usize];
        writeln!(csv, "{},{},{},{zone}", a.id, a.file, a.published_at)?;
        written += a.text.len() as u64;
        n += 1;
    }
    csv.flush()?;
    Ok((n, written))
}

/// Parse a size like `10M`, `100MB`, `512K` or `12345` bytes (K, M, G are powers of 1000).
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim().to_ascii_uppercase();
    let s = s.strip_suffix('B').unwrap_or(&s);
    let (num, mult) = match s.chars().last()? {
        'K' => (&s[..s.len() - 1], 1_000),
        'M' => (&s[..s.len() - 1], 1_000_000),
        'G' => (&s[..s.len() - 1], 1_000_000_000),
        _ => (s, 1),
    };
    num.parse::<u64>().ok().map(|n| n * mult)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(Date::from_days(0).iso(), "1970-01-01");
        assert_eq!(Date::weekday_of(0), 4);
        assert_eq!(Date::from_days(17_292).iso(), "2017-05-06");
        assert_eq!(Date::weekday_of(17_292), 6);
        assert_eq!(Date::from_days(14_610).iso(), "2010-01-01");
        assert_eq!(Date::from_days(20_088).iso(), "2024-12-31");
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("10M"), Some(10_000_000));
        assert_eq!(parse_size("100MB"), Some(100_000_000));
        assert_eq!(parse_size("512k"), Some(512_000));
        assert_eq!(parse_size("77"), Some(77));
        assert_eq!(parse_size("x"), None);
    }
}
