// DetectLanguage: naive-Bayes-style scoring of short questions over our five
// languages. Two kinds of evidence, summed per word in log space:
//   (a) a lexicon per language: Snowball's stop words (the same lists the
//       Analyzer uses) plus common words of sellers' questions ("riesco",
//       "puedo", "arrive", "bekomme"), each worth kLexiconWeight nats;
//   (b) a character trigram model per language, learned from Snowball's
//       vocabularies (langid_profiles.inc, see tools/gen_langid_profiles.py),
//       which scores words no list knows, typos included.
// Words that carry no language do not vote: numbers and codes, and domain
// words that sellers write in English whatever their language ("account",
// "password", "seller central", "login", "otp", "email").
//
// Thread safety: the model is immutable after first use (thread-safe static
// init); folding uses a thread_local Normalizer. DetectLanguage may be called
// from any thread.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "kb/analyzer.h"
#include "normalizer.h"
#include "stopwords.h"

namespace kb {
namespace {

struct TrigramCounts {
  const char* trigram;
  uint32_t counts[5];
};

#include "langid_profiles.inc"

constexpr double kLexiconWeight = 3.0;  // nats for a word the language's lexicon knows
constexpr double kTrigramWeight = 0.6;  // damps the (correlated) trigrams of one word
constexpr double kSmoothing = 0.5;      // additive smoothing of trigram counts

// Words sellers use in every language: they must not vote.
constexpr std::string_view kNoVote =
    "account accounts password passwords seller sellers central amazon login logout log "
    "email emails mail e otp sms app apps browser cookie cookies cache chrome firefox safari edge "
    "link web online offline ok okay pin id 2fa 2sv mfa authenticator google microsoft iphone "
    "android smartphone reset support team ticket case business marketplace store shop brand fba "
    "fbm asin sku listing feedback username user vpn wifi pc mac windows captcha qr spam inbox "
    "gmail outlook hotmail yahoo token code codes tablet ipad whatsapp internet website url "
    "online performance notification notifications help hi hello ciao bye";

// Common words of sellers' questions per language (folded), beyond stop words.
constexpr std::array<std::string_view, 5> kCommonWords = {
    // en
    "can't cant cannot can not no my get getting got receive received receiving please thanks "
    "thank locked suspended forgot forgotten change changed new phone number sign signed "
    "verification verify verified access work working works doesn't dont don't didn't didnt "
    "won't wont isn't isnt i'm im ive i've still since anymore tried trying try says said error "
    "wrong lost need want keeps keep asking asks two step someone hacked closed close recover "
    "message text old device days week yesterday today anyone why what how unable able getting "
    "never nothing anything sent send receive login issue problem trouble disabled deactivated "
    "enter entered show shows appear appears page screen back stuck loop verification address "
    "lock unlock out we our us without",
    // it
    "non riesco ricevo ricevuto ricevere accedere accesso funziona funzionano grazie salve "
    "buongiorno buonasera aiuto aiutatemi codice problema problemi perche cosa mio mia miei "
    "sono stato stata bloccato bloccata sospeso sospesa dimenticato dimenticata cambiato "
    "cambiare nuovo nuova numero telefono cellulare posso devo puo fare chiede continua arriva "
    "arrivato arrivano ancora dopo sempre mai niente nessun nessuno qualcuno verifica "
    "passaggi due messaggio errore scritto dice vecchio vecchia modificare recuperare chiudere "
    "giorni settimana oggi ieri venditore venditori assistenza risposta rispondono sbagliato "
    "sbagliata entrare indirizzo fatto piu senza riuscito riesce richiesta richiede inserire "
    "inserito qualche ciao chiusura chiuso disattivato hackerato violato come faccio "
    "qualcosa successo invece pure adesso ora volta",
    // es
    "no puedo recibo recibido recibir acceder acceso funciona gracias hola buenos buenas dias "
    "ayuda codigo problema problemas porque cuenta contrasena bloqueada bloqueado suspendida "
    "suspendido olvide olvidado olvidada cambiado cambie cambiar nuevo nueva numero telefono "
    "celular movil debo hacer pide sigue llega llegado llegan todavia despues siempre nunca "
    "ningun ninguno alguien verificacion pasos dos mensaje dice viejo vieja modificar "
    "recuperar cerrar ayudenme semana hoy ayer vendedor vendedores soporte respuesta "
    "responden incorrecto incorrecta entrar correo direccion iniciar sesion hice pero sabe "
    "aparece sale sin ingresar necesito quiero puede favor consigo deja dejo intento "
    "intentado hackeada hackeado pirateada cerrada desactivada clave nadie solo ahora vez",
    // fr
    "ne pas arrive recois recu recevoir acceder acces fonctionne marche merci bonjour bonsoir "
    "aide probleme problemes pourquoi comment quoi compte mot passe bloque bloquee suspendu "
    "suspendue oublie oubliee change changer nouveau nouvelle numero telephone portable peux "
    "dois faire demande continue toujours encore apres jamais rien aucun quelqu verification "
    "etapes deux message erreur dit ancien ancienne modifier recuperer fermer aidez jours "
    "semaine aujourd hier vendeur vendeurs assistance reponse repondent incorrect connecter "
    "connexion adresse depuis plus deja sais svp impossible sans besoin veux peut cela "
    "ferme desactive pirate piratage reinitialiser courriel identifiant code recu "
    "n'arrive j'arrive j'ai n'ai c'est qu'il l'acces d'acces personne maintenant fois",
    // de
    "nicht kein keine keinen ich mein meine meinen mich mir kann bekomme erhalte erhalten "
    "anmelden anmeldung zugang funktioniert geht danke hallo hilfe problem warum wie konto "
    "passwort gesperrt gesperrtes vergessen geandert andern neue neues neuen nummer telefon "
    "handy muss fragt immer nie nichts jemand verifizierung bestatigung zwei schritte "
    "nachricht fehler sagt alte alten altes wiederherstellen schliessen tage woche heute "
    "gestern verkaufer antwort antworten falsch einloggen adresse seit mehr schon weiss bitte "
    "leider gehackt wurde worden bekommen kommt ohne brauche mochte konnen hilft geschlossen "
    "deaktiviert zuruck zurucksetzen kennwort bestatigungscode niemand jetzt mal"};

// Elided forms, whose apostrophe marks Italian or French.
constexpr std::array<std::string_view, 5> kElisions = {
    "", "l' d' dell' all' nell' un' sull' dall' c' m' t' s' v' po' quell' quest' nessun'", "",
    "l' d' j' qu' n' c' s' m' t' jusqu' lorsqu' puisqu'", ""};

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

void AddWords(std::string_view list, WordSet& set) {
  std::istringstream words{std::string(list)};
  std::string word;
  while (words >> word) set.insert(word);
}

struct Model {
  WordSet no_vote;
  std::array<WordSet, 5> lexicon;  // common words + elisions; stop words come from stopwords.h
  std::unordered_map<std::string, std::array<float, 5>, StringHash, std::equal_to<>> trigram;
  std::array<float, 5> unseen;  // log-probability of a trigram a language never showed

