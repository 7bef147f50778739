// Checks a loaded catalogue against the public intent contract
// (shared/spec/intents.md) and against the parsed articles: ids, kinds,
// languages, phrase counts, and that every cited section exists.
// Thread-safe: no shared state.
#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "catalog_text.h"
#include "kb/catalog.h"

namespace kb {
namespace {

using catalog_internal::IsCatalogLang;
using catalog_internal::kCatalogLangs;
using catalog_internal::Trim;
using catalog_internal::Where;

// The public contract: the ids of shared/spec/intents.md, in its order.
constexpr std::array<std::string_view, 32> kPublicIntentIds = {
    "login_steps",
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
    "goodbye",
};

constexpr size_t kMinPhrasesPerLang = 3;

bool IsPublicId(std::string_view id) {
  return std::find(kPublicIntentIds.begin(), kPublicIntentIds.end(), id) != kPublicIntentIds.end();
}

// A heading as compared: trimmed, without a leading list number ("3. ").
std::string_view ComparableHeading(std::string_view heading) {
  heading = Trim(heading);
  size_t digits = 0;
  while (digits < heading.size() && std::isdigit(static_cast<unsigned char>(heading[digits]))) {
    ++digits;
  }
  if (digits > 0 && digits + 1 < heading.size() &&
      (heading[digits] == '.' || heading[digits] == ')') && heading[digits + 1] == ' ') {
    return Trim(heading.substr(digits + 1));
  }
  return heading;
}

class Validator {
 public:
  explicit Validator(const std::vector<Article>& articles) : articles_(articles) {}

  void Check(const Catalog& catalog) {
    for (const Intent& intent : catalog.intents) CheckIntent(catalog, intent);
    for (std::string_view id : kPublicIntentIds) {
      if (catalog.Find(id) == nullptr) {
        errors_.push_back("catalog: intent '" + std::string(id) +
                          "' of intents.md has no .intent file");
      }
    }
  }

  Status ToStatus() const {
    if (errors_.empty()) return Status::Ok();
    std::string joined;
    for (const std::string& error : errors_) {
      if (!joined.empty()) joined += '\n';
      joined += error;
    }
    return Status::Error(std::move(joined));
  }

 private:
  void Error(const Origin& origin, const std::string& what) {
    errors_.push_back(Where(origin.file, origin.line) + what);
  }

  void CheckIntent(const Catalog& catalog, const Intent& intent) {
    const bool internal = intent.kind == IntentKind::kOutOfScope ||
                          intent.kind == IntentKind::kAmbiguous ||
                          intent.kind == IntentKind::kFollowup;
    if (internal && (intent.id.empty() || intent.id.front() != '_')) {
      Error(intent.origin, "internal intent '" + intent.id + "' must start with '_'");
    }
    if (!internal && !IsPublicId(intent.id)) {
      Error(intent.origin, "unknown intent id '" + intent.id +
                               "' (not in shared/spec/intents.md; internal ids start with '_')");
    }
    if (intent.kind == IntentKind::kTask && intent.sources.empty()) {
      Error(intent.origin, "task intent '" + intent.id + "' has no `source:`");
    }
    for (const SourceRef& source : intent.sources) CheckSource(source);
    if (!intent.next.empty() && catalog.Find(intent.next) == nullptr) {
      Error(intent.origin, "`next:` names unknown intent '" + intent.next + "'");
    }
    if (intent.kind == IntentKind::kAmbiguous) {
      if (intent.suggest.size() < 2) {
        Error(intent.origin,
              "ambiguous intent '" + intent.id + "' needs at least 2 `suggest:` ids");
      }
      for (const std::string& id : intent.suggest) {
        const Intent* target = catalog.Find(id);
        if (target == nullptr || target->kind != IntentKind::kTask) {
          Error(intent.origin, "`suggest:` names unknown task intent '" + id + "'");
        }
      }
    } else if (!intent.suggest.empty()) {
      Error(intent.origin, "`suggest:` is only for kind ambiguous");
    }
    for (const auto& [lang, text] : intent.texts) {
      if (!IsCatalogLang(lang)) {
        Error(intent.origin, "unknown language block [" + lang + "]");
      }
      for (const CatalogStep& step : text.steps) CheckSource(step.source);
      if (!text.steps.empty() && intent.kind != IntentKind::kTask) {
        Error(intent.origin,
              "[" + lang + "] has `step:` lines but '" + intent.id + "' is not a task intent");
      }
    }
    CheckLanguages(intent);
  }

  void CheckLanguages(const Intent& intent) {
    const bool needs_label =
        intent.kind == IntentKind::kTask || intent.kind == IntentKind::kAmbiguous;
    const bool needs_lead = intent.kind == IntentKind::kTask ||
                            intent.kind == IntentKind::kSmalltalk ||
                            intent.kind == IntentKind::kAmbiguous;
    for (std::string_view lang : kCatalogLangs) {
      const auto it = intent.texts.find(std::string(lang));
      const std::string name = "'" + intent.id + "' [" + std::string(lang) + "]";
      if (it == intent.texts.end()) {
        Error(intent.origin, "intent " + name + " is missing");
        continue;
      }
      const IntentText& text = it->second;
      if (needs_label && text.label.empty())
        Error(intent.origin, "intent " + name + " has no label");
      if (needs_lead && text.lead.empty()) Error(intent.origin, "intent " + name + " has no lead");
      if (text.phrases.size() < kMinPhrasesPerLang) {
        Error(intent.origin, "intent " + name + " has " + std::to_string(text.phrases.size()) +
                                 " phrases; at least " + std::to_string(kMinPhrasesPerLang) +
                                 " are needed");
      }
    }
  }

  void CheckSource(const SourceRef& source) {
    const auto article = std::find_if(articles_.begin(), articles_.end(),
                                      [&](const Article& a) { return a.id == source.article; });
    if (article == articles_.end()) {
      Error(source.origin, "unknown article '" + source.article + "'");
      return;
    }
    const std::string_view wanted = ComparableHeading(source.section);
    for (const Section& section : article->sections) {
      if (ComparableHeading(section.heading) == wanted) return;
    }
    std::string available;
    for (const Section& section : article->sections) {
      available += "\n    " + section.heading;
    }
    Error(source.origin, "article '" + source.article + "' has no section '" + source.section +
                             "'; its sections are:" + available);
  }

  const std::vector<Article>& articles_;
  std::vector<std::string> errors_;
};

}  // namespace

Status ValidateCatalog(const Catalog& catalog, const std::vector<Article>& articles) {
  Validator validator(articles);
  validator.Check(catalog);
  return validator.ToStatus();
}

}  // namespace kb
