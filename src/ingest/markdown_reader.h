// Reads a hand-written Markdown article into an ArticleDraft: optional
// `---` front matter (title:, lang:), ATX headings (`#` title, `##`… section
// headings), numbered and bulleted lists (steps, with indented continuation
// lines) and paragraphs (consecutive lines joined). Inline markup is reduced
// to its text: links keep their label, emphasis and code marks go.
//
// Thread safety: owns a MojibakeRepairer (an ICU converter); one per thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "article_draft.h"
#include "mojibake_repairer.h"

namespace kb::ingest {

class MarkdownReader {
 public:
  // True when `text` looks like Markdown: front matter or an ATX heading.
  static bool LooksLikeMarkdown(std::string_view text);

  // `text`: valid UTF-8, LF line endings.
  ArticleDraft Read(std::string_view text, std::vector<std::string>& warnings);

 private:
  MojibakeRepairer repairer_;
  std::string inline_scratch_;  // StripInline's buffer, kept between blocks
};

}  // namespace kb::ingest