  Model() {
    AddWords(kNoVote, no_vote);
    for (size_t l = 0; l < 5; ++l) {
      AddWords(kCommonWords[l], lexicon[l]);
      AddWords(kElisions[l], lexicon[l]);
    }
    const double vocabulary = static_cast<double>(std::size(kTrigrams));
    std::array<double, 5> denominator;
    for (size_t l = 0; l < 5; ++l) {
      denominator[l] = kTrigramTotals[l] + kSmoothing * vocabulary;
      unseen[l] = static_cast<float>(std::log(kSmoothing / denominator[l]));
    }
    trigram.reserve(std::size(kTrigrams));
    for (const TrigramCounts& t : kTrigrams) {
      std::array<float, 5> logp;
      for (size_t l = 0; l < 5; ++l) {
        logp[l] = static_cast<float>(std::log((t.counts[l] + kSmoothing) / denominator[l]));
      }
      trigram.emplace(t.trigram, logp);
    }
  }

  bool InLexicon(std::string_view word, size_t l) const {
    return lexicon[l].contains(word) || text::IsStopwordIn(word, kLangs[l]);
  }

  // Adds the evidence of one folded word to `score`; returns false when the
  // word carries no language.
  bool Score(std::string_view word, std::array<double, 5>& score) const {
    if (word.empty() || no_vote.contains(word)) return false;
    if (std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return false;
    }
    bool known = false;
    for (size_t l = 0; l < 5; ++l) {
      if (InLexicon(word, l)) {
        score[l] += kLexiconWeight;
        known = true;
      }
    }
    // Trigrams over the letters a-z only: other scripts carry none of our languages.
    std::string padded = "^";
    for (char c : word) {
      if (c >= 'a' && c <= 'z') padded += c;
    }
    padded += '$';
    if (padded.size() < 3 || (padded.size() < 4 && !known)) return known;
    for (size_t i = 0; i + 3 <= padded.size(); ++i) {
      auto it = trigram.find(std::string_view(padded).substr(i, 3));
      for (size_t l = 0; l < 5; ++l) {
        score[l] += kTrigramWeight * (it == trigram.end() ? unseen[l] : it->second[l]);
      }
    }
    return true;
  }
};

const Model& GetModel() {
  static const Model kModel;
  return kModel;
}

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

LanguageGuess DetectLanguage(std::string_view utf8) {
  const Model& model = GetModel();
  thread_local text::Normalizer normalizer;
  std::string folded;
  normalizer.Fold(utf8, folded);

  std::array<double, 5> score{};
  int voters = 0;
  // Words are runs of letters/digits; an apostrophe inside a word is kept so
  // that "don't" and "l'" can be looked up, then split if the whole is unknown.
  size_t i = 0;
  while (i < folded.size()) {
    if (!IsWordByte(folded[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < folded.size() &&
           (IsWordByte(folded[j]) ||
            (folded[j] == '\'' && j + 1 < folded.size() && IsWordByte(folded[j + 1])))) {
      ++j;
    }
    std::string_view word(folded.data() + i, j - i);
    i = j;
    const size_t apostrophe = word.find('\'');
    if (apostrophe != std::string_view::npos) {
      bool whole = false;
      for (size_t l = 0; l < 5; ++l) whole = whole || model.lexicon[l].contains(word);
      if (!whole) {
        // "l'account": the elision "l'" votes, then "account" (which won't).
        voters += model.Score(word.substr(0, apostrophe + 1), score);
        word.remove_prefix(apostrophe + 1);
      }
    }
    voters += model.Score(word, score);
  }

  LanguageGuess guess;
  if (voters == 0) return guess;
  const double best = *std::max_element(score.begin(), score.end());
  double sum = 0;
  std::array<double, 5> posterior;
  for (size_t l = 0; l < 5; ++l) {
    posterior[l] = std::exp(score[l] - best);
    sum += posterior[l];
  }
  size_t winner = 0;
  for (size_t l = 0; l < 5; ++l) {
    guess.scores[l] = posterior[l] / sum;
    if (guess.scores[l] > guess.scores[winner]) winner = l;
  }
  guess.lang = kLangs[winner];
  guess.confidence = guess.scores[winner];
  return guess;
}

}  // namespace kb
