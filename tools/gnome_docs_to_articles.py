#!/usr/bin/env python3
"""Turns Debian's gnome-user-docs (Mallard help pages in ~42 languages) into
plain Markdown articles for the search benchmark, plus a deterministic set of
known-item queries generated from the page titles.

Each page /usr/share/help/<lang>/gnome-help/<id>.page becomes
<out>/articles/<lang>__<id>.md with front matter (title, lang) and the page
as headings, paragraphs, numbered steps and bullet items; guide pages list
their topics ("- title: description") as a help viewer shows them. queries.tsv (lang,
kind, query, expected article id) holds, for a sample of pages, 2-3 title
words ("exact"), the same with one typo ("typo") and the same with the last
word cut to 4-5 letters ("prefix"). Same input + same seed = same output.

Usage: tools/gnome_docs_to_articles.py [--help-root /usr/share/help]
       [--out /tmp/gnome-kb] [--sample 1000] [--seed 42]
Standard library only (Python 3.11).
"""

import argparse
import collections
import pathlib
import random
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

# Inline elements whose children are joined by a separator instead of spaces.
JOINED_INLINE = {"keyseq": "+", "guiseq": " ▸ "}
# Elements that carry no readable text for a help article.
SKIPPED = {"info", "media", "links", "comment", "include", "desc", "credit",
           "revision", "thumb", "rules"}
# Languages whose titles are not written with spaces between words: indexed,
# but no title-word queries are generated for them.
NO_SPACE_LANGS = {"ja", "zh_CN", "zh_TW", "zh_HK", "th"}



def local(tag):
    """The element name without its namespace ("{ns}p" -> "p")."""
    if not isinstance(tag, str):
        return ""  # comments and processing instructions
    return tag.rsplit("}", 1)[-1]


