// ParseArticle over the five seed articles in kb/articles: titles, languages,
// headings (the catalogue cites them by exact text), steps, and the removal
// of scraped noise.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "kb/article.h"

namespace kb {
namespace {

std::string ReadSeed(const std::string& name) {
  std::ifstream in(std::string(KB_SOURCE_DIR) + "/kb/articles/" + name, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Article ParseSeed(const std::string& stem) {
  StatusOr<Article> article = ParseArticle(stem, ReadSeed(stem + ".txt"));
  EXPECT_TRUE(article.ok()) << article.status().message();
  return article.ok() ? std::move(article).value() : Article{};
}

const Section* FindSection(const Article& article, const std::string& heading) {
  for (const Section& section : article.sections) {
    if (section.heading == heading) return &section;
  }
  return nullptr;
}

std::vector<std::string> Headings(const Article& article) {
  std::vector<std::string> headings;
  for (const Section& section : article.sections) headings.push_back(section.heading);
  return headings;
}

// Every text the article keeps, for "noise is gone" checks.
std::string AllText(const Article& article) {
  std::string all = article.title + "\n";
  for (const Section& section : article.sections) {
    all += section.heading + "\n";
    for (const std::string& p : section.paragraphs) all += p + "\n";
    for (const Step& s : section.steps) all += s.text + "\n";
  }
  return all;
}

bool HasWarningContaining(const Article& article, const std::string& needle) {
  return std::any_of(article.warnings.begin(), article.warnings.end(),
                     [&](const std::string& w) { return w.find(needle) != std::string::npos; });
}

void ExpectOrdinalsSequential(const Section& section) {
  for (size_t i = 0; i < section.steps.size(); ++i) {
    EXPECT_EQ(section.steps[i].ordinal, static_cast<int>(i) + 1) << section.heading;
  }
}

TEST(ArticleParserSeedTest, Seed000TitleHeadingsAndByline) {
  const Article a = ParseSeed("000_af601b0228a8bf47");
  EXPECT_EQ(a.id, "000_af601b0228a8bf47");
  EXPECT_EQ(a.title, "Come recuperare l’accesso dell’account Amazon Seller Central");
  EXPECT_EQ(a.lang, "it");
  EXPECT_NE(FindSection(a, "Cos’è l’account Amazon Seller Central"), nullptr);
  EXPECT_NE(FindSection(a, "Come recuperare l’accesso a Seller Central"), nullptr);
  const std::string all = AllText(a);
  EXPECT_EQ(all.find("Rosy Chianese"), std::string::npos);
  EXPECT_EQ(all.find("15/02/2022"), std::string::npos);
  EXPECT_TRUE(HasWarningContaining(a, "dropped byline: 15/02/2022 0 By Rosy Chianese"));
  EXPECT_TRUE(HasWarningContaining(a, "dropped repeated title"));
  // The title is not repeated as the intro's first paragraph.
  ASSERT_FALSE(a.sections.empty());
  EXPECT_EQ(a.sections[0].heading, a.title);
  for (const std::string& p : a.sections[0].paragraphs) EXPECT_NE(p, a.title);
}

TEST(ArticleParserSeedTest, Seed000RecoveryProseBecomesSteps) {
  const Article a = ParseSeed("000_af601b0228a8bf47");
  const Section* s = FindSection(a, "Come recuperare l’accesso a Seller Central");
  ASSERT_NE(s, nullptr);
  ASSERT_GE(s->steps.size(), 4u);
  EXPECT_NE(s->steps[0].text.find("verificare"), std::string::npos);
  EXPECT_NE(s->steps[2].text.find("cache"), std::string::npos);
  ExpectOrdinalsSequential(*s);
}

TEST(ArticleParserSeedTest, Seed001NumberedSubheadingsAndParentSteps) {
  const Article a = ParseSeed("001_0e0e8fde70b013d8");
  EXPECT_EQ(a.title, "The reasons why Amazon sellers cannot log in and their solutions");
  EXPECT_EQ(a.lang, "en");
  for (const char* heading :
       {"Reasons for not being able to log in", "Verification code input error",
        "Wrong password or forgotten password", "Wrong email address", "Solution",
        "Check whether the username and password are correct",
        "Contact Amazon platform customer service support"}) {
    EXPECT_NE(FindSection(a, heading), nullptr) << heading;
  }
  const Section* wrong_password = FindSection(a, "Wrong password or forgotten password");
  ASSERT_NE(wrong_password, nullptr);
  ASSERT_EQ(wrong_password->paragraphs.size(), 1u);
  EXPECT_NE(wrong_password->paragraphs[0].find("Forgot Password"), std::string::npos);

  const Section* solution = FindSection(a, "Solution");
  ASSERT_NE(solution, nullptr);
  ASSERT_EQ(solution->steps.size(), 6u);
  EXPECT_EQ(solution->steps[0].text, "Check whether the username and password are correct");
  EXPECT_EQ(solution->steps[3].text, "Contact Amazon platform customer service support");
  EXPECT_EQ(solution->steps[5].text, "Maintain the credibility and reputation of the account");
  ExpectOrdinalsSequential(*solution);
  const Section* reasons = FindSection(a, "Reasons for not being able to log in");
  ASSERT_NE(reasons, nullptr);
  EXPECT_EQ(reasons->steps.size(), 6u);
}

TEST(ArticleParserSeedTest, Seed002CloseAccountProcedureFromProse) {
  const Article a = ParseSeed("002_4a5b1ab8704b3745");
  EXPECT_EQ(a.lang, "it");
  // No title line: the first heading names the article.
  EXPECT_EQ(a.title, "Come iniziare il processo di chiusura di un account Amazon personale");
  for (const char* heading :
       {"Come iniziare il processo di chiusura di un account Amazon personale",
        "Come iniziare il processo di chiusura di un account Amazon Venditore",
        "Che fare nel caso di un account bloccato?",
        "Ricorda che è impossibile ripristinare un account Amazon eliminato"}) {
    EXPECT_NE(FindSection(a, heading), nullptr) << heading;
  }
  // Headings are unique: the intro joined the first section.
  std::vector<std::string> headings = Headings(a);
  std::sort(headings.begin(), headings.end());
  EXPECT_EQ(std::adjacent_find(headings.begin(), headings.end()), headings.end());

  const Section* seller =
      FindSection(a, "Come iniziare il processo di chiusura di un account Amazon Venditore");
  ASSERT_NE(seller, nullptr);
  ASSERT_GE(seller->steps.size(), 4u);
  const std::vector<std::string> expected_order = {"menu Impostazioni", "Informazioni sull’account",
                                                   "Chiudi account", "campi obbligatori", "Invia"};
  size_t step = 0;
  for (const std::string& needle : expected_order) {
    while (step < seller->steps.size() &&
           seller->steps[step].text.find(needle) == std::string::npos) {
      ++step;
    }
    EXPECT_LT(step, seller->steps.size()) << "missing or out of order: " << needle;
  }
  ExpectOrdinalsSequential(*seller);
  // The lead-in and the outcome stay prose; steps are not repeated there.
  for (const std::string& p : seller->paragraphs) {
    EXPECT_EQ(p.find("Compila tutti i campi"), std::string::npos);
  }
}

TEST(ArticleParserSeedTest, Seed003SignInStepsInOrder) {
  const Article a = ParseSeed("003_e82f2a4ec7c2d43f");
  EXPECT_EQ(a.title, "Amazon Seller Account Login: Essential Steps To Success");
  EXPECT_EQ(a.lang, "en");
  const Section* guide = FindSection(a, "Step-by-Step Guide to Logging In");
  ASSERT_NE(guide, nullptr);
  ASSERT_EQ(guide->steps.size(), 7u);
  const char* prefixes[] = {"Navigate to the Amazon Seller Central Website",
                            "Locate the Sign-In Button",
                            "Enter Your Registered Email Address",
                            "Enter Your Password",
                            "Click “Sign In”",
                            "Complete Two-Step Verification (if enabled)",
                            "Access Your Dashboard"};
  for (size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(guide->steps[i].text.rfind(prefixes[i], 0), 0u) << guide->steps[i].text;
  }
  ExpectOrdinalsSequential(*guide);
  for (const char* heading :
       {"Forgotten Password Recovery", "Two-Step Verification (2SV) Code Problems",
        "Account Locked or Suspended", "Incorrect Email or Username Errors",
        "Frequently Asked Questions (FAQ) about Amazon Seller Account Login",
        "What if I forget my Amazon Seller Account password?",
        "How do I enable Two-Step Verification for my seller account?",
        "Conclusion: Secure Access for a Thriving Business"}) {
    EXPECT_NE(FindSection(a, heading), nullptr) << heading;
  }
}

TEST(ArticleParserSeedTest, Seed003AuthorBioDropped) {
  const Article a = ParseSeed("003_e82f2a4ec7c2d43f");
  const std::string all = AllText(a);
  EXPECT_EQ(all.find("tech enthusiast"), std::string::npos);
  EXPECT_EQ(all.find("biography"), std::string::npos);
  EXPECT_TRUE(HasWarningContaining(a, "dropped author bio"));
  // The conclusion before the bio is kept.
  const Section* conclusion = FindSection(a, "Conclusion: Secure Access for a Thriving Business");
  ASSERT_NE(conclusion, nullptr);
  ASSERT_EQ(conclusion->paragraphs.size(), 1u);
}

TEST(ArticleParserSeedTest, Seed004PasswordResetBulletsStayTogether) {
  const Article a = ParseSeed("004_69264eb6a400ec1e");
  EXPECT_EQ(a.lang, "en");
  EXPECT_EQ(a.title,
            "How to recover the Amazon account to buy or sell in the best e-commerce in the "
            "world? Step by step guide");
  const Section* forgot = FindSection(a, "If I forgot the password");
  ASSERT_NE(forgot, nullptr);
  ASSERT_EQ(forgot->steps.size(), 6u);
  EXPECT_EQ(forgot->steps[0].text.rfind("First we must click on identify", 0), 0u);
  EXPECT_NE(forgot->steps[3].text.find("captcha"), std::string::npos);
  EXPECT_NE(forgot->steps[4].text.find("click Save"), std::string::npos);
  ExpectOrdinalsSequential(*forgot);
  EXPECT_EQ(FindSection(a, "security check"), nullptr);
  EXPECT_EQ(FindSection(a, "Rename"), nullptr);
  for (const char* heading :
       {"What are the main reasons why I cannot access my Amazon account?", "Account suspension",
        "If I forgot the user", "If I can't use 2-factor verification",
        "Can Amazon close my buyer account for inactivity?",
        "Amazon withdrew my benefits as a seller. What does this mean and why have they done "
        "it?",
        "Steps to recover my Amazon account as a seller to continue offering my products on it"}) {
    EXPECT_NE(FindSection(a, heading), nullptr) << heading;
  }
  const Section* user = FindSection(a, "If I forgot the user");
  ASSERT_NE(user, nullptr);
  EXPECT_EQ(user->steps.size(), 4u);
}

TEST(ArticleParserSeedTest, Seed004NoiseRemoved) {
  const Article a = ParseSeed("004_69264eb6a400ec1e");
  const std::string all = AllText(a);
  EXPECT_EQ(all.find("Skip to content"), std::string::npos);
  EXPECT_EQ(all.find("Guides for learning to surf the Net"), std::string::npos);
  EXPECT_EQ(all.find("馃寪"), std::string::npos);
  EXPECT_EQ(all.find("[email protected]"), std::string::npos);
  EXPECT_TRUE(HasWarningContaining(a, "dropped navigation: Skip to content"));
  EXPECT_TRUE(HasWarningContaining(a, "repaired mojibake: 馃寪 -> 🌐"));
  EXPECT_TRUE(HasWarningContaining(a, "removed e-mail obfuscation artifact"));
  EXPECT_TRUE(HasWarningContaining(a, "dropped site tagline"));
}

TEST(ArticleParserSeedTest, EverySeedHasStepsAndNoEmptySections) {
  for (const char* stem : {"000_af601b0228a8bf47", "001_0e0e8fde70b013d8", "002_4a5b1ab8704b3745",
                           "003_e82f2a4ec7c2d43f", "004_69264eb6a400ec1e"}) {
    const Article a = ParseSeed(stem);
    size_t steps = 0;
    for (const Section& s : a.sections) {
      EXPECT_FALSE(s.heading.empty()) << stem;
      EXPECT_FALSE(s.paragraphs.empty() && s.steps.empty()) << stem << " " << s.heading;
      for (const Step& step : s.steps) EXPECT_FALSE(step.text.empty()) << stem;
      ExpectOrdinalsSequential(s);
      steps += s.steps.size();
    }
    EXPECT_GT(steps, 0u) << stem;
  }
}

}  // namespace
}  // namespace kb
