// Scope words: see scope_words.h.
#include "scope_words.h"

#include <algorithm>
#include <optional>
#include <string_view>

namespace kb::dialogue {
namespace {

// Words whose folded form, as a prefix, names the product this assistant is
// for.
constexpr std::string_view kOwnProductWords[] = {"amazon", "sellercentral"};

// Folded prefixes of the words for "seller" in our five languages.
constexpr std::string_view kSellerWords[] = {"seller",  "venditor",  "vendedor",
                                             "vendeur", "verkaufer", "haendler",
                                             "handler", "merchant",  "vendor"};

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

// Whether `token` carries the synonym group `group` (kb/synonyms.txt id).
bool HasGroup(const Token& token, std::string_view group) {
  return std::find(token.synonyms.begin(), token.synonyms.end(), group) != token.synonyms.end();
}

template <size_t N>
bool IsOneOf(std::string_view word, const std::string_view (&words)[N]) {
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

// Whether `word` starts with one of `prefixes` and runs at most `max_extra`
// bytes past it ("rubat" finds "rubato", "rubata"; with 2, not "rubatelo").
template <size_t N>
bool StartsWithOneOf(std::string_view word, const std::string_view (&prefixes)[N],
                     size_t max_extra = std::string_view::npos) {
  return std::any_of(std::begin(prefixes), std::end(prefixes), [&](std::string_view prefix) {
    return StartsWith(word, prefix) && word.size() - prefix.size() <= max_extra;
  });
}

// Whether a token within `near` words of tokens[i] (stop words counted, i
// itself not) satisfies `pred`.
template <typename Pred>
bool AnyNear(const std::vector<Token>& tokens, size_t i, size_t near, Pred pred) {
  const size_t from = i >= near ? i - near : 0;
  for (size_t k = from; k < tokens.size() && k <= i + near; ++k) {
    if (k != i && pred(tokens[k])) return true;
  }
  return false;
}

bool NamesOwnProduct(const std::vector<Token>& tokens) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (StartsWithOneOf(tokens[i].folded, kOwnProductWords) || IsSellerCentralAt(tokens, i)) {
      return true;
    }
  }
  return false;
}

// Whether a word for "seller" opens one of the words ("seller account",
// "verkäuferkonto", "venditore").
bool NamesASeller(const std::vector<Token>& tokens) {
  return std::any_of(tokens.begin(), tokens.end(), [](const Token& token) {
    return StartsWithOneOf(token.folded, kSellerWords);
  });
}

bool HoldsRun(const std::vector<Token>& tokens, size_t at, const std::vector<std::string>& words) {
  if (at + words.size() > tokens.size()) return false;
  for (size_t k = 0; k < words.size(); ++k) {
    if (tokens[at + k].folded != words[k]) return false;
  }
  return true;
}

// Folded words that may join a word for password to the device it belongs
// to: "password OF MY laptop", "password DEL wifi", "mot de passe DE MA box",
// "Passwort VON MEINEM Laptop". Not "on", "in", "su", "sur", "auf": "the
// password on my laptop" may well be Seller Central's, typed on the laptop.
constexpr std::string_view kDeviceJoiners[] = {
    "of",    "for",    "my",     "the",    "our",   "your",    "del",    "della", "dello",
    "dei",   "di",     "per",    "il",     "la",    "lo",      "mio",    "mia",   "de",
    "el",    "para",   "mi",     "du",     "des",   "ma",      "mon",    "pour",  "le",
    "von",   "vom",    "fur",    "fuer",   "das",   "den",     "dem",    "der",   "mein",
    "meine", "meinem", "meines", "meinen", "unser", "unseres", "unserem"};
constexpr size_t kMaxDeviceJoiners = 3;

bool IsDeviceJoiner(std::string_view word) { return IsOneOf(word, kDeviceJoiners); }

// How many words the word for password at `i` spans ("mot de passe": 3), or
// 0 when there is none: the ~password synonym group, or a PIN.
size_t PasswordWordsAt(const std::vector<Token>& tokens, size_t i) {
  // A device's PIN or unlock code: "code de déverrouillage", "codice di
  // sblocco", "código de desbloqueo", "Entsperrcode", "unlock code".
  constexpr std::string_view kUnlock[] = {"deverrouill", "sblocc", "desbloque", "entsperr",
                                          "unlock"};
  if (tokens[i].folded == "pin" || StartsWithOneOf(tokens[i].folded, kUnlock)) return 1;
  if (HasGroup(tokens[i], "~password")) return std::max<size_t>(tokens[i].synonym_words, 1);
  return 0;
}

// Whether tokens[i] follows tokens[i - 1] with one space or hyphen between:
// "wifi password", "WLAN-Passwort", but not "laptop, password".
bool Adjacent(const std::vector<Token>& tokens, size_t i) {
  return tokens[i].begin <= tokens[i - 1].end + 1;
}

// Words that make a device word name something else: "phone number",
// "the password for the phone app".
constexpr std::string_view kNotTheDevice[] = {"app",        "apps",  "application", "applicazione",
                                              "aplicacion", "appli", "anwendung",   "number",
                                              "numero",     "nummer"};

// Whether `device` stands at tokens[at] as the device itself.
bool HoldsDevice(const std::vector<Token>& tokens, size_t at,
                 const std::vector<std::string>& device) {
  if (!HoldsRun(tokens, at, device)) return false;
  const size_t after = at + device.size();
  return after >= tokens.size() || !IsOneOf(tokens[after].folded, kNotTheDevice);
}

bool NamesDevicePassword(const std::vector<Token>& tokens,
                         const std::vector<std::vector<std::string>>& devices) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    const size_t words = PasswordWordsAt(tokens, i);
    if (words == 0) continue;
    for (const std::vector<std::string>& device : devices) {
      // "wifi password", "WLAN-Passwort"
      if (i >= device.size() && Adjacent(tokens, i) &&
          HoldsDevice(tokens, i - device.size(), device)) {
        return true;
      }
      // "password del mio portatile"
      size_t at = i + words;
      for (size_t joined = 0; joined <= kMaxDeviceJoiners && at < tokens.size(); ++joined, ++at) {
        if (!Adjacent(tokens, at)) break;
        if (HoldsDevice(tokens, at, device)) return true;
        if (!IsDeviceJoiner(tokens[at].folded)) break;
      }
    }
  }
  return false;
}

