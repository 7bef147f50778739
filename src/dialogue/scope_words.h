// What a question's words say about its scope, before and beside the intent
// model: whether it names another company's product, Seller Central itself,
// or what signing in to Seller Central takes.
//
// Thread safety: stateless functions over the caller's tokens.
#pragma once

#include <string>
#include <vector>

#include "kb/analyzer.h"

namespace kb::dialogue {

// Whether `tokens` hold one of `entities` (each a run of folded words, "apple
// id" -> {"apple", "id"}) and no word that names our product: "amazon…",
// "sellercentral…" or "seller central". A bare "seller account" is not ours:
// a Cdiscount or eBay seller account is theirs.
bool NamesOtherProduct(const std::vector<Token>& tokens,
                       const std::vector<std::vector<std::string>>& entities);

// Whether the question names Seller Central itself: "seller central",
// "sellercentral…", or "amazon" followed by a word for seller ("amazon
// seller account", "amazon verkäuferkonto"). "Amazon" alone does not: a
// customer's order is not ours.
bool NamesSellerCentral(const std::vector<Token>& tokens);

// Whether the question names Seller Central or what signing in to it takes:
// the synonym groups of passwords, two-step and verification codes,
// authenticator apps and signing in (kb/synonyms.txt).
bool SpeaksOfAccess(const std::vector<Token>& tokens);

}  // namespace kb::dialogue
