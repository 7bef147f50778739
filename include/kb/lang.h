// The languages the engine understands (stemming, stop words, replies) and
// their ISO 639-1 codes. Articles may carry other codes: they are indexed
// with folding only (Lang::kUnknown).
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace kb {

enum class Lang : unsigned char { kUnknown, kEn, kIt, kEs, kFr, kDe };

inline constexpr std::array<Lang, 5> kLangs = {Lang::kEn, Lang::kIt, Lang::kEs, Lang::kFr,
                                               Lang::kDe};

// "en", "it", "es", "fr", "de"; "" for kUnknown.
constexpr std::string_view LangCode(Lang lang) {
  switch (lang) {
    case Lang::kEn:
      return "en";
    case Lang::kIt:
      return "it";
    case Lang::kEs:
      return "es";
    case Lang::kFr:
      return "fr";
    case Lang::kDe:
      return "de";
    case Lang::kUnknown:
      break;
  }
  return "";
}

// The Lang of an ISO 639-1 code (case-insensitive); nullopt for any other.
std::optional<Lang> LangFromCode(std::string_view code);

// Index 0..4 of a known language in kLangs; -1 for kUnknown.
constexpr int LangIndex(Lang lang) { return static_cast<int>(lang) - 1; }

}  // namespace kb
