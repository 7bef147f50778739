// FTS5 tokenizer "kb" tests over an in-memory SQLite database: stems,
// synonyms across languages, prefix queries, stop words, language tags,
// offsets (highlight) and the vocabulary that ends up in the index.
#include "fts5_tokenizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace kb {
namespace {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};

class Fts5TokenizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(":memory:", &raw), SQLITE_OK);
    db_.reset(raw);
    std::ifstream in(std::string(KB_SOURCE_DIR) + "/kb/synonyms.txt");
    std::stringstream text;
    text << in.rdbuf();
    auto table = SynonymTable::Parse(text.str());
    ASSERT_TRUE(table.ok()) << table.status().message();
    Status status = RegisterKbTokenizer(db_.get(), *table);
    ASSERT_TRUE(status.ok()) << status.message();
    Exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='kb')");
    Insert(1, TagWithLanguage(Lang::kIt, "Il mio account è bloccato dopo la verifica"));
    Insert(2, TagWithLanguage(Lang::kEn, "Reset your password from the sign-in page"));
    Insert(3, TagWithLanguage(Lang::kEn, "Turn on two-step verification in Seller Central"));
    Insert(4, TagWithLanguage(Lang::kIt, "Come recuperare l’accesso dell’account"));
    Insert(5,
           "\x01pt_BR\x01"
           "Minha senha não funciona");
  }

  void Exec(const std::string& sql) {
    char* error = nullptr;
    ASSERT_EQ(sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << (error ? error : "");
    sqlite3_free(error);
  }

  void Insert(int id, const std::string& body) {
    sqlite3_stmt* raw = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db_.get(), "INSERT INTO t(rowid, body) VALUES(?1, ?2)", -1, &raw,
                                 nullptr),
              SQLITE_OK);
    std::unique_ptr<sqlite3_stmt, StmtFinalizer> stmt(raw);
    sqlite3_bind_int(raw, 1, id);
    sqlite3_bind_text(raw, 2, body.data(), static_cast<int>(body.size()), SQLITE_TRANSIENT);
    ASSERT_EQ(sqlite3_step(raw), SQLITE_DONE) << sqlite3_errmsg(db_.get());
  }

  // Rows of t matching an FTS5 query, in rowid order.
  std::vector<int> Match(const std::string& query) {
    std::vector<int> rows;
    sqlite3_stmt* raw = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_.get(), "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid",
                                 -1, &raw, nullptr),
              SQLITE_OK);
    std::unique_ptr<sqlite3_stmt, StmtFinalizer> stmt(raw);
    sqlite3_bind_text(raw, 1, query.data(), static_cast<int>(query.size()), SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) rows.push_back(sqlite3_column_int(raw, 0));
    EXPECT_EQ(rc, SQLITE_DONE) << sqlite3_errmsg(db_.get());
    return rows;
  }

  // A quoted FTS5 string with a language tag.
  static std::string Q(Lang lang, const std::string& text) {
    return "\"" + TagWithLanguage(lang, text) + "\"";
  }

  std::set<std::string> Vocabulary() {
    Exec("CREATE VIRTUAL TABLE IF NOT EXISTS v USING fts5vocab(t, 'row')");
    std::set<std::string> terms;
    sqlite3_stmt* raw = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_.get(), "SELECT term FROM v", -1, &raw, nullptr), SQLITE_OK);
    std::unique_ptr<sqlite3_stmt, StmtFinalizer> stmt(raw);
    while (sqlite3_step(raw) == SQLITE_ROW) {
      terms.insert(reinterpret_cast<const char*>(sqlite3_column_text(raw, 0)));
    }
    return terms;
  }

  std::unique_ptr<sqlite3, DbCloser> db_;
};

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST_F(Fts5TokenizerTest, StemsFindInflectedForms) {
  EXPECT_THAT(Match(Q(Lang::kIt, "account bloccati")), ElementsAre(1));
  EXPECT_THAT(Match(Q(Lang::kEn, "resetting passwords")), ElementsAre(2));
}

TEST_F(Fts5TokenizerTest, SynonymsCrossLanguages) {
  EXPECT_THAT(Match(Q(Lang::kEs, "contraseña")), ElementsAre(2));
  EXPECT_THAT(Match(Q(Lang::kEn, "2FA")), ElementsAre(3));
  // A multi-word synonym in a query stands for its group.
  EXPECT_THAT(Match(Q(Lang::kDe, "Zwei-Faktor-Authentifizierung")), ElementsAre(3));
  EXPECT_THAT(Match(Q(Lang::kFr, "mot de passe")), ElementsAre(2));
  EXPECT_THAT(Match(Q(Lang::kFr, "réinitialiser le mot de passe")), ElementsAre(2));
  EXPECT_THAT(Match(Q(Lang::kIt, "verifica in due passaggi") + " AND " + Q(Lang::kIt, "seller")),
              ElementsAre(3));
  EXPECT_THAT(Match(Q(Lang::kEs, "cuenta")), ElementsAre(1, 4));
}