// Words for where people read or watch things: a product named next to one
// is where the asker heard of something ("in a Facebook group", "sul gruppo
// Facebook", "ein YouTube-Video"), not what the question is about.
constexpr std::string_view kVenueWords[] = {
    "group",  "groups", "gruppo", "gruppi", "gruppe", "gruppen", "groupe", "groupes",  "grupo",
    "grupos", "forum",  "forums", "foro",   "foros",  "video",   "videos", "channel",  "canale",
    "canal",  "kanal",  "post",   "posts",  "page",   "pagina",  "seite",  "community"};

bool IsVenueWord(std::string_view word) { return IsOneOf(word, kVenueWords); }

// Whether the product named at tokens[at, at + size) is a venue: a venue word
// right before it (possibly with one joiner: "grupo de Facebook") or right
// after it.
bool NamedAsVenue(const std::vector<Token>& tokens, size_t at, size_t size) {
  if (at + size < tokens.size() && Adjacent(tokens, at + size) &&
      IsVenueWord(tokens[at + size].folded)) {
    return true;
  }
  for (size_t back = 1; back <= 2 && back <= at; ++back) {
    if (!Adjacent(tokens, at - back + 1)) return false;
    if (IsVenueWord(tokens[at - back].folded)) return true;
    if (!IsDeviceJoiner(tokens[at - back].folded)) return false;
  }
  return false;
}

// Whether the word at `at` names an authenticator app: "Google
// Authenticator" and "Microsoft Authenticator" are the two-step apps Seller
// Central uses, not Google's or Microsoft's own log-in.
bool IsAuthenticatorAt(const std::vector<Token>& tokens, size_t at) {
  return at < tokens.size() && HasGroup(tokens[at], "~authenticator_app");
}

}  // namespace

