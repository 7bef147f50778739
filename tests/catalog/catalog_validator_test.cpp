// ValidateCatalog against hand-built Article structs (independent of the
// article parser): the real catalogue cites only sections that exist, and
// each kind of mistake is reported with file:line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "kb/catalog.h"

namespace kb {
namespace {

using ::testing::HasSubstr;

const std::string kRoot = KB_SOURCE_DIR;

// The section headings of kb/articles/ as they appear in the text (list
// numbers removed), for the sections the catalogue cites.
const std::vector<std::pair<std::string, std::vector<std::string>>> kArticleHeadings = {
    {"000_af601b0228a8bf47",
     {"Come recuperare l’accesso dell’account Amazon Seller Central",
      "Cos’è l’account Amazon Seller Central", "Come recuperare l’accesso a Seller Central"}},
    {"001_0e0e8fde70b013d8",
     {"Verification code input error", "Wrong password or forgotten password",
      "Wrong email address", "Account frozen or restricted",
      "Seller Center website failure or maintenance", "IP address or device access restrictions",
      "Check whether the username and password are correct",
      "Check whether the account has been frozen or closed",
      "Check whether the account has been hacked or stolen",
      "Contact Amazon platform customer service support",
      "Avoid common mistakes of being unable to log in to your account",
      "Maintain the credibility and reputation of the account"}},
    {"002_4a5b1ab8704b3745",
     {"Come iniziare il processo di chiusura di un account Amazon personale",
      "Come iniziare il processo di chiusura di un account Amazon Venditore",
      "Che fare nel caso di un account bloccato?",
      "Ricorda che è impossibile ripristinare un account Amazon eliminato"}},
    {"003_e82f2a4ec7c2d43f",
     {"Understanding the Amazon Seller Central Dashboard",
      "The Standard Amazon Seller Account Login Process",
      "Step-by-Step Guide to Logging In",
      "Forgotten Password Recovery",
      "Incorrect Email or Username Errors",
      "Two-Step Verification (2SV) Code Problems",
      "Account Locked or Suspended",
      "The Importance of Two-Step Verification (2SV)",
      "Creating Strong, Unique Passwords",
      "Regularly Reviewing Account Activity",
      "Navigating Key Seller Central Features",
      "Utilizing Performance Metrics",
      "Amazon Seller Account Login for International Sellers",
      "Accessing Different Marketplaces",
      "Understanding Regional Account Management",
      "Mobile Access to Your Amazon Seller Account",
      "Downloading and Setting Up the App",
      "Key Features of the Mobile App",
      "Regularly Update Your Password",
      "Secure Your Devices",
      "Be Wary of Phishing Attempts",
      "What if I forget my Amazon Seller Account password?",
      "Can I log into my Amazon Seller Account from multiple devices?",
      "How do I enable Two-Step Verification for my seller account?",
      "What should I do if my Amazon Seller Account is locked?",
      "Is it safe to save my Amazon Seller Account password in my browser?",
      "What is the difference between my Amazon customer account and my seller account login?"}},
    {"004_69264eb6a400ec1e",
     {"Not being able to use 2-step verification",
      "Password or lost user",
      "Account suspension",
      "Amazon withdrew my benefits as a seller. What does this mean and why have they done it?",
      "Poor sales performance",
      "Sale of illicit products",
      "Negative Ratings",
      "Buying Reviews",
      "Lack of documents",
      "Create multiple seller accounts with the same IP",
      "Amazon error",
      "If I forgot the password",
      "If I forgot the user",
      "If I can't use 2-factor verification",
      "Can Amazon close my buyer account for inactivity?",
      "Steps to recover my Amazon account as a seller to continue offering my products on it",
      "Tips to prevent Amazon from banning my seller account",
      "Comply with policies",
      "Offer good customer service",
      "Sell lawful products"}},
};

std::vector<Article> HandBuiltArticles() {
  std::vector<Article> articles;
  for (const auto& [id, headings] : kArticleHeadings) {
    Article article;
    article.id = id;
    article.title = id;
    for (const std::string& heading : headings) {
      Section section;
      section.heading = heading;
      article.sections.push_back(std::move(section));
    }
    articles.push_back(std::move(article));
  }
  return articles;
}

Catalog RealCatalog() {
  StatusOr<Catalog> loaded = LoadCatalog(kRoot + "/kb/intents");
  EXPECT_TRUE(loaded.ok()) << loaded.status().message();
  return loaded.ok() ? std::move(loaded).value() : Catalog{};
}

Intent* Mutable(Catalog& catalog, std::string_view id) {
  for (Intent& intent : catalog.intents) {
    if (intent.id == id) return &intent;
  }
  ADD_FAILURE() << "no intent " << id;
  static Intent dummy;
  return &dummy;
}

TEST(CatalogValidatorTest, RealCatalogIsValid) {
  const Status status = ValidateCatalog(RealCatalog(), HandBuiltArticles());
  EXPECT_TRUE(status.ok()) << status.message();
}

TEST(CatalogValidatorTest, UnknownSectionListsAvailableHeadings) {
  Catalog catalog = RealCatalog();
  Intent* intent = Mutable(catalog, "forgot_password");
  intent->sources[0].section = "Forgotten Password";
  const Status status = ValidateCatalog(catalog, HandBuiltArticles());
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(),
              HasSubstr("forgot_password.intent:" + std::to_string(intent->sources[0].origin.line) +
                        ": article '003_e82f2a4ec7c2d43f' has no section "
                        "'Forgotten Password'"));
  EXPECT_THAT(status.message(), HasSubstr("\n    Forgotten Password Recovery"));
}

TEST(CatalogValidatorTest, UnknownArticleInStep) {
  Catalog catalog = RealCatalog();
  CatalogStep& step = Mutable(catalog, "enable_2sv")->texts.at("de").steps.at(0);
  step.source.article = "999_missing";
  const Status status = ValidateCatalog(catalog, HandBuiltArticles());
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(),
              HasSubstr("enable_2sv.intent:" + std::to_string(step.source.origin.line) +
                        ": unknown article '999_missing'"));
}

