// Word segmentation: see word_breaker.h. Uses the root locale's word rules,
// which handle Latin-script languages alike (apostrophes and decimal commas
// inside words are kept; the Analyzer splits elisions afterwards).
//
// Thread safety: one WordBreaker per thread.
#include "word_breaker.h"

#include <unicode/locid.h>
#include <unicode/ubrk.h>

#include <stdexcept>
#include <string>

namespace kb::text {

WordBreaker::WordBreaker() {
  UErrorCode status = U_ZERO_ERROR;
  breaker_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || breaker_ == nullptr) {
    throw std::runtime_error(std::string("ICU word break iterator unavailable: ") +
                             u_errorName(status));
  }
  text_.reset(utext_openUTF8(nullptr, "", 0, &status));
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU UText unavailable: ") + u_errorName(status));
  }
  breaker_->setText(text_.get(), status);
}

WordBreaker::~WordBreaker() = default;

void WordBreaker::SetText(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  // Re-opening into the same UText reuses its storage: no allocation per text.
  utext_openUTF8(text_.get(), utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  breaker_->setText(text_.get(), status);
  last_ = breaker_->first();
}

bool WordBreaker::Next(uint32_t& begin, uint32_t& end, WordKind& kind) {
  for (;;) {
    const int32_t next = breaker_->next();
    if (next == icu::BreakIterator::DONE) return false;
    const int32_t status = breaker_->getRuleStatus();
    const int32_t start = last_;
    last_ = next;
    if (status < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    begin = static_cast<uint32_t>(start);
    end = static_cast<uint32_t>(next);
    kind = status < UBRK_WORD_NUMBER_LIMIT   ? WordKind::kNumber
           : status < UBRK_WORD_LETTER_LIMIT ? WordKind::kLetters
                                             : WordKind::kOther;
    return true;
  }
}

}  // namespace kb::text
