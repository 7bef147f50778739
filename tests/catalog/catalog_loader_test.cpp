// LoadCatalog: the real kb/intents catalogue loads and is complete; broken
// fixture files (tests/data/catalog/) are reported as file:line: what.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "kb/catalog.h"

namespace kb {
namespace {

using ::testing::HasSubstr;

const std::string kRoot = KB_SOURCE_DIR;
const std::string kIntentsDir = kRoot + "/kb/intents";
const std::string kFixtures = kRoot + "/tests/data/catalog";

const std::vector<std::string> kLangs = {"en", "it", "es", "fr", "de"};

const std::vector<std::string> kPublicIds = {"login_steps",
                                             "forgot_password",
                                             "wrong_email",
                                             "verification_code",
                                             "lost_2sv_device",
                                             "enable_2sv",
                                             "browser_issues",
                                             "account_locked",
                                             "account_suspended",
                                             "account_hacked",
                                             "site_down",
                                             "ip_device_restriction",
                                             "contact_support",
                                             "close_account",
                                             "restore_closed_account",
                                             "inactivity_closure",
                                             "open_account_requirements",
                                             "multiple_accounts",
                                             "performance_metrics",
                                             "prohibited_products",
                                             "selling_privileges_removed",
                                             "avoid_suspension",
                                             "security_best_practices",
                                             "phishing",
                                             "multiple_devices",
                                             "mobile_app",
                                             "international_marketplaces",
                                             "seller_vs_buyer_account",
                                             "what_is_seller_central",
                                             "greeting",
                                             "thanks",
                                             "goodbye"};

const Catalog& RealCatalog() {
  static const Catalog catalog = [] {
    StatusOr<Catalog> loaded = LoadCatalog(kIntentsDir);
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return loaded.ok() ? std::move(loaded).value() : Catalog{};
  }();
  return catalog;
}

std::string LoadError(const std::string& fixture) {
  StatusOr<Catalog> loaded = LoadCatalog(kFixtures + "/" + fixture);
  EXPECT_FALSE(loaded.ok()) << fixture << " should not load";
  return loaded.status().message();
}

TEST(CatalogLoaderTest, RealCatalogHasEveryPublicIntent) {
  const Catalog& catalog = RealCatalog();
  for (const std::string& id : kPublicIds) {
    const Intent* intent = catalog.Find(id);
    ASSERT_NE(intent, nullptr) << id;
    const bool smalltalk = id == "greeting" || id == "thanks" || id == "goodbye";
    EXPECT_EQ(intent->kind, smalltalk ? IntentKind::kSmalltalk : IntentKind::kTask) << id;
  }
  EXPECT_EQ(catalog.Find("no_such_intent"), nullptr);
}

TEST(CatalogLoaderTest, RealCatalogIdsArePublicOrInternal) {
  for (const Intent& intent : RealCatalog().intents) {
    const bool is_public =
        std::find(kPublicIds.begin(), kPublicIds.end(), intent.id) != kPublicIds.end();
    EXPECT_TRUE(is_public || intent.id.front() == '_') << intent.id;
  }
  const Catalog& catalog = RealCatalog();
  ASSERT_NE(catalog.Find("_out_of_scope"), nullptr);
  EXPECT_EQ(catalog.Find("_out_of_scope")->kind, IntentKind::kOutOfScope);
  ASSERT_NE(catalog.Find("_ambiguous"), nullptr);
  EXPECT_EQ(catalog.Find("_ambiguous")->kind, IntentKind::kAmbiguous);
  ASSERT_NE(catalog.Find("_still_not_working"), nullptr);
  EXPECT_EQ(catalog.Find("_still_not_working")->kind, IntentKind::kFollowup);
}

TEST(CatalogLoaderTest, RealCatalogPhraseCounts) {
  for (const Intent& intent : RealCatalog().intents) {
    size_t total = 0;
    for (const std::string& lang : kLangs) {
      const auto it = intent.texts.find(lang);
      ASSERT_NE(it, intent.texts.end()) << intent.id << " [" << lang << "]";
      EXPECT_GE(it->second.phrases.size(), 3u) << intent.id << " [" << lang << "]";
      total += it->second.phrases.size();
    }
    EXPECT_GE(total, 20u) << intent.id;
    if (intent.kind == IntentKind::kTask) {
      for (const std::string& lang : kLangs) {
        EXPECT_GE(intent.texts.at(lang).phrases.size(), 10u) << intent.id << " [" << lang << "]";
      }
    }
    if (intent.kind == IntentKind::kOutOfScope) {
      for (const std::string& lang : kLangs) {
        EXPECT_GE(intent.texts.at(lang).phrases.size(), 40u) << lang;
      }
    }
  }
}

TEST(CatalogLoaderTest, RealTaskIntentsHaveGroundedStepsInEveryLanguage) {
  for (const Intent& intent : RealCatalog().intents) {
    if (intent.kind != IntentKind::kTask) continue;
    EXPECT_FALSE(intent.sources.empty()) << intent.id;
    EXPECT_FALSE(intent.next.empty() && intent.id != "contact_support") << intent.id;
    const size_t en_steps = intent.texts.at("en").steps.size();
    EXPECT_GT(en_steps, 0u) << intent.id;
    for (const std::string& lang : kLangs) {
      const IntentText& text = intent.texts.at(lang);
      EXPECT_FALSE(text.label.empty()) << intent.id << " [" << lang << "]";
      EXPECT_FALSE(text.lead.empty()) << intent.id << " [" << lang << "]";
      EXPECT_EQ(text.steps.size(), en_steps) << intent.id << " [" << lang << "]";
      for (size_t i = 0; i < text.steps.size() && i < en_steps; ++i) {
        const CatalogStep& step = text.steps[i];
        EXPECT_EQ(step.source.article, intent.texts.at("en").steps[i].source.article)
            << intent.id << " [" << lang << "] step " << i + 1;
        EXPECT_EQ(step.source.section, intent.texts.at("en").steps[i].source.section)
            << intent.id << " [" << lang << "] step " << i + 1;
        EXPECT_GT(step.source.origin.line, 0);
      }
    }
  }
}

TEST(CatalogLoaderTest, RealMessagesCoverEveryLanguage) {
  const Catalog& catalog = RealCatalog();
  for (const char* key : {"fallback", "clarify", "search", "credentials_warning",
                          "still_not_working", "handoff", "empty"}) {
    const auto it = catalog.messages.find(key);
    ASSERT_NE(it, catalog.messages.end()) << key;
    for (const std::string& lang : kLangs) {
      EXPECT_TRUE(it->second.count(lang)) << key << " [" << lang << "]";
    }
  }
}

TEST(CatalogLoaderTest, ParsesFixtureFields) {
  StatusOr<Catalog> loaded = LoadCatalog(kFixtures + "/good");
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const Intent* hello = loaded->Find("hello");
  ASSERT_NE(hello, nullptr);
  EXPECT_EQ(hello->origin.line, 2);
  EXPECT_THAT(hello->origin.file, HasSubstr("good/hello.intent"));
  ASSERT_EQ(hello->sources.size(), 1u);
  EXPECT_EQ(hello->sources[0].article, "art_a");
  EXPECT_EQ(hello->sources[0].section, "Intro");
  EXPECT_EQ(hello->sources[0].origin.line, 4);
  EXPECT_EQ(hello->next, "other");
  const IntentText& en = hello->texts.at("en");
  EXPECT_EQ(en.label, "Hello");
  EXPECT_EQ(en.lead, "Hi there.");
  EXPECT_EQ(en.phrases, (std::vector<std::string>{"one", "two", "three"}));
  ASSERT_EQ(en.steps.size(), 2u);
  EXPECT_EQ(en.steps[0].text, "Do the first thing.");
  EXPECT_EQ(en.steps[0].source.section, "1. First steps");
  EXPECT_EQ(en.steps[1].text, "Then a step whose text has a | pipe.");
  EXPECT_EQ(en.steps[1].source.article, "art_a");
  EXPECT_EQ(en.steps[1].source.origin.line, 11);
  EXPECT_EQ(loaded->messages.at("fallback").at("it"), "Mi dispiace.");
  EXPECT_EQ(loaded->messages.at("clarify").count("it"), 0u);
}

TEST(CatalogLoaderTest, UnknownKeyNamesFileAndLine) {
  EXPECT_THAT(LoadError("unknown_key"), HasSubstr("unknown_key/x.intent:5: unknown key `colour:`"));
}

TEST(CatalogLoaderTest, UnknownLanguageBlockNamesFileAndLine) {
  EXPECT_THAT(LoadError("unknown_lang"),
              HasSubstr("unknown_lang/x.intent:5: unknown language block [xx]"));
}

TEST(CatalogLoaderTest, StepWithoutSourceNamesFileAndLine) {
  EXPECT_THAT(LoadError("step_without_source"),
              HasSubstr("step_without_source/x.intent:4: step without source"));
}

TEST(CatalogLoaderTest, UnknownKindNamesFileAndLine) {
  EXPECT_THAT(LoadError("unknown_kind"),
              HasSubstr("unknown_kind/x.intent:3: unknown kind 'chitchat'"));
}

TEST(CatalogLoaderTest, DuplicateIdNamesBothFiles) {
  const std::string error = LoadError("duplicate_id");
  EXPECT_THAT(error, HasSubstr("duplicate_id/b.intent:2: duplicate intent id 'a'"));
  EXPECT_THAT(error, HasSubstr("duplicate_id/a.intent:1"));
}

TEST(CatalogLoaderTest, InvalidUtf8NamesFileAndLine) {
  EXPECT_THAT(LoadError("invalid_utf8"), HasSubstr("invalid_utf8/x.intent:3: invalid UTF-8"));
}

TEST(CatalogLoaderTest, MissingDirectoryIsAnError) {
  EXPECT_THAT(LoadError("does_not_exist"), HasSubstr("does_not_exist"));
}

TEST(CatalogLoaderTest, DirectoryWithoutIntentsIsAnError) {
  EXPECT_THAT(LoadError("no_intents"), HasSubstr("no *.intent files"));
}

}  // namespace
}  // namespace kb
