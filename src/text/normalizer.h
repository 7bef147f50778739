// The one place where text becomes comparable: NFKC + Unicode case folding
// (ICU's nfkc_casefold), then accent folding. Index, query and matcher all go
// through here, so "Verifica", "VÉRIFICA" and "verifica" meet.
//
// Thread safety: a Normalizer keeps reusable ICU buffers; use one per thread
// (each Analyzer owns one). The ICU Normalizer2 singletons it points to are
// immutable and shared.
#pragma once

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <string>
#include <string_view>

#include "accent_folder.h"

namespace kb::text {

class Normalizer {
 public:
  Normalizer();
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  // Appends the folded form of `utf8` to `out` (not cleared). Invalid UTF-8
  // becomes U+FFFD. Text of ASCII and simple letters (simple_letters.h)
  // takes a fast path that equals ICU's result.
  void Fold(std::string_view utf8, std::string& out);
  // The same through ICU's passes whatever the text (tests compare the two).
  void FoldWithIcu(std::string_view utf8, std::string& out);

 private:
  // Appends `utf8` itself and returns true when that is its folded form
  // (most words of Indic, Hebrew, Arabic or East Asian text: no case, no
  // mark that folding drops, already normalized); false, appending
  // nothing, when ICU's passes are needed.
  bool AppendIfFoldsToItself(std::string_view utf8, std::string& out);

  const icu::Normalizer2* casefold_ = nullptr;  // nfkc_casefold, owned by ICU
  const icu::Normalizer2* nfd_ = nullptr;       // owned by ICU
  const icu::Normalizer2* nfc_ = nullptr;       // owned by ICU
  icu::UnicodeString source_, folded_, decomposed_, stripped_, composed_;
  const FoldRoleTable* fold_roles_ = nullptr;  // built on the first word that needs it
};

// Replaces every invalid UTF-8 sequence with U+FFFD. Returns true and fills
// `out` only when `utf8` was invalid (the common valid case copies nothing).
bool SanitizeUtf8(std::string_view utf8, std::string& out);

}  // namespace kb::text
