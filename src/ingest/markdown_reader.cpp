// Markdown article reading; see markdown_reader.h. One instance per thread.
#include "markdown_reader.h"

#include "boilerplate_rules.h"
#include "text_util.h"

namespace kb::ingest {
namespace {

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

// Heading level of an ATX heading line ("## Foo" -> 2), 0 otherwise.
int HeadingLevel(std::string_view line) {
  size_t level = 0;
  while (level < line.size() && line[level] == '#') ++level;
  if (level == 0 || level > 6 || level >= line.size() || line[level] != ' ') return 0;
  return static_cast<int>(level);
}

std::string_view StripQuotes(std::string_view value) {
  value = Trim(value);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front()) {
    value = value.substr(1, value.size() - 2);
  }
  return value;
}

// The text of a list item's marker-less content, or nullopt for no item.
// Numbered: "1. x", "1) x"; bullets: "- x", "* x", "+ x", "• x".
std::optional<std::string_view> ListItem(std::string_view line) {
  std::string_view t = Trim(line);
  size_t digits = 0;
  while (digits < t.size() && digits < 4 && t[digits] >= '0' && t[digits] <= '9') ++digits;
  if (digits > 0 && digits <= 3 && digits + 1 < t.size() &&
      (t[digits] == '.' || t[digits] == ')') && t[digits + 1] == ' ') {
    return Trim(t.substr(digits + 2));
  }
  for (std::string_view bullet : {std::string_view("-"), std::string_view("*"),
                                  std::string_view("+"), std::string_view("•")}) {
    if (t.size() > bullet.size() + 1 && t.substr(0, bullet.size()) == bullet &&
        t[bullet.size()] == ' ') {
      return Trim(t.substr(bullet.size() + 1));
    }
  }
  return std::nullopt;
}

bool IsInlineMark(char c) { return c == '!' || c == '[' || c == '`' || c == '*' || c == '_'; }

// Inline Markdown to plain text: [label](url) -> label, ![alt](src) -> alt,
// and emphasis/code marks removed. `scratch` holds the text between the two
// passes; passing the same buffer each time saves an allocation per block.
std::string StripInline(std::string_view text, std::string& scratch) {
  scratch.clear();
  scratch.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const size_t run = i;
    while (i < text.size() && !IsInlineMark(text[i])) ++i;
    scratch.append(text, run, i - run);
    if (i == text.size()) break;
    const char c = text[i];
    if (c == '!' && i + 1 < text.size() && text[i + 1] == '[') {
      ++i;
      continue;
    }
    if (c == '[') {
      const size_t close = text.find(']', i);
      if (close != std::string_view::npos && close + 1 < text.size() && text[close + 1] == '(') {
        const size_t paren = text.find(')', close);
        if (paren != std::string_view::npos) {
          scratch.append(text, i + 1, close - i - 1);
          i = paren + 1;
          continue;
        }
      }
    }
    if (c == '`') {
      ++i;
      continue;
    }
    if ((c == '*' || c == '_') && i + 1 < text.size() && text[i + 1] == c) {
      i += 2;
      continue;
    }
    scratch.push_back(c);
    ++i;
  }
  return CollapseSpaces(scratch);
}

}  // namespace

bool MarkdownReader::LooksLikeMarkdown(std::string_view text) {
  if (text.substr(0, 4) == "---\n") return true;
  for (size_t pos = 0; pos <= text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    if (HeadingLevel(text.substr(pos, end - pos)) > 0) return true;
    pos = end + 1;
  }
  return false;
}

ArticleDraft MarkdownReader::Read(std::string_view text, std::vector<std::string>& warnings) {
  ArticleDraft draft;
  std::vector<std::string_view> lines = SplitLines(text);
  size_t i = 0;

  // Front matter: "---", "key: value" lines, "---".
  if (!lines.empty() && Trim(lines[0]) == "---") {
    size_t close = 1;
    while (close < lines.size() && Trim(lines[close]) != "---") ++close;
    if (close < lines.size()) {
      for (size_t k = 1; k < close; ++k) {
        const size_t colon = lines[k].find(':');
        if (colon == std::string_view::npos) continue;
        const std::string key = ToLower(Trim(lines[k].substr(0, colon)));
        const std::string_view value = StripQuotes(lines[k].substr(colon + 1));
        if (key == "title") {
          draft.title = StripInline(repairer_.Repair(value, warnings), inline_scratch_);
        } else if (key == "lang" || key == "language") {
          draft.declared_lang = ToLower(value);
        }
      }
      i = close + 1;
    } else {
      warnings.push_back("unterminated front matter: read as text");
    }
  }

  std::string paragraph;
  auto flush_paragraph = [&] {
    if (!paragraph.empty())
      draft.blocks.push_back({BlockKind::kParagraph, StripInline(paragraph, inline_scratch_)});
    paragraph.clear();
  };
  bool in_list_item = false;
  bool in_fence = false;
  for (; i < lines.size(); ++i) {
    // Most lines need neither repair nor artifact removal; they are read
    // in place, and `cleaned` owns a line only once one of them rewrote it.
    std::string_view line = lines[i];
    std::string cleaned;
    if (MojibakeRepairer::MayNeedRepair(line)) {
      cleaned = repairer_.Repair(line, warnings);
      line = cleaned;
    }
    if (BoilerplateRules::MayHoldArtifacts(line)) {
      cleaned = BoilerplateRules::RemoveArtifacts(line, warnings);
      line = cleaned;
    }
    const std::string_view trimmed = Trim(line);
    if (trimmed.substr(0, 3) == "```" || trimmed.substr(0, 3) == "~~~") {
      // Code fences: the fence lines go, the content stays as a paragraph.
      flush_paragraph();
      in_fence = !in_fence;
      in_list_item = false;
      continue;
    }
    if (trimmed.empty()) {
      flush_paragraph();
      in_list_item = false;
      continue;
    }
    if (in_fence) {
      if (!paragraph.empty()) paragraph += ' ';
      paragraph += trimmed;
      continue;
    }
    if (const int level = HeadingLevel(trimmed); level > 0) {
      flush_paragraph();
      in_list_item = false;
      std::string_view heading = Trim(trimmed.substr(static_cast<size_t>(level)));
      while (!heading.empty() && heading.back() == '#')
        heading = Trim(heading.substr(0, heading.size() - 1));
      std::string clean = StripInline(heading, inline_scratch_);
      if (clean.empty()) continue;
      if (level == 1 && draft.title.empty() && draft.blocks.empty()) {
        draft.title = std::move(clean);
      } else {
        draft.blocks.push_back({BlockKind::kHeading, std::move(clean)});
      }
      continue;
    }
    if (const std::optional<std::string_view> item = ListItem(trimmed)) {
      flush_paragraph();
      draft.blocks.push_back({BlockKind::kListItem, StripInline(*item, inline_scratch_)});
      in_list_item = true;
      continue;
    }
    const bool indented = line.size() > trimmed.size() && (line[0] == ' ' || line[0] == '\t');
    if (in_list_item && indented) {
      // A continuation line of the list item above.
      std::string& item = draft.blocks.back().text;
      item = CollapseSpaces(item + ' ' + StripInline(trimmed, inline_scratch_));
      continue;
    }
    in_list_item = false;
    if (!paragraph.empty()) paragraph += ' ';
    paragraph += trimmed;
  }
  flush_paragraph();
  return draft;
}

}  // namespace kb::ingest
