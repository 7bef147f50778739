// Scope words: see scope_words.h.
#include "scope_words.h"

#include <string_view>

namespace kb::dialogue {
namespace {

// Words whose folded form, as a prefix, names the product this assistant is
// for.
constexpr std::string_view kOwnProductWords[] = {"amazon", "sellercentral"};

// Folded prefixes of the words for "seller" in our five languages.
constexpr std::string_view kSellerWords[] = {"seller",  "venditor", "vendedor",
                                             "vendeur", "verkauf",  "haendler",
                                             "handler", "merchant", "vendor"};

// Synonym groups (kb/synonyms.txt ids) that only a question about signing
// in to Seller Central, or about its account health, carries.
constexpr std::string_view kAccessGroups[] = {
    "~2sv",         "~password",          "~verification_code", "~login",
    "~backup_code", "~authenticator_app", "~order_defect_rate"};

bool IsSellerCentralAt(const std::vector<Token>& tokens, size_t i) {
  return tokens[i].folded == "seller" && i + 1 < tokens.size() && tokens[i + 1].folded == "central";
}

bool StartsWith(std::string_view word, std::string_view prefix) {
  return word.substr(0, prefix.size()) == prefix;
}

bool NamesOwnProduct(const std::vector<Token>& tokens) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    for (std::string_view own : kOwnProductWords) {
      if (StartsWith(tokens[i].folded, own)) return true;
    }
    if (IsSellerCentralAt(tokens, i)) return true;
  }
  return false;
}

// Whether a word for "seller" opens one of the words ("seller account",
// "verkäuferkonto", "venditore").
bool NamesASeller(const std::vector<Token>& tokens) {
  for (const Token& token : tokens) {
    for (std::string_view seller : kSellerWords) {
      if (StartsWith(token.folded, seller)) return true;
    }
  }
  return false;
}

bool HoldsRun(const std::vector<Token>& tokens, size_t at, const std::vector<std::string>& words) {
  if (at + words.size() > tokens.size()) return false;
  for (size_t k = 0; k < words.size(); ++k) {
    if (tokens[at + k].folded != words[k]) return false;
  }
  return true;
}

}  // namespace

bool NamesOtherProduct(const std::vector<Token>& tokens, const OtherProducts& others) {
  auto names_any = [&tokens](const std::vector<std::vector<std::string>>& names) {
    for (size_t i = 0; i < tokens.size(); ++i) {
      for (const std::vector<std::string>& words : names) {
        if (HoldsRun(tokens, i, words)) return true;
      }
    }
    return false;
  };
  if (NamesOwnProduct(tokens)) return false;
  return names_any(others.products) || (names_any(others.mailboxes) && !NamesASeller(tokens));
}

bool NamesSellerCentral(const std::vector<Token>& tokens) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    // Any name kb/synonyms.txt gives it ("SC", "seller-central").
    for (const std::string& group : tokens[i].synonyms) {
      if (group == "~seller_central") return true;
    }
    if (StartsWith(tokens[i].folded, "sellercentral") || IsSellerCentralAt(tokens, i)) return true;
    if (tokens[i].folded != "amazon" || i + 1 == tokens.size()) continue;
    for (std::string_view seller : kSellerWords) {
      if (StartsWith(tokens[i + 1].folded, seller)) return true;
    }
  }
  return false;
}

bool SpeaksOfAccess(const std::vector<Token>& tokens) {
  for (const Token& token : tokens) {
    for (const std::string& group : token.synonyms) {
      for (std::string_view access : kAccessGroups) {
        if (group == access) return true;
      }
    }
  }
  return NamesSellerCentral(tokens);
}

}  // namespace kb::dialogue
