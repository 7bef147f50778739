// UTF-8 validation for input lines (the engine replaces bad bytes, but the
// CLI's contract is to reject such a line with an error object).
#pragma once

#include <string_view>

namespace kb::app {

bool IsValidUtf8(std::string_view text);

}  // namespace kb::app
