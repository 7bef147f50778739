// Word segmentation (Unicode UAX #29, ICU's root rules) over UTF-8 without
// converting the text: boundaries are byte offsets into the input (even when
// the input holds invalid UTF-8, which ICU reads as U+FFFD).
//
// Stretches of whitespace-separated chunks that hold only ASCII and simple
// letters (simple_letters.h: accented Latin, Greek, Cyrillic) are segmented
// by a small scanner that implements the same rules for them
// (tests/text/word_breaker_test.cpp checks it against ICU on random text);
// only chunks with other characters go to ICU's break iterator. Most chunks
// of European text are simple, and the break iterator was the largest single
// cost of indexing.
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

  // For tests: segment everything with ICU, as if no chunk were ASCII.
  void set_icu_only(bool icu_only) { icu_only_ = icu_only; }

 private:
  struct UTextCloser {
    void operator()(UText* text) const { utext_close(text); }
  };
  // Chooses how the text from pos_ on is segmented: a simple stretch up to
  // simple_end_, or a stretch handed to ICU.
  void StartRegion();
  bool NextSimple(uint32_t& begin, uint32_t& end, WordKind& kind);
  bool NextIcu(uint32_t& begin, uint32_t& end, WordKind& kind);

  std::unique_ptr<icu::BreakIterator> breaker_;
  std::unique_ptr<UText, UTextCloser> text_;
  std::string_view input_;
  size_t pos_ = 0;         // where the next region or ASCII word starts
  size_t simple_end_ = 0;  // end of the current simple stretch (pos_ < simple_end_)
  bool in_icu_ = false;    // ICU is segmenting [icu_base_, pos_ after it)
  size_t icu_base_ = 0;    // offset of ICU's text in input_
  size_t icu_end_ = 0;     // end of ICU's text in input_
  int32_t last_ = 0;       // ICU's previous boundary (relative to icu_base_)
  bool icu_only_ = false;
};

}  // namespace kb::text
