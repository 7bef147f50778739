// The engine's decision: which reply type, which intent, in which language.
//
//   credentials?  -> warn (and still answer the question around them)
//   pending clarification -> a number, a label or free text picks an option
//   another company's product named (catalogue `entities:`; `mailboxes:`,
//          `topics:` and a `devices:` password when no seller is named) ->
//          fallback
//   model (a message opening with "and…/e…/y…" is also read with the last one;
//          typos corrected into the question's language when it is sure; a
//          phone said to be gone moves verification_code to lost_2sv_device):
//          follow-up ("still doesn't work") -> the last intent's `next`, then
//                     contact_support; with no last intent -> clarify
//          small talk, sure -> small talk, unless a real question follows a
//                     greeting
//          out of scope, clearly ahead of every task intent -> fallback
//          ambiguous, but resting on generic words around unknown ones and
//                     naming no account -> fallback
//          ambiguous -> clarify with the catalogue's choices
//          one task intent, confident (a long post's leader from 0.35) ->
//                     answer
//          several task intents close -> clarify with them
//          one task intent and the ambiguous class together strong ->
//                     clarify with both's choices
//   low confidence -> search passages if they hold every word; else, if the
//          question speaks of Seller Central, signing in or an account,
//          clarify with the likeliest three; else fallback
#include "kb/engine.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <mutex>
#include <set>

#include "../match/credential_detector.h"
#include "../match/intent_model.h"
#include "scope_words.h"

namespace kb {
namespace {

// Decision thresholds on the model's probabilities, tuned on tests/data.
constexpr double kAnswerThreshold = 0.45;
constexpr double kAnswerMargin = 0.12;
// Questions of this many content words are long posts (a story, then the
// question), answered from kLongPostAnswerThreshold on; measured on the
// labelled sets (docs/benchmarks.md): 0.30-0.38 and 12-20 words are alike.
constexpr int kLongPostWords = 15;
constexpr double kLongPostAnswerThreshold = 0.35;
constexpr double kClarifyPairThreshold = 0.45;
constexpr double kClarifyMember = 0.12;
constexpr double kOutOfScopeThreshold = 0.40;
// Out of scope must also beat the best task intent by this much; closer
// calls go on to the task rules (clarify or answer).
constexpr double kOutOfScopeMargin = 0.15;
constexpr double kOutOfScopeRunnerUp = 0.30;
constexpr double kSpecialThreshold = 0.40;
// Small talk is said in a few set words, which the model is sure of: the
// small-talk classes together hold 0.9 and more of every labelled greeting,
// thanks and goodbye ("ciao" splits between hello and bye). A weaker
// small-talk reading is a question that shares a word with one ("what's a
// GOOD recipe for banana bread" vs "good morning"), not small talk.
constexpr double kSmalltalkThreshold = 0.70;
// The best task's least probability for a question that speaks of Seller
// Central or of signing in to it (dialogue::SpeaksOfAccess) to be asked
// about instead of declined.
constexpr double kOwnProductClarify = 0.12;
constexpr double kLanguageConfidence = 0.55;
// Language ID this sure of a question: an unknown word of it is a typo of a
// word of that language, not of another's ("line" is no "lien"). Less sure,
// as mixed questions are ("account sopseso"), any language's word will do.
constexpr double kSureOfLanguage = 0.9;
constexpr size_t kMaxSearchSteps = 3;
// How much of the previous message a conversation keeps for follow-ups.
constexpr size_t kLastMessageBytes = 400;

// First words that continue the previous message ("and for seller central
// too?", "e se…", "y la de…"): such a message is read with the one before.
constexpr std::string_view kContinuationOpeners[] = {"and",     "also", "e",     "anche", "y",
                                                     "tambien", "et",   "aussi", "und",   "auch"};

// Cues in the words that the model weighs too lightly against the words
// around them: each says which intent the question means, and whose
// probability that intent takes (scope_words.h has the cues themselves).
struct WordCue {
  bool (*says)(const std::vector<Token>&);
  std::string_view to;
  std::array<std::string_view, 3> from;  // "" for none
  std::string_view decision;             // for explanations
};
constexpr WordCue kWordCues[] = {
    // A change the seller did not make is someone else in the account,
    // however much the words speak of the changed e-mail or password.
    {dialogue::SaysSomeoneElseChangedIt,
     "account_hacked",
     {"wrong_email", "forgot_password", ""},
     "changed, not by the seller"},
    // Keeping an account from suspension, however much the words speak of
    // the suspension or closure itself.
    {dialogue::AsksHowToPreventSuspension,
     "avoid_suspension",
     {"account_suspended", "close_account", "multiple_accounts"},
     "asks how to prevent a suspension"},
    // Whether keeping or choosing a password is safe is advice, not a
    // forgotten password.
    {dialogue::AsksWhetherAPasswordPracticeIsSafe,
     "security_best_practices",
     {"forgot_password", "", ""},
     "asks whether a password practice is safe"},
    // What Seller Central is, asked of its name alone, however much the rest
    // speaks of opening an account or of buying.
    {dialogue::AsksWhatSellerCentralIs,
     "what_is_seller_central",
     {"open_account_requirements", "seller_vs_buyer_account", ""},
     "asks what Seller Central is"},
    // Access restricted or denied, however much the words speak of the
    // devices it happens on.
    {dialogue::SaysAccessIsRestricted,
     "ip_device_restriction",
     {"multiple_devices", "", ""},
     "access is restricted"},
    // "Close the account" and nothing else: no word speaks of an account
    // closed for inactivity or of reopening one.
    {dialogue::SaysOnlyCloseTheAccount,
     "close_account",
     {"inactivity_closure", "restore_closed_account", ""},
     "says only: close the account"},
    // A code that cannot come because the phone is gone, however much the
    // words speak of the code.
    {dialogue::SaysThePhoneIsGone,
     "lost_2sv_device",
     {"verification_code", "", ""},
     "the phone is gone: the code cannot come"},
};

std::string Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  const size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// Most probable first again, after probabilities were moved; ties keep
// their order.
void SortByProbability(match::Prediction& prediction) {
  std::stable_sort(prediction.ranked.begin(), prediction.ranked.end(),
                   [](const match::ClassScore& a, const match::ClassScore& b) {
                     return a.probability > b.probability;
                   });
}

}  // namespace

struct Engine::Impl {
  std::unique_ptr<KnowledgeBase> kb;
  match::IntentModel model;
  // Folded words of each out-of-scope entity and mail provider.
  dialogue::OtherProducts other_products;