TEST(CatalogValidatorTest, HeadingsCompareTrimmedAndWithoutListNumber) {
  Catalog catalog = RealCatalog();
  std::vector<Article> articles = HandBuiltArticles();
  for (Article& article : articles) {
    for (Section& section : article.sections) {
      if (section.heading == "Verification code input error") {
        section.heading = "1. Verification code input error ";
      }
    }
  }
  const Status status = ValidateCatalog(catalog, articles);
  EXPECT_TRUE(status.ok()) << status.message();
}

TEST(CatalogValidatorTest, UnknownPublicIdIsRejected) {
  Catalog catalog = RealCatalog();
  Mutable(catalog, "phishing")->id = "phishing_mail";
  const Status status = ValidateCatalog(catalog, HandBuiltArticles());
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("unknown intent id 'phishing_mail'"));
  EXPECT_THAT(status.message(), HasSubstr("intent 'phishing' of intents.md has no .intent file"));
}

TEST(CatalogValidatorTest, InternalIdMustStartWithUnderscore) {
  Catalog catalog = RealCatalog();
  Mutable(catalog, "_ambiguous")->id = "ambiguous";
  const Status status = ValidateCatalog(catalog, HandBuiltArticles());
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("internal intent 'ambiguous' must start with '_'"));
}

TEST(CatalogValidatorTest, TaskNeedsEveryLanguageWithLabelLeadAndPhrases) {
  Catalog catalog = RealCatalog();
  Intent* intent = Mutable(catalog, "site_down");
  intent->texts.erase("fr");
  intent->texts.at("de").lead.clear();
  intent->texts.at("es").phrases.resize(2);
  const Status status = ValidateCatalog(catalog, HandBuiltArticles());
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(),
              HasSubstr("site_down.intent:2: intent 'site_down' [fr] is missing"));
  EXPECT_THAT(status.message(), HasSubstr("intent 'site_down' [de] has no lead"));
  EXPECT_THAT(status.message(), HasSubstr("intent 'site_down' [es] has 2 phrases"));
}

TEST(CatalogValidatorTest, UnknownLanguageCodeIsRejected) {
  Catalog catalog = RealCatalog();
  Intent* intent = Mutable(catalog, "thanks");
  intent->texts["pt"] = intent->texts.at("es");
  const Status status = ValidateCatalog(catalog, HandBuiltArticles());
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("unknown language block [pt]"));
}

TEST(CatalogValidatorTest, AmbiguousSuggestMustNameTaskIntents) {
  Catalog catalog = RealCatalog();
  Mutable(catalog, "_ambiguous")->suggest.push_back("reset_everything");
  const Status status = ValidateCatalog(catalog, HandBuiltArticles());
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("_ambiguous.intent:2: `suggest:` names unknown task "
                                          "intent 'reset_everything'"));
}

TEST(CatalogValidatorTest, NextMustNameAnIntent) {
  Catalog catalog = RealCatalog();
  Mutable(catalog, "verification_code")->next = "lost_phone";
  const Status status = ValidateCatalog(catalog, HandBuiltArticles());
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("`next:` names unknown intent 'lost_phone'"));
}

}  // namespace
}  // namespace kb
