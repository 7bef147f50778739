// The engine on real questions over the real KB: intents in five languages,
// typos, clarification, out-of-scope, small talk, credentials, follow-ups.
#include "kb/engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "../support/seed_kb.h"
#include "kb/json.h"

namespace kb {
namespace {

using testing::SeedKb;
using testing::SourcePath;

Reply Ask(const std::string& message, DialogueState* state = nullptr) {
  DialogueState fresh;
  DialogueState next;
  Request request;
  request.message = message;
  request.explain = true;
  Reply reply = SeedKb::Get().engine().Respond(state ? *state : fresh, request, &next);
  if (state) *state = next;
  return reply;
}

struct Expectation {
  const char* question;
  const char* type;
  const char* intent;  // "" = null
};

void Check(const Expectation& e) {
  const Reply reply = Ask(e.question);
  std::string why;
  if (reply.explanation) {
    for (const Candidate& c : reply.explanation->candidates) {
      why += c.intent + "=" + std::to_string(c.score) + " ";
    }
  }
  EXPECT_EQ(reply.type, e.type) << e.question << " -> " << why;
  EXPECT_EQ(reply.intent.value_or(""), e.intent) << e.question << " -> " << why;
}

TEST(EngineTest, AnswersClearQuestionsInEveryLanguage) {
  const Expectation cases[] = {
      {"I forgot my password", "answer", "forgot_password"},
      {"ho dimenticato la password", "answer", "forgot_password"},
      {"olvidé mi contraseña", "answer", "forgot_password"},
      {"j'ai oublié mon mot de passe", "answer", "forgot_password"},
      {"ich habe mein Passwort vergessen", "answer", "forgot_password"},
      {"the verification code never arrives", "answer", "verification_code"},
      {"non ricevo il codice di verifica", "answer", "verification_code"},
      {"how do I close my seller account", "answer", "close_account"},
      {"my account was suspended", "answer", "account_suspended"},
      {"mi hanno hackerato l'account", "answer", "account_hacked"},
      {"how do I turn on two-step verification", "answer", "enable_2sv"},
  };
  for (const Expectation& e : cases) Check(e);
}

TEST(EngineTest, ToleratesTyposAndMixedLanguages) {
  const Expectation cases[] = {
      {"forgot pasword", "answer", "forgot_password"},
      {"non ricevo il code OTP", "answer", "verification_code"},
      {"account sopseso", "answer", "account_suspended"},
  };
  for (const Expectation& e : cases) Check(e);
}

TEST(EngineTest, ClarifiesVagueQuestionsAndDeclinesOutOfScope) {
  const Reply vague = Ask("non riesco ad accedere");
  EXPECT_EQ(vague.type, "clarify");
  EXPECT_FALSE(vague.intent.has_value());
  EXPECT_GE(vague.suggestions.size(), 2u);
  const Reply weather = Ask("what's the weather in Rome tomorrow");
  EXPECT_EQ(weather.type, "fallback");
  EXPECT_FALSE(weather.intent.has_value());
  EXPECT_FALSE(weather.text.empty());
  EXPECT_EQ(Ask("ricetta della carbonara").type, "fallback");
}

TEST(EngineTest, ADeactivatedOrBannedAccountIsSuspended) {
  // intents.md: "suspended / frozen / deactivated" is account_suspended. A
  // bare "blocked" or "disabled" may also mean locked after failed attempts,
  // so it still asks which.
  const Expectation cases[] = {
      {"my seller account was deactivated", "answer", "account_suspended"},
      {"il mio account è stato disattivato", "answer", "account_suspended"},
      {"mi cuenta fue desactivada", "answer", "account_suspended"},
      {"mon compte vendeur a été désactivé", "answer", "account_suspended"},
      {"Mein Konto wurde deaktiviert", "answer", "account_suspended"},
      {"amazon banned my seller account", "answer", "account_suspended"},
      {"mein konto wurde gebannt", "answer", "account_suspended"},
      // The preterite's stem ("desact") is not the infinitive's ("desactiv").
      {"Amazon desactivó mi cuenta de vendedor sin explicarme bien por qué. ¿Cómo puedo "
       "reactivarla?",
       "answer", "account_suspended"},
      {"account disabled", "clarify", ""},
      {"konto blockiert", "clarify", ""},
  };
  for (const Expectation& e : cases) Check(e);
}

TEST(EngineTest, TwoSwappedLettersAreATypoEvenInAShortWord) {
  const Reply reply = Ask("i never get the cdoe");
  EXPECT_EQ(reply.intent.value_or(""), "verification_code");
  ASSERT_TRUE(reply.explanation.has_value());
  const auto& corrections = reply.explanation->corrections;
  EXPECT_NE(std::find(corrections.begin(), corrections.end(), "cdoe -> code"), corrections.end());
}

TEST(EngineTest, AnElisionTypedWithoutItsApostropheIsTheWord) {
  // "lapplication" is "l'application", "laccount" is "l'account".
  const Reply reply = Ask("comment je me connecte sur lapplication amazon seller avec android");
  ASSERT_TRUE(reply.explanation.has_value());
  const auto& corrections = reply.explanation->corrections;
  EXPECT_NE(std::find(corrections.begin(), corrections.end(), "lapplication -> application"),
            corrections.end());
  EXPECT_EQ(reply.intent.value_or(""), "mobile_app");
  Check({"non riesco a recuperare laccount venditore, ho dimenticato la password", "answer",
         "forgot_password"});
}

TEST(EngineTest, ACorrectedWordCompletesASynonymPhrase) {
  // "sing" is corrected to "sign", and "sign in" is the ~login phrase.
  const Reply reply = Ask("how do i sing in to my amazon seller acount");
  ASSERT_TRUE(reply.explanation.has_value());
  const auto& terms = reply.explanation->matched_terms;
  EXPECT_NE(std::find(terms.begin(), terms.end(), "s:~login"), terms.end());
  EXPECT_EQ(reply.intent.value_or(""), "login_steps");
}

TEST(EngineTest, AWordOfASurelyDetectedLanguageIsNoTypoOfAnotherLanguagesWord) {
  // "line" is English, not a typo of the French "lien"; "inizio" is Italian,
  // not the Spanish "inicio". A mixed question still gets any language's
  // word: "sopseso" is "sospeso".
  auto corrections = [](const std::string& question) {
    const Reply reply = Ask(question);
    return reply.explanation ? reply.explanation->corrections : std::vector<std::string>{};
  };
  for (const std::string& c : corrections(
           "I sell a line of yoga mats on amazon, how do I keep my seller account from being "
           "suspended?")) {
    EXPECT_EQ(c.find("line ->"), std::string::npos) << c;
  }
  for (const std::string& c :
       corrections("come posso evitare la sospensione dell'account venditore fin dall'inizio?")) {
    EXPECT_EQ(c.find("inizio ->"), std::string::npos) << c;
  }
  const std::vector<std::string> mixed = corrections("account sopseso");
  EXPECT_NE(std::find(mixed.begin(), mixed.end(), "sopseso -> sospeso"), mixed.end());
}

TEST(EngineTest, ACodeThatCannotComeBecauseThePhoneIsGoneIsALostPhone) {
  // The model reads "the code does not arrive"; the phone being gone says why.
  const Expectation cases[] = {
      {"telefono rubato, il codice di verifica non arriva piu", "answer", "lost_2sv_device"},
      {"se me rompió el móvil y no me llega el código de verificación", "answer",
       "lost_2sv_device"},
      {"handy kaputt, der bestätigungscode kommt nicht mehr an", "answer", "lost_2sv_device"},
      {"j'ai changé de téléphone et l'application authenticator n'a pas suivi, je ne reçois "
       "plus les codes",
       "answer", "lost_2sv_device"},
      {"my account was stolen and the code does not arrive on my phone", "answer",
       "verification_code"},
  };
  for (const Expectation& e : cases) Check(e);
}

TEST(EngineTest, AGonePhoneIsAnsweredAsALostPhoneFromALowerProbability) {
  // The model leads with lost_2sv_device at about 0.4, under the usual 0.45:
  // a phone said to be stolen backs that reading.
  const Expectation cases[] = {
      {"mi hanno rubato lo smartphone, non posso piu entrare in seller central perche i codici "
       "arrivano li",
       "answer", "lost_2sv_device"},
      {"mein handy wurde geklaut und jetzt komme ich nicht mehr in seller central", "answer",
       "lost_2sv_device"},
      {"la verifica in due passaggi manda gli SMS al mio vecchio numero, la SIM è stata "
       "disattivata e ora seller central mi chiede il codice che non posso ricevere",
       "answer", "lost_2sv_device"},
  };
  for (const Expectation& e : cases) Check(e);
}

TEST(EngineTest, AChangeTheSellerDidNotMakeIsAHackedAccount) {
  // The model reads the changed e-mail or password; the denial says who.
  const Expectation cases[] = {
      {"heute kam eine Mail, dass die E-Mail-Adresse meines Verkäuferkontos geändert wurde. Das "
       "war ich nicht, und jetzt komme ich nicht mehr rein",
       "answer", "account_hacked"},
      {"mon adresse e-mail a été modifiée hier soir et ce n'était pas moi, maintenant mon mot de "
       "passe ne marche plus",
       "answer", "account_hacked"},
      {"I changed my email address and now I can't log in", "answer", "wrong_email"},
      {"I didn't touch anything but my password doesn't work", "answer", "forgot_password"},
  };
  for (const Expectation& e : cases) Check(e);
}

TEST(EngineTest, KeepingAnAccountFromSuspensionIsAvoidSuspension) {
  // The model reads the suspension (0.5 for account_suspended) or cannot
  // choose; the negated purpose says it has not happened.
  const Expectation cases[] = {
      {"qué hago para que no me suspendan la cuenta de vendedor", "answer", "avoid_suspension"},
      {"che devo fare per non farmi sospendere l'account venditore?", "answer", "avoid_suspension"},
      {"mi cuenta de vendedor fue suspendida ayer, cómo la recupero", "answer",
       "account_suspended"},
  };
  for (const Expectation& e : cases) Check(e);
}

TEST(EngineTest, WhetherAPasswordPracticeIsSafeIsSecurityAdvice) {
  // The model reads the password (forgot_password about 0.6-0.8).
  const Expectation cases[] = {
      {"is it fine, I mean is it safe, to let firefox remember my seller central password?",
       "answer", "security_best_practices"},
      {"ist es sicher, das Seller-Central-Passwort im Browser zu speichern?", "answer",
       "security_best_practices"},
      {"i forgot my password, is it safe to use the reset link in the email?", "answer",
       "forgot_password"},
      {"qualche consiglio per una password sicura? uso sempre la stessa", "answer",
       "security_best_practices"},
  };
  for (const Expectation& e : cases) Check(e);
}

TEST(EngineTest, WhatSellerCentralIsAskedOfItsName) {
  // The rest of the question speaks of selling and opening an account
  // (open_account_requirements about 0.6).
  Check({"ok but what even is Seller Central? my sister says I need it to sell my soaps on Amazon",
         "answer", "what_is_seller_central"});
  Check(
      {"what is needed to open a seller central account?", "answer", "open_account_requirements"});
}

TEST(EngineTest, AccessRestrictedOnOneDeviceIsARestriction) {
  // Two places and two devices pull towards multiple_devices (0.88).
  Check(
      {"sul portatile dell'ufficio l'accesso a seller central è limitato, dal computer di casa "
       "invece entro. come mai?",
       "answer", "ip_device_restriction"});
  Check({"can I use seller central on my laptop and my phone at the same time", "answer",
         "multiple_devices"});
}

TEST(EngineTest, CloseTheAccountAndNothingElseIsClosingIt) {
  // The model spreads these over closing, inactivity and reopening.
  Check({"chiusura dell'account venditore", "answer", "close_account"});
  Check({"fermeture du compte vendeur amazon", "answer", "close_account"});
  // A closed account is not closing one.
  const Reply closed = Ask("cuenta de vendedor cerrada");
  EXPECT_NE(closed.intent.value_or(""), "close_account");
}

TEST(EngineTest, ACodeThatDoesNotReachThePhoneIsNotALostPhone) {
  const Expectation cases[] = {
      {"the code is not coming to my phone", "answer", "verification_code"},
      {"mein handy bekommt keinen code", "answer", "verification_code"},
      {"mi móvil no recibe el código", "answer", "verification_code"},
      {"i lost my phone and can't get the code", "answer", "lost_2sv_device"},
  };
  for (const Expectation& e : cases) Check(e);
}

TEST(EngineTest, AQuestionAboutSigningInToSellerCentralIsNeverDeclined) {
  // No intent is sure of these, but they speak of Seller Central or its
  // sign-in: the likeliest intents are offered, not "out of scope".
  for (const char* question : {"how do i sing in to my amazon seller acount", "cant login code"}) {
    const Reply reply = Ask(question);
    EXPECT_NE(reply.type, "fallback") << question;
    EXPECT_FALSE(reply.suggestions.empty() && !reply.intent) << question;
  }
}

TEST(EngineTest, AlreadyTriedInAFirstMessageIsNotAFollowUp) {
  // With no answer before it, "I already tried" is part of the question...
  Check({"no me llega el otp, ya probe resend 3 veces", "answer", "verification_code"});
  Check({"non ricevo l otp, gia provato resend 5 volte", "answer", "verification_code"});
  Check({"je ne recois pas l otp, j ai deja essaye resend", "answer", "verification_code"});
  // ...and "it doesn't work" alone asks what fails.
  for (const char* vague : {"still doesn't work", "non funziona", "es geht immer noch nicht"}) {
    const Reply reply = Ask(vague);
    EXPECT_EQ(reply.type, "clarify") << vague;
    EXPECT_GE(reply.suggestions.size(), 2u) << vague;
  }
}

TEST(EngineTest, AnotherCompanysProductIsDeclinedButABankInsideOurAccountIsNot) {
  EXPECT_EQ(Ask("ho dimenticato la password di mercado libre").type, "fallback");
  EXPECT_EQ(Ask("my banking app never sends me the code").type, "fallback");
  EXPECT_EQ(Ask("l'appli de ma banque ne m'envoie pas le code").type, "fallback");
  // Naming Seller Central keeps it ours, whatever else it names; a bare
  // "seller account" does not: another marketplace has sellers too.
  EXPECT_EQ(Ask("my paypal is fine but I forgot my seller central password").type, "answer");
  EXPECT_EQ(Ask("mon compte vendeur cdiscount est suspendu").type, "fallback");
  EXPECT_EQ(Ask("my ebay seller account got suspended").type, "fallback");
  EXPECT_EQ(Ask("ich habe mein otto marktplatz passwort vergessen").type, "fallback");
  // Otto alone is Italian for eight: only the marketplace's full names count.
  EXPECT_EQ(Ask("mi account amazon e stato sospeso da otto giorni").type, "answer");
  // "über" folds to "uber", which is not on the list for that reason.
  EXPECT_EQ(Ask("ich bekomme keinen Code über SMS").type, "answer");
}

TEST(EngineTest, AMailProviderIsOnlyTheMailboxOfASellersAccount) {
  Check({"which email is my seller account under, gmail or outlook?", "answer", "wrong_email"});
  Check({"my yahoo mail was hacked and now my seller account too", "answer", "account_hacked"});
  Check({"I forgot my gmail password", "fallback", ""});
  // A bank's own app is a bank's.
  Check({"sparkasse app login funktioniert nicht mehr", "fallback", ""});
}

TEST(EngineTest, RestrictedAccessAndPerformanceLimitsStayApart) {
  // ~restricted (kb/synonyms.txt) names the restriction in five languages;
  // the metrics' limits share the stem "limit" but not the reading.
  Check(
      {"access restricted from this network, how do I fix it", "answer", "ip_device_restriction"});
  Check({"what are the limits for the order defect rate", "answer", "performance_metrics"});
  Check({"quali sono i limiti del tasso di cancellazione", "answer", "performance_metrics"});
}

TEST(EngineTest, AnAuthenticatorAppNamedByItsMakerIsOurs) {
  Check({"my google authenticator codes are always rejected", "answer", "verification_code"});
  Check({"il codice di google authenticator non viene accettato", "answer", "verification_code"});
  Check({"I forgot my google password", "fallback", ""});
}

TEST(EngineTest, PhoneCompaniesGamesAndPublicServicesHaveTheirOwnAccounts) {
  Check({"my vodafone account bill is wrong", "fallback", ""});
  Check({"mein telekom passwort ist weg", "fallback", ""});
  Check({"la password di spid non funziona", "fallback", ""});
  // Words that are also names stay off the list: "ups" is "oops", "correos"
  // are e-mails, "über" folds to "uber".
  Check({"ups, olvidé mi contraseña de seller central", "answer", "forgot_password"});
  Check({"tengo dos correos y no sé cuál usé para la cuenta de vendedor", "answer", "wrong_email"});
}

TEST(EngineTest, RegisteringABusinessIsNotOursUnlessForSellingOnAmazon) {
  Check({"wie melde ich ein gewerbe an", "fallback", ""});
  Check({"comment créer une micro-entreprise", "fallback", ""});
  Check({"brauche ich ein gewerbe um bei amazon zu verkaufen", "answer",
         "open_account_requirements"});
}

TEST(EngineTest, ADevicesOwnPasswordIsNotOurs) {
  Check({"I forgot my wifi password", "fallback", ""});
  Check({"olvidé la contraseña de mi router", "fallback", ""});
  Check({"Wie ändere ich das WLAN-Passwort an meiner FritzBox?", "fallback", ""});
  Check({"j'ai oublié le mot de passe de ma session Windows", "fallback", ""});
  Check({"ho dimenticato il PIN del mio telefono Samsung, come lo sblocco?", "fallback", ""});
  Check({"codice di sblocco del mio cellulare dimenticato", "fallback", ""});
  // The devices themselves are ours to talk about.
  Check({"can I use seller central on my laptop and my phone at the same time", "answer",
         "multiple_devices"});
  Check({"is it safe to log in to seller central on public wifi", "answer",
         "security_best_practices"});
}

TEST(EngineTest, AnUnderspecifiedSellerAccountProblemIsAskedAbout) {
  // Neither intent nor "which problem?" is sure, but a seller's account, or
  // an account, that stopped working is ours: ask, do not decline.
  EXPECT_EQ(Ask("my seller account hasn't been working since yesterday").type, "clarify");
  EXPECT_EQ(Ask("mon compte ne marche plus").type, "clarify");
}

TEST(EngineTest, GenericWordsAroundUnknownOnesAreNotAnAccessProblem) {
  // "can you help" alone reads as "which problem?"; with half the question
  // words no intent knows and no account named, it is something else.
  EXPECT_EQ(Ask("can you help me with my math homework").type, "fallback");
  EXPECT_EQ(Ask("can you help me").type, "answer");  // a human: contact_support
}

TEST(EngineTest, ALongPostsClearLeaderIsAnsweredBelowTheUsualThreshold) {
  // A story spreads probability over every intent it touches: the leader
  // here holds under 0.45 (the usual bar) but well ahead of the rest.
  const Reply reply =
      Ask("Vendo cosmetici su Amazon da due anni e non ho mai avuto problemi. Ieri mi è arrivata "
          "una mail che dice che i miei privilegi di vendita sono stati rimossi. Non ho mai "
          "comprato recensioni e le valutazioni sono buone. Quali possono essere i motivi?");
  EXPECT_EQ(reply.type, "answer");
  EXPECT_EQ(reply.intent.value_or(""), "selling_privileges_removed");
  ASSERT_TRUE(reply.explanation.has_value());
  ASSERT_FALSE(reply.explanation->candidates.empty());
  EXPECT_LT(reply.explanation->candidates.front().score, 0.45);
}

TEST(EngineTest, SureThatThePasswordIsRightIsNotAboutSecurity) {
  // "sicher" (sure) shares its stem with "Sicherheit" (~security); inside "mir
  // sicher" (kb/synonyms.txt: ~sure) it no longer carries that group.
  Check(
      {"obwohl ich mir sicher bin, dass mein Passwort stimmt, wird es abgelehnt. Wie setze "
       "ich es neu?",
       "answer", "forgot_password"});
  Check({"ist es sicher, das Passwort im Browser zu speichern?", "answer",
         "security_best_practices"});
}

TEST(EngineTest, ChatAbbreviationsOfAccountAndPassword) {
  Check(
      {"i closed my seller acc last year, can it be reopened", "answer", "restore_closed_account"});
  Check({"forgot my pw", "answer", "forgot_password"});
}

TEST(EngineTest, SellerCentralsOwnWordsKeepAQuestionOurs) {
  // "ODR" (intents.md's own abbreviation) is account health; "SC" is Seller
  // Central.
  Check({"max ODR before amazon does something to my account", "answer", "performance_metrics"});
  const Reply reply = Ask("I lost access to SC after the update");
  EXPECT_EQ(reply.type, "clarify");
  EXPECT_GE(reply.suggestions.size(), 2u);
}

TEST(EngineTest, SmallTalkButAGreetingInFrontOfAQuestionIsAQuestion) {
  Check({"ciao", "smalltalk", "greeting"});
  Check({"thanks a lot", "smalltalk", "thanks"});
  Check({"hi, I forgot my password and can't get in", "answer", "forgot_password"});
  // A question that shares a word with a greeting ("good morning") is not
  // small talk: this one is out of scope.
  Check({"what's a good recipe for banana bread", "fallback", ""});
}

TEST(EngineTest, AWordTooShortForLanguageIdIsAnsweredInTheLanguageThatUsesIt) {
  // Language identification finds no evidence in "ciao"; only the Italian
  // phrases of the catalogue use it.
  const Reply hello = Ask("ciao");
  EXPECT_EQ(hello.intent.value_or(""), "greeting");
  EXPECT_EQ(hello.lang, "it");
  EXPECT_EQ(Ask("hola").lang, "es");
}

TEST(EngineTest, AQuestionIsSmallTalkOnlyInSmallTalksOwnWords) {
  // "anyone" and "good" are greetings' words ("hello, anyone there?", "good
  // morning"), which gave these 0.7-0.8 for greeting.
  Check({"Anyone got a good banana bread recipe?", "fallback", ""});
  Check({"anyone know a good pizza place in Milan?", "fallback", ""});
  Check({"hello, is anyone there?", "smalltalk", "greeting"});
  Check({"hallo, ist da jemand?", "smalltalk", "greeting"});
  // Not a question: thanks in words of their own stay thanks.
  Check({"Danke, das hat mir echt geholfen!", "smalltalk", "thanks"});
}

TEST(EngineTest, AnAccessProblemWithoutOneClearIntentIsAskedAboutNotDeclined) {
  // No intent is sure, but the general "which problem?" reading is strong:
  // the best reading and the usual suspects are offered, not "out of scope".
  const Reply reply = Ask("cant login code");
  EXPECT_EQ(reply.type, "clarify");
  std::vector<std::string> offered;
  for (const Suggestion& s : reply.suggestions) offered.push_back(s.intent);
  EXPECT_NE(std::find(offered.begin(), offered.end(), "verification_code"), offered.end())
      << ::testing::PrintToString(offered);
}

TEST(EngineTest, EveryAnswerStepCitesAnExistingSection) {
  const KnowledgeBase& kb = SeedKb::Get().engine().knowledge_base();
  for (const char* question : {"I forgot my password", "come chiudo il mio account venditore",
                               "how do I sign in to seller central step by step"}) {
    const Reply reply = Ask(question);
    ASSERT_EQ(reply.type, "answer") << question;
    ASSERT_FALSE(reply.steps.empty()) << question;
    for (const ReplyStep& step : reply.steps) {
      EXPECT_NE(kb.FindSection(step.article, step.section), nullptr)
          << question << ": " << step.article << " | " << step.section;
    }
  }
}

TEST(EngineTest, RepliesInTheQuestionsLanguage) {
  EXPECT_EQ(Ask("olvidé mi contraseña").lang, "es");
  EXPECT_EQ(Ask("j'ai oublié mon mot de passe").lang, "fr");
  EXPECT_EQ(Ask("ich habe mein Passwort vergessen").lang, "de");
  EXPECT_EQ(Ask("ho dimenticato la password").lang, "it");
}

TEST(EngineTest, WarnsWhenAMessageHoldsACredential) {
  const Reply code = Ask("my verification code is 482913 but it says invalid");
  EXPECT_TRUE(code.credentials_warning);
  const Reply card = Ask("my card 4111 1111 1111 1111 was charged");
  EXPECT_TRUE(card.credentials_warning);
  const Reply plain = Ask("I forgot my password");
  EXPECT_FALSE(plain.credentials_warning);
}

TEST(EngineTest, AClarificationIsPickedByNumberOrLabel) {
  DialogueState state;
  const Reply clarify = Ask("I can't log in", &state);
  ASSERT_EQ(clarify.type, "clarify");
  ASSERT_GE(clarify.suggestions.size(), 2u);
  DialogueState by_number = state;
  const Reply second = Ask("2", &by_number);
  EXPECT_EQ(second.type, "answer");
  EXPECT_EQ(second.intent.value_or(""), clarify.suggestions[1].intent);
  DialogueState by_label = state;
  const Reply labelled = Ask(clarify.suggestions[0].label, &by_label);
  EXPECT_EQ(labelled.intent.value_or(""), clarify.suggestions[0].intent);
}

TEST(EngineTest, FollowUpsUseTheConversation) {
  DialogueState state;
  ASSERT_EQ(Ask("non ricevo il codice di verifica", &state).intent.value_or(""),
            "verification_code");
  EXPECT_EQ(Ask("e se ho perso il telefono?", &state).intent.value_or(""), "lost_2sv_device");
  DialogueState other;
  ASSERT_EQ(Ask("I forgot my password", &other).type, "answer");
  const Reply still = Ask("it still doesn't work", &other);
  EXPECT_EQ(still.type, "answer");
  const Reply again = Ask("still not working", &other);
  EXPECT_EQ(again.intent.value_or(""), "contact_support");
  // Language sticks for short messages.
  DialogueState italian;
  Ask("ho dimenticato la password", &italian);
  EXPECT_EQ(Ask("ok", &italian).lang, "it");
}

TEST(EngineTest, EmptyMessageGetsAPoliteReply) {
  const Reply reply = Ask("   ");
  EXPECT_EQ(reply.type, "fallback");
  EXPECT_FALSE(reply.text.empty());
}

TEST(EngineTest, ReplyJsonFollowsTheContract) {
  Reply reply = Ask("I forgot my password");
  reply.session_id = "abc";
  const nlohmann::json j = ReplyToJson(reply);
  for (const char* key : {"type", "intent", "confidence", "lang", "text", "steps", "sources",
                          "suggestions", "session_id"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_GE(j["confidence"].get<double>(), 0.0);
  EXPECT_LE(j["confidence"].get<double>(), 1.0);
  ASSERT_FALSE(j["steps"].empty());
  EXPECT_TRUE(j["steps"][0]["source"].contains("article"));
  EXPECT_TRUE(j["steps"][0]["source"].contains("section"));
  const nlohmann::json clarify = ReplyToJson(Ask("I can't log in"));
  EXPECT_TRUE(clarify["intent"].is_null());
}

// The labelled set as a regression floor (the figures per language and kind
// come from tools/eval_intents; this only guards against collapse).
// Every labelled set (tests/data/questions*.tsv, docs/benchmarks.md): the
// first was tuned on, the others were written from the spec alone. The
// floors sit a few points under today's figures (99.2, 98.5, 97.2, 98.3 and
// 98.4%): a catalogue or threshold change that costs more than that is a
// regression, not knife-edge noise.
TEST(EngineTest, LabelledSetAccuracyFloor) {
  // Each set but the first was written by a helper that saw neither the
  // catalogue nor the other sets. All stand at 97.2% or more; a floor of 95%
  // leaves room for the two or three knife-edge questions any catalogue
  // change moves, and fails a change that costs more.
  const std::pair<const char*, double> sets[] = {
      {"questions", 0.95},       {"questions_fresh", 0.95},   {"questions_unseen", 0.95},
      {"questions_blind", 0.95}, {"questions_holdout", 0.95}, {"questions_probe", 0.95},
      {"questions_field", 0.95}, {"questions_tickets", 0.95}, {"questions_acceptance", 0.95},
      {"questions_forum", 0.95}, {"questions_widget", 0.95}};
  for (const auto& [set, floor] : sets) {
    std::ifstream in(SourcePath(std::string("tests/data/") + set + ".tsv"));
    ASSERT_TRUE(in) << set;
    std::string line;
    std::getline(in, line);  // header
    int total = 0, right = 0;
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      std::string lang, kind, expected, question;
      std::getline(fields, lang, '\t');
      std::getline(fields, kind, '\t');
      std::getline(fields, expected, '\t');
      std::getline(fields, question);
      if (question.empty()) continue;
      const Reply reply = Ask(question);
      const std::string got = reply.type == "clarify"    ? "clarify"
                              : reply.type == "fallback" ? "fallback"
                                                         : reply.intent.value_or(reply.type);
      ++total;
      right += got == expected ? 1 : 0;
    }
    ASSERT_GE(total, 200) << set;
    EXPECT_GE(static_cast<double>(right) / total, floor) << set << ": " << right << "/" << total;
  }
}

}  // namespace
}  // namespace kb

namespace kb {
namespace {

// tests/data/dialogues.jsonl: conversations replayed turn by turn. A turn
// expects a reply type and an intent (null for clarify/fallback), or with
// "expect_suggestion": N, the N-th option the previous reply offered.
// An answer expecting a null intent accepts any intent.
TEST(EngineTest, DialogueTranscriptsReplay) {
  std::ifstream in(SourcePath("tests/data/dialogues.jsonl"));
  ASSERT_TRUE(in) << "tests/data/dialogues.jsonl";
  std::map<std::string, DialogueState> states;
  std::map<std::string, Reply> previous;
  int turns = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const nlohmann::json turn = nlohmann::json::parse(line);
    const std::string dialogue = turn["dialogue"];
    const Reply reply = Ask(turn["message"], &states[dialogue]);
    ++turns;
    const std::string where = dialogue + " turn " + std::to_string(turn["turn"].get<int>()) + " (" +
                              turn["message"].get<std::string>() + ")";
    EXPECT_EQ(reply.type, turn["expect_type"]) << where;
    if (turn.contains("expect_suggestion") && !turn["expect_suggestion"].is_null()) {
      const size_t n = turn["expect_suggestion"];
      const auto& offered = previous[dialogue].suggestions;
      ASSERT_GE(offered.size(), n) << where;
      EXPECT_EQ(reply.intent.value_or(""), offered[n - 1].intent) << where;
    } else if (turn["expect_intent"].is_null()) {
      // null: no intent for clarify/fallback; any intent for an answer.
      EXPECT_EQ(reply.intent.has_value(), reply.type == "answer") << where;
    } else {
      EXPECT_EQ(reply.intent.value_or(""), turn["expect_intent"].get<std::string>()) << where;
    }
    previous[dialogue] = reply;
  }
  EXPECT_GE(turns, 40);
}

}  // namespace
}  // namespace kb