  // Whether `tokens` name another company's product and not ours.
  bool NamesOtherProduct(const std::vector<Token>& tokens) const {
    return dialogue::NamesOtherProduct(tokens, other_products);
  }

  std::mutex analyzers_mutex;
  std::vector<std::unique_ptr<Analyzer>> analyzers;

  std::unique_ptr<Analyzer> BorrowAnalyzer() {
    std::lock_guard lock(analyzers_mutex);
    if (analyzers.empty()) return std::make_unique<Analyzer>(kb->synonyms());
    auto analyzer = std::move(analyzers.back());
    analyzers.pop_back();
    return analyzer;
  }
  void ReturnAnalyzer(std::unique_ptr<Analyzer> analyzer) {
    std::lock_guard lock(analyzers_mutex);
    analyzers.push_back(std::move(analyzer));
  }

  const Catalog& catalog() const { return kb->catalog(); }

  // The catalogue entry of a class the model scored, or null.
  const Intent* IntentOf(const match::ClassScore& score) const {
    return catalog().Find(model.classes()[score.cls]);
  }

  // The catalogue's first ambiguous entry: the general "which problem?" question.
  const Intent* FirstAmbiguous() const {
    for (const Intent& intent : catalog().intents) {
      if (intent.kind == IntentKind::kAmbiguous) return &intent;
    }
    return nullptr;
  }

