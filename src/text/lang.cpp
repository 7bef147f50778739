// ISO 639-1 codes of the supported languages.
#include "kb/lang.h"

#include <cctype>
#include <string>

namespace kb {

std::optional<Lang> LangFromCode(std::string_view code) {
  if (code.size() != 2) return std::nullopt;
  std::string lower;
  for (char c : code)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (Lang lang : kLangs) {
    if (LangCode(lang) == lower) return lang;
  }
  return std::nullopt;
}

}  // namespace kb
