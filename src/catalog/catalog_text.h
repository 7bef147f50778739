// Small text helpers shared by the catalogue loader and validator: trimming,
// splitting, UTF-8 checking and the list of catalogue language codes.
// Pure functions; thread-safe.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace kb::catalog_internal {

// The language blocks a catalogue file may contain, in display order.
inline constexpr std::array<std::string_view, 5> kCatalogLangs = {"en", "it", "es", "fr", "de"};

bool IsCatalogLang(std::string_view code);

// `s` without leading and trailing ASCII whitespace.
std::string_view Trim(std::string_view s);

// `s` split at every `sep`, each part trimmed.
std::vector<std::string> SplitTrimmed(std::string_view s, char sep);

// "file:line: " for error messages.
std::string Where(const std::string& file, int line);

}  // namespace kb::catalog_internal
