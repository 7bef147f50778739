// ParseArticle on broken and unusual input: fixtures in tests/data/articles
// (empty, whitespace, binary, invalid UTF-8, CRLF + BOM, Latin-1 mojibake,
// Markdown), a 5 MB file, a very long line, and random bytes.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "kb/article.h"

namespace kb {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(KB_SOURCE_DIR) + "/tests/data/articles/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const Section* FindSection(const Article& article, const std::string& heading) {
  for (const Section& section : article.sections) {
    if (section.heading == heading) return &section;
  }
  return nullptr;
}

void ExpectErrorContaining(std::string_view bytes, const std::string& needle) {
  const StatusOr<Article> article = ParseArticle("broken", bytes);
  ASSERT_FALSE(article.ok());
  EXPECT_NE(article.status().message().find(needle), std::string::npos)
      << article.status().message();
}

TEST(ArticleInputTest, EmptyFile) { ExpectErrorContaining(ReadFixture("empty.txt"), "empty file"); }

TEST(ArticleInputTest, WhitespaceOnly) {
  ExpectErrorContaining(ReadFixture("whitespace_only.txt"), "empty file");
}

TEST(ArticleInputTest, BomOnlyIsEmpty) { ExpectErrorContaining("\xEF\xBB\xBF \n", "empty file"); }

TEST(ArticleInputTest, BinaryWithNulBytes) {
  ExpectErrorContaining(ReadFixture("binary_nul.bin"), "binary content");
}

TEST(ArticleInputTest, InvalidUtf8NamesTheByte) {
  ExpectErrorContaining(ReadFixture("invalid_utf8.txt"), "invalid UTF-8 at byte 31");
  ExpectErrorContaining("ok \xC0\xAF overlong", "invalid UTF-8 at byte 3");
  ExpectErrorContaining("surrogate \xED\xA0\x80", "invalid UTF-8 at byte 10");
  ExpectErrorContaining("truncated \xE2\x80", "invalid UTF-8 at byte 10");
}

TEST(ArticleInputTest, CrlfAndBom) {
  const StatusOr<Article> article = ParseArticle("crlf", ReadFixture("crlf_bom.txt"));
  ASSERT_TRUE(article.ok()) << article.status().message();
  EXPECT_EQ(article->title, "How to reset your password");
  const Section* steps = FindSection(*article, "Steps");
  ASSERT_NE(steps, nullptr);
  ASSERT_EQ(steps->steps.size(), 3u);
  EXPECT_EQ(steps->steps[1].text, "Click Forgot your password.");
  for (const Section& s : article->sections) {
    EXPECT_EQ(s.heading.find('\r'), std::string::npos);
    for (const std::string& p : s.paragraphs) EXPECT_EQ(p.find('\r'), std::string::npos);
  }
}

TEST(ArticleInputTest, Windows1252MojibakeRepaired) {
  const StatusOr<Article> article = ParseArticle("latin", ReadFixture("latin1_mojibake.txt"));
  ASSERT_TRUE(article.ok()) << article.status().message();
  ASSERT_FALSE(article->sections.empty());
  ASSERT_FALSE(article->sections[0].paragraphs.empty());
  const std::string& p = article->sections[0].paragraphs[0];
  EXPECT_EQ(p.rfind("È facile: l’accesso", 0), 0u) << p;
  EXPECT_NE(p.find("Non è necessario"), std::string::npos) << p;
  EXPECT_TRUE(std::any_of(article->warnings.begin(), article->warnings.end(),
                          [](const std::string& w) { return w == "repaired mojibake: â€™ -> ’"; }));
}

TEST(ArticleInputTest, GenuineAccentsAndChineseUntouched) {
  const std::string text =
      "Titolo dell’articolo\n\nÈ così: perché già più. 中文内容保持不变 e niente altro.\n";
  const StatusOr<Article> article = ParseArticle("fine", text);
  ASSERT_TRUE(article.ok());
  for (const std::string& w : article->warnings)
    EXPECT_EQ(w.find("mojibake"), std::string::npos) << w;
  EXPECT_EQ(article->sections[0].paragraphs[0],
            "È così: perché già più. 中文内容保持不变 e niente altro.");
}