bool NamesOtherProduct(const std::vector<Token>& tokens, const OtherProducts& others) {
  auto names_any = [&tokens](const std::vector<std::vector<std::string>>& names) {
    for (size_t i = 0; i < tokens.size(); ++i) {
      for (const std::vector<std::string>& words : names) {
        if (HoldsRun(tokens, i, words) && !NamedAsVenue(tokens, i, words.size()) &&
            !IsAuthenticatorAt(tokens, i + words.size())) {
          return true;
        }
      }
    }
    return false;
  };
  if (NamesOwnProduct(tokens)) return false;
  if (names_any(others.products)) return true;
  return (names_any(others.mailboxes) || names_any(others.topics) ||
          NamesDevicePassword(tokens, others.devices)) &&
         !NamesASeller(tokens);
}

bool NamesSellerCentral(const std::vector<Token>& tokens) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    // Any name kb/synonyms.txt gives it ("SC", "seller-central").
    if (HasGroup(tokens[i], "~seller_central")) return true;
    if (StartsWith(tokens[i].folded, "sellercentral") || IsSellerCentralAt(tokens, i)) return true;
    if (tokens[i].folded == "amazon" && i + 1 < tokens.size() &&
        StartsWithOneOf(tokens[i + 1].folded, kSellerWords)) {
      return true;
    }
  }
  return false;
}

bool SpeaksOfAccess(const std::vector<Token>& tokens) {
  for (const Token& token : tokens) {
    for (std::string_view access : kAccessGroups) {
      if (HasGroup(token, access)) return true;
    }
  }
  return NamesSellerCentral(tokens) || NamesASeller(tokens);
}

bool SaysThePhoneIsGone(const std::vector<Token>& tokens) {
  // Folded prefixes of "stolen", "broken", "dead", "changed" and "old" in our languages;
  // "lost" is the ~lost synonym group. The word must be next to the phone ("telefono
  // rubato", "my phone was stolen"): "my account was stolen and the code
  // does not reach my phone" is not a lost phone.
  constexpr std::string_view kGone[] = {
      "stolen", "rubat", "robad", "robar", "vole", "gestohlen", "geklaut", "broken", "rott", "rot",
      "casse", "kaputt", "stole", "steal", "perdi", "rompi",
      // dead or dropped: "my phone died", "telefono morto", "se me cayó el móvil"
      "dead", "died", "dropped", "mort", "muert", "murio", "cadut", "cayo", "tombe",
      // replaced: "changed my phone", "cambiato telefono", "cambiado de móvil",
      // "changé de téléphone", "Handy gewechselt"
      "changed", "cambiat", "cambiad", "change", "gewechselt",
      // an old number or a deactivated SIM: "mio vecchio numero", "la SIM è
      // stata disattivata", "my old number"
      "old", "vecchi", "antigu", "ancien", "alte", "disattivat", "desactivad", "desactive",
      "deactivat", "deaktivier"};
  // The phone, its number or its SIM.
  constexpr std::string_view kPhoneWords[] = {"sim", "numero", "number", "nummer"};
  constexpr size_t kNear = 3;  // words apart, stop words counted
  auto is_gone = [&](const Token& token) {
    if (HasGroup(token, "~lost")) return true;
    return StartsWithOneOf(token.folded, kGone, 2);
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (HasGroup(tokens[i], "~new_phone")) return true;
    if (!HasGroup(tokens[i], "~phone") && !HasGroup(tokens[i], "~phone_number") &&
        !IsOneOf(tokens[i].folded, kPhoneWords)) {
      continue;
    }
    if (AnyNear(tokens, i, kNear, is_gone)) return true;
  }
  return false;
}

bool SaysSomeoneElseChangedIt(const std::vector<Token>& tokens) {
  // Folded prefixes of "changed" in our languages (the ~change group's words
  // match by stem, and German participles do not stem to the infinitive's).
  constexpr std::string_view kChanged[] = {"chang",     "modifi",     "cambi",     "geandert",
                                           "geaendert", "veraendert", "verandert", "ersetzt"};
  bool not_me = false;
  bool changed = false;
  for (const Token& token : tokens) {
    not_me = not_me || HasGroup(token, "~not_me");
    changed = changed || HasGroup(token, "~change") || StartsWithOneOf(token.folded, kChanged);
  }
  return not_me && changed;
}

