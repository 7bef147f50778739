// The simple-letter table (see simple_letters.h), built once from ICU's
// character properties.
#include "simple_letters.h"

#include <unicode/uchar.h>

#include <array>

namespace kb::text {

bool IsSimpleLetter(char32_t c) {
  static const std::array<bool, kSimpleLetterLimit> kTable = [] {
    std::array<bool, kSimpleLetterLimit> table{};
    for (char32_t cp = 0x80; cp < kSimpleLetterLimit; ++cp) {
      const auto u = static_cast<UChar32>(cp);
      table[cp] =
          u_getIntPropertyValue(u, UCHAR_WORD_BREAK) == U_WB_ALETTER && u_getCombiningClass(u) == 0;
    }
    return table;
  }();
  return c < kSimpleLetterLimit && kTable[c];
}

}  // namespace kb::text
