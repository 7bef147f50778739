// Strict UTF-8 checks for input at the edges: the catalogue loader, the
// CLI's input lines and the server's request bodies reject invalid UTF-8
// before any parsing (the analyzer itself repairs it instead).
//
// Thread safety: stateless; safe from any thread.
#pragma once

#include <cstddef>
#include <string_view>

namespace kb {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, at most
// U+10FFFF).
bool IsValidUtf8(std::string_view text);

// The number of code points of well-formed UTF-8 `text`.
size_t CountCodePoints(std::string_view text);

}  // namespace kb
