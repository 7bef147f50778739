// Analyzer pipeline tests: word breaking, elisions, codes and numbers,
// folding, stop words, stemming of folded words, robustness.
#include "kb/analyzer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace kb {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Folded(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.folded);
  return out;
}

std::vector<std::string> Stems(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.stem);
  return out;
}

std::vector<std::string> Surfaces(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.surface);
  return out;
}

TEST(AnalyzerTest, EmptyInputHasNoTokens) {
  Analyzer analyzer;
  EXPECT_TRUE(analyzer.Analyze("", Lang::kIt).empty());
  EXPECT_TRUE(analyzer.Analyze("  ,.;!? \n", Lang::kEn).empty());
}

TEST(AnalyzerTest, ItalianElisionsSplitWithBothApostrophes) {
  Analyzer analyzer;
  auto tokens =
      analyzer.Analyze("Recuperare l’accesso dell'account, all'indirizzo nell’app", Lang::kIt);
  EXPECT_THAT(Folded(tokens), ElementsAre("recuperare", "l", "accesso", "dell", "account", "all",
                                          "indirizzo", "nell", "app"));
  EXPECT_TRUE(tokens[1].stopword);
  EXPECT_TRUE(tokens[3].stopword);
  EXPECT_FALSE(tokens[4].stopword);
  // Offsets point into the input, around the word without the apostrophe.
  const std::string text = "Recuperare l’accesso";
  auto t2 = analyzer.Analyze(text, Lang::kIt);
  ASSERT_EQ(t2.size(), 3u);
  EXPECT_EQ(text.substr(t2[1].begin, t2[1].end - t2[1].begin), "l");
  EXPECT_EQ(text.substr(t2[2].begin, t2[2].end - t2[2].begin), "accesso");
  EXPECT_EQ(t2[2].begin, 11u + 3u + 1u);  // "l" + 3-byte U+2019
  EXPECT_EQ(t2[2].position, 2u);
}

TEST(AnalyzerTest, FrenchElisions) {
  Analyzer analyzer;
  auto tokens =
      analyzer.Analyze("Impossible d’accès : qu'il s'agit de l'authentification", Lang::kFr);
  EXPECT_THAT(Folded(tokens), ElementsAre("impossible", "d", "acces", "qu", "il", "s", "agit", "de",
                                          "l", "authentification"));
  EXPECT_TRUE(tokens[1].stopword);
  EXPECT_TRUE(tokens[3].stopword);
}

TEST(AnalyzerTest, EnglishContractionsStayWhole) {
  Analyzer analyzer;
  auto tokens = analyzer.Analyze("I don’t get the code, it's not working", Lang::kEn);
  EXPECT_THAT(Folded(tokens),
              ElementsAre("i", "don't", "get", "the", "code", "it's", "not", "working"));
  EXPECT_FALSE(tokens[1].stopword);  // a negation matters to the matcher
  EXPECT_FALSE(tokens[6].stopword);
  EXPECT_TRUE(tokens[5].stopword);
}

TEST(AnalyzerTest, CodesAndNumbersKeptWhole) {
  Analyzer analyzer;
  auto tokens = analyzer.Analyze("2SV e 2FA: +44% o 2,5% su 108,52 miliardi; 2-step", Lang::kIt);
  EXPECT_THAT(Folded(tokens), ElementsAre("2sv", "e", "2fa", "44%", "o", "2,5%", "su", "108,52",
                                          "miliardi", "2", "step"));
  EXPECT_EQ(tokens[0].stem, "2sv");  // codes are not stemmed
  EXPECT_EQ(tokens[5].stem, "2,5%");
  EXPECT_FALSE(tokens[0].stopword);
  EXPECT_EQ(tokens[3].surface, "44%");
}

TEST(AnalyzerTest, FoldsCaseAccentsAndCompatibilityForms) {
  Analyzer analyzer;
  EXPECT_EQ(analyzer.Fold("VÉRIFICATION"), "verification");
  EXPECT_EQ(analyzer.Fold("Contraseña"), "contrasena");
  EXPECT_EQ(analyzer.Fold("Straße"), "strasse");
  EXPECT_EQ(analyzer.Fold("Kündigung"), "kundigung");
  EXPECT_EQ(analyzer.Fold("cœur"), "coeur");
  EXPECT_EQ(analyzer.Fold("ﬁle"), "file");     // ligature (NFKC)
  EXPECT_EQ(analyzer.Fold("ＡＢＣ"), "abc");   // full width (NFKC)
  EXPECT_EQ(analyzer.Fold("e\xCC\x81"), "e");  // decomposed é
  EXPECT_EQ(analyzer.Fold("perché"), analyzer.Fold("PERCHE"));
}

