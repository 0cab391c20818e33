#!/usr/bin/env python3
"""CLDR conformance: does tarikh read the dates and times that Unicode CLDR says each Arabic
locale writes?

CLDR (the Unicode Common Locale Data Repository, read through the `babel` package) is an
independent, authoritative description of how dates are written in every Arabic-speaking
country: month names (Egyptian/Gulf يناير, Maghreb جانفي, Moroccan يوليوز/غشت, Levantine and
Iraqi كانون الثاني/شباط/آذار, Mauritanian أغشت/شتمبر), weekdays, day periods (ص/م, فجرًا,
ظهرًا, بعد الظهر, مساءً, ليلاً), date and time patterns with the locale's digits (Arabic-Indic
٠-٩ where CLDR says so) and the bidi marks (U+200F) they carry, quarters, eras, intervals and
relative phrases («قبل ٣ أيام», «خلال أسبوعين», «الشهر القادم», «الإثنين الماضي», «أول أمس»).

For every Arabic locale CLDR has, this script generates phrases from that data for dates around
four reference days (two winters/springs/summers/autumns over four years, a leap year among
them), computes the TIMEX3 value each phrase means, runs them all through `tarikh parse` (one
process per reference day) and reports the share right per category and per locale, and every
miss. Nothing of CLDR is copied into the repository: the phrases are generated at run time.

    python tools/cldr_conformance.py                 # the report (make cldr)
    python tools/cldr_conformance.py --check FLOORS  # fail when a count falls under its floor
    python tools/cldr_conformance.py --write-floors FLOORS

Needs `babel` (pinned in tools/requirements-cldr.txt; `make cldr-venv` installs it into
target/cldr-venv).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

try:
    import babel
    import babel.dates as bdates
    from babel import Locale, localedata
except ImportError:  # the caller (tests/cldr.rs, make cldr) says how to install it
    sys.stderr.write("the CLDR conformance check needs the Python package babel: make cldr-venv "
                     "(or pip install -r tools/requirements-cldr.txt)\n")
    sys.exit(3)

ROOT = Path(__file__).resolve().parent.parent

# Reference days: four years (one leap), four seasons; noon, so that «قبل ساعتين» stays that day.
REFERENCES = [dt.datetime(2023, 12, 28, 12, 0), dt.datetime(2024, 4, 15, 12, 0),
              dt.datetime(2025, 7, 20, 12, 0), dt.datetime(2026, 10, 8, 12, 0)]

DIGITS = {"latn": "0123456789", "arab": "٠١٢٣٤٥٦٧٨٩", "arabext": "۰۱۲۳۴۵۶۷۸۹"}

# Clock times of a day, one in each CLDR day period of Arabic (morning1 فجرًا 03–06, morning2
# صباحًا 06–12, afternoon1 ظهرًا 12–13, afternoon2 بعد الظهر 13–18, evening1 مساءً 18–24,
# night1 00–01, night2 ليلاً 01–03).
TIMES = [dt.time(4, 30), dt.time(9, 5), dt.time(12, 30), dt.time(15, 45), dt.time(21, 10),
         dt.time(0, 40), dt.time(2, 15)]

# Plural forms of Arabic and a number that takes each (CLDR plural rules for ar).
PLURAL_SAMPLES = {"one": 1, "two": 2, "few": 3, "many": 11, "other": 100}

WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def arabic_locales() -> list[str]:
    """Every Arabic locale of CLDR (ar, ar_001 and the regional ones)."""
    return sorted(x for x in localedata.locale_identifiers() if x == "ar" or x.startswith("ar_"))


def to_digits(text: str, system: str) -> str:
    return text.translate(str.maketrans("0123456789", DIGITS[system]))


def fmt(value, pattern: str, locale: str, system: str) -> str:
    """A date/time formatted with a CLDR pattern, in the locale's digits (babel writes 0-9)."""
    if isinstance(value, dt.time):
        value = dt.datetime.combine(dt.date(2024, 1, 1), value)
    return to_digits(bdates.format_datetime(value, pattern, locale=locale), system)


