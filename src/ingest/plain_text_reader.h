// Reads a scraped plain-text article into an ArticleDraft: repairs mojibake,
// drops navigation, taglines, bylines, a repeated title and a closing author
// bio, then types every remaining line (paragraph, heading, numbered
// sub-heading, list item) by its shape and its neighbours. Every line that
// is dropped or changed leaves a warning.
//
// Thread safety: a PlainTextReader owns a MojibakeRepairer (an ICU
// converter); use one per thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "article_draft.h"
#include "mojibake_repairer.h"

namespace kb::ingest {

class PlainTextReader {
 public:
  // `text`: valid UTF-8, LF line endings.
  ArticleDraft Read(std::string_view text, std::vector<std::string>& warnings);

 private:
  MojibakeRepairer repairer_;
};

}  // namespace kb::ingest