TEST(AnalyzerTest, KeepsTheMarksThatAreLettersInOtherScripts) {
  Analyzer analyzer;
  // Greek and Cyrillic accents fold like Latin ones.
  EXPECT_EQ(analyzer.Fold("Ελληνικά"), "ελληνικα");
  EXPECT_EQ(analyzer.Fold("йод"), analyzer.Fold("иод"));
  // Indic vowel signs and viramas are not accents: without them "స్కానర్‌ను"
  // (scanner, Telugu) and "हिंदी" (Hindi) would become other words. (NFKC
  // case folding drops the zero-width non-joiner.)
  EXPECT_EQ(analyzer.Fold("స్కానర్‌ను"), "స్కానర్ను");
  EXPECT_EQ(analyzer.Fold("हिंदी"), "हिंदी");
  EXPECT_EQ(analyzer.Fold("ภาษาไทย"), "ภาษาไทย");  // Thai vowel marks
  EXPECT_EQ(analyzer.Fold("が"), "が");            // the dakuten makes another kana
}

TEST(AnalyzerTest, AccentedAndUnaccentedWordsShareAStem) {
  // Folding before stemming: users type without accents, articles have them.
  Analyzer analyzer;
  auto a = analyzer.Analyze("verificación contraseñas", Lang::kEs);
  auto b = analyzer.Analyze("VERIFICACION contrasenas", Lang::kEs);
  EXPECT_EQ(Stems(a), Stems(b));
  auto c = analyzer.Analyze("sécurité réinitialisée", Lang::kFr);
  auto d = analyzer.Analyze("securite reinitialisee", Lang::kFr);
  EXPECT_EQ(Stems(c), Stems(d));
  auto e = analyzer.Analyze("Bestätigungscodes für Konten", Lang::kDe);
  auto f = analyzer.Analyze("bestatigungscodes fur konten", Lang::kDe);
  EXPECT_EQ(Stems(e), Stems(f));
}

TEST(AnalyzerTest, StemsPerLanguage) {
  Analyzer analyzer;
  EXPECT_EQ(analyzer.Analyze("account bloccati", Lang::kIt)[1].stem,
            analyzer.Analyze("account bloccato", Lang::kIt)[1].stem);
  EXPECT_EQ(analyzer.Analyze("passwords", Lang::kEn)[0].stem, "password");
  EXPECT_EQ(analyzer.Analyze("cuentas", Lang::kEs)[0].stem,
            analyzer.Analyze("cuenta", Lang::kEs)[0].stem);
  EXPECT_EQ(analyzer.Analyze("comptes", Lang::kFr)[0].stem,
            analyzer.Analyze("compte", Lang::kFr)[0].stem);
  EXPECT_EQ(analyzer.Analyze("Konten", Lang::kDe)[0].stem, "kont");
}

TEST(AnalyzerTest, UnknownLanguageFoldsOnly) {
  Analyzer analyzer;
  auto tokens = analyzer.Analyze("Passwords of the ACCOUNTS", Lang::kUnknown);
  EXPECT_THAT(Stems(tokens), ElementsAre("passwords", "of", "the", "accounts"));
  for (const Token& t : tokens) EXPECT_FALSE(t.stopword);
}

TEST(AnalyzerTest, StopWordsPerLanguageButNotNegationsOrDomainWords) {
  Analyzer analyzer;
  EXPECT_TRUE(analyzer.IsStopword("il", Lang::kIt));
  EXPECT_TRUE(analyzer.IsStopword("perche", Lang::kIt));  // folded "perché"
  EXPECT_TRUE(analyzer.IsStopword("the", Lang::kEn));
  EXPECT_TRUE(analyzer.IsStopword("fur", Lang::kDe));  // folded "für"
  EXPECT_TRUE(analyzer.IsStopword("dass", Lang::kDe));
  EXPECT_TRUE(analyzer.IsStopword("estoy", Lang::kEs));
  EXPECT_TRUE(analyzer.IsStopword("etait", Lang::kFr));
  for (const char* word :
       {"non", "not", "no", "nicht", "kein", "pas", "senza", "sin", "sans", "ohne", "account",
        "password", "codice", "code", "cuenta", "compte", "konto", "accesso"}) {
    for (Lang lang : kLangs) {
      EXPECT_FALSE(analyzer.IsStopword(word, lang)) << word << " in " << LangCode(lang);
    }
  }
  EXPECT_FALSE(analyzer.IsStopword("ne", Lang::kFr));  // "ne ... pas"
  EXPECT_TRUE(analyzer.IsStopword("ne", Lang::kIt));   // Italian "ne" is "of it"
  EXPECT_FALSE(analyzer.IsStopword("il", Lang::kUnknown));
  auto tokens = analyzer.Analyze("Non funziona il codice", Lang::kIt);
  EXPECT_FALSE(tokens[0].stopword);
  EXPECT_TRUE(tokens[2].stopword);
  EXPECT_EQ(tokens[2].stem, "il");  // stop words are not stemmed
}

TEST(AnalyzerTest, OffsetsAndPositionsCoverTheInput) {
  Analyzer analyzer;
  const std::string text = "Ciao, non ricevo il codice 2FA!";
  auto tokens = analyzer.Analyze(text, Lang::kIt);
  ASSERT_EQ(tokens.size(), 6u);
  for (size_t i = 0; i < tokens.size(); ++i) {
    EXPECT_EQ(tokens[i].position, i);
    EXPECT_EQ(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin), tokens[i].surface);
  }
  EXPECT_THAT(Surfaces(tokens), ElementsAre("Ciao", "non", "ricevo", "il", "codice", "2FA"));
}

