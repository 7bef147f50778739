// Strict UTF-8 checks for input at the edges: the catalogue loader, the
// CLI's input lines and the server's request bodies reject invalid UTF-8
// before any parsing (the analyzer itself repairs it instead). Also the
// ASCII skip that the indexing hot loops share.
//
// Thread safety: stateless; safe from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace kb {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, at most
// U+10FFFF).
bool IsValidUtf8(std::string_view text);

// The number of code points of well-formed UTF-8 `text`.
size_t CountCodePoints(std::string_view text);

// The first position at or after `from` whose byte is not ASCII, or
// text.size(). Eight bytes at a time: most text is ASCII.
inline size_t SkipAscii(std::string_view text, size_t from) {
  size_t i = from;
  while (i + 8 <= text.size()) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof word);
    if ((word & 0x8080808080808080ULL) != 0) break;
    i += 8;
  }
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  return i;
}

}  // namespace kb