def plain(d) -> dict:
    """A babel LocaleDataDict as plain dicts (its aliases resolved)."""
    try:
        return {k: plain(d[k]) for k in d.keys()}
    except AttributeError:
        return d


# ---- TIMEX3 values -------------------------------------------------------------------------

def day_value(d: dt.date) -> str:
    return d.strftime("%Y-%m-%d")


def week_value(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def quarter_value(d: dt.date) -> str:
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


def canonical(value: str) -> str:
    """A value in the form compared: `T15` → `T15:00`, `:00` seconds dropped."""
    if "T" not in value or value.startswith("P"):
        return value
    parts = []
    for v in value.split("/"):
        day, _, clock = v.partition("T")
        if clock and len(clock) == 2:
            clock += ":00"
        if len(clock) == 8 and clock.endswith(":00"):
            clock = clock[:5]
        parts.append(f"{day}T{clock}" if clock else day)
    return "/".join(parts)


# ---- the cases -----------------------------------------------------------------------------

class Case:
    __slots__ = ("locale", "category", "source", "phrase", "ref", "accepted", "got", "prefer")

    def __init__(self, locale, category, source, phrase, ref, accepted, prefer="nearest"):
        self.locale, self.category, self.source = locale, category, source
        self.phrase = phrase.replace("\n", " ")  # one line for tarikh parse; NBSP and marks kept
        self.ref = ref
        self.accepted = [accepted] if isinstance(accepted, str) else list(accepted)
        self.prefer = prefer
        self.got = None

    def right(self) -> bool:
        return self.got is not None and canonical(self.got) in {canonical(a) for a in self.accepted}


def month_names(loc: Locale) -> dict[int, list[str]]:
    """Every distinct name CLDR gives each month in the locale (wide, abbreviated; format,
    stand-alone)."""
    names: dict[int, list[str]] = defaultdict(list)
    for ctx in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for m, name in loc.months[ctx][width].items():
                if name not in names[m]:
                    names[m].append(name)
    return names


def sample_days(ref: dt.datetime) -> list[dt.date]:
    """One day in each month of the reference's year (days 1–28 spread, so single and double
    digits both appear)."""
    return [dt.date(ref.year, m, (m * 7 + ref.year) % 28 + 1) for m in range(1, 13)]


def near_days(ref: dt.datetime) -> list[dt.date]:
    """Days close enough to the reference that a date without a year has one nearest reading."""
    return [(ref + dt.timedelta(days=k)).date() for k in (-40, -9, 12, 50)]


def generate(locale: str) -> list[Case]:
    loc = Locale.parse(locale)
    system = loc.default_numbering_system if loc.default_numbering_system in DIGITS else "latn"
    sk = {k: (v.pattern if hasattr(v, "pattern") else v) for k, v in loc.datetime_skeletons.items()}
    df = plain(loc._data["date_fields"])
    cases: list[Case] = []

    def add(category, source, phrase, ref, accepted, prefer="nearest"):
        cases.append(Case(locale, category, source, phrase, ref, accepted, prefer))

    names = month_names(loc)
    for ref in REFERENCES:
        days = sample_days(ref)
        # Dates written with a month name (every name variant the locale has).
        for d in days:
            for i, name in enumerate(names[d.month]):
                pat_name = "MMMM" if i == 0 else f"alt{i}"
                text = to_digits(f"{d.day} {name} {d.year}", system)
                add("long_date", f"d {pat_name} y", text, ref, day_value(d))
                add("month_year", f"{pat_name} y", to_digits(f"{name} {d.year}", system), ref, d.strftime("%Y-%m"))
            for key in ("yMMMMd", "yMMMd"):
                add("long_date", key, fmt(d, sk[key], locale, system), ref, day_value(d))
            for key in ("yMMMM", "yMMM"):
                add("month_year", key, fmt(d, sk[key], locale, system), ref, d.strftime("%Y-%m"))
            add("weekday_date", "full", fmt(d, loc.date_formats["full"].pattern, locale, system), ref, day_value(d))
            for key in ("yMMMEd", "yMMMMEd", "yMEd"):
                add("weekday_date", key, fmt(d, sk[key], locale, system), ref, day_value(d))
            for name in ("medium", "short"):
                add("numeric_date", name, fmt(d, loc.date_formats[name].pattern, locale, system), ref, day_value(d))
            add("numeric_date", "yMd", fmt(d, sk["yMd"], locale, system), ref, day_value(d))
            for key in ("yM", "yMM"):
                add("numeric_month", key, fmt(d, sk[key], locale, system), ref, d.strftime("%Y-%m"))
            add("quarter", "yQQQQ", fmt(d, sk["yQQQQ"], locale, system), ref, quarter_value(d))
            for key in ("Gy",):
                add("era", key, fmt(d, sk[key], locale, system), ref, str(d.year))
            for key in ("GyMMMd", "GyMMMEd", "GyMd"):
                add("era", key, fmt(d, sk[key], locale, system), ref, day_value(d))
            add("week", "yw", to_digits(sk["yw"].replace("'", "").replace("w", str(d.isocalendar()[1])).replace("Y", str(d.isocalendar()[0])), system),
                ref, week_value(d))
            # Normalisation: other digits (Latin, Arabic-Indic, Persian), other bidi marks (ALM, LRM,
            # none), isolates, tatweel, harakat, zero-width non-joiner, no-break spaces.
            for other in ("latn", "arab", "arabext"):
                if other != system:
                    add("digits", f"yMMMMd {other}", fmt(d, sk["yMMMMd"], locale, other), ref, day_value(d))
                    add("digits", f"short {other}", fmt(d, loc.date_formats["short"].pattern, locale, other), ref, day_value(d))
            short = fmt(d, loc.date_formats["short"].pattern, locale, system)
            for mark, label in (("\u061c", "ALM"), ("\u200e", "LRM"), ("", "none")):
                add("marks", f"short {label}", short.replace("\u200f", mark), ref, day_value(d))
            name = names[d.month][0]
            stretched = name[0] + "\u0640" + name[1:] if len(name) > 2 else name
            add("marks", "tatweel", to_digits(f"{d.day} {stretched} {d.year}", system), ref, day_value(d))
            add("marks", "NBSP", to_digits(f"{d.day}\u00a0{name}\u00a0{d.year}", system), ref, day_value(d))
            add("marks", "narrow NBSP", to_digits(f"{d.day}\u202f{name}\u202f{d.year}", system), ref, day_value(d))
            add("marks", "ZWNJ", to_digits(f"{d.day} {name[:2]}\u200c{name[2:]} {d.year}", system), ref, day_value(d))
            add("marks", "harakat", to_digits(f"{d.day} {name[0]}\u064e{name[1:]} {d.year}", system), ref, day_value(d))
            add("marks", "RLI…PDI", "\u2067" + to_digits(f"{d.day} {name} {d.year}", system) + "\u2069", ref, day_value(d))
        # Dates without a year: the nearest reading.
        for d in near_days(ref):
            for key in ("MMMMd", "MMMd", "MMMMEd", "MMMEd", "MEd"):
                add("day_month", key, fmt(d, sk[key], locale, system), ref, day_value(d))
        # Clock times on the reference day, alone, with a day period, and after a date.
        for t in TIMES:
            at = dt.datetime.combine(ref.date(), t)
            hm = at.strftime("%Y-%m-%dT%H:%M")
            for key in ("hm", "Hm", "hms", "Hms"):
                add("time", key, fmt(t, sk[key], locale, system), ref, hm)
            add("time", "time-short", fmt(t, loc.time_formats["short"].pattern, locale, system), ref, hm)
            add("time", "h", fmt(dt.time(t.hour), sk["h"], locale, system), ref, at.strftime("%Y-%m-%dT%H"))
            for key in ("Bhm", "Bhms"):
                add("day_period", key, fmt(t, sk[key], locale, system), ref, hm)
            add("day_period", "Bh", fmt(dt.time(t.hour), sk["Bh"], locale, system), ref, at.strftime("%Y-%m-%dT%H"))
        for d, t in zip(sample_days(ref)[::2], TIMES):
            at = dt.datetime.combine(d, t)
            v = at.strftime("%Y-%m-%dT%H:%M")
            for width in ("short", "medium", "long"):
                glue = loc.datetime_formats[width]
                text = glue.replace("{1}", bdates.format_date(d, width, locale=locale)).replace(
                    "{0}", bdates.format_time(t, "short", locale=locale))
                add("datetime", f"{width} date+time", to_digits(text, system), ref, v)
            rel = plain(loc._data["datetime_formats_relative"]) if "datetime_formats_relative" in loc._data else {}
            if "long" in rel:
                text = rel["long"].replace("{1}", bdates.format_date(d, "long", locale=locale)).replace(
                    "{0}", bdates.format_time(t, "short", locale=locale))
                add("datetime", "long at time", to_digits(text, system), ref, v)
        # A weekday with a clock time, a few days from the reference.
        for k, t in zip((-3, -1, 2), TIMES[1:4]):
            at = dt.datetime.combine((ref + dt.timedelta(days=k)).date(), t)
            for key in ("Ehm", "EHm", "EBhm"):
                add("weekday_time", key, fmt(at, sk[key], locale, system), ref, at.strftime("%Y-%m-%dT%H:%M"))
        # Intervals.
        for a, b in ((ref.date() - dt.timedelta(days=30), ref.date() - dt.timedelta(days=28)),
                     (ref.date() - dt.timedelta(days=20), ref.date() + dt.timedelta(days=15)),
                     (dt.date(ref.year - 1, 11, 3), dt.date(ref.year, 2, 9))):
            for key in ("yMMMd", "yMMMMd", "yMd"):
                text = bdates.format_interval(a, b, key, locale=locale)
                add("interval", key, to_digits(text, system), ref, f"{day_value(a)}/{day_value(b)}")
        # Relative words of CLDR's date fields.
        r = ref.date()
        for delta in (-2, -1, 0, 1, 2):
            word = df["day"]["relative"].get(delta)
            if word:
                add("relative_day", f"day {delta}", word, ref, day_value(r + dt.timedelta(days=delta)))
        for unit, value in (("week", lambda n: week_value(r + dt.timedelta(weeks=n))),
                            ("month", lambda n: add_months(r, n).strftime("%Y-%m")),
                            ("quarter", lambda n: quarter_value(add_months(r, 3 * n))),
                            ("year", lambda n: str(r.year + n))):
            for key, word in df[unit]["relative"].items():
                add("relative_period", f"{unit} {key}", word, ref, value(int(key)))
        for unit, value in (("hour", ref.strftime("%Y-%m-%dT%H")), ("minute", ref.strftime("%Y-%m-%dT%H:%M")),
                            ("second", "PRESENT_REF")):
            word = df[unit]["relative"].get(0)
            if word:
                add("relative_period", f"{unit} 0", word, ref, value)
        for i, key in enumerate(WEEKDAY_KEYS):
            back = (r.weekday() - i - 1) % 7 + 1  # days back to the last such weekday, 1–7
            fwd = (i - r.weekday() - 1) % 7 + 1
            last, nxt = r - dt.timedelta(days=back), r + dt.timedelta(days=fwd)
            fields = df[key]
            add("relative_weekday", f"{key} -1", fields["relative"][-1], ref, day_value(last))
            add("relative_weekday", f"{key} 1", fields["relative"][1], ref, day_value(nxt))
            add("relative_weekday", f"{key} past two", fields["past"]["two"], ref, day_value(last - dt.timedelta(days=7)))
            add("relative_weekday", f"{key} future two", fields["future"]["two"], ref, day_value(nxt + dt.timedelta(days=7)))
        # «قبل N …» and «خلال N …», each plural form of each unit.
        for unit, tx in (("second", "S"), ("minute", "MIN"), ("hour", "H"), ("day", "D"), ("week", "W"),
                         ("month", "M"), ("quarter", "Q"), ("year", "Y")):
            for form, n in PLURAL_SAMPLES.items():
                for direction, sign in (("past", -1), ("future", 1)):
                    pattern = df[unit][direction].get(form)
                    if not pattern:
                        continue
                    text = to_digits(pattern.replace("{0}", str(n)), system)
                    accepted = [point(ref, tx, sign * n)]
                    if direction == "future":
                        # News reads «خلال ثلاثة أيام» as «within three days»: a duration.
                        accepted.append(duration(tx, n))
                    add("ago" if direction == "past" else "in", f"{unit} {form}", text, ref, accepted)
    return cases


def point(ref: dt.datetime, unit: str, n: int) -> str:
    """The TIMEX3 value of a moment n units from the reference, at the unit's granularity."""
    if unit == "S":
        return (ref + dt.timedelta(seconds=n)).strftime("%Y-%m-%dT%H:%M:%S")
    if unit == "MIN":
        return (ref + dt.timedelta(minutes=n)).strftime("%Y-%m-%dT%H:%M")
    if unit == "H":
        return (ref + dt.timedelta(hours=n)).strftime("%Y-%m-%dT%H")
    if unit == "D":
        return day_value((ref + dt.timedelta(days=n)).date())
    if unit == "W":
        return week_value((ref + dt.timedelta(weeks=n)).date())
    if unit == "M":
        return add_months(ref.date(), n).strftime("%Y-%m")
    if unit == "Q":
        return quarter_value(add_months(ref.date(), 3 * n))
    return str(ref.year + n)


def duration(unit: str, n: int) -> str:
    if unit in ("S", "MIN", "H"):
        return f"PT{n}{'M' if unit == 'MIN' else unit}"
    if unit == "Q":
        return f"P{3 * n}M"
    return f"P{n}{unit}"


# ---- running tarikh ------------------------------------------------------------------------

def run_tarikh(binary: str, cases: list[Case], grammar: str | None = None) -> None:
    """Fill `got` of every case: one `tarikh parse` per reference time, each phrase once."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for c in cases:
        key = (c.ref.strftime("%Y-%m-%dT%H:%M"), c.prefer)
        if c.phrase not in groups[key]:
            groups[key].append(c.phrase)
    answers: dict[tuple[str, str, str], str] = {}
    for (ref, prefer), phrases in sorted(groups.items()):
        extra = ["--grammar", grammar] if grammar else []
        out = subprocess.run([binary, "parse", "--ref", ref, "--prefer", prefer, *extra], input="\n".join(phrases) + "\n",
                             capture_output=True, text=True, check=False)
        if out.returncode != 0:
            sys.exit(f"{binary} parse --ref {ref} failed: {out.stderr.strip()}")
        lines = out.stdout.splitlines()
        if len(lines) != len(phrases):
            sys.exit(f"tarikh parse printed {len(lines)} lines for {len(phrases)} phrases")
        for phrase, line in zip(phrases, lines):
            answers[(ref, prefer, phrase)] = json.loads(line).get("value", "") or ""
    for c in cases:
        c.got = answers[(c.ref.strftime("%Y-%m-%dT%H:%M"), c.prefer, c.phrase)]


# ---- report --------------------------------------------------------------------------------

def tally(cases, key):
    t: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for c in cases:
        t[key(c)][1] += 1
        t[key(c)][0] += c.right()
    return t


def report(cases: list[Case], show_misses: str) -> None:
    total = sum(c.right() for c in cases)
    print(f"CLDR via babel {babel.__version__}: {total}/{len(cases)} right "
          f"({total / len(cases):.3f}), {len({c.locale for c in cases})} Arabic locales, "
          f"{len(REFERENCES)} reference days\n")
    print("per category:")
    for cat, (ok, n) in sorted(tally(cases, lambda c: c.category).items()):
        print(f"  {cat:18} {ok:5}/{n:<5} {ok / n:.3f}")
    print("\nper locale:")
    by_locale = tally(cases, lambda c: c.locale)
    cells = tally(cases, lambda c: (c.locale, c.category))
    for locale, (ok, n) in sorted(by_locale.items()):
        low = ", ".join(f"{cat} {a}/{b}" for (lc, cat), (a, b) in sorted(cells.items()) if lc == locale and a < b)
        print(f"  {locale:7} {ok:5}/{n:<5} {ok / n:.3f}  {low}")
    if show_misses == "none":
        return
    misses: dict[tuple, list[Case]] = defaultdict(list)
    for c in cases:
        if not c.right():
            misses[(c.category, c.source)].append(c)
    n_locales = len(by_locale)
    print(f"\nmisses ({sum(len(v) for v in misses.values())} cases), by category and CLDR pattern"
          + ("" if show_misses == "all" else "; three examples each (--misses all lists every one)") + ":")
    for (cat, source), group in sorted(misses.items()):
        locales = sorted({c.locale for c in group})
        where = "every locale" if len(locales) == n_locales else " ".join(locales)
        print(f"  [{cat}/{source}] {len(group)} cases — {where}")
        seen = set()
        for c in group:
            key = (c.phrase, c.ref)
            if key in seen:
                continue
            seen.add(key)
            if show_misses != "all" and len(seen) > 3:
                break
            print(f"      «{c.phrase}» @ {c.ref:%Y-%m-%dT%H:%M}: want {' | '.join(c.accepted)}, got {c.got or '(nothing)'}")


def counts(cases):
    return {"category": {k: v[0] for k, v in sorted(tally(cases, lambda c: c.category).items())},
            "locale": {k: v[0] for k, v in sorted(tally(cases, lambda c: c.locale).items())}}


def write_floors(path: Path, cases) -> None:
    c = counts(cases)
    lines = ["# CLDR conformance floors: cases right per category and per Arabic locale (tools/cldr_conformance.py).",
             "# Written by `TARIKH_WRITE_FLOORS=1 cargo test --release -p tarikh --test cldr`; review the diff.",
             f"# babel {babel.__version__}; cases {len(cases)}; right {sum(x.right() for x in cases)}.", ""]
    for section in ("category", "locale"):
        lines.append(f"[{section}]")
        lines += [f'"{k}" = {v}' for k, v in c[section].items()]
        lines.append("")
    path.write_text("\n".join(lines))


def check_floors(path: Path, cases) -> list[str]:
    import tomllib
    floors = tomllib.loads(path.read_text())
    got = counts(cases)
    errors = []
    for section in ("category", "locale"):
        for k, floor in floors.get(section, {}).items():
            have = got[section].get(k, 0)
            if have < floor:
                errors.append(f"{section} {k}: {have} right, under its floor {floor}")
    return errors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=str(ROOT / "target/release/tarikh"), help="the tarikh binary")
    ap.add_argument("--grammar", help="grammar folder to use instead of the one built into the binary (e.g. data/grammar/ar)")
    ap.add_argument("--locales", help="comma-separated locales (default: every Arabic locale of CLDR)")
    ap.add_argument("--misses", choices=["some", "all", "none"], default="some",
                    help="list three examples of each kind of miss (some), every miss (all), or none")
    ap.add_argument("--check", type=Path, metavar="FLOORS", help="fail when a count falls under its floor in this TOML file")
    ap.add_argument("--write-floors", type=Path, metavar="FLOORS", help="write the counts reached as floors")
    args = ap.parse_args()
    if not Path(args.bin).exists():
        sys.exit(f"{args.bin} does not exist: build it first (cargo build --release -p tarikh)")
    locales = args.locales.split(",") if args.locales else arabic_locales()
    cases = [c for loc in locales for c in generate(loc)]
    run_tarikh(args.bin, cases, args.grammar)
    report(cases, args.misses)
    if args.write_floors:
        write_floors(args.write_floors, cases)
        print(f"\nwrote {args.write_floors}")
    if args.check:
        errors = check_floors(args.check, cases)
        if errors:
            print("\nCLDR conformance fell under its floors:\n  " + "\n  ".join(errors), file=sys.stderr)
            return 1
        print(f"\nevery count is at or above its floor in {args.check}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