TEST(ArticleInputTest, MarkdownWithFrontMatter) {
  const StatusOr<Article> article = ParseArticle("md", ReadFixture("markdown_front_matter.md"));
  ASSERT_TRUE(article.ok()) << article.status().message();
  EXPECT_EQ(article->title, "Réinitialiser le mot de passe Seller Central");
  EXPECT_EQ(article->lang, "fr");
  // The `#` line is a section heading when the front matter names the title.
  const Section* first = FindSection(*article, "Ignored as title because front matter has one");
  ASSERT_NE(first, nullptr);
  ASSERT_EQ(first->paragraphs.size(), 1u);
  EXPECT_EQ(first->paragraphs[0],
            "Si vous avez oublié votre mot de passe, suivez la procédure ci-dessous. Elle prend "
            "quelques minutes.");
  const Section* steps = FindSection(*article, "Étapes de réinitialisation");
  ASSERT_NE(steps, nullptr);
  ASSERT_EQ(steps->steps.size(), 3u);
  EXPECT_EQ(steps->steps[0].text, "Ouvrez la page de connexion de Seller Central.");
  EXPECT_EQ(steps->steps[1].text, "Cliquez sur Mot de passe oublié.");
  EXPECT_EQ(steps->steps[2].text,
            "Saisissez le code reçu par e-mail puis choisissez un nouveau mot de passe.");
  EXPECT_EQ(steps->steps[2].ordinal, 3);
  const Section* tips = FindSection(*article, "Conseils");
  ASSERT_NE(tips, nullptr);
  EXPECT_EQ(tips->steps.size(), 2u);
}

TEST(ArticleInputTest, MarkdownTitleFromFirstHeading) {
  const StatusOr<Article> article = ParseArticle("md", ReadFixture("markdown_plain.md"));
  ASSERT_TRUE(article.ok()) << article.status().message();
  EXPECT_EQ(article->title, "Zugang zu Seller Central wiederherstellen");
  ASSERT_EQ(article->sections.size(), 2u);
  EXPECT_EQ(article->sections[0].heading, article->title);
  EXPECT_EQ(article->sections[1].heading, "Schritte");
  EXPECT_EQ(article->sections[1].steps.size(), 2u);
}

TEST(ArticleInputTest, UnsupportedDeclaredLanguageIsKeptWithWarning) {
  const StatusOr<Article> article =
      ParseArticle("pt", "---\ntitle: Acesso\nlang: pt\n---\nTexto do artigo.\n");
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->lang, "pt");
  EXPECT_FALSE(article->warnings.empty());
}

TEST(ArticleInputTest, FiveMegabyteFile) {
  const std::string paragraph =
      "Sellers need to check whether the entered username and password are correct and "
      "whether there are any spelling errors. ";
  std::string text = "A very large article\n\n";
  int n = 0;
  while (text.size() < 5 * 1024 * 1024) {
    if (n % 50 == 0) text += "Section number " + std::to_string(n / 50) + "\n";
    text += paragraph + paragraph + "\n\n";
    ++n;
  }
  const StatusOr<Article> article = ParseArticle("big", text);
  ASSERT_TRUE(article.ok()) << article.status().message();
  EXPECT_GT(article->sections.size(), 100u);
  EXPECT_EQ(article->title, "A very large article");
}

TEST(ArticleInputTest, VeryLongLine) {
  std::string line;
  while (line.size() < 2 * 1024 * 1024) line += "Questa è una frase molto lunga senza fine, ";
  const StatusOr<Article> article = ParseArticle("long", "Titolo\n" + line + "\n");
  ASSERT_TRUE(article.ok()) << article.status().message();
  ASSERT_EQ(article->sections.size(), 1u);
  EXPECT_EQ(article->sections[0].paragraphs.size(), 1u);
}

TEST(ArticleInputTest, OnlyNoiseIsAnError) {
  const StatusOr<Article> article = ParseArticle("noise", "Skip to content\n\nMenu\n");
  EXPECT_FALSE(article.ok());
}

// Random bytes and random mutations of a seed never crash; results are
// either an error or an article with non-empty headings.
TEST(ArticleInputTest, RandomBytesDoNotCrash) {
  std::mt19937 rng(12345);
  std::ifstream in(std::string(KB_SOURCE_DIR) + "/kb/articles/004_69264eb6a400ec1e.txt",
                   std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string seed = buffer.str();
  const std::string alphabet = "ab .:?\n\n1. • - # ---\r\xC3\xA8\xE2\x80\x99\xE9\xA6\x83";
  for (int round = 0; round < 300; ++round) {
    std::string bytes;
    const int mode = round % 3;
    if (mode == 0) {
      const size_t n = rng() % 2000;
      for (size_t i = 0; i < n; ++i) bytes.push_back(static_cast<char>(rng() % 256));
    } else if (mode == 1) {
      const size_t n = rng() % 3000;
      for (size_t i = 0; i < n; ++i) bytes.push_back(alphabet[rng() % alphabet.size()]);
    } else {
      bytes = seed;
      for (int k = 0; k < 20; ++k) bytes[rng() % bytes.size()] = static_cast<char>(rng() % 256);
      bytes.resize(rng() % bytes.size());
    }
    const StatusOr<Article> article = ParseArticle("fuzz", bytes);
    if (!article.ok()) {
      EXPECT_FALSE(article.status().message().empty());
      continue;
    }
    for (const Section& s : article->sections) EXPECT_FALSE(s.heading.empty());
  }
}

}  // namespace
}  // namespace kb
