// The intent catalogue (kb/intents/*.intent): what the assistant can answer,
// in which words people ask it, and the grounded steps it replies with.
// Plain structs loaded from text files; validated against the articles.
// The file format is documented in kb/intents/README.md.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "kb/article.h"
#include "kb/status.h"

namespace kb {

// Where a piece of the catalogue was written, for error messages.
struct Origin {
  std::string file;
  int line = 0;
};

struct SourceRef {
  std::string article;  // article id (file stem)
  std::string section;  // section heading, as the parser finds it
  Origin origin;
};

struct CatalogStep {
  std::string text;
  SourceRef source;
};

// What an intent says in one language.
struct IntentText {
  std::string label;                 // short name, offered as a clarification choice
  std::string lead;                  // one or two sentences opening the reply
  std::vector<std::string> phrases;  // training phrases
  std::vector<CatalogStep> steps;    // curated steps; empty = the sections' extracted steps
};

enum class IntentKind {
  kTask,        // a public intent of intents.md with steps
  kSmalltalk,   // greeting / thanks / goodbye: the lead is the reply
  kOutOfScope,  // training phrases of questions the assistant must decline (not an intent)
  kAmbiguous,   // questions that fit several intents: reply with `suggest`
  kFollowup,    // "it still doesn't work": continue from the last intent's `next`
};

struct Intent {
  std::string id;  // public id of intents.md; internal kinds start with '_'
  IntentKind kind = IntentKind::kTask;
  std::vector<SourceRef> sources;    // the article sections that ground it
  std::vector<std::string> suggest;  // kAmbiguous: the intents to offer
  std::string next;                  // intent to offer when the answer did not help
  // Names whose mention decides the intent (e.g. other companies' products
  // for the out-of-scope entry: "paypal", "ebay", "instagram").
  std::vector<std::string> entities;
  // Mail providers (out-of-scope entry: "gmail", "outlook"): another
  // company's product when a question is about them ("I forgot my gmail
  // password"), but only the mailbox when it names a seller too ("which
  // gmail is my seller account under").
  std::vector<std::string> mailboxes;
  // Devices with a password or PIN of their own (out-of-scope entry: "wifi",
  // "laptop"): "I forgot my wifi password" is not about Seller Central, but
  // "can I sign in from my laptop" is.
  std::vector<std::string> devices;
  // Other matters a seller also has (out-of-scope entry: "gewerbe",
  // "partita iva"): not ours unless a seller or Amazon is named ("wie melde
  // ich ein Gewerbe an" is not, "brauche ich ein Gewerbe für Amazon" is).
  std::vector<std::string> topics;
  std::map<std::string, IntentText> texts;  // by language code (en, it, es, fr, de)
  Origin origin;
};

struct Catalog {
  std::vector<Intent> intents;
  // UI messages by key then language: "fallback", "clarify", "search",
  // "credentials_warning", "still_not_working", "handoff", ...
  std::map<std::string, std::map<std::string, std::string>> messages;
  const Intent* Find(std::string_view id) const;
};

// Loads every *.intent file and messages file of `dir`. Errors name file:line.
StatusOr<Catalog> LoadCatalog(const std::string& dir);

// Checks ids, languages and that every source names an existing article
// section; errors name file:line of the first problem.
Status ValidateCatalog(const Catalog& catalog, const std::vector<Article>& articles);

}  // namespace kb