namespace kb {
namespace {

// Links in replies point only to what the articles name: every URL or web
// address the catalogue's texts hold appears in an article.
TEST(EngineTest, CatalogueLinksAreNamedByTheArticles) {
  const KnowledgeBase& kb = SeedKb::Get().engine().knowledge_base();
  std::string corpus;
  for (const Article& article : kb.articles()) {
    for (const Section& section : article.sections) {
      for (const std::string& p : section.paragraphs) corpus += p + "\n";
      for (const Step& s : section.steps) corpus += s.text + "\n";
    }
  }
  const std::regex link(
      R"((https?://[^\s)>\]"”]+|\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|es|it|de|fr|net|org)\b[^\s)>\]"”,;]*))",
      std::regex::icase);
  std::vector<std::string> texts;
  for (const Intent& intent : kb.catalog().intents) {
    for (const auto& [lang, text] : intent.texts) {
      texts.push_back(text.lead);
      for (const CatalogStep& step : text.steps) texts.push_back(step.text);
    }
  }
  for (const auto& [key, by_lang] : kb.catalog().messages) {
    for (const auto& [lang, text] : by_lang) texts.push_back(text);
  }
  int links = 0;
  for (const std::string& text : texts) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), link);
         it != std::sregex_iterator(); ++it) {
      std::string url = it->str();
      while (!url.empty() && (url.back() == '.' || url.back() == '`')) url.pop_back();
      ++links;
      EXPECT_NE(corpus.find(url), std::string::npos) << "link not in any article: " << url;
    }
  }
  EXPECT_GT(links, 0);  // the catalogue does cite sellercentral.amazon.com
}

}  // namespace
}  // namespace kb