bool AsksHowToPreventSuspension(const std::vector<Token>& tokens) {
  constexpr std::string_view kAvoid[] = {"avoid",  "prevent", "evit",    "preveni",
                                         "eviter", "previen", "vermeid", "verhind"};
  // With the chat shorthands "x" (per) and "nn" (non).
  constexpr std::string_view kPurpose[] = {"per", "x", "para", "pa", "pour", "damit", "so", "to"};
  constexpr std::string_view kNot[] = {"non",   "nn",      "no",    "ne",   "nicht", "not",
                                       "don't", "doesn't", "won't", "dont", "never"};
  constexpr std::string_view kSuspension[] = {"bann", "sperr", "gesperr", "cierr", "chiud"};
  // "…damit uns das nicht passiert": the suspension told before.
  constexpr std::string_view kHappen[] = {"passiert", "happen", "happens", "succeda",
                                          "succede",  "pase",   "pasa",    "arrive"};
  constexpr size_t kToNegation = 3;  // from the purpose word to its negation
  constexpr size_t kToObject = 4;    // from the avoiding word to what is avoided
  auto is_suspension = [&](const Token& token) {
    return HasGroup(token, "~suspended") || HasGroup(token, "~locked") ||
           HasGroup(token, "~deactivated") || HasGroup(token, "~close") ||
           IsOneOf(token.folded, kHappen) || StartsWithOneOf(token.folded, kSuspension);
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::optional<size_t> avoiding;
    if (StartsWithOneOf(tokens[i].folded, kAvoid, 4)) {
      avoiding = i;
    } else if (IsOneOf(tokens[i].folded, kPurpose)) {
      for (size_t k = i + 1; k < tokens.size() && k <= i + kToNegation; ++k) {
        if (IsOneOf(tokens[k].folded, kNot)) {
          avoiding = k;
          break;
        }
      }
    }
    if (!avoiding) continue;
    for (size_t k = *avoiding + 1; k < tokens.size() && k <= *avoiding + kToObject; ++k) {
      if (is_suspension(tokens[k])) return true;
    }
  }
  return false;
}

bool AsksWhetherAPasswordPracticeIsSafe(const std::vector<Token>& tokens) {
  // "is it safe", "è sicuro", "es seguro", "est-ce sûr", "ist es sicher":
  // the safe word right after the copula, so that "estoy segura" and "ich
  // bin mir sicher" (the password is right) do not count.
  constexpr std::string_view kIs[] = {"is", "it's", "e", "es", "est", "ist", "c'est"};
  constexpr std::string_view kSafe[] = {"safe",   "ok",  "okay", "sicuro",  "sicura", "seguro",
                                        "segura", "sur", "sure", "prudent", "sicher"};
  // Words that ask it on their own: sensible, advisable, risky, dangerous.
  constexpr std::string_view kAsks[] = {
      "sinnvoll",   "ratsam",    "empfehlenswert", "consigliabile", "recomendable",
      "risky",      "rischioso", "arriesgado",     "riskant",       "dangerous",
      "pericoloso", "peligroso", "dangereux",      "gefahrlich"};
  // A strong password, right before or after the word for it: "strong
  // password", "password sicura", "contraseña segura", "sicheres Passwort".
  constexpr std::string_view kStrong[] = {
      "strong",  "secure",  "safe", "sicura", "sicuro", "forte",   "segura",   "seguro",  "fuerte",
      "robusta", "robuste", "fort", "sur",    "sicher", "sichere", "sicheres", "starkes", "starke"};
  constexpr size_t kNear = 2;  // from the copula to the safe word ("is it safe")
  bool password = false;
  bool asks = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    // "I forgot my password, is it safe to use the reset link?" is still
    // about the forgotten password.
    if (HasGroup(tokens[i], "~forgot")) return false;
    if (const size_t words = PasswordWordsAt(tokens, i); words > 0) {
      password = true;
      const size_t after = i + words;
      if ((after < tokens.size() && Adjacent(tokens, after) &&
           IsOneOf(tokens[after].folded, kStrong)) ||
          (i > 0 && Adjacent(tokens, i) && IsOneOf(tokens[i - 1].folded, kStrong))) {
        asks = true;
      }
    }
    if (IsOneOf(tokens[i].folded, kAsks)) asks = true;
    if (!IsOneOf(tokens[i].folded, kIs)) continue;
    for (size_t k = i + 1; k < tokens.size() && k <= i + kNear; ++k) {
      if (IsOneOf(tokens[k].folded, kSafe)) asks = true;
    }
  }
  return password && asks;
}

