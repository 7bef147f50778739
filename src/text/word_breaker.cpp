// Word segmentation: see word_breaker.h. ICU's root word rules handle
// Latin-script languages alike (apostrophes and decimal commas inside words
// are kept; the Analyzer splits elisions afterwards).
//
// Thread safety: one WordBreaker per thread.
#include "word_breaker.h"

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "kb/utf8.h"
#include "simple_letters.h"

namespace kb::text {
namespace {

// Whitespace that always ends a word: ICU's rules never join across it, so
// text can be cut there and each part segmented on its own.
bool IsCut(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v';
}

bool IsAscii(char c) { return static_cast<unsigned char>(c) < 0x80; }

// UAX #29 word-break classes of the ASCII characters, as ICU 72's root rules
// have them: ':' is not MidLetter there, and '@' is a letter ("x@", "@x" and
// "a@b" are words).
enum class Cls : unsigned char { kOther, kLetter, kDigit, kMidNumLet, kMidNum, kExtendNumLet };

constexpr Cls ClassOf(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@') return Cls::kLetter;
  if (c >= '0' && c <= '9') return Cls::kDigit;
  if (c == '.' || c == '\'') return Cls::kMidNumLet;  // MidNumLet, Single_Quote
  if (c == ',' || c == ';') return Cls::kMidNum;
  if (c == '_') return Cls::kExtendNumLet;
  return Cls::kOther;
}

bool IsWordClass(Cls c) { return c == Cls::kLetter || c == Cls::kDigit || c == Cls::kExtendNumLet; }

constexpr std::array<Cls, 128> kAsciiClasses = [] {
  std::array<Cls, 128> classes{};
  for (int c = 0; c < 128; ++c) classes[static_cast<size_t>(c)] = ClassOf(static_cast<char>(c));
  return classes;
}();

// The class of the character at s[i] of a simple stretch (ASCII and simple
// letters only) and its byte length.
Cls ClassAt(std::string_view s, size_t i, size_t& width) {
  if (IsAscii(s[i])) {
    width = 1;
    return kAsciiClasses[static_cast<unsigned char>(s[i])];
  }
  width = 2;
  return Cls::kLetter;
}

// Whether the chunk from `from` to the next cut holds only ASCII and simple
// letters; its end goes to `chunk_end`.
bool ChunkIsSimple(std::string_view s, size_t from, size_t& chunk_end) {
  bool simple = true;
  size_t i = from;
  while (i < s.size() && !IsCut(s[i])) {
    if (IsAscii(s[i])) {
      ++i;
    } else if (simple && SimpleLetterAt(s, i) != 0) {
      i += 2;
    } else {
      simple = false;
      ++i;
    }
  }
  chunk_end = i;
  return simple;
}

// Where the simple stretch that starts at `from` ends: the start of the
// first chunk that is not simple, or the end of the text; `from` itself when
// the chunk there is not simple. Spaces inside the stretch need no looking
// at, so plain ASCII is skipped whole.
size_t SimpleStretchEnd(std::string_view s, size_t from) {
  size_t i = from;
  while ((i = SkipAscii(s, i)) < s.size()) {
    if (SimpleLetterAt(s, i) != 0) {
      i += 2;
      continue;
    }
    while (i > from && !IsCut(s[i - 1])) --i;  // back to its chunk's start
    return i;
  }
  return s.size();
}

}  // namespace

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
  input_ = utf8;
  pos_ = 0;
  simple_end_ = 0;
  in_icu_ = false;
}

void WordBreaker::StartRegion() {
  const size_t n = input_.size();
  while (pos_ < n && IsCut(input_[pos_])) ++pos_;
  if (pos_ == n) return;  // trailing spaces: Next() sees the end
  // A region is a run of chunks of one kind: simple ones for the scanner,
  // others for ICU.
  if (!icu_only_) {
    const size_t simple_end = SimpleStretchEnd(input_, pos_);
    if (simple_end > pos_) {
      simple_end_ = simple_end;
      return;
    }
  }
  size_t region_end = n;
  if (!icu_only_) ChunkIsSimple(input_, pos_, region_end);
  for (size_t next = region_end; !icu_only_ && next < n;) {
    while (next < n && IsCut(input_[next])) ++next;
    if (next >= n) break;
    size_t end;
    if (ChunkIsSimple(input_, next, end)) break;
    region_end = end;
    next = end;
  }
  UErrorCode status = U_ZERO_ERROR;
  // Re-opening into the same UText reuses its storage: no allocation per text.
  utext_openUTF8(text_.get(), input_.data() + pos_, static_cast<int64_t>(region_end - pos_),
                 &status);
  breaker_->setText(text_.get(), status);
  last_ = breaker_->first();
  in_icu_ = true;
  icu_base_ = pos_;
  icu_end_ = region_end;
}

