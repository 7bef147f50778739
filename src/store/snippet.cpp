// HTML-safe snippets.
#include "snippet.h"

namespace kb::store {

std::string HtmlSnippet(std::string_view marked) {
  std::string out;
  out.reserve(marked.size() + 32);
  for (size_t i = 0; i < marked.size(); ++i) {
    const char c = marked[i];
    switch (c) {
      case '\x01': {  // a language tag left at the start of a column's text
        const size_t close = marked.find('\x01', i + 1);
        if (close != std::string_view::npos) i = close;
        break;
      }
      case '\x02': out += "<mark>"; break;
      case '\x03': out += "</mark>"; break;
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\n': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace kb::store
