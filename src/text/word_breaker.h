// ICU word segmentation over UTF-8 without converting the text: the break
// iterator runs on a UText over the caller's bytes, so boundaries are byte
// offsets into the input (even when the input holds invalid UTF-8, which
// ICU reads as U+FFFD).
//
// Thread safety: owns an icu::BreakIterator, which is not thread-safe; use one
// WordBreaker per thread (each Analyzer owns one).
#pragma once

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cstdint>
#include <memory>
#include <string_view>

namespace kb::text {

// The kind of a word, from ICU's rule status.
enum class WordKind : unsigned char { kNumber, kLetters, kOther };

class WordBreaker {
 public:
  WordBreaker();
  ~WordBreaker();
  WordBreaker(const WordBreaker&) = delete;
  WordBreaker& operator=(const WordBreaker&) = delete;

  // Starts segmenting `utf8`, which must outlive the iteration.
  void SetText(std::string_view utf8);
  // The next word (spaces and punctuation are skipped) as byte offsets.
  bool Next(uint32_t& begin, uint32_t& end, WordKind& kind);

 private:
  struct UTextCloser {
    void operator()(UText* text) const { utext_close(text); }
  };
  std::unique_ptr<icu::BreakIterator> breaker_;
  std::unique_ptr<UText, UTextCloser> text_;
  int32_t last_ = 0;
};

}  // namespace kb::text