  // For a message with no answer before it (see Respond): removes the
  // follow-up classes from `prediction`, giving their probability to the
  // first ambiguous class when a follow-up ranked first, and to every other
  // class in proportion otherwise.
  void FoldFollowUps(match::Prediction& prediction) const {
    const auto& classes = model.classes();
    auto kind_of = [&](const match::ClassScore& s) {
      const Intent* intent = IntentOf(s);
      return intent ? std::optional<IntentKind>(intent->kind) : std::nullopt;
    };
    if (prediction.ranked.empty()) return;
    const bool followup_first = kind_of(prediction.ranked.front()) == IntentKind::kFollowup;
    const Intent* ambiguous = FirstAmbiguous();
    double followup = 0;
    std::erase_if(prediction.ranked, [&](const match::ClassScore& s) {
      const bool drop = kind_of(s) == IntentKind::kFollowup;
      if (drop) followup += s.probability;
      return drop;
    });
    if (followup <= 0 || prediction.ranked.empty()) return;
    if (followup_first && ambiguous) {
      for (auto& s : prediction.ranked) {
        if (classes[s.cls] == ambiguous->id) s.probability += followup;
      }
    } else if (followup < 1) {
      for (auto& s : prediction.ranked) s.probability /= 1 - followup;
    }
    SortByProbability(prediction);
  }

  // The most probable ambiguous class of `prediction` and its probability.
  std::pair<const Intent*, double> BestAmbiguous(const match::Prediction& prediction) const {
    for (const match::ClassScore& s : prediction.ranked) {
      const Intent* intent = IntentOf(s);
      if (intent && intent->kind == IntentKind::kAmbiguous) return {intent, s.probability};
    }
    return {nullptr, 0};
  }

  // Moves the probability of class `from` to class `to` (a reading that
  // `to` includes); false if either class is missing or `from` had none.
  bool MoveProbability(match::Prediction& prediction, std::string_view to,
                       std::string_view from) const {
    const int a = model.ClassIndex(to);
    const int b = model.ClassIndex(from);
    if (a < 0 || b < 0) return false;
    auto& ranked = prediction.ranked;
    auto rank_of = [&ranked](int cls) {
      return std::find_if(ranked.begin(), ranked.end(),
                          [cls](const match::ClassScore& s) { return s.cls == cls; });
    };
    const auto target = rank_of(a);
    const auto source = rank_of(b);
    if (target == ranked.end() || source == ranked.end() || source->probability <= 0) {
      return false;
    }
    target->probability += source->probability;
    source->probability = 0;
    SortByProbability(prediction);
    return true;
  }

  // Moves probability to the intents the words' cues mean (kWordCues),
  // saying so in `decision`.
  void ApplyWordCues(const std::vector<Token>& words, match::Prediction& prediction,
                     std::string& decision) const {
    for (const WordCue& cue : kWordCues) {
      if (!cue.says(words)) continue;
      bool moved = false;
      for (std::string_view from : cue.from) {
        if (!from.empty()) moved = MoveProbability(prediction, cue.to, from) || moved;
      }
      if (moved) decision.append(cue.decision).append("; ");
    }
  }

  // Whether a question is said in small talk's own words: at least as many
  // of its f: and w: features weigh for some small-talk class as not, its
  // unknown words counting against. "Anyone got a good banana bread recipe?"
  // shares "anyone" and "good" with the greetings; "got", "recipe", "banana"
  // and "bread" are no small talk's. Only questions are held to it: thanks
  // and goodbyes come with words of their own ("Danke, das hat mir echt
  // geholfen!").
  bool SaidInSmalltalkWords(const match::Prediction& prediction) const {
    int own = 0;
    int other = prediction.unknown_words;
    for (const std::string& feature : prediction.matched_features) {
      if (feature.compare(0, 2, "w:") != 0 && feature.compare(0, 2, "f:") != 0) continue;
      bool smalltalk = false;
      for (const match::ClassScore& s : prediction.ranked) {
        const Intent* intent = IntentOf(s);
        if (intent && intent->kind == IntentKind::kSmalltalk && model.Weight(feature, s.cls) > 0) {
          smalltalk = true;
          break;
        }
      }
      (smalltalk ? own : other) += 1;
    }
    return own >= other;
  }