bool WordBreaker::Next(uint32_t& begin, uint32_t& end, WordKind& kind) {
  for (;;) {
    if (in_icu_) {
      if (NextIcu(begin, end, kind)) return true;
      in_icu_ = false;
      pos_ = icu_end_;
      continue;
    }
    if (pos_ < simple_end_) {
      if (NextSimple(begin, end, kind)) return true;
      continue;
    }
    if (pos_ >= input_.size()) return false;
    StartRegion();
  }
}

bool WordBreaker::NextIcu(uint32_t& begin, uint32_t& end, WordKind& kind) {
  for (;;) {
    const int32_t next = breaker_->next();
    if (next == icu::BreakIterator::DONE) return false;
    const int32_t status = breaker_->getRuleStatus();
    const int32_t start = last_;
    last_ = next;
    if (status < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    begin = static_cast<uint32_t>(icu_base_ + static_cast<size_t>(start));
    end = static_cast<uint32_t>(icu_base_ + static_cast<size_t>(next));
    kind = status < UBRK_WORD_NUMBER_LIMIT   ? WordKind::kNumber
           : status < UBRK_WORD_LETTER_LIMIT ? WordKind::kLetters
                                             : WordKind::kOther;
    return true;
  }
}

// UAX #29 on ASCII and simple letters: letters, digits and '_' join (WB5,
// WB8-WB10, WB13a/b); a letter, '.' or '\'' and a letter join (WB6/7); a
// digit, one of ".,;'" and a digit join (WB11/12). ICU reports the status of
// the last rule applied: "a1" is a number, "1a" letters, a lone "_" no word.
bool WordBreaker::NextSimple(uint32_t& begin, uint32_t& end, WordKind& kind) {
  const std::string_view s = input_.substr(0, simple_end_);
  size_t width;
  while (pos_ < s.size()) {
    const Cls first = ClassAt(s, pos_, width);
    if (!IsWordClass(first)) {
      pos_ += width;
      continue;
    }
    const size_t start = pos_;
    size_t i = pos_ + width;
    Cls last = first;               // class of the character before i
    Cls before_last = Cls::kOther;  // class of the one before it inside the word
    while (i < s.size()) {
      const Cls c = ClassAt(s, i, width);
      if (IsWordClass(c)) {
        before_last = last;
        last = c;
        i += width;
        continue;
      }
      if (i + 1 < s.size() && (c == Cls::kMidNumLet || c == Cls::kMidNum)) {
        size_t after_width;
        const Cls after = ClassAt(s, i + 1, after_width);
        const bool letters = last == Cls::kLetter && after == Cls::kLetter && c == Cls::kMidNumLet;
        const bool digits = last == Cls::kDigit && after == Cls::kDigit;
        if (letters || digits) {
          before_last = c;
          last = after;
          i += 1 + after_width;
          continue;
        }
      }
      break;
    }
    pos_ = i;
    WordKind word_kind;
    if (last == Cls::kLetter) {
      word_kind = WordKind::kLetters;
    } else if (last == Cls::kDigit) {
      word_kind = WordKind::kNumber;
    } else if (i - start == 1) {
      continue;  // a lone '_' is no word
    } else {
      // Ends in '_': the rule that joined it says (digit '_' is a number).
      word_kind = before_last == Cls::kDigit ? WordKind::kNumber : WordKind::kLetters;
    }
    begin = static_cast<uint32_t>(start);
    end = static_cast<uint32_t>(i);
    kind = word_kind;
    return true;
  }
  return false;
}

}  // namespace kb::text
