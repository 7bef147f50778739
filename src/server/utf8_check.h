// Strict UTF-8 checks for request bodies and query strings: the server
// rejects invalid UTF-8 with a 400 before any parsing.
//
// Thread safety: stateless; safe from any thread.
#pragma once

#include <cstddef>
#include <string_view>

namespace kb::server {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, at most
// U+10FFFF).
bool IsValidUtf8(std::string_view text);

// The number of code points of well-formed UTF-8 `text`.
size_t CountCodePoints(std::string_view text);

}  // namespace kb::server