TEST_F(Fts5TokenizerTest, QueriesMayNameAGroupDirectly) {
  EXPECT_THAT(Match("\"~password\""), ElementsAre(2));
  EXPECT_THAT(Match("\"\x01it\x01~locked\""), ElementsAre(1));
  EXPECT_THAT(Match("\"~nonexistent\""), IsEmpty());
}

TEST_F(Fts5TokenizerTest, PrefixQueriesUseFoldedForms) {
  EXPECT_THAT(Match(Q(Lang::kEn, "passw") + "*"), ElementsAre(2));
  EXPECT_THAT(Match(Q(Lang::kIt, "BLOCCA") + "*"), ElementsAre(1));
  // "recuperare" is stored as stem "recuper" and folded "recuperare".
  EXPECT_THAT(Match(Q(Lang::kIt, "recuperar") + "*"), ElementsAre(4));
}

TEST_F(Fts5TokenizerTest, StopWordsAreNotIndexedAndPhrasesStillMatch) {
  EXPECT_THAT(Match(Q(Lang::kIt, "l'accesso dell'account")), ElementsAre(4));
  EXPECT_THAT(Match("\"il\""), IsEmpty()) << "untagged 'il' is not a stop word, and not indexed";
  const auto vocabulary = Vocabulary();
  EXPECT_EQ(vocabulary.count("il"), 0u);
  EXPECT_EQ(vocabulary.count("dell"), 0u);
  EXPECT_EQ(vocabulary.count("the"), 0u);
}

TEST_F(Fts5TokenizerTest, VocabularyHoldsStemsFoldedFormsAndGroups) {
  const auto vocabulary = Vocabulary();
  for (const char* term : {"blocc", "bloccato", "~locked", "password", "~password", "~2sv", "two",
                           "verif", "verifica", "~verify", "senha", "nao", "~login"}) {
    EXPECT_EQ(vocabulary.count(term), 1u) << term;
  }
}

TEST_F(Fts5TokenizerTest, UntaggedAndUnknownLanguageTextIsFoldedOnly) {
  Insert(6, "Passwords ÉTÉ");
  EXPECT_THAT(Match("\"passwords\""), ElementsAre(6));
  EXPECT_THAT(Match("\"ete\""), ElementsAre(6));
  EXPECT_THAT(Match(Q(Lang::kUnknown, "senha")), ElementsAre(5));
}

TEST_F(Fts5TokenizerTest, OffsetsIncludeTheTag) {
  sqlite3_stmt* raw = nullptr;
  ASSERT_EQ(
      sqlite3_prepare_v2(db_.get(), "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1", -1,
                         &raw, nullptr),
      SQLITE_OK);
  std::unique_ptr<sqlite3_stmt, StmtFinalizer> stmt(raw);
  const std::string query = Q(Lang::kIt, "bloccato");
  sqlite3_bind_text(raw, 1, query.data(), static_cast<int>(query.size()), SQLITE_TRANSIENT);
  ASSERT_EQ(sqlite3_step(raw), SQLITE_ROW);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(sqlite3_column_text(raw, 0))),
            "\x01it\x01Il mio account è [bloccato] dopo la verifica");
}

TEST_F(Fts5TokenizerTest, RejectsArgumentsWithoutLeaking) {
  char* error = nullptr;
  EXPECT_NE(sqlite3_exec(db_.get(), "CREATE VIRTUAL TABLE u USING fts5(body, tokenize='kb x')",
                         nullptr, nullptr, &error),
            SQLITE_OK);
  sqlite3_free(error);
}

TEST(LanguageTagTest, Parses) {
  EXPECT_EQ(ParseLanguageTag("\x01it\x01testo").lang, Lang::kIt);
  EXPECT_EQ(ParseLanguageTag("\x01it\x01testo").length, 4u);
  EXPECT_EQ(ParseLanguageTag("\x01"
                             "EN_gb\x01x")
                .lang,
            Lang::kEn);
  EXPECT_EQ(ParseLanguageTag("\x01pt_BR\x01x").lang, Lang::kUnknown);
  EXPECT_EQ(ParseLanguageTag("\x01pt_BR\x01x").length, 7u);
  EXPECT_EQ(ParseLanguageTag("\x01\x01x").length, 2u);
  EXPECT_EQ(ParseLanguageTag("\x01it testo").length, 0u);  // unterminated: no tag
  EXPECT_EQ(ParseLanguageTag("testo").length, 0u);
  EXPECT_EQ(TagWithLanguage(Lang::kDe, "x"),
            "\x01"
            "de\x01x");
}

}  // namespace
}  // namespace kb