def clean(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def inline_text(elem):
    """The readable text of an inline run (a <p>, a <title>, a table cell)."""
    name = local(elem.tag)
    if name in SKIPPED or name == "":
        return elem.tail or ""
    if name in JOINED_INLINE:
        parts = [clean(inline_text_no_tail(c)) for c in elem if local(c.tag)]
        return JOINED_INLINE[name].join(p for p in parts if p) + (elem.tail or "")
    return inline_text_no_tail(elem) + (elem.tail or "")


def inline_text_no_tail(elem):
    out = [elem.text or ""]
    for child in elem:
        out.append(inline_text(child))
    return "".join(out)


class Writer:
    """Accumulates the Markdown lines of one article."""

    def __init__(self):
        self.lines = []

    def para(self, text):
        text = clean(text)
        if text:
            self.lines.append(text)

    def heading(self, level, text):
        text = clean(text)
        if text:
            self.lines.append("#" * level + " " + text)


def chosen_branch(choose):
    """Conditional content (if:choose): the fallback branch, else the first."""
    branches = [c for c in choose if local(c.tag) in ("when", "else")]
    chosen = next((b for b in branches if local(b.tag) == "else"), None)
    return chosen if chosen is not None else (branches[0] if branches else None)


def item_text(item):
    """One <item> of a list or steps as a single line (nested blocks joined)."""
    parts = []
    has_block = False
    for child in item:
        name = local(child.tag)
        if name in ("p", "title", "code", "screen", "output"):
            has_block = True
            parts.append(clean(inline_text_no_tail(child)))
        elif name in ("list", "steps", "terms"):
            has_block = True
            parts.extend(item_text(i) for i in child if local(i.tag) == "item")
        elif name == "choose":
            has_block = True
            branch = chosen_branch(child)
            if branch is not None:
                parts.append(item_text(branch))
        elif name in ("note", "div", "example", "figure", "if"):
            has_block = True
            parts.append(item_text(child))
    if not has_block:
        parts.append(clean(inline_text_no_tail(item)))
    return " ".join(p for p in parts if p)


def emit_blocks(elem, writer, level, topics):
    """Writes the block children of a page or section. topics(section id)
    gives the topic links a guide shows in that section ("" = the page)."""
    for child in elem:
        name = local(child.tag)
        if name in SKIPPED or name in ("", "title", "subtitle"):
            continue
        if name == "section":
            title = next((c for c in child if local(c.tag) == "title"), None)
            if title is not None:
                writer.heading(min(level, 6), inline_text_no_tail(title))
            emit_blocks(child, writer, level + 1, topics)
            if child.get("id"):
                writer.lines.extend(topics(child.get("id")))
        elif name in ("p", "code", "screen", "output", "synopsis"):
            writer.para(inline_text_no_tail(child))
        elif name == "steps":
            n = 0
            for item in child:
                if local(item.tag) == "item":
                    text = item_text(item)
                    if text:
                        n += 1
                        writer.lines.append(f"{n}. {text}")
        elif name in ("list", "terms", "tree"):
            for item in child:
                if local(item.tag) != "item":
                    continue
                if name == "terms":
                    term = next((c for c in item if local(c.tag) == "title"), None)
                    rest = [c for c in item if local(c.tag) != "title"]
                    desc = " ".join(item_text_of(c) for c in rest)
                    text = clean(inline_text_no_tail(term)) if term is not None else ""
                    text = f"{text}: {clean(desc)}" if desc.strip() else text
                else:
                    text = item_text(item)
                if text:
                    writer.lines.append(f"- {text}")
        elif name == "table":
            for row in child.iter():
                if local(row.tag) == "tr":
                    cells = [clean(item_text(td)) for td in row if local(td.tag) in ("td", "th")]
                    writer.para(" | ".join(c for c in cells if c))
        elif name == "choose":
            chosen = chosen_branch(child)
            if chosen is not None:
                emit_blocks(chosen, writer, level, topics)
        else:  # note, example, figure, div, quote, listing, if:if, tt:* ...
            title = next((c for c in child if local(c.tag) == "title"), None)
            if title is not None:
                writer.para(inline_text_no_tail(title))
            emit_blocks(child, writer, level, topics)


def item_text_of(elem):
    name = local(elem.tag)
    if name in ("list", "steps", "terms"):
        return " ".join(item_text(i) for i in elem if local(i.tag) == "item")
    return clean(inline_text_no_tail(elem))


def page_title(root):
    title_elem = next((c for c in root if local(c.tag) == "title"), None)
    return clean(inline_text_no_tail(title_elem)) if title_elem is not None else ""


def page_desc(root):
    info = next((c for c in root if local(c.tag) == "info"), None)
    desc = next((c for c in info if local(c.tag) == "desc"), None) if info is not None else None
    return clean(inline_text_no_tail(desc)) if desc is not None else ""


def guide_links(roots):
    """{(guide id, section id or ""): [topic page ids]} of one language, from
    the topics' <link type="guide"> and the guides' <link type="topic">: what
    a help viewer lists on each guide page."""
    links = collections.defaultdict(list)
    for page_id, root in roots.items():
        info = next((c for c in root if local(c.tag) == "info"), None)
        if info is None:
            continue
        for link in info:
            if local(link.tag) != "link" or not link.get("xref"):
                continue
            target, _, section = link.get("xref").partition("#")
            if link.get("type") == "guide" and target in roots:
                links[(target, section)].append(page_id)
            elif link.get("type") == "topic" and target in roots:
                links[(page_id, "")].append(target)
    return links


def convert_page(page_id, root, roots, links):
    """(title, markdown body) of one Mallard page; None if it has no title.
    Guide pages list their topics ("- title: description") as a viewer does."""
    title = page_title(root)
    if not title:
        return None
    emitted = set()

    def topics(section):
        if (page_id, section) in emitted:
            return []
        emitted.add((page_id, section))
        lines = []
        for topic in sorted(set(links.get((page_id, section), [])), key=lambda t: page_title(roots[t])):
            t, d = page_title(roots[topic]), page_desc(roots[topic])
            if t:
                lines.append(f"- {t}: {d}" if d else f"- {t}")
        return lines

    writer = Writer()
    writer.heading(1, title)
    emit_blocks(root, writer, 2, topics)
    leftover = []
    for (guide, section) in links:
        if guide == page_id and (page_id, section) not in emitted:
            leftover.append(section)
    for section in sorted(leftover):
        writer.lines.extend(topics(section))
    return title, "\n".join(writer.lines) + "\n"


def article_lang(folder):
    return "en" if folder == "C" else folder


def file_safe(text):
    return re.sub(r"[^A-Za-z0-9_.-]", "_", text)


# ---- queries ---------------------------------------------------------------

def split_words(text):
    """Runs of letters, marks and digits (marks too: Indic vowel signs are
    part of their word, unlike with Python's \\w)."""
    words, cur = [], []
    for ch in text:
        if unicodedata.category(ch)[0] in "LMN":
            cur.append(ch)
        elif cur:
            words.append("".join(cur))
            cur = []
    if cur:
        words.append("".join(cur))
    return words


def title_words(title):
    return [w for w in split_words(title.lower()) if len(w) >= 2 and not w.isdigit()]


def make_typo(word, rng):
    """One edit (substitution, deletion or adjacent transposition) that keeps
    the first letter; word has >= 5 letters."""
    letters = sorted(set(word[1:])) or list("aeiou")
    for _ in range(20):
        op = rng.choice(("sub", "del", "swap"))
        i = rng.randrange(1, len(word))
        if op == "sub":
            c = rng.choice(letters + list("aeiourstnl") if word.isascii() else letters)
            out = word[:i] + c + word[i + 1:]
        elif op == "del":
            out = word[:i] + word[i + 1:]
        else:
            if i == len(word) - 1:
                i -= 1
            if i < 1:
                continue
            out = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        if out != word:
            return out
    return word[:-1]


def make_queries(pages, sample, seed):
    """pages: list of (article id, lang, title). Returns rows (lang, kind, query, id)."""
    rng = random.Random(seed)
    # A title must name one page: not twice in a language, and not an
    # untranslated copy of the English title.
    title_count = collections.Counter((lang, t.lower()) for _, lang, t in pages)
    english = {t.lower() for _, lang, t in pages if lang == "en"}
    # Stop words, per language, from the titles themselves: words found in
    # more than 3 % of that language's titles ("how", "the", "de", "la"...).
    df = collections.defaultdict(collections.Counter)
    per_lang = collections.Counter()
    for _, lang, title in pages:
        per_lang[lang] += 1
        df[lang].update(set(title_words(title)))
    stop = {lang: {w for w, n in c.items() if n > 0.03 * per_lang[lang]} for lang, c in df.items()}

    eligible = [p for p in pages
                if p[1] not in NO_SPACE_LANGS and title_count[(p[1], p[2].lower())] == 1
                and (p[1] == "en" or p[2].lower() not in english)
                and len(title_words(p[2])) >= 2]
    rng.shuffle(eligible)
    rows = []
    picked = 0
    for art_id, lang, title in eligible:
        if picked == sample:
            break
        words = title_words(title)
        pick = None
        for _ in range(50):
            k = rng.choice((2, 3)) if len(words) >= 3 else 2
            idx = sorted(rng.sample(range(len(words)), k))
            cand = [words[i] for i in idx]
            if sum(w not in stop[lang] for w in cand) < 2:
                continue  # (nearly) stop words only: not a known-item search
            if len(cand[-1]) < 5:
                continue  # the last word must be long enough to cut
            if not any(len(w) >= 5 and w not in stop[lang] for w in cand):
                continue  # no content word long enough for a typo
            pick = cand
            break
        if pick is None:
            continue
        picked += 1
        rows.append((lang, "exact", " ".join(pick), art_id))
        long_idx = [i for i, w in enumerate(pick) if len(w) >= 5 and w not in stop[lang]]
        i = rng.choice(long_idx)
        typo = list(pick)
        typo[i] = make_typo(pick[i], rng)
        rows.append((lang, "typo", " ".join(typo), art_id))
        last = pick[-1]
        cut = rng.choice((4, 5))
        prefix = list(pick)
        prefix[-1] = last[:min(cut, len(last) - 1)]
        rows.append((lang, "prefix", " ".join(prefix), art_id))
    rows.sort(key=lambda r: (r[3], ("exact", "typo", "prefix").index(r[1])))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--help-root", default="/usr/share/help")
    ap.add_argument("--out", default="/tmp/gnome-kb")
    ap.add_argument("--sample", type=int, default=1000, help="pages sampled for queries")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()

    root = pathlib.Path(args.help_root)
    out = pathlib.Path(args.out)
    articles = out / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    for old in articles.glob("*.md"):
        old.unlink()

    pages, failed, total_bytes, source_bytes = [], 0, 0, 0
    for folder_path in sorted(root.glob("*/gnome-help")):
        folder = folder_path.parent.name
        roots = {}
        for path in sorted(folder_path.glob("*.page")):
            try:
                page_root = ET.parse(path).getroot()
            except ET.ParseError as e:
                print(f"skipped {path}: {e}", file=sys.stderr)
                failed += 1
                continue
            roots[page_root.get("id") or path.stem] = page_root
            source_bytes += path.stat().st_size
        links = guide_links(roots)
        for page_id, page_root in roots.items():
            converted = convert_page(page_id, page_root, roots, links)
            if converted is None:
                failed += 1
                continue
            title, body = converted
            lang = article_lang(folder)
            art_id = f"{file_safe(lang)}__{file_safe(page_id)}"
            text = f"---\ntitle: {title}\nlang: {lang}\n---\n{body}"
            data = text.encode("utf-8")
            (articles / f"{art_id}.md").write_bytes(data)
            total_bytes += len(data)
            pages.append((art_id, lang, title))

    rows = make_queries(pages, args.sample, args.seed)
    with open(out / "queries.tsv", "w", encoding="utf-8") as f:
        f.write("lang\tkind\tquery\texpected\n")
        for row in rows:
            f.write("\t".join(row) + "\n")

    langs = len({lang for _, lang, _ in pages})
    kinds = collections.Counter(kind for _, kind, _, _ in rows)
    print(f"articles: {len(pages)} pages in {langs} languages, "
          f"{total_bytes / 1e6:.1f} MB of text (from {source_bytes / 1e6:.1f} MB of Mallard), "
          f"{failed} skipped -> {articles}")
    print(f"queries: {len(rows)} ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}) "
          f"-> {out / 'queries.tsv'}")


if __name__ == "__main__":
    main()
