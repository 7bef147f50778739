// The shape tests that tell a heading (or a title, or a list label) from
// prose in plain text: short, capitalized, no sentence-ending period.
//
// Thread safety: stateless functions.
#pragma once

#include <string_view>

namespace kb::ingest {

// A heading: at most 20 words (25 for a question), starts with a capital,
// does not end like a sentence or a lead-in (". : ; , !"), and holds no
// second sentence unless it ends with "?" ("Amazon withdrew my benefits as a
// seller. What does this mean and why have they done it?").
bool LooksLikeHeading(std::string_view line);

// A title line: like a heading, but up to 30 words and several sentences
// ("How to recover … in the world? Step by step guide").
bool LooksLikeTitle(std::string_view line);

// A short unpunctuated label of a few words, in any case ("security check").
bool LooksLikeLabel(std::string_view line);

}  // namespace kb::ingest
