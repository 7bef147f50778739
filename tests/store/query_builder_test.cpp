// FTS5 expressions built from free text are always quoted terms.
#include "query_builder.h"

#include <gtest/gtest.h>

namespace kb::store {
namespace {

TEST(QuoteFts5Test, DoublesQuotes) {
  EXPECT_EQ(QuoteFts5("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(QuoteFts5(""), "\"\"");
  // FTS5 ends a string at NUL: it becomes a space.
  EXPECT_EQ(QuoteFts5(std::string("a\0b", 3)), "\"a b\"");
}

TEST(BuildQueryTest, EveryWordIsAQuotedGroupAndSyntaxIsInert) {
  Analyzer analyzer;
  Vocabulary vocabulary;
  vocabulary.Finish();
  QueryBuilderOptions options;
  options.lang = Lang::kEn;
  options.prefix_last = false;
  BuiltQuery q = BuildQuery("NEAR(password) OR code*", analyzer, vocabulary, options);
  ASSERT_FALSE(q.empty());
  // Operators from the input appear only inside quotes.
  EXPECT_EQ(q.all_terms.find("NEAR("), std::string::npos) << q.all_terms;
  EXPECT_EQ(q.all_terms.find("*"), std::string::npos) << q.all_terms;
  EXPECT_NE(q.all_terms.find(" AND "), std::string::npos);
  EXPECT_NE(q.any_term.find(" OR "), std::string::npos);
}

TEST(BuildQueryTest, LastWordIsAPrefixOnlyWhileTyping) {
  Analyzer analyzer;
  Vocabulary vocabulary;
  vocabulary.Finish();
  QueryBuilderOptions options;
  options.lang = Lang::kEn;
  EXPECT_NE(BuildQuery("reset passw", analyzer, vocabulary, options).all_terms.find("*"),
            std::string::npos);
  EXPECT_EQ(BuildQuery("reset passw ", analyzer, vocabulary, options).all_terms.find("*"),
            std::string::npos);
}

TEST(BuildQueryTest, CapsTheNumberOfTerms) {
  Analyzer analyzer;
  Vocabulary vocabulary;
  vocabulary.Finish();
  std::string many;
  for (int i = 0; i < 200; ++i) many += "word" + std::to_string(i) + " ";
  BuiltQuery q = BuildQuery(many, analyzer, vocabulary, {});
  EXPECT_EQ(q.terms.size(), kMaxQueryTerms);
}

}  // namespace
}  // namespace kb::store
