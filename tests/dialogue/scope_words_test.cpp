// Scope words on real analyzer output: which questions name another
// company's product, Seller Central itself, or signing in to it.
#include "scope_words.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "../support/seed_kb.h"

namespace kb::dialogue {
namespace {

// The project's own synonyms, so that the sign-in groups are the real ones.
std::shared_ptr<const SynonymTable> ProjectSynonyms() {
  std::ifstream in(testing::SourcePath("kb/synonyms.txt"));
  std::stringstream text;
  text << in.rdbuf();
  auto table = SynonymTable::Parse(text.str());
  return table.ok() ? *table : SynonymTable::Empty();
}

std::vector<Token> Words(std::string_view text, Lang lang) {
  static Analyzer analyzer(ProjectSynonyms());
  return analyzer.Analyze(text, lang);
}

TEST(ScopeWordsTest, AnotherCompanysProductUnlessOursIsNamedToo) {
  const OtherProducts others = {{{"ebay"}, {"apple", "id"}}, {{"gmail"}}};
  EXPECT_TRUE(NamesOtherProduct(Words("my ebay seller account is suspended", Lang::kEn), others));
  EXPECT_TRUE(NamesOtherProduct(Words("forgot my Apple ID", Lang::kEn), others));
  EXPECT_FALSE(NamesOtherProduct(Words("apple pie", Lang::kEn), others));
  EXPECT_FALSE(
      NamesOtherProduct(Words("ebay is fine, my Seller Central login is not", Lang::kEn), others));
  EXPECT_FALSE(NamesOtherProduct(Words("amazon and ebay both locked me out", Lang::kEn), others));
}

TEST(ScopeWordsTest, AMailProviderIsTheSellerAccountsMailboxWhenASellerIsNamed) {
  const OtherProducts others = {{{"ebay"}}, {{"gmail"}, {"web.de"}}};
  EXPECT_TRUE(NamesOtherProduct(Words("I forgot my gmail password", Lang::kEn), others));
  EXPECT_TRUE(NamesOtherProduct(Words("mein web.de Passwort ist weg", Lang::kDe), others));
  EXPECT_FALSE(
      NamesOtherProduct(Words("which gmail is my seller account under", Lang::kEn), others));
  EXPECT_FALSE(NamesOtherProduct(
      Words("mein Verkäuferkonto läuft über web.de, welche Adresse war es", Lang::kDe), others));
  // A marketplace stays another company's product, seller or not.
  EXPECT_TRUE(NamesOtherProduct(Words("my ebay seller account, gmail login", Lang::kEn), others));
}

TEST(ScopeWordsTest, ADevicesOwnPasswordIsAnotherProduct) {
  OtherProducts others;
  others.devices = {{"wifi"},      {"wlan"},       {"laptop"}, {"windows"}, {"box", "internet"},
                    {"portatile"}, {"smartphone"}, {"phone"},  {"tablette"}};
  EXPECT_TRUE(NamesOtherProduct(Words("I forgot my wifi password", Lang::kEn), others));
  EXPECT_TRUE(NamesOtherProduct(Words("Wie ändere ich das WLAN-Passwort?", Lang::kDe), others));
  EXPECT_TRUE(NamesOtherProduct(Words("how do I reset my Windows PIN", Lang::kEn), others));
  EXPECT_TRUE(
      NamesOtherProduct(Words("ho perso la password del mio portatile", Lang::kIt), others));
  EXPECT_TRUE(NamesOtherProduct(Words("j'ai oublié le mot de passe de ma box internet", Lang::kFr),
                                others));
  // A phone's own PIN, a tablet's unlock code.
  EXPECT_TRUE(
      NamesOtherProduct(Words("ho dimenticato il PIN del mio smartphone", Lang::kIt), others));
  EXPECT_TRUE(NamesOtherProduct(
      Words("j'ai oublié le code de déverrouillage de ma tablette", Lang::kFr), others));
  // A phone number or a phone app is no phone's password.
  EXPECT_FALSE(
      NamesOtherProduct(Words("what is the password for the phone app", Lang::kEn), others));
  EXPECT_FALSE(NamesOtherProduct(Words("I forgot the pin of my phone number", Lang::kEn), others));
  // The device alone, or a password typed on it, is ours.
  EXPECT_FALSE(NamesOtherProduct(Words("can I log in from my laptop", Lang::kEn), others));
  EXPECT_FALSE(
      NamesOtherProduct(Words("the password on my laptop is not accepted", Lang::kEn), others));
  // Punctuation ends the phrase: the laptop is where, the password is ours.
  EXPECT_FALSE(NamesOtherProduct(
      Words("zu hause geht es mit dem gleichen laptop, passwort und code sind korrekt", Lang::kDe),
      others));
  // A seller's account named: the password is that account's.
  EXPECT_FALSE(NamesOtherProduct(
      Words("forgot the password of my seller account, wifi is fine", Lang::kEn), others));
}

TEST(ScopeWordsTest, AnotherMatterUnlessASellerIsNamed) {
  OtherProducts others;
  others.topics = {{"gewerbe"}, {"partita", "iva"}};
  EXPECT_TRUE(NamesOtherProduct(Words("wie melde ich ein Gewerbe an", Lang::kDe), others));
  EXPECT_TRUE(NamesOtherProduct(Words("come apro la partita IVA", Lang::kIt), others));
  EXPECT_FALSE(NamesOtherProduct(
      Words("brauche ich ein Gewerbe für mein Verkäuferkonto", Lang::kDe), others));
  EXPECT_FALSE(
      NamesOtherProduct(Words("serve la partita iva per vendere su amazon", Lang::kIt), others));
}

TEST(ScopeWordsTest, AnAuthenticatorAppIsNotItsMakersProduct) {
  const OtherProducts others = {{{"google"}, {"microsoft"}}, {}};
  EXPECT_FALSE(NamesOtherProduct(
      Words("my Google Authenticator code gets rejected every time", Lang::kEn), others));
  EXPECT_FALSE(
      NamesOtherProduct(Words("Microsoft Authenticator zeigt falsche Codes", Lang::kDe), others));
  EXPECT_TRUE(NamesOtherProduct(Words("I forgot my google password", Lang::kEn), others));
}

TEST(ScopeWordsTest, AProductNamedAsWhereOneReadSomethingIsNotTheSubject) {
  const OtherProducts others = {{{"facebook"}, {"youtube"}}, {}};
  EXPECT_TRUE(NamesOtherProduct(Words("my facebook account was hacked", Lang::kEn), others));
  EXPECT_FALSE(NamesOtherProduct(
      Words("in a Facebook group people say accounts get banned, how do I avoid it", Lang::kEn),
      others));
  EXPECT_FALSE(NamesOtherProduct(
      Words("In einer Facebook-Gruppe liest man von gesperrten Konten", Lang::kDe), others));
  EXPECT_FALSE(NamesOtherProduct(
      Words("en un grupo de facebook dicen que cierran cuentas", Lang::kEs), others));
  EXPECT_FALSE(
      NamesOtherProduct(Words("ho visto un video youtube sul blocco account", Lang::kIt), others));
}

TEST(ScopeWordsTest, APhoneLostStolenBrokenOrReplaced) {
  EXPECT_TRUE(SaysThePhoneIsGone(Words("telefono rubato, il codice non arriva", Lang::kIt)));
  EXPECT_TRUE(SaysThePhoneIsGone(Words("my phone was stolen", Lang::kEn)));
  EXPECT_TRUE(SaysThePhoneIsGone(Words("se me rompió el móvil", Lang::kEs)));
  EXPECT_TRUE(SaysThePhoneIsGone(Words("Handy kaputt", Lang::kDe)));
  EXPECT_TRUE(SaysThePhoneIsGone(Words("j'ai perdu mon téléphone", Lang::kFr)));
  EXPECT_TRUE(SaysThePhoneIsGone(Words("I got a new phone", Lang::kEn)));
  EXPECT_TRUE(SaysThePhoneIsGone(Words("changed my phone last week", Lang::kEn)));
  EXPECT_TRUE(SaysThePhoneIsGone(Words("J'ai changé de téléphone", Lang::kFr)));
  EXPECT_TRUE(SaysThePhoneIsGone(Words("ho cambiato telefono", Lang::kIt)));
  EXPECT_TRUE(SaysThePhoneIsGone(Words("me robaron el celular", Lang::kEs)));
  EXPECT_TRUE(SaysThePhoneIsGone(Words("my phone died", Lang::kEn)));
  EXPECT_TRUE(SaysThePhoneIsGone(Words("il telefono è morto", Lang::kIt)));
  EXPECT_TRUE(SaysThePhoneIsGone(Words("se me cayó el móvil al agua", Lang::kEs)));
  EXPECT_TRUE(SaysThePhoneIsGone(Words("I dropped my phone in the sea", Lang::kEn)));
  EXPECT_TRUE(SaysThePhoneIsGone(Words("la SIM è stata disattivata", Lang::kIt)));
  EXPECT_TRUE(SaysThePhoneIsGone(Words("the code goes to my old number", Lang::kEn)));
  EXPECT_FALSE(SaysThePhoneIsGone(Words("my account was deactivated yesterday", Lang::kEn)));
  EXPECT_FALSE(SaysThePhoneIsGone(Words("the code does not arrive on my phone", Lang::kEn)));
  // Stolen is the account here, and the phone is far from it.
  EXPECT_FALSE(SaysThePhoneIsGone(
      Words("my account was stolen and the code does not arrive on my phone", Lang::kEn)));
}

TEST(ScopeWordsTest, AChangeTheAskerDidNotMake) {
  EXPECT_TRUE(SaysSomeoneElseChangedIt(
      Words("die E-Mail-Adresse wurde geändert, das war ich nicht", Lang::kDe)));
  EXPECT_TRUE(SaysSomeoneElseChangedIt(
      Words("my password was changed but I didn't touch anything", Lang::kEn)));
  EXPECT_TRUE(SaysSomeoneElseChangedIt(
      Words("mon adresse e-mail a été modifiée, ce n'était pas moi", Lang::kFr)));
  EXPECT_TRUE(
      SaysSomeoneElseChangedIt(Words("me cambiaron la contraseña y yo no toqué nada", Lang::kEs)));
  // A change the asker made, and a denial with no change.
  EXPECT_FALSE(SaysSomeoneElseChangedIt(Words("I changed my email and can't log in", Lang::kEn)));
  EXPECT_FALSE(SaysSomeoneElseChangedIt(
      Words("I didn't touch anything but my password doesn't work", Lang::kEn)));
  EXPECT_FALSE(SaysSomeoneElseChangedIt(
      Words("ich habe nichts geändert aber mein Passwort geht nicht", Lang::kDe)));
}

TEST(ScopeWordsTest, HowToKeepAnAccountFromSuspension) {
  EXPECT_TRUE(AsksHowToPreventSuspension(
      Words("Quali accorgimenti devo seguire per non farmi bannare l'account?", Lang::kIt)));
  EXPECT_TRUE(
      AsksHowToPreventSuspension(Words("q hago pa q no me suspendan la cuenta", Lang::kEs)));
  EXPECT_TRUE(AsksHowToPreventSuspension(Words("how can I avoid a suspension", Lang::kEn)));
  EXPECT_TRUE(
      AsksHowToPreventSuspension(Words("cosa faccio x nn farmi sospendere l account", Lang::kIt)));
  EXPECT_TRUE(AsksHowToPreventSuspension(
      Words("Worauf sollten wir achten, damit uns das nicht passiert?", Lang::kDe)));
  EXPECT_TRUE(AsksHowToPreventSuspension(
      Words("que faire pour ne pas se faire suspendre son compte", Lang::kFr)));
  // The negated purpose is about something else.
  EXPECT_FALSE(AsksHowToPreventSuspension(
      Words("quiero cerrar mi cuenta para que no me cobren más la cuota mensual", Lang::kEs)));
  EXPECT_FALSE(AsksHowToPreventSuspension(Words(
      "account disattivato, cosa devo scrivere per farmelo riattivare? non dormo piu", Lang::kIt)));
  EXPECT_FALSE(AsksHowToPreventSuspension(Words("my account was suspended", Lang::kEn)));
}

TEST(ScopeWordsTest, WhetherAPasswordPracticeIsSafe) {
  EXPECT_TRUE(AsksWhetherAPasswordPracticeIsSafe(
      Words("is it ok to let chrome remember my password?", Lang::kEn)));
  EXPECT_TRUE(AsksWhetherAPasswordPracticeIsSafe(
      Words("¿es seguro guardar la contraseña en el navegador?", Lang::kEs)));
  EXPECT_TRUE(AsksWhetherAPasswordPracticeIsSafe(
      Words("ist ein Passwortmanager sinnvoll für mein Passwort?", Lang::kDe)));
  EXPECT_TRUE(AsksWhetherAPasswordPracticeIsSafe(
      Words("come scelgo una password sicura per seller central?", Lang::kIt)));
  EXPECT_TRUE(
      AsksWhetherAPasswordPracticeIsSafe(Words("Tipps für ein sicheres Passwort?", Lang::kDe)));
  // Sure the password is right; a forgotten password; no password at all.
  EXPECT_FALSE(AsksWhetherAPasswordPracticeIsSafe(
      Words("estoy segura de que mi contraseña es correcta", Lang::kEs)));
  EXPECT_FALSE(AsksWhetherAPasswordPracticeIsSafe(
      Words("i forgot my password, is it safe to use the reset link?", Lang::kEn)));
  EXPECT_FALSE(AsksWhetherAPasswordPracticeIsSafe(
      Words("is it ok to sign in from two computers?", Lang::kEn)));
  EXPECT_FALSE(
      AsksWhetherAPasswordPracticeIsSafe(Words("I'm sure, my password is right", Lang::kEn)));
}

TEST(ScopeWordsTest, WhatSellerCentralItselfIs) {
  EXPECT_TRUE(AsksWhatSellerCentralIs(Words("What even is Seller Central?", Lang::kEn)));
  EXPECT_TRUE(AsksWhatSellerCentralIs(Words("a cosa serve di preciso Seller Central?", Lang::kIt)));
  EXPECT_TRUE(AsksWhatSellerCentralIs(Words("Seller Central, c'est quoi ?", Lang::kFr)));
  EXPECT_FALSE(AsksWhatSellerCentralIs(Words("what is the seller central login page", Lang::kEn)));
  EXPECT_FALSE(AsksWhatSellerCentralIs(
      Words("what is needed to open a seller central account?", Lang::kEn)));
}

TEST(ScopeWordsTest, AccessRestrictedOrDenied) {
  EXPECT_TRUE(
      SaysAccessIsRestricted(Words("l'accesso da questo dispositivo è limitato", Lang::kIt)));
  EXPECT_TRUE(SaysAccessIsRestricted(Words("seller central says access denied", Lang::kEn)));
  EXPECT_FALSE(SaysAccessIsRestricted(Words("can I log in from two computers", Lang::kEn)));
}

TEST(ScopeWordsTest, OnlyCloseTheAccount) {
  EXPECT_TRUE(SaysOnlyCloseTheAccount(Words("chiusura account venditore", Lang::kIt)));
  EXPECT_TRUE(SaysOnlyCloseTheAccount(Words("fermeture du compte vendeur amazon", Lang::kFr)));
  EXPECT_TRUE(SaysOnlyCloseTheAccount(Words("Verkäuferkonto schließen", Lang::kDe)));
  // Closed already (a participle), or more than closing.
  EXPECT_FALSE(SaysOnlyCloseTheAccount(Words("account closed", Lang::kEn)));
  EXPECT_FALSE(SaysOnlyCloseTheAccount(Words("cuenta de vendedor cerrada", Lang::kEs)));
  EXPECT_FALSE(SaysOnlyCloseTheAccount(Words("chiusura account per inattività", Lang::kIt)));
  EXPECT_FALSE(SaysOnlyCloseTheAccount(Words("close account and reopen it later", Lang::kEn)));
}

TEST(ScopeWordsTest, SellerCentralIsNamedByItsNameOrAsAmazonsSellerAccount) {
  EXPECT_TRUE(NamesSellerCentral(Words("how do I use Seller Central", Lang::kEn)));
  EXPECT_TRUE(NamesSellerCentral(Words("sellercentral.amazon.it non va", Lang::kIt)));
  EXPECT_TRUE(NamesSellerCentral(Words("mi cuenta amazon vendedor", Lang::kEs)));
  EXPECT_TRUE(NamesSellerCentral(Words("mein Amazon Verkäuferkonto", Lang::kDe)));
  EXPECT_FALSE(NamesSellerCentral(Words("mi pedido de amazon no ha llegado", Lang::kEs)));
  EXPECT_FALSE(NamesSellerCentral(Words("my seller account on etsy", Lang::kEn)));
}

TEST(ScopeWordsTest, SignInVocabularySpeaksOfAccess) {
  EXPECT_TRUE(SpeaksOfAccess(Words("the OTP never comes", Lang::kEn)));
  EXPECT_TRUE(SpeaksOfAccess(Words("mot de passe oublié", Lang::kFr)));
  EXPECT_TRUE(SpeaksOfAccess(Words("no puedo iniciar sesión", Lang::kEs)));
  // A seller's account is ours unless another company is named (checked
  // before); "Verkauf" (a sale) is no seller.
  EXPECT_TRUE(SpeaksOfAccess(Words("my seller account stopped working", Lang::kEn)));
  EXPECT_TRUE(SpeaksOfAccess(Words("mein Verkäuferkonto geht nicht", Lang::kDe)));
  EXPECT_FALSE(SpeaksOfAccess(Words("wie funktioniert die Steuer beim Verkauf", Lang::kDe)));
  EXPECT_FALSE(SpeaksOfAccess(Words("ricetta della carbonara", Lang::kIt)));
  EXPECT_FALSE(SpeaksOfAccess(Words("what's the weather in Rome", Lang::kEn)));
}

}  // namespace
}  // namespace kb::dialogue
