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

// Other companies' products, each a run of folded words ("apple id" ->
// {"apple", "id"}), from the catalogue's out-of-scope entry.
struct OtherProducts {
  std::vector<std::vector<std::string>> products;   // `entities:`
  std::vector<std::vector<std::string>> mailboxes;  // `mailboxes:` (mail providers)
  std::vector<std::vector<std::string>> devices;    // `devices:` (their own passwords)
  std::vector<std::vector<std::string>> topics;     // `topics:` (other matters)
};

// Whether `tokens` name another company's product and no word names our
// product: "amazon…", "sellercentral…" or "seller central". A bare "seller
// account" is not ours: a Cdiscount or eBay seller account is theirs. A mail
// provider counts only when no seller is named: "which gmail is my seller
// account under" is ours, "I forgot my gmail password" is not. So does a
// device's own password, when no seller is named: "wifi password", "password
// del mio portatile", "mot de passe de ma box internet" (a word for password
// right after the device, or before it joined only by "of", "my", "the"…).
// The device alone does not: "can I log in from my laptop" is ours. Nor does
// a product named as where one read something ("in a Facebook group"), or
// an authenticator app ("Google Authenticator").
bool NamesOtherProduct(const std::vector<Token>& tokens, const OtherProducts& others);

// Whether the question names Seller Central itself: "seller central",
// "sellercentral…", a synonym of it (kb/synonyms.txt: "SC"), or "amazon"
// followed by a word for seller ("amazon seller account", "amazon
// verkäuferkonto"). "Amazon" alone does not: a customer's order is not ours.
bool NamesSellerCentral(const std::vector<Token>& tokens);

// Whether the question names Seller Central or what signing in to it takes,
// or its account-health vocabulary: the synonym groups of passwords,
// two-step and verification codes, authenticator apps, signing in and the
// order defect rate (kb/synonyms.txt).
bool SpeaksOfAccess(const std::vector<Token>& tokens);

// Whether the question says its phone is lost, stolen, broken or replaced,
// or its number old or its SIM deactivated ("mi hanno rubato il telefono",
// "new phone", "handy kaputt", "my old number"): then a two-step code cannot
// come, whatever else it says about the code.
bool SaysThePhoneIsGone(const std::vector<Token>& tokens);

// Whether the question says something was changed and that the asker did
// not do it ("die E-Mail-Adresse wurde geändert, das war ich nicht", "my
// password was changed but I didn't touch anything"): someone else is in
// the account, whatever the changed thing is.
bool SaysSomeoneElseChangedIt(const std::vector<Token>& tokens);

// Whether the question asks how to keep an account from being suspended,
// banned, blocked or closed: a word for avoiding ("evitare", "vermeiden") or
// a negated purpose ("per non farmi bannare", "para que no me suspendan",
// "damit uns das nicht passiert") beside a word for the suspension.
bool AsksHowToPreventSuspension(const std::vector<Token>& tokens);

// Whether the question asks if something done with the password is safe
// ("is it ok to let chrome remember my password?", "ist ein Passwortmanager
// sinnvoll?"): a question of good practice, not of a forgotten password.
bool AsksWhetherAPasswordPracticeIsSafe(const std::vector<Token>& tokens);

// Whether the question asks what Seller Central itself is: a "what is" or
// "what for" word right before its name, which then ends the clause ("What
// even is Seller Central?", "a cosa serve di preciso Seller Central?"), or
// right after it ("Seller Central, what is it?", "…, c'est quoi ?"). Not
// "what is the seller central login page" nor "what is needed to open a
// seller central account".
bool AsksWhatSellerCentralIs(const std::vector<Token>& tokens);

// Whether the question says that access itself is restricted or denied
// ("l'accesso da questo dispositivo è limitato", "access denied"): a word for
// access and one for restricted or denied within a few words.
bool SaysAccessIsRestricted(const std::vector<Token>& tokens);

// Whether the question says nothing but "close the account": each of its
// content words is a word for closing or deleting, for the account, the
// seller or Amazon ("chiusura account venditore", "fermeture compte
// vendeur"), so nothing speaks of inactivity or of reopening.
bool SaysOnlyCloseTheAccount(const std::vector<Token>& tokens);

// Whether the question names an account (the ~account synonym group:
// "account", "cuenta", "Konto", "acc"…) or speaks of access.
bool SpeaksOfAnAccount(const std::vector<Token>& tokens);

}  // namespace kb::dialogue