TEST(AnalyzerTest, InvalidUtf8IsReplacedNotFatal) {
  Analyzer analyzer;
  const std::string text = "pass\xFFword \xC3 acc\xE2\x80ount \xF0\x9F\x98\x80 ok";
  auto tokens = analyzer.Analyze(text, Lang::kEn);
  ASSERT_FALSE(tokens.empty());
  for (const Token& t : tokens) {
    EXPECT_LE(t.end, text.size());
    EXPECT_LT(t.begin, t.end);
    // Every surface and folded form is valid UTF-8 again.
    for (const std::string* s : {&t.surface, &t.folded}) {
      std::string copy = *s;
      EXPECT_EQ(analyzer.Fold(copy), analyzer.Fold(analyzer.Fold(copy)));
    }
  }
  EXPECT_EQ(tokens.back().folded, "ok");
  EXPECT_EQ(analyzer.Fold("a\xFF"), "a\xEF\xBF\xBD");
}

TEST(AnalyzerTest, RandomBytesNeverBreakOffsets) {
  // A poor man's fuzzer (the real one is a libFuzzer target): arbitrary bytes,
  // biased towards UTF-8 lead bytes, apostrophes, digits and '%'.
  Analyzer analyzer;
  std::mt19937 random(42);
  const std::string alphabet = "aZ9%',.\xE2\x80\x99\xC3\xA9\xCC\x81\xF0\x9F\xFF ";
  for (int round = 0; round < 2000; ++round) {
    std::string text(random() % 40, ' ');
    for (char& c : text) {
      c = random() % 3 == 0 ? static_cast<char>(random() % 256)
                            : alphabet[random() % alphabet.size()];
    }
    for (Lang lang : {Lang::kUnknown, Lang::kIt, Lang::kFr}) {
      uint32_t last_end = 0;
      for (const Token& t : analyzer.Analyze(text, lang)) {
        ASSERT_LE(last_end, t.begin) << round;
        ASSERT_LT(t.begin, t.end) << round;
        ASSERT_LE(t.end, text.size()) << round;
        last_end = t.end;
      }
    }
    const LanguageGuess guess = DetectLanguage(text);
    ASSERT_GE(guess.confidence, 0);
    ASSERT_LE(guess.confidence, 1);
  }
}

TEST(AnalyzerTest, SkippingSurfacesChangesNothingElse) {
  // The FTS5 tokenizer asks for no surfaces; folded forms, stems, stop words
  // and synonyms must be what every other caller gets, invalid UTF-8
  // included (the words of a broken text are repaired one by one).
  auto synonyms = SynonymTable::Parse("password = mot de passe = contraseña\n");
  ASSERT_TRUE(synonyms.ok());
  Analyzer analyzer(*synonyms);
  std::mt19937 random(7);
  const std::vector<std::string> pieces = {"mot",
                                           "de",
                                           "passe",
                                           "Contraseña",
                                           "l'",
                                           "accès",
                                           "2,5%",
                                           " ",
                                           ", ",
                                           "\xFF",
                                           "\xC3",
                                           "\xE2\x80",
                                           "\xE0\xA4\x95\xE0\xA4\xBC",
                                           "\xE4\xB8\xAD\xE6\x96\x87",
                                           "É",
                                           "Straße"};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int n = static_cast<int>(random() % 12); n > 0; --n)
      text += pieces[random() % pieces.size()];
    for (Lang lang : {Lang::kUnknown, Lang::kFr, Lang::kEs}) {
      const auto kept = analyzer.Analyze(text, lang);
      const auto skipped = analyzer.Analyze(text, lang, Analyzer::Surfaces::kSkip);
      ASSERT_EQ(kept.size(), skipped.size()) << text;
      for (size_t i = 0; i < kept.size(); ++i) {
        EXPECT_TRUE(skipped[i].surface.empty());
        EXPECT_EQ(kept[i].folded, skipped[i].folded) << text;
        EXPECT_EQ(kept[i].stem, skipped[i].stem) << text;
        EXPECT_EQ(kept[i].stopword, skipped[i].stopword) << text;
        EXPECT_EQ(kept[i].synonyms, skipped[i].synonyms) << text;
        EXPECT_EQ(kept[i].begin, skipped[i].begin) << text;
      }
      if (HasFailure()) return;
    }
  }
}

TEST(AnalyzerTest, LargeInput) {
  Analyzer analyzer;
  std::string text;
  size_t sentences = 0;
  for (; text.size() < 100 * 1024; ++sentences) {
    text += "L’account è bloccato, non ricevo il codice 2SV. ";
  }
  auto tokens = analyzer.Analyze(text, Lang::kIt);
  // L, account, è, bloccato, non, ricevo, il, codice, 2SV
  EXPECT_EQ(tokens.size(), 9 * sentences);
  EXPECT_EQ(tokens.back().end, text.size() - 2);
  EXPECT_EQ(tokens.back().folded, "2sv");
}

}  // namespace
}  // namespace kb