bool AsksWhatSellerCentralIs(const std::vector<Token>& tokens) {
  constexpr std::string_view kWhat[] = {"what", "what's", "whats", "cos'e", "cosa",  "serve",
                                        "que",  "sirve",  "quoi",  "was",   "wofur", "wozu"};
  // Words that may stand between the question word and the name.
  constexpr std::string_view kFillers[] = {"even",    "exactly",    "actually",
                                           "preciso", "precisa",    "exactement",
                                           "genau",   "eigentlich", "exactamente"};
  constexpr size_t kAfter = 3;  // "Seller Central, what is it"
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!HasGroup(tokens[i], "~seller_central")) continue;
    const size_t end = i + std::max<size_t>(tokens[i].synonym_words, 1);  // one past the name
    const bool clause_ends = end >= tokens.size() || !Adjacent(tokens, end);
    if (!clause_ends) continue;
    for (size_t k = i; k-- > 0;) {
      if (IsOneOf(tokens[k].folded, kWhat)) return true;
      if (!tokens[k].stopword && !IsOneOf(tokens[k].folded, kFillers)) break;
    }
    for (size_t k = end; k < tokens.size() && k < end + kAfter; ++k) {
      if (IsOneOf(tokens[k].folded, kWhat)) return true;
    }
  }
  return false;
}

bool SaysAccessIsRestricted(const std::vector<Token>& tokens) {
  constexpr std::string_view kDenied[] = {"denied",   "negato", "negata",    "denegado",
                                          "denegada", "refuse", "verweigert"};
  constexpr size_t kNear = 5;  // "l'accesso da questo dispositivo è limitato"
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!HasGroup(tokens[i], "~restricted") && !IsOneOf(tokens[i].folded, kDenied)) continue;
    if (AnyNear(tokens, i, kNear, [](const Token& t) { return HasGroup(t, "~login"); })) {
      return true;
    }
  }
  return false;
}

bool SaysOnlyCloseTheAccount(const std::vector<Token>& tokens) {
  // Infinitives and nouns of closing and deleting, folded: not the
  // participles the ~close group also finds by stem ("account closed",
  // "compte fermé", "cuenta cerrada" ask why it was closed).
  constexpr std::string_view kClose[] = {
      "close",     "closure",     "chiudere",   "chiusura",      "cerrar",     "cierre",
      "fermer",    "fermeture",   "cloturer",   "cloture",       "schliessen", "schliessung",
      "kundigen",  "delete",      "cancellare", "eliminare",     "borrar",     "eliminar",
      "supprimer", "suppression", "loschen",    "cancellazione", "eliminacion"};
  bool close = false;
  bool account = false;
  for (const Token& token : tokens) {
    if (token.stopword) continue;
    const bool closes = IsOneOf(token.folded, kClose);
    const bool names = HasGroup(token, "~account") || HasGroup(token, "~seller") ||
                       HasGroup(token, "~seller_central") ||
                       StartsWithOneOf(token.folded, kOwnProductWords);
    if (!closes && !names) return false;
    close = close || closes;
    account = account || names;
  }
  return close && account;
}

bool SpeaksOfAnAccount(const std::vector<Token>& tokens) {
  for (const Token& token : tokens) {
    if (HasGroup(token, "~account")) return true;
  }
  return SpeaksOfAccess(tokens);
}

}  // namespace kb::dialogue
