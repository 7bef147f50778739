// Snippets for display: FTS5's snippet() output with its match markers
// (\x02 … \x03) turned into <mark>…</mark> and everything else HTML-escaped,
// so a snippet is safe to insert as HTML.
#pragma once

#include <string>
#include <string_view>

namespace kb::store {

std::string HtmlSnippet(std::string_view marked);

}  // namespace kb::store
