// SynonymTable tests: file syntax and errors, group ids, multi-word phrases,
// stem matching of single words, longest match, and the shipped
// kb/synonyms.txt across the five languages.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "kb/analyzer.h"

namespace kb {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

std::shared_ptr<const SynonymTable> ShippedTable() {
  std::ifstream in(std::string(KB_SOURCE_DIR) + "/kb/synonyms.txt");
  std::stringstream text;
  text << in.rdbuf();
  auto table = SynonymTable::Parse(text.str());
  EXPECT_TRUE(table.ok()) << table.status().message();
  return table.ok() ? *table : SynonymTable::Empty();
}

// The synonym groups of the token whose folded form is `word`.
std::vector<std::string> GroupsAt(Analyzer& analyzer, std::string_view text, Lang lang,
                                  std::string_view word) {
  for (const Token& t : analyzer.Analyze(text, lang)) {
    if (t.folded == word) return t.synonyms;
  }
  ADD_FAILURE() << "no token " << word << " in " << text;
  return {};
}

TEST(SynonymTableTest, ParsesGroupsAndComments) {
  auto table = SynonymTable::Parse(
      "# comment\n\n  Two-Step Verification = 2FA = verifica in due passaggi  # trailing\n"
      "Mot de Passe = password\r\n");
  ASSERT_TRUE(table.ok()) << table.status().message();
  Analyzer analyzer(*table);
  EXPECT_THAT(GroupsAt(analyzer, "ho attivato la 2fa", Lang::kIt, "2fa"),
              ElementsAre("~two_step_verification"));
  EXPECT_THAT(GroupsAt(analyzer, "the PASSWORD", Lang::kEn, "password"),
              ElementsAre("~mot_de_passe"));
}

TEST(SynonymTableTest, ErrorsNameTheLine) {
  auto one_term = SynonymTable::Parse("a = b\nlonely\n");
  ASSERT_FALSE(one_term.ok());
  EXPECT_THAT(one_term.status().message(), ::testing::HasSubstr("line 2"));
  auto empty_term = SynonymTable::Parse("# x\na = = b\n");
  ASSERT_FALSE(empty_term.ok());
  EXPECT_THAT(empty_term.status().message(), ::testing::HasSubstr("line 2"));
  auto duplicate = SynonymTable::Parse("code = codice\nCODE = código\n");
  ASSERT_FALSE(duplicate.ok());
  EXPECT_THAT(duplicate.status().message(), ::testing::HasSubstr("line 2"));
  EXPECT_TRUE(SynonymTable::Parse("").ok());
}

TEST(SynonymTableTest, EmptyTableMarksNothing) {
  Analyzer analyzer;
  for (const Token& t : analyzer.Analyze("password 2fa", Lang::kEn)) {
    EXPECT_THAT(t.synonyms, IsEmpty());
  }
}

TEST(SynonymTableTest, LongestPhraseWinsAndMarksOnlyItsFirstWord) {
  auto table = SynonymTable::Parse(
      "code = codice\nverification code = codice di verifica\nverify = verifica\n");
  ASSERT_TRUE(table.ok());
  Analyzer analyzer(*table);
  auto tokens = analyzer.Analyze("il codice di verifica", Lang::kIt);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_THAT(tokens[1].synonyms, ElementsAre("~verification_code"));
  EXPECT_THAT(tokens[2].synonyms, IsEmpty());
  EXPECT_THAT(tokens[3].synonyms, ElementsAre("~verify"));  // its own single-word match
  EXPECT_THAT(GroupsAt(analyzer, "il codice", Lang::kIt, "codice"), ElementsAre("~code"));
}

TEST(SynonymTableTest, SingleWordsMatchByStemInTheTextLanguage) {
  auto table = SynonymTable::Parse("password = contraseña = mot de passe\n");
  ASSERT_TRUE(table.ok());
  Analyzer analyzer(*table);
  EXPECT_THAT(GroupsAt(analyzer, "passwords", Lang::kEn, "passwords"), ElementsAre("~password"));
  EXPECT_THAT(GroupsAt(analyzer, "Contraseñas", Lang::kEs, "contrasenas"),
              ElementsAre("~password"));
  // Without a language there is no stem, so only the exact folded word matches.
  EXPECT_THAT(GroupsAt(analyzer, "passwords", Lang::kUnknown, "passwords"), IsEmpty());
  EXPECT_THAT(GroupsAt(analyzer, "contrasena", Lang::kUnknown, "contrasena"),
              ElementsAre("~password"));
}

TEST(SynonymTableTest, InsideALongerPhraseAWordKeepsOnlyItsOwnSpellingsGroups) {
  auto table = SynonymTable::Parse(
      "security = seguridad\nsure = estoy segura\nverify = verifica\n"
      "verification code = codice di verifica\n");
  ASSERT_TRUE(table.ok());
  Analyzer analyzer(*table);
  // "segura" stems like "seguridad", but here it is part of "estoy segura".
  EXPECT_THAT(GroupsAt(analyzer, "estoy segura de que es la buena", Lang::kEs, "segura"),
              IsEmpty());
  EXPECT_THAT(GroupsAt(analyzer, "una cuenta segura", Lang::kEs, "segura"),
              ElementsAre("~security"));
  // An exact spelling still counts inside a phrase.
  EXPECT_THAT(GroupsAt(analyzer, "il codice di verifica", Lang::kIt, "verifica"),
              ElementsAre("~verify"));
}

TEST(SynonymTableTest, AStopWordMatchesByItsSpellingOnly) {
  auto table = SynonymTable::Parse("sure = i am sure = je suis sûr\n");
  ASSERT_TRUE(table.ok());
  Analyzer analyzer(*table);
  // Snowball's French stem of "sure" is "sur", which is also French for "on".
  EXPECT_THAT(GroupsAt(analyzer, "se connecter sur le site", Lang::kFr, "sur"), IsEmpty());
  EXPECT_THAT(GroupsAt(analyzer, "je suis sûr", Lang::kFr, "je"), ElementsAre("~sure"));
  EXPECT_THAT(GroupsAt(analyzer, "I am quite sure", Lang::kEn, "sure"), ElementsAre("~sure"));
}

struct Case {
  Lang lang;
  const char* text;
  const char* word;  // the folded word that must carry the group
  const char* group;
};

class ShippedSynonymsTest : public ::testing::TestWithParam<Case> {};

TEST_P(ShippedSynonymsTest, FindsGroup) {
  static const auto table = ShippedTable();
  Analyzer analyzer(table);
  const Case& c = GetParam();
  EXPECT_THAT(GroupsAt(analyzer, c.text, c.lang, c.word), ::testing::Contains(c.group)) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    AllLanguages, ShippedSynonymsTest,
    ::testing::Values(Case{Lang::kEn, "I lost my 2FA device", "2fa", "~2sv"},
                      Case{Lang::kEn, "turn on two-step verification", "two", "~2sv"},
                      Case{Lang::kIt, "attivare la verifica in due passaggi", "verifica", "~2sv"},
                      Case{Lang::kIt, "autenticazione a due fattori", "autenticazione", "~2sv"},
                      Case{Lang::kEs, "la verificacion en dos pasos no funciona", "verificacion",
                           "~2sv"},
                      Case{Lang::kFr, "la vérification en deux étapes", "verification", "~2sv"},
                      Case{Lang::kFr, "double authentification", "double", "~2sv"},
                      Case{Lang::kDe, "Zwei-Faktor-Authentifizierung einrichten", "zwei", "~2sv"},
                      Case{Lang::kDe, "zweistufige Verifizierung", "zweistufige", "~2sv"},
                      Case{Lang::kEn, "forgot my passwords", "passwords", "~password"},
                      Case{Lang::kIt, "ho perso la password", "password", "~password"},
                      Case{Lang::kEs, "olvidé mis contraseñas", "contrasenas", "~password"},
                      Case{Lang::kFr, "j'ai oublié mon mot de passe", "mot", "~password"},
                      Case{Lang::kDe, "Passwort vergessen", "passwort", "~password"},
                      Case{Lang::kDe, "Kennwort", "kennwort", "~password"},
                      Case{Lang::kEs, "mi cuenta", "cuenta", "~account"},
                      Case{Lang::kFr, "mon compte", "compte", "~account"},
                      Case{Lang::kDe, "mein Konto", "konto", "~account"},
                      Case{Lang::kIt, "il conto corrente", "conto", "~bank_account"},
                      Case{Lang::kEs, "no puedo iniciar sesión", "iniciar", "~login"},
                      Case{Lang::kFr, "je n'arrive pas à me connecter", "connecter", "~login"},
                      Case{Lang::kDe, "kann mich nicht anmelden", "anmelden", "~login"},
                      Case{Lang::kIt, "non riesco ad accedere", "accedere", "~login"},
                      Case{Lang::kEn, "can't sign in", "sign", "~login"},
                      Case{Lang::kDe, "E-Mail", "e", "~email"},
                      Case{Lang::kEs, "correo electrónico", "correo", "~email"},
                      Case{Lang::kFr, "courriel", "courriel", "~email"},
                      Case{Lang::kIt, "nuovo numero di telefono", "numero", "~phone_number"},
                      Case{Lang::kDe, "neues Handy", "neues", "~new_phone"},
                      Case{Lang::kEs, "cuenta suspendida", "suspendida", "~suspended"},
                      Case{Lang::kIt, "account sospeso", "sospeso", "~suspended"},
                      Case{Lang::kFr, "compte bloqué", "bloque", "~locked"},
                      Case{Lang::kIt, "account bloccati", "bloccati", "~locked"},
                      Case{Lang::kDe, "Konto gesperrt", "gesperrt", "~locked"},
                      Case{Lang::kDe, "Konto gesperrt", "gesperrt", "~suspended"},
                      Case{Lang::kFr, "compte piraté", "pirate", "~hacked"},
                      Case{Lang::kIt, "svuotare la cache del browser", "cache", "~cache"},
                      Case{Lang::kEs, "el navegador", "navegador", "~browser"},
                      Case{Lang::kDe, "Kundendienst kontaktieren", "kundendienst", "~support"},
                      Case{Lang::kFr, "ça ne fonctionne pas", "ne", "~not_working"},
                      Case{Lang::kIt, "chiudere l'account", "chiudere", "~close"},
                      Case{Lang::kEs, "código de verificación", "codigo", "~verification_code"},
                      Case{Lang::kEn, "the acc is locked", "acc", "~account"},
                      Case{Lang::kEn, "forgot my pw", "pw", "~password"},
                      Case{Lang::kEn, "close ur acount", "acount", "~account"},
                      Case{Lang::kDe, "pasword vergesen", "pasword", "~password"},
                      Case{Lang::kDe, "pasword vergesen", "vergesen", "~forgot"},
                      Case{Lang::kDe, "wie logge ich mich ein", "logge", "~login"},
                      Case{Lang::kEs, "no me acuerdo de la contraseña", "no", "~forgot"},
                      Case{Lang::kIt, "non mi ricordo la password", "non", "~forgot"},
                      Case{Lang::kEs, "desde el cel y la compu a la vez", "cel", "~phone"},
                      Case{Lang::kEs, "desde el cel y la compu a la vez", "compu", "~computer"},
                      Case{Lang::kEs, "desde el cel y la compu a la vez", "a", "~simultaneously"},
                      Case{Lang::kIt, "dal pc e dal telefono contemporaneamente",
                           "contemporaneamente", "~simultaneously"},
                      Case{Lang::kDe, "ich bin mir sicher", "mir", "~sure"},
                      Case{Lang::kIt, "accesso limitato", "limitato", "~restricted"},
                      Case{Lang::kDe, "Zugriff eingeschränkt", "eingeschrankt", "~restricted"},
                      Case{Lang::kEs, "cambiaron el correo y no fui yo", "no", "~not_me"},
                      Case{Lang::kDe, "das war ich nicht", "war", "~not_me"}));

}  // namespace
}  // namespace kb
