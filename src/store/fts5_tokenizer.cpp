// FTS5 tokenizer "kb": see fts5_tokenizer.h. Every callback SQLite calls is a
// C trampoline that catches all exceptions and turns them into SQLite codes:
// nothing may unwind through SQLite's C frames.
//
// Thread safety: per tokenizer instance, as SQLite uses it (an instance is
// used by one connection at a time).
#include "fts5_tokenizer.h"

#include <new>
#include <vector>

namespace kb {
namespace {

constexpr char kTagMark = '\x01';

// What RegisterKbTokenizer hands to SQLite as the tokenizer's user data.
struct TokenizerModule {
  std::shared_ptr<const SynonymTable> synonyms;
};

// One tokenizer instance (xCreate .. xDelete).
struct TokenizerInstance {
  explicit TokenizerInstance(std::shared_ptr<const SynonymTable> synonyms)
      : analyzer(std::move(synonyms)) {}
  Analyzer analyzer;
};

struct StatementDeleter {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};

// "~password": a synonym group id, which queries may name directly (the word
// breaker would drop the '~').
bool IsGroupId(std::string_view text) {
  if (text.size() < 2 || text[0] != '~') return false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"') return false;
  }
  return true;
}

int CreateInstance(void* user_data, const char** args, int arg_count,
                   Fts5Tokenizer** out) noexcept {
  *out = nullptr;
  if (arg_count != 0) return SQLITE_ERROR;  // "kb" takes no options
  (void)args;
  try {
    const auto* module = static_cast<const TokenizerModule*>(user_data);
    auto instance = std::make_unique<TokenizerInstance>(module->synonyms);
    *out = reinterpret_cast<Fts5Tokenizer*>(instance.release());
    return SQLITE_OK;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

void DeleteInstance(Fts5Tokenizer* tokenizer) noexcept {
  delete reinterpret_cast<TokenizerInstance*>(tokenizer);
}

void DestroyModule(void* user_data) noexcept { delete static_cast<TokenizerModule*>(user_data); }

int Tokenize(Fts5Tokenizer* tokenizer, void* context, int flags, const char* text, int length,
             int (*emit)(void*, int, const char*, int, int, int)) noexcept {
  try {
    auto* instance = reinterpret_cast<TokenizerInstance*>(tokenizer);
    const std::string_view input(text, length > 0 ? static_cast<size_t>(length) : 0);
    const LanguageTag tag = ParseLanguageTag(input);
    const int shift = static_cast<int>(tag.length);
    const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    const bool prefix_query = query && (flags & FTS5_TOKENIZE_PREFIX) != 0;
    const std::string_view body = input.substr(tag.length);
    if (query && IsGroupId(body)) {
      return emit(context, 0, body.data(), static_cast<int>(body.size()), shift, length);
    }
    const std::vector<Token> tokens =
        instance->analyzer.Analyze(body, tag.lang, Analyzer::Surfaces::kSkip);
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token& token = tokens[i];
      if (token.stopword || token.folded.empty()) continue;
      const int begin = shift + static_cast<int>(token.begin);
      const int end = shift + static_cast<int>(token.end);
      auto put = [&](const std::string& term, int colocated) {
        return emit(context, colocated, term.data(), static_cast<int>(term.size()), begin, end);
      };
      if (prefix_query) {
        if (int rc = put(token.folded, 0); rc != SQLITE_OK) return rc;
        continue;
      }
      if (query && token.synonym_words > 1) {
        // A multi-word synonym in a query stands for its group: "mot de passe"
        // becomes ~password, which finds "password" and "mot de passe" alike.
        // Its other words are not emitted, so the rest of the query stays
        // adjacent for phrase matching.
        for (size_t g = 0; g < token.synonyms.size(); ++g) {
          if (int rc = put(token.synonyms[g], g == 0 ? 0 : FTS5_TOKEN_COLOCATED); rc != SQLITE_OK) {
            return rc;
          }
        }
        i += token.synonym_words - 1;
        continue;
      }
      // The stem is never colocated, so no token ever colocates on nothing.
      if (int rc = put(token.stem, 0); rc != SQLITE_OK) return rc;
      if (token.folded != token.stem) {
        if (int rc = put(token.folded, FTS5_TOKEN_COLOCATED); rc != SQLITE_OK) return rc;
      }
      for (const std::string& group : token.synonyms) {
        if (int rc = put(group, FTS5_TOKEN_COLOCATED); rc != SQLITE_OK) return rc;
      }
    }
    return SQLITE_OK;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

// The FTS5 API of `db`, or an error naming why it is unavailable.
StatusOr<fts5_api*> GetFts5Api(sqlite3* db) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &raw, nullptr) != SQLITE_OK) {
    return Status::Error(std::string("FTS5 is not available: ") + sqlite3_errmsg(db));
  }
  std::unique_ptr<sqlite3_stmt, StatementDeleter> stmt(raw);
  fts5_api* api = nullptr;
  sqlite3_bind_pointer(stmt.get(), 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(stmt.get());
  if (api == nullptr) return Status::Error("FTS5 is not available: fts5() returned no API");
  return api;
}

}  // namespace

Status RegisterKbTokenizer(sqlite3* db, std::shared_ptr<const SynonymTable> synonyms) {
  StatusOr<fts5_api*> api = GetFts5Api(db);
  if (!api.ok()) return api.status();
  auto module = std::make_unique<TokenizerModule>();
  module->synonyms = synonyms ? std::move(synonyms) : SynonymTable::Empty();
  fts5_tokenizer callbacks = {&CreateInstance, &DeleteInstance, &Tokenize};
  const int rc = (*api)->xCreateTokenizer(*api, "kb", module.get(), &callbacks, &DestroyModule);
  if (rc != SQLITE_OK) {
    // SQLite did not take ownership: `module` frees itself here.
    return Status::Error(std::string("registering FTS5 tokenizer kb: ") + sqlite3_errstr(rc));
  }
  module.release();  // owned by SQLite now; DestroyModule frees it
  return Status::Ok();
}

std::string LanguageTagFor(std::string_view code) {
  std::string tag;
  tag.reserve(code.size() + 2);
  tag += kTagMark;
  tag += code;
  tag += kTagMark;
  return tag;
}

std::string TagWithLanguage(Lang lang, std::string_view text) {
  return LanguageTagFor(LangCode(lang)).append(text);
}

LanguageTag ParseLanguageTag(std::string_view text) {
  LanguageTag tag;
  if (text.empty() || text[0] != kTagMark) return tag;
  const size_t close = text.find(kTagMark, 1);
  if (close == std::string_view::npos) return tag;
  tag.length = close + 1;
  std::string_view code = text.substr(1, close - 1);
  code = code.substr(0, code.find_first_of("_-"));  // "en_GB" -> "en"
  tag.lang = LangFromCode(code).value_or(Lang::kUnknown);
  return tag;
}

}  // namespace kb
