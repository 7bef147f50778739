// Scope words on real analyzer output: which questions name another
// company's product, Seller Central itself, or signing in to it.
#include "scope_words.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "../support/seed_kb.h"

namespace kb::dialogue {
namespace {

// The project's own synonyms, so that the sign-in groups are the real ones.
std::shared_ptr<const SynonymTable> ProjectSynonyms() {
  std::ifstream in(testing::SourcePath("kb/synonyms.txt"));
  std::stringstream text;
  text << in.rdbuf();
  auto table = SynonymTable::Parse(text.str());
  return table.ok() ? *table : SynonymTable::Empty();
}

std::vector<Token> Words(std::string_view text, Lang lang) {
  static Analyzer analyzer(ProjectSynonyms());
  return analyzer.Analyze(text, lang);
}

TEST(ScopeWordsTest, AnotherCompanysProductUnlessOursIsNamedToo) {
  const OtherProducts others = {{{"ebay"}, {"apple", "id"}}, {{"gmail"}}};
  EXPECT_TRUE(NamesOtherProduct(Words("my ebay seller account is suspended", Lang::kEn), others));
  EXPECT_TRUE(NamesOtherProduct(Words("forgot my Apple ID", Lang::kEn), others));
  EXPECT_FALSE(NamesOtherProduct(Words("apple pie", Lang::kEn), others));
  EXPECT_FALSE(
      NamesOtherProduct(Words("ebay is fine, my Seller Central login is not", Lang::kEn), others));
  EXPECT_FALSE(NamesOtherProduct(Words("amazon and ebay both locked me out", Lang::kEn), others));
}

TEST(ScopeWordsTest, AMailProviderIsTheSellerAccountsMailboxWhenASellerIsNamed) {
  const OtherProducts others = {{{"ebay"}}, {{"gmail"}, {"web.de"}}};
  EXPECT_TRUE(NamesOtherProduct(Words("I forgot my gmail password", Lang::kEn), others));
  EXPECT_TRUE(NamesOtherProduct(Words("mein web.de Passwort ist weg", Lang::kDe), others));
  EXPECT_FALSE(
      NamesOtherProduct(Words("which gmail is my seller account under", Lang::kEn), others));
  EXPECT_FALSE(NamesOtherProduct(
      Words("mein Verkäuferkonto läuft über web.de, welche Adresse war es", Lang::kDe), others));
  // A marketplace stays another company's product, seller or not.
  EXPECT_TRUE(NamesOtherProduct(Words("my ebay seller account, gmail login", Lang::kEn), others));
}

TEST(ScopeWordsTest, SellerCentralIsNamedByItsNameOrAsAmazonsSellerAccount) {
  EXPECT_TRUE(NamesSellerCentral(Words("how do I use Seller Central", Lang::kEn)));
  EXPECT_TRUE(NamesSellerCentral(Words("sellercentral.amazon.it non va", Lang::kIt)));
  EXPECT_TRUE(NamesSellerCentral(Words("mi cuenta amazon vendedor", Lang::kEs)));
  EXPECT_TRUE(NamesSellerCentral(Words("mein Amazon Verkäuferkonto", Lang::kDe)));
  EXPECT_FALSE(NamesSellerCentral(Words("mi pedido de amazon no ha llegado", Lang::kEs)));
  EXPECT_FALSE(NamesSellerCentral(Words("my seller account on etsy", Lang::kEn)));
}

TEST(ScopeWordsTest, SignInVocabularySpeaksOfAccess) {
  EXPECT_TRUE(SpeaksOfAccess(Words("the OTP never comes", Lang::kEn)));
  EXPECT_TRUE(SpeaksOfAccess(Words("mot de passe oublié", Lang::kFr)));
  EXPECT_TRUE(SpeaksOfAccess(Words("no puedo iniciar sesión", Lang::kEs)));
  EXPECT_FALSE(SpeaksOfAccess(Words("ricetta della carbonara", Lang::kIt)));
  EXPECT_FALSE(SpeaksOfAccess(Words("what's the weather in Rome", Lang::kEn)));
}

}  // namespace
}  // namespace kb::dialogue
