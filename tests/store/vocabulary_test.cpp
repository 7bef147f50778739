// Typo candidates: edit distance bounds, first-letter rule, frequency order.
#include "vocabulary.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace kb::store {
namespace {

TEST(BoundedEditDistanceTest, CountsTranspositionAsOneEdit) {
  EXPECT_EQ(BoundedEditDistance(U"password", U"pasword", 2), 1);
  EXPECT_EQ(BoundedEditDistance(U"password", U"passwrod", 2), 1);
  EXPECT_EQ(BoundedEditDistance(U"verification", U"verifcation", 2), 1);
  EXPECT_EQ(BoundedEditDistance(U"abc", U"abc", 0), 0);
  EXPECT_EQ(BoundedEditDistance(U"account", U"zzzzzzzzzz", 2), 3);  // capped at limit + 1
}

TEST(VocabularyTest, AllowsNoEditsOnShortWordsOneOnMediumTwoOnLong) {
  EXPECT_EQ(Vocabulary::MaxEdits(4), 0);
  EXPECT_EQ(Vocabulary::MaxEdits(5), 1);
  EXPECT_EQ(Vocabulary::MaxEdits(8), 1);
  EXPECT_EQ(Vocabulary::MaxEdits(9), 2);
}

TEST(VocabularyTest, CorrectsToTheClosestThenMostFrequentTerm) {
  Vocabulary v;
  v.Add("password", 10);
  v.Add("passport", 50);
  v.Add("verification", 5);
  v.Add("~2sv", 100);
  v.Add("1234", 3);
  v.Finish();
  EXPECT_TRUE(v.Contains("password"));
  EXPECT_FALSE(v.Contains("~2sv"));  // synonym groups are not words
  ASSERT_FALSE(v.Corrections("pasword", 3).empty());
  EXPECT_EQ(v.Corrections("pasword", 3).front(), "password");
  EXPECT_EQ(v.Corrections("verifcaton", 3).front(), "verification");
  EXPECT_TRUE(v.Corrections("code", 3).empty());      // too short to correct
  EXPECT_TRUE(v.Corrections("bassword", 3).empty());  // first letter is trusted
}

TEST(VocabularyTest, HandlesNonAsciiWords) {
  Vocabulary v;
  v.Add("contraseña", 2);
  v.Finish();
  ASSERT_EQ(v.Corrections("contraseña", 3).size(), 0u);  // exact is not a correction
  EXPECT_EQ(v.Corrections("contrasena", 3).front(), "contraseña");
}

TEST(VocabularyTest, CompletesAPrefixWithItsMostFrequentTerms) {
  Vocabulary v;
  for (auto [term, documents] : std::vector<std::pair<std::string, int64_t>>{{"conta", 1},
                                                                             {"contact", 40},
                                                                             {"contacts", 12},
                                                                             {"contrast", 7},
                                                                             {"cont", 3},
                                                                             {"context", 40},
                                                                             {"conn", 90},
                                                                             {"contz", 2},
                                                                             {"~contact", 99},
                                                                             {"contraseña", 5}}) {
    v.Add(term, documents);
  }
  v.Finish();
  const Vocabulary::Completions top = v.Complete("cont", 3);
  EXPECT_EQ(top.total, 8u);  // the word itself included; "conn" and "~contact" are not
  EXPECT_EQ(top.terms, (std::vector<std::string>{"contact", "context", "contacts"}));
  EXPECT_EQ(v.Complete("contr", 10).terms, (std::vector<std::string>{"contrast", "contraseña"}));
  EXPECT_EQ(v.Complete("contz", 10).total, 1u);
  EXPECT_EQ(v.Complete("cz", 10).total, 0u);
  EXPECT_EQ(v.Complete("zzz", 10).total, 0u);  // past the last term
}

}  // namespace
}  // namespace kb::store
