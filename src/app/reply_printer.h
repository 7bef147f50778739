// A reply as people read it in a terminal: the text, numbered steps with
// their sources, numbered choices, and the explanation when asked for.
// Colour only when writing to a terminal.
#pragma once

#include <string>

#include "kb/engine.h"

namespace kb::app {

std::string FormatReply(const Reply& reply, bool colour);
std::string FormatExplanation(const Explanation& explanation, bool colour);

}  // namespace kb::app
