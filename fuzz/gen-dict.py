#!/usr/bin/env python3
"""Write fuzz/arabic-dates.dict, the libFuzzer dictionary of the tarikh fuzz targets.

Run from the repository root: python3 fuzz/gen-dict.py
Takes every word of data/grammar/ar/lexicon.toml, the Arabic words of the rule patterns, some tense
cues, and adds clitics, digits of three scripts, punctuation, bidi and zero-width marks,
presentation forms and numbers at integer limits.
"""
import glob
import re
import tomllib

words = set()


def walk(x):
    if isinstance(x, dict):
        for k, v in x.items():
            if k == "words":
                words.update(v)
            else:
                walk(v)
    elif isinstance(x, list):
        for v in x:
            walk(v)


walk(tomllib.load(open("data/grammar/ar/lexicon.toml", "rb")))
for f in sorted(glob.glob("data/grammar/ar/rules/*.toml")):
    d = tomllib.load(open(f, "rb"))
    for r in d.get("rule", []) + d.get("context", []):
        for k in ("pattern", "before", "after"):
            p = r.get(k)
            if isinstance(p, str):
                words.update(re.findall(r"[\u0600-\u06FF]+", p))
cues = tomllib.load(open("data/grammar/ar/cues.toml", "rb"))
words.update(cues["cues"]["past"][:20] + cues["cues"]["future"])
words.update([
    "هـ", "م", "ه", "مساء", "صباحا", "الساعة", "قبل", "بعد", "من", "إلى", "حتى", "منذ", "الموافق", "نحو", "حوالي",
    "و", "ل", "لل", "ب", "بال", "وال", "ال",
    "٠", "١", "٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩", "۰", "۴", "۵", "۶", "،", "؛", "؟", "«", "»", "/", ":", "-", ".",
    "\u200f", "\u200e", "\u200b", "\u200c", "\u200d", "\ufeff", "\u202b", "\u202c", "\u2066", "\u2069",
    "\u0640", "\u064b", "\u064e", "\u0651", "\u0652", "\u0670", "ﻻ", "ﷲ", "ﷺ", "ﺍﻟﺴﺒﺖ",
    "\r\n", "\n", "  ", "0", "1", "2", "12", "24", "29", "30", "31", "00", "59", "60", "1438", "1447", "2017",
    "2147483647", "2147483648", "4294967296", "99999", "9999999999", "18:30", "24:00", "25:61", "00:00",
])


def esc(w):
    return "".join(chr(b) if 0x20 <= b < 0x7F and chr(b) not in '\\"' else "\\x%02X" % b for b in w.encode())


with open("fuzz/arabic-dates.dict", "w") as f:
    f.write("# libFuzzer dictionary for the tarikh fuzz targets, written by fuzz/gen-dict.py (do not edit).\n")
    f.write("# Entries are UTF-8 written as \\xNN escapes; the comment above each gives the word.\n")
    for i, w in enumerate(sorted(words, key=lambda w: (len(w.encode()), w))):
        shown = repr(w) if any(ord(c) < 0x20 for c in w) else w
        f.write(f"# {shown}\nw{i}=\"{esc(w)}\"\n")
print(len(words), "entries")
