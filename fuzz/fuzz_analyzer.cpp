// Fuzz target: the analyzer (ICU word breaking and the ASCII scanner,
// normalization, folding, elisions, stemming, synonyms) on arbitrary bytes
// in each language. Invariants: tokens lie inside the input, in order, with
// a folded form, and the ASCII scanner agrees with ICU.
#include <string_view>

#include "fuzz_target.h"
#include "kb/analyzer.h"
#include "word_breaker.h"

namespace {

kb::Analyzer& AnalyzerInstance() {
  static auto synonyms = kb::SynonymTable::Parse(
      "2sv = 2fa = otp = two-step verification = verifica in due passaggi\n"
      "password = passwort = contraseña = mot de passe\n");
  static kb::Analyzer analyzer(synonyms.ok() ? *synonyms : nullptr);
  return analyzer;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto lang = static_cast<kb::Lang>(data[0] % (kb::kLangs.size() + 1));
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  uint32_t previous_end = 0;
  for (const kb::Token& token : AnalyzerInstance().Analyze(text, lang)) {
    KB_FUZZ_CHECK(token.begin < token.end);
    KB_FUZZ_CHECK(token.end <= text.size());
    KB_FUZZ_CHECK(token.begin >= previous_end);
    previous_end = token.end;
  }

  // The word breaker's ASCII scanner must agree with ICU on every input.
  kb::text::WordBreaker fast, icu;
  icu.set_icu_only(true);
  fast.SetText(text);
  icu.SetText(text);
  uint32_t b1, e1, b2, e2;
  kb::text::WordKind k1, k2;
  for (;;) {
    const bool more = fast.Next(b1, e1, k1);
    KB_FUZZ_CHECK(more == icu.Next(b2, e2, k2));
    if (!more) break;
    KB_FUZZ_CHECK(b1 == b2 && e1 == e2 && k1 == k2);
  }
  return 0;
}
