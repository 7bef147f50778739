// Plain-text article reading; see plain_text_reader.h. One instance per thread.
#include "plain_text_reader.h"

#include <array>

#include "boilerplate_rules.h"
#include "heading_shape.h"
#include "text_util.h"

namespace kb::ingest {
namespace {

enum class LineKind { kText, kNumbered, kBullet };

struct Line {
  LineKind kind = LineKind::kText;
  std::string text;
};

constexpr size_t kWarningExcerptBytes = 80;

// Bullet markers scraped pages use ("•", "-", "*", "·", "▪", "◦", "‣", "–").
constexpr std::array<std::string_view, 8> kBullets = {"•", "-", "*", "·", "▪", "◦", "‣", "–"};

// Splits a list marker off `line` (already trimmed): "1. Foo" / "2) Foo" are
// numbered, "• Foo" a bullet. The marker must be followed by a space, so
// "2SV", "15/02/2022" and "-5%" stay text.
Line Classify(std::string line) {
  size_t digits = 0;
  while (digits < line.size() && digits < 4 && line[digits] >= '0' && line[digits] <= '9') {
    ++digits;
  }
  if (digits > 0 && digits <= 3 && digits + 1 < line.size() &&
      (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ') {
    return {LineKind::kNumbered, CollapseSpaces(std::string_view(line).substr(digits + 2))};
  }
  for (std::string_view bullet : kBullets) {
    if (line.size() > bullet.size() + 1 &&
        std::string_view(line).substr(0, bullet.size()) == bullet && line[bullet.size()] == ' ') {
      return {LineKind::kBullet, CollapseSpaces(std::string_view(line).substr(bullet.size() + 1))};
    }
  }
  return {LineKind::kText, std::move(line)};
}

bool IsList(const Line* line) { return line != nullptr && line->kind != LineKind::kText; }

}  // namespace

ArticleDraft PlainTextReader::Read(std::string_view text, std::vector<std::string>& warnings) {
  // 1. Lines: repaired, artifacts removed, page chrome dropped.
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line = CollapseSpaces(text.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty()) continue;
    if (MojibakeRepairer::MayNeedRepair(line)) line = repairer_.Repair(line, warnings);
    if (BoilerplateRules::MayHoldArtifacts(line)) {
      line = BoilerplateRules::RemoveArtifacts(line, warnings);
    }
    if (line.empty()) continue;
    if (BoilerplateRules::IsNavigation(line)) {
      warnings.push_back("dropped navigation: " + line);
    } else if (BoilerplateRules::IsCallToAction(line)) {
      warnings.push_back("dropped call to action: " + line);
    } else if (BoilerplateRules::IsByline(line)) {
      warnings.push_back("dropped byline: " + line);
    } else {
      lines.push_back(Classify(std::move(line)));
    }
  }

  // 2. The page header: the short lines before the first prose line. Site
  // taglines live there; the title is the first line that remains.
  ArticleDraft draft;
  size_t first = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind != LineKind::kText || !LooksLikeTitle(lines[i].text)) break;
    if (BoilerplateRules::IsSiteTagline(lines[i].text)) {
      warnings.push_back("dropped site tagline: " + lines[i].text);
      lines[i].text.clear();
    }
  }
  while (first < lines.size() && lines[first].text.empty()) ++first;
  if (first < lines.size() && lines[first].kind == LineKind::kText &&
      LooksLikeTitle(lines[first].text)) {
    draft.title = lines[first].text;
    lines[first].text.clear();
    ++first;
    // Blogs print the title twice (page title, then post title).
    while (first < lines.size() && lines[first].kind == LineKind::kText &&
           ToLower(lines[first].text) == ToLower(draft.title)) {
      warnings.push_back("dropped repeated title: " + lines[first].text);
      lines[first].text.clear();
      ++first;
    }
  }

  // 3. A closing author bio: among the last two prose lines.
  for (size_t seen = 0, i = lines.size(); i > first && seen < 2; --i) {
    Line& line = lines[i - 1];
    if (line.text.empty()) continue;
    ++seen;
    if (line.kind == LineKind::kText && BoilerplateRules::IsAuthorBio(line.text)) {
      warnings.push_back("dropped author bio: " + Abbreviate(line.text, kWarningExcerptBytes));
      line.text.clear();
    }
  }

  std::vector<Line> body;
  for (size_t i = first; i < lines.size(); ++i) {
    if (!lines[i].text.empty()) body.push_back(std::move(lines[i]));
  }

  // 4. Type each line by its shape and its neighbours.
  for (size_t i = 0; i < body.size(); ++i) {
    const Line& line = body[i];
    const Line* prev = i > 0 ? &body[i - 1] : nullptr;
    const Line* next = i + 1 < body.size() ? &body[i + 1] : nullptr;
    const bool next_is_prose =
        next != nullptr && next->kind == LineKind::kText && !LooksLikeHeading(next->text);
    switch (line.kind) {
      case LineKind::kText:
        if (IsList(prev) && IsList(next) && LooksLikeLabel(line.text)) {
          // A stray label between bullets ("security check", "Rename") splits
          // one procedure in two; the steps belong together.
          warnings.push_back("dropped label between list items: " + line.text);
        } else if (next != nullptr && LooksLikeHeading(line.text)) {
          draft.blocks.push_back({BlockKind::kHeading, line.text});
        } else {
          draft.blocks.push_back({BlockKind::kParagraph, line.text});
        }
        break;
      case LineKind::kNumbered:
        // "1. Verification code input error" followed by its explanation is a
        // sub-section heading, not a step with a trailing paragraph.
        draft.blocks.push_back({next_is_prose && LooksLikeHeading(line.text)
                                    ? BlockKind::kSubheading
                                    : BlockKind::kListItem,
                                line.text});
        break;
      case LineKind::kBullet:
        draft.blocks.push_back({BlockKind::kListItem, line.text});
        break;
    }
  }
  return draft;
}

}  // namespace kb::ingest
