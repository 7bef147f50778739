// The FTS5 tokenizer "kb": the Analyzer behind SQLite full-text search, so
// that documents and queries are tokenized exactly as the matcher sees text.
//
// Texts carry their language in-band: "\x01it\x01testo..." is analyzed as
// Italian; a code we do not support ("pt_BR", "") or no tag means
// Lang::kUnknown (folding only). Token offsets count the tag's bytes.
//
// What is emitted for each non-stop-word token:
//   documents (and aux): the stem; colocated, the folded form when it differs
//     and every synonym group id ("~password") of the token;
//   queries: the same, except for prefix queries ("passw"*), which get the
//     folded form only, because a stem is no prefix of anything useful.
//   a multi-word synonym in a query ("mot de passe") is replaced by its group
//     id alone, so that it finds "password" as well as "mot de passe";
//   a query string that is a group id ("~password", as in Token::synonyms)
//     is looked up as such, so query builders can name groups directly.
// Stop words are never emitted, in either mode, so phrases agree.
//
// Thread safety: RegisterKbTokenizer() is called once per connection. Each
// tokenizer instance (one per FTS5 table and connection) owns its Analyzer,
// so connections used from different threads never share ICU or Snowball
// state. The SynonymTable is immutable and shared.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>

#include "kb/analyzer.h"
#include "kb/lang.h"
#include "kb/status.h"

namespace kb {

// Registers the tokenizer "kb" on `db`. Fails when FTS5 is unavailable.
Status RegisterKbTokenizer(sqlite3* db, std::shared_ptr<const SynonymTable> synonyms);

// "\x01" + code + "\x01": the in-band language tag the tokenizer reads at
// the start of a text (any code: "it", "pt_BR", "" for none).
std::string LanguageTagFor(std::string_view code);

// LanguageTagFor(LangCode(lang)) + text.
std::string TagWithLanguage(Lang lang, std::string_view text);

// The language of a tagged text and the tag's length in bytes (0 when the
// text has no complete tag). "en_GB" and "EN" count as English.
struct LanguageTag {
  Lang lang = Lang::kUnknown;
  size_t length = 0;
};
LanguageTag ParseLanguageTag(std::string_view text);

}  // namespace kb
