// Small UTF-8 string helpers shared by the ingest stages: validation,
// trimming, word counting, case tests and lowercasing. Plain functions over
// string_views; no state, so safe from any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kb::ingest {

// Byte offset of the first invalid UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF are invalid), or nullopt.
std::optional<size_t> FindInvalidUtf8(std::string_view text);

// Strips ASCII and Unicode (NBSP, ideographic, zero-width) spaces at both ends.
std::string_view Trim(std::string_view text);

// Trims and folds every run of whitespace into one ASCII space.
std::string CollapseSpaces(std::string_view text);
// The same into `out` (replacing its content), reusing its buffer; `text`
// must not point into `out`.
void CollapseSpaces(std::string_view text, std::string& out);

// Whitespace-separated words.
int CountWords(std::string_view text);
std::vector<std::string_view> SplitWords(std::string_view text);

// True when the first letter (skipping quotes, digits and punctuation) is
// upper case or title case; false when it is lower case or there is none.
bool StartsWithUppercase(std::string_view text);

// Upper-cases the first code point when it is a lower-case letter.
std::string CapitalizeFirst(std::string_view text);

// Full Unicode lowercasing (ICU, root locale).
std::string ToLower(std::string_view text);
// The same into `out` (replacing its content), reusing its buffer; `text`
// must not point into `out`.
void ToLower(std::string_view text, std::string& out);

// The last code point of `text`, or 0 when empty.
char32_t LastCodePoint(std::string_view text);

// Shortens `text` to at most `max_bytes` at a word boundary, adding "…".
std::string Abbreviate(std::string_view text, size_t max_bytes);

// True when `c` is an emoji or pictographic symbol (what site taglines and
// decorations use, and prose rarely does).
bool IsPictograph(char32_t c);

}  // namespace kb::ingest
