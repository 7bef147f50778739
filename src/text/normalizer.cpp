// Normalization and folding: see normalizer.h. ICU errors here can only mean
// a broken ICU data file, which is a deployment bug, not an input error; the
// constructor then throws (Analyzer construction is not inside a C callback
// unguarded: the FTS5 tokenizer catches it).
//
// Thread safety: one Normalizer per thread.
#include "normalizer.h"

#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <stdexcept>

#include "accent_folder.h"
#include "kb/utf8.h"
#include "simple_letters.h"

namespace kb::text {

Normalizer::Normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
  nfd_ = icu::Normalizer2::getNFDInstance(status);
  nfc_ = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU normalizer data unavailable: ") +
                             u_errorName(status));
  }
}

namespace {

// The folded form of every simple letter, by code point ("É" -> "e",
// "ß" -> "ss", "Ά" -> "α"), from ICU's own passes.
const std::array<std::string, kSimpleLetterLimit>& SimpleLetterFolds() {
  static const std::array<std::string, kSimpleLetterLimit> kFolds = [] {
    std::array<std::string, kSimpleLetterLimit> folds;
    Normalizer normalizer;
    for (char32_t c = 0x80; c < kSimpleLetterLimit; ++c) {
      if (!IsSimpleLetter(c)) continue;
      const std::string letter = {static_cast<char>(0xC0 | (c >> 6)),
                                  static_cast<char>(0x80 | (c & 0x3F))};
      normalizer.FoldWithIcu(letter, folds[c]);
    }
    return folds;
  }();
  return kFolds;
}

}  // namespace

void Normalizer::Fold(std::string_view utf8, std::string& out) {
  // Text of ASCII and simple letters folds character by character
  // (simple_letters.h): nfkc_casefold on ASCII is exactly A-Z -> a-z, and a
  // simple letter's fold comes from the table. Anything else goes to ICU.
  const size_t base = out.size();
  const std::array<std::string, kSimpleLetterLimit>* folds = nullptr;
  for (size_t i = 0; i < utf8.size();) {
    const char c = utf8[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c);
      ++i;
      continue;
    }
    const char32_t letter = SimpleLetterAt(utf8, i);
    if (letter == 0) {
      out.resize(base);
      if (!AppendIfFoldsToItself(utf8, out)) FoldWithIcu(utf8, out);
      return;
    }
    if (folds == nullptr) folds = &SimpleLetterFolds();
    out.append((*folds)[letter]);
    i += 2;
  }
}

bool Normalizer::AppendIfFoldsToItself(std::string_view utf8, std::string& out) {
  // FoldWithIcu(x) = NFC(FoldAccents(NFD(nfkc_casefold(x)))). When x is
  // already nfkc_casefold-normalized (so also NFC) and FoldAccents leaves
  // NFD(x) alone, that is NFC(NFD(x)) = x. NFD(x) is the decompositions of
  // x's code points in order (x is canonically ordered already), so
  // FoldAccents' verdict can be read code point by code point.
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  if (fold_roles_ == nullptr) fold_roles_ = &FoldRoles();
  bool marks_kept = false;  // FoldAccents starts with base U+0000, whose marks it drops
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;  // ICU replaces it with U+FFFD
    switch (FoldRoleOf(*fold_roles_, static_cast<char32_t>(c))) {
      case FoldRole::kChanges:
        return false;
      case FoldRole::kMark:
        if (!marks_kept) return false;
        break;
      case FoldRole::kKeepsMarks:
        marks_kept = true;
        break;
      case FoldRole::kDropsMarks:
        marks_kept = false;
        break;
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  if (!casefold_->isNormalizedUTF8(icu::StringPiece(utf8.data(), length), status) ||
      U_FAILURE(status)) {
    return false;
  }
  out.append(utf8);
  return true;
}

void Normalizer::FoldWithIcu(std::string_view utf8, std::string& out) {
  // fromUTF8 replaces ill-formed sequences with U+FFFD, which is our contract.
  source_ = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  UErrorCode status = U_ZERO_ERROR;
  casefold_->normalize(source_, folded_, status);
  nfd_->normalize(folded_, decomposed_, status);
  if (U_FAILURE(status)) {
    folded_.toUTF8String(out);
    return;
  }
  FoldAccents(decomposed_, stripped_);
  // Recompose what lost no mark (Hangul jamo, for instance); cheap check first.
  if (nfc_->quickCheck(stripped_, status) == UNORM_YES || U_FAILURE(status)) {
    stripped_.toUTF8String(out);
    return;
  }
  status = U_ZERO_ERROR;
  nfc_->normalize(stripped_, composed_, status);
  (U_SUCCESS(status) ? composed_ : stripped_).toUTF8String(out);
}

bool SanitizeUtf8(std::string_view utf8, std::string& out) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  // Fast scan: most text is valid; only copy when something is wrong. Plain
  // ASCII is valid without decoding.
  auto i = static_cast<int32_t>(SkipAscii(utf8, 0));
  while (i < length) {
    UChar32 c;
    const int32_t start = i;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      i = start;
      break;
    }
  }
  if (i >= length) return false;
  out.assign(utf8.substr(0, static_cast<size_t>(i)));
  while (i < length) {
    UChar32 c;
    const int32_t start = i;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      out.append("\xEF\xBF\xBD");
    } else {
      out.append(utf8.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
  }
  return true;
}

}  // namespace kb::text
