// Heading, title and label shape tests; see heading_shape.h. Stateless.
#include "heading_shape.h"

#include "text_util.h"

namespace kb::ingest {
namespace {

constexpr size_t kMaxHeadingBytes = 300;

bool EndsLikeProse(std::string_view line) {
  const char32_t last = LastCodePoint(line);
  return last == '.' || last == ':' || last == ';' || last == ',' || last == '!' ||
         last == 0x2026 /* … */;
}

// A sentence boundary inside the line: ". ", "! " or "? " before a capital.
bool HasInnerSentence(std::string_view line) {
  for (size_t i = 0; i + 2 < line.size(); ++i) {
    const char c = line[i];
    if ((c == '.' || c == '!' || c == '?') && line[i + 1] == ' ' &&
        StartsWithUppercase(line.substr(i + 2, 8))) {
      // "e.g. Foo" and "N.b. Se": a dotted abbreviation is no boundary.
      if (c == '.' && i >= 2 && line[i - 2] == '.') continue;
      return true;
    }
  }
  return false;
}

}  // namespace

bool LooksLikeHeading(std::string_view line) {
  line = Trim(line);
  if (line.empty() || line.size() > kMaxHeadingBytes || EndsLikeProse(line)) return false;
  if (!StartsWithUppercase(line)) return false;
  const int words = CountWords(line);
  const bool question = LastCodePoint(line) == '?';
  if (words > (question ? 25 : 20)) return false;
  return question || !HasInnerSentence(line);
}

bool LooksLikeTitle(std::string_view line) {
  line = Trim(line);
  if (line.empty() || line.size() > kMaxHeadingBytes || EndsLikeProse(line)) return false;
  return StartsWithUppercase(line) && CountWords(line) <= 30;
}

bool LooksLikeLabel(std::string_view line) {
  line = Trim(line);
  if (line.empty() || line.size() > 60 || EndsLikeProse(line)) return false;
  return CountWords(line) <= 4;
}

}  // namespace kb::ingest