  // The share of `prediction` held by the small-talk classes together.
  double SmalltalkProbability(const match::Prediction& prediction) const {
    double sum = 0;
    for (const match::ClassScore& s : prediction.ranked) {
      const Intent* intent = IntentOf(s);
      if (intent && intent->kind == IntentKind::kSmalltalk) sum += s.probability;
    }
    return sum;
  }

  std::string Message(const std::string& key, const std::string& lang) const {
    auto by_key = catalog().messages.find(key);
    if (by_key == catalog().messages.end()) return "";
    for (const std::string& code : {lang, std::string("en")}) {
      auto it = by_key->second.find(code);
      if (it != by_key->second.end()) return it->second;
    }
    return by_key->second.empty() ? "" : by_key->second.begin()->second;
  }

  const IntentText* Text(const Intent& intent, const std::string& lang) const {
    for (const std::string& code : {lang, std::string("en")}) {
      auto it = intent.texts.find(code);
      if (it != intent.texts.end()) return &it->second;
    }
    return intent.texts.empty() ? nullptr : &intent.texts.begin()->second;
  }

  std::string Label(const std::string& id, const std::string& lang) const {
    const Intent* intent = catalog().Find(id);
    const IntentText* text = intent ? Text(*intent, lang) : nullptr;
    return text && !text->label.empty() ? text->label : id;
  }

  void AddSource(Reply& reply, const std::string& article_id, const std::string& section) const {
    for (const ReplySource& s : reply.sources) {
      if (s.article == article_id && s.section == section) return;
    }
    const Article* article = kb->FindArticle(article_id);
    if (!article) return;
    reply.sources.push_back({article_id, article->title, section, article->lang});
  }

  // Fills an answer (or small talk) for `intent` in `lang`.
  void Answer(const Intent& intent, const std::string& lang, double confidence, Reply& reply,
              DialogueState& next) const {
    const IntentText* text = Text(intent, lang);
    reply.type = intent.kind == IntentKind::kSmalltalk ? "smalltalk" : "answer";
    reply.intent = intent.id;
    reply.confidence = confidence;
    reply.text = text ? text->lead : "";
    if (text && !text->steps.empty()) {
      for (const CatalogStep& step : text->steps) {
        reply.steps.push_back({step.text, step.source.article, step.source.section});
        AddSource(reply, step.source.article, step.source.section);
      }
    } else {
      for (const SourceRef& source : intent.sources) {
        const Section* section = kb->FindSection(source.article, source.section);
        if (!section) continue;
        for (const Step& step : section->steps) {
          reply.steps.push_back({step.text, source.article, source.section});
        }
      }
    }
    for (const SourceRef& source : intent.sources) AddSource(reply, source.article, source.section);
    if (intent.kind == IntentKind::kTask) {
      if (next.last_intent != intent.id) next.still_not_working = 0;
      next.last_intent = intent.id;
    }
    next.suggestions.clear();
    next.fallbacks = 0;
  }

  void Clarify(const std::vector<std::string>& ids, const std::string& lead,
               const std::string& lang, double confidence, Reply& reply,
               DialogueState& next) const {
    reply.type = "clarify";
    reply.intent.reset();
    reply.confidence = confidence;
    reply.text = lead.empty() ? Message("clarify", lang) : lead;
    for (const std::string& id : ids) {
      if (!catalog().Find(id)) continue;
      reply.suggestions.push_back({id, Label(id, lang)});
    }
    next.suggestions = reply.suggestions;
  }

  void Fallback(const std::string& lang, double confidence, Reply& reply,
                DialogueState& next) const {
    reply.type = "fallback";
    reply.intent.reset();
    reply.confidence = confidence;
    reply.text = Message("fallback", lang);
    ++next.fallbacks;
    next.suggestions.clear();
    // Going in circles: offer a person.
    if (next.fallbacks >= 2 && catalog().Find("contact_support")) {
      const std::string handoff = Message("handoff", lang);
      if (!handoff.empty()) reply.text += " " + handoff;
      reply.suggestions.push_back({"contact_support", Label("contact_support", lang)});
      next.suggestions = reply.suggestions;
    }
  }

  bool TrySearch(const std::string& message, const std::string& lang, int content_words,
                 Reply& reply) const {
    // No passage holds every word of a long post: the search would only cost
    // time (a millisecond for the two FTS5 queries of thirty-odd terms).
    if (content_words >= kLongPostWords) return false;
    SearchOptions options;
    options.lang = LangFromCode(lang);
    options.limit = static_cast<int>(kMaxSearchSteps);
    options.prefix_last = false;
    options.any_term_fallback = false;
    auto result = kb->Search(message, options);
    if (!result.ok() || result->passages.empty() || !result->matched_all_terms ||
        result->terms.size() < 2) {
      return false;
    }
    reply.type = "search";
    reply.intent.reset();
    reply.text = Message("search", lang);
    for (const Passage& p : result->passages) {
      reply.steps.push_back({p.text, p.article, p.section});
      AddSource(reply, p.article, p.section);
    }
    return true;
  }

  // A pick among offered suggestions: "2", "the second"… or a label.
  std::optional<std::string> PickSuggestion(const std::string& message,
                                            const std::vector<Suggestion>& suggestions,
                                            Analyzer& analyzer) const {
    if (suggestions.empty()) return std::nullopt;
    std::string digits;
    for (char c : message) {
      if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    }
    const std::string folded = analyzer.Fold(message);
    if (!digits.empty() && digits.size() <= 2 && folded.size() <= 12) {
      const int n = std::stoi(digits);
      if (n >= 1 && n <= static_cast<int>(suggestions.size())) return suggestions[n - 1].intent;
    }
    for (const Suggestion& s : suggestions) {
      if (analyzer.Fold(s.label) == folded || s.intent == Trim(message)) return s.intent;
    }
    return std::nullopt;
  }
};

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

StatusOr<std::unique_ptr<Engine>> Engine::Open(const std::string& kb_path) {
  auto kb = KnowledgeBase::Open(kb_path);
  if (!kb.ok()) return kb.status();
  auto blob = (*kb)->Blob("intent_model");
  if (!blob) return Status::Error(kb_path + " has no intent model: index it with a catalogue");
  auto model = match::IntentModel::Deserialize(*blob);
  if (!model.ok()) return model.status();
  auto impl = std::make_unique<Impl>();
  impl->kb = std::move(kb).value();
  impl->model = std::move(model).value();
  Analyzer analyzer(impl->kb->synonyms());
  // Each name as its run of folded words ("apple id" -> {"apple", "id"}).
  auto add_names = [&analyzer](const std::vector<std::string>& names,
                               std::vector<std::vector<std::string>>& out) {
    for (const std::string& name : names) {
      std::vector<std::string> words;
      for (const Token& token : analyzer.Analyze(name, Lang::kUnknown)) {
        words.push_back(token.folded);
      }
      if (!words.empty()) out.push_back(std::move(words));
    }
  };
  for (const Intent& intent : impl->kb->catalog().intents) {
    if (intent.kind != IntentKind::kOutOfScope) continue;
    add_names(intent.entities, impl->other_products.products);
    add_names(intent.mailboxes, impl->other_products.mailboxes);
    add_names(intent.devices, impl->other_products.devices);
    add_names(intent.topics, impl->other_products.topics);
  }
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

const KnowledgeBase& Engine::knowledge_base() const { return *impl_->kb; }

StatusOr<std::string> BuildIntentModel(const Catalog& catalog, const std::vector<Article>&,
                                       const std::shared_ptr<const SynonymTable>& synonyms) {
  auto model = match::IntentModel::Train(catalog, synonyms);
  if (!model.ok()) return model.status();
  return model->Serialize();
}

Reply Engine::Respond(const DialogueState& state, const Request& request,
                      DialogueState* next_out) const {
  const Impl& impl = *impl_;
  DialogueState next = state;
  ++next.turns;
  Reply reply;
  std::unique_ptr<Analyzer> analyzer = impl_->BorrowAnalyzer();

  const std::string message = Trim(request.message);
  const match::CredentialScan scan = match::ScanForCredentials(message);
  LanguageGuess guess = DetectLanguage(scan.redacted);
  if (guess.lang == Lang::kUnknown) {
    // Too short for language identification ("ciao", "servus"): the
    // language of the catalogue phrases that use its words, if only one.
    guess.lang = impl.model.SoleLanguage(scan.redacted, *analyzer);
  }

  // The reply language: the request's, a pinned one, a confident guess, the
  // conversation's, a weak guess, English.
  std::string lang;
  if (request.lang) {
    lang = LangCode(*request.lang);
    next.lang_pinned = true;
  } else if (state.lang_pinned && !state.lang.empty()) {
    lang = state.lang;
  } else if (guess.lang != Lang::kUnknown &&
             (guess.confidence >= kLanguageConfidence || state.lang.empty())) {
    lang = LangCode(guess.lang);
  } else if (!state.lang.empty()) {
    lang = state.lang;
  } else {
    lang = "en";
  }
  next.lang = lang;
  reply.lang = lang;

  Explanation explanation;
  explanation.detected_lang = std::string(LangCode(guess.lang));
  explanation.lang_confidence = guess.confidence;

  const Lang analysis_lang = LangFromCode(lang).value_or(Lang::kUnknown);
  const std::vector<Suggestion> pending = state.suggestions;

  if (message.empty()) {
    reply.type = "fallback";
    reply.text = impl.Message("empty", lang);
    explanation.decision += "empty message";
  } else if (auto picked = impl.PickSuggestion(message, pending, *analyzer)) {
    impl.Answer(*impl.catalog().Find(*picked), lang, 1.0, reply, next);
    explanation.decision += "picked a clarification option";
  } else {
    const Lang typo_lang = guess.lang == analysis_lang && guess.confidence >= kSureOfLanguage
                               ? analysis_lang
                               : Lang::kUnknown;
    match::Prediction prediction =
        impl.model.Predict(scan.redacted, analysis_lang, *analyzer, typo_lang);
    const std::vector<Token> words = analyzer->Analyze(scan.redacted, analysis_lang);
    if (!state.last_message.empty()) {
      bool continues = false;
      for (std::string_view opener : kContinuationOpeners) {
        continues |= !words.empty() && words.front().folded == opener;
      }
      if (continues) {
        match::Prediction combined = impl.model.Predict(state.last_message + " " + scan.redacted,
                                                        analysis_lang, *analyzer, typo_lang);
        if (combined.ranked.front().probability > prediction.ranked.front().probability) {
          prediction = std::move(combined);
          explanation.decision = "read with the previous message; ";
        }
      }
    }
    for (const auto& c : prediction.corrections) {
      explanation.corrections.push_back(c.from + " -> " + c.to);
    }
    explanation.matched_terms = prediction.matched_features;
    const auto& classes = impl.model.classes();
    auto intent_of = [&](const match::ClassScore& s) { return impl.IntentOf(s); };
    // "Still doesn't work" only means something after an answer. Before one,
    // the follow-up class's share goes to the first ambiguous class when it
    // is the best reading ("non riesco più, che faccio?": something fails,
    // but what?), and is spread over the others when it is not.
    if (state.last_intent.empty()) impl.FoldFollowUps(prediction);
    impl.ApplyWordCues(words, prediction, explanation.decision);
    const bool phone_gone = dialogue::SaysThePhoneIsGone(words);
    for (size_t i = 0; i < prediction.ranked.size() && i < 5; ++i) {
      explanation.candidates.push_back(
          {classes[prediction.ranked[i].cls], prediction.ranked[i].probability});
    }
    // Task intents only, most probable first.
    std::vector<match::ClassScore> tasks;
    for (const auto& s : prediction.ranked) {
      const Intent* intent = intent_of(s);
      if (intent && intent->kind == IntentKind::kTask) tasks.push_back(s);
    }
    const match::ClassScore top = prediction.ranked.front();
    const Intent* top_intent = intent_of(top);
    const double second = prediction.ranked.size() > 1 ? prediction.ranked[1].probability : 0;
    explanation.margin = top.probability - second;
    const double top_task = tasks.empty() ? 0 : tasks[0].probability;
    const double second_task = tasks.size() > 1 ? tasks[1].probability : 0;

    // Free text answering a clarification: an offered intent wins if plausible.
    const Intent* offered = nullptr;
    for (const auto& t : tasks) {
      if (t.probability < kClarifyMember) break;
      for (const Suggestion& s : pending) {
        if (s.intent == classes[t.cls]) offered = intent_of(t);
      }
      if (offered) break;
    }

    const bool other_product = impl.NamesOtherProduct(words);
    if (other_product && pending.empty()) {
      impl.Fallback(lang, 1.0 - top_task, reply, next);
      explanation.decision += "names another company's product";
    } else if (offered && !(top_intent && top_intent->kind == IntentKind::kTask &&
                            top.probability >= kAnswerThreshold && top_intent != offered)) {
      impl.Answer(*offered, lang, top_task, reply, next);
      explanation.decision += "free text chose an offered option";
    } else if (top_intent && top_intent->kind == IntentKind::kFollowup &&
               top.probability >= kSpecialThreshold && !state.last_intent.empty()) {
      ++next.still_not_working;
      const Intent* last = impl.catalog().Find(state.last_intent);
      std::string target = last && !last->next.empty() ? last->next : "contact_support";
      if (next.still_not_working >= 2) target = "contact_support";
      const Intent* intent = impl.catalog().Find(target);
      if (!intent) intent = impl.catalog().Find("contact_support");
      if (intent) {
        const int count = next.still_not_working;
        impl.Answer(*intent, lang, top.probability, reply, next);
        next.still_not_working = count;
        const std::string prefix = impl.Message("still_not_working", lang);
        if (!prefix.empty()) reply.text = prefix + " " + reply.text;
      } else {
        impl.Fallback(lang, top.probability, reply, next);
      }
      explanation.decision += "follow-up: the last answer did not help";
    } else if (top_intent && top_intent->kind == IntentKind::kSmalltalk &&
               impl.SmalltalkProbability(prediction) >= kSmalltalkThreshold &&
               (message.find('?') == std::string::npos || impl.SaidInSmalltalkWords(prediction)) &&
               !(prediction.content_words > 3 && top_task >= 0.2)) {
      // "ciao", "salut", "servus" are hello and bye: when the model finds
      // both, a conversation's first message greets.
      const Intent* greeting = impl.catalog().Find("greeting");
      double greeting_probability = 0;
      for (const auto& s : prediction.ranked) {
        if (classes[s.cls] == "greeting") greeting_probability = s.probability;
      }
      const bool opening = state.turns == 0 && top_intent->id == "goodbye" && greeting &&
                           greeting_probability >= kSpecialThreshold / 2;
      impl.Answer(opening ? *greeting : *top_intent, lang, top.probability, reply, next);
      explanation.decision = opening ? "small talk: a first message greets" : "small talk";
    } else if (top_intent && top_intent->kind == IntentKind::kOutOfScope &&
               top.probability >= kOutOfScopeThreshold &&
               top.probability - top_task >= kOutOfScopeMargin) {
      impl.Fallback(lang, top.probability, reply, next);
      explanation.decision += "out of scope";
    } else if (top_intent && top_intent->kind == IntentKind::kAmbiguous &&
               2 * prediction.unknown_words >= prediction.content_words &&
               prediction.unknown_words >= 2 && !dialogue::SpeaksOfAnAccount(words)) {
      // "can you help me with my math homework": the general "which
      // problem?" reading rests on "can you help", and half the question is
      // words no intent knows. Nothing says it is about an account.
      impl.Fallback(lang, top.probability, reply, next);
      explanation.decision += "generic words only, the rest unknown";
    } else if (top_intent && top_intent->kind == IntentKind::kAmbiguous &&
               top.probability >= kSpecialThreshold) {
      const IntentText* text = impl.Text(*top_intent, lang);
      impl.Clarify(top_intent->suggest, text ? text->lead : "", lang, top.probability, reply, next);
      explanation.decision += "ambiguous question";
    } else if (!tasks.empty() && top_task - second_task >= kAnswerMargin &&
               (top_task >= kAnswerThreshold ||
                // A long post spreads its probability over every intent its
                // story touches: a clear leader need not hold as much.
                (prediction.content_words >= kLongPostWords && top_intent &&
                 top_intent->kind == IntentKind::kTask && top_task >= kLongPostAnswerThreshold) ||
                // A lost or stolen phone said in words backs the lost-device
                // reading as much as a long post's story does.
                (phone_gone && classes[tasks[0].cls] == "lost_2sv_device" &&
                 top_task >= kLongPostAnswerThreshold) ||
                // A close call with out-of-scope: a clear task runner-up wins.
                (top_intent && top_intent->kind == IntentKind::kOutOfScope &&
                 top_task >= kOutOfScopeRunnerUp && top_task - second_task >= 2 * kAnswerMargin))) {
      impl.Answer(*intent_of(tasks[0]), lang, top_task, reply, next);
      explanation.decision += "confident intent";
    } else if (tasks.size() > 1 && top_task + second_task >= kClarifyPairThreshold &&
               second_task >= kClarifyMember) {
      std::vector<std::string> ids;
      for (const auto& t : tasks) {
        if (ids.size() >= 3 || t.probability < kClarifyMember) break;
        ids.push_back(classes[t.cls]);
      }
      impl.Clarify(ids, "", lang, top_task, reply, next);
      explanation.decision += "several intents close";
    } else if (const auto [ambiguous, ambiguous_probability] = impl.BestAmbiguous(prediction);
               ambiguous && !tasks.empty() && ambiguous_probability >= kClarifyMember &&
               top_task + ambiguous_probability >= kClarifyPairThreshold) {
      // An access problem without one clear intent: the best task reading
      // first, then what the general "which problem?" question offers. Out
      // of scope would be the worst reply to a question that is ours.
      std::vector<std::string> ids = {classes[tasks[0].cls]};
      for (const std::string& id : ambiguous->suggest) {
        if (ids.size() >= 3) break;
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
      }
      impl.Clarify(ids, "", lang, top_task, reply, next);
      explanation.decision += "one intent, but not sure: ask";
    } else if (impl.TrySearch(scan.redacted, lang, prediction.content_words, reply)) {
      reply.confidence = top_task;
      next.suggestions.clear();
      explanation.decision += "no intent fits; passages match every word";
    } else if (dialogue::SpeaksOfAnAccount(words) && tasks.size() >= 3 &&
               top_task >= kOwnProductClarify) {
      // A question about Seller Central or its sign-in is ours even when no
      // intent is sure ("how do i sing in to my amazon seller acount", "the
      // OTP text never comes through", "I lost access to SC"): rather than
      // "I can only help with Seller Central", the general "which problem?"
      // question when it is the best reading, else the likeliest three.
      const auto [ambiguous, ambiguous_probability] = impl.BestAmbiguous(prediction);
      if (ambiguous && ambiguous_probability >= top_task) {
        const IntentText* text = impl.Text(*ambiguous, lang);
        impl.Clarify(ambiguous->suggest, text ? text->lead : "", lang, ambiguous_probability, reply,
                     next);
      } else {
        std::vector<std::string> ids;
        for (size_t t = 0; t < 3; ++t) ids.push_back(classes[tasks[t].cls]);
        impl.Clarify(ids, "", lang, top_task, reply, next);
      }
      explanation.decision += "speaks of Seller Central access, no intent sure: ask";
    } else {
      impl.Fallback(lang, top.probability, reply, next);
      explanation.decision += "low confidence";
    }
  }

  if (scan.found) {
    reply.credentials_warning = true;
    const std::string warning = impl.Message("credentials_warning", lang);
    reply.text = reply.text.empty() ? warning : warning + " " + reply.text;
    // The articles' phishing advice grounds the warning.
    if (const Intent* phishing = impl.catalog().Find("phishing")) {
      for (const SourceRef& source : phishing->sources) {
        impl.AddSource(reply, source.article, source.section);
      }
    }
  }
  if (!message.empty()) next.last_message = scan.redacted.substr(0, kLastMessageBytes);
  if (request.explain) reply.explanation = std::move(explanation);
  impl_->ReturnAnalyzer(std::move(analyzer));
  if (next_out) *next_out = std::move(next);
  return reply;
}

}  // namespace kb
