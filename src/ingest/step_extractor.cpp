// Procedural prose to steps; see step_extractor.h. Stateless.
#include "step_extractor.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "text_util.h"

namespace kb::ingest {
namespace {

// Imperatives, counted at a clause start (sentence start, after a comma or a
// conjunction/sequence word): English imperatives double as nouns elsewhere.
constexpr std::array<std::string_view, 83> kImperatives = {
    // it
    "clicca", "clicchi", "cliccate", "seleziona", "selezioni", "compila", "compili", "vai",
    "recati", "inserisci", "digita", "accedi", "apri", "premi", "scegli", "controlla", "assicurati",
    "cancella", "contatta", "invia", "conferma", "scarica", "attendi", "tocca", "segui", "procedi",
    "imposta", "verifica", "entra",
    // en
    "click", "select", "enter", "go", "open", "navigate", "type", "choose", "fill", "press", "tap",
    "visit", "sign", "log", "contact", "check", "ensure", "verify", "follow", "locate", "download",
    "install", "wait", "submit", "reset", "request", "search",
    // es
    "haz", "selecciona", "introduce", "ingresa", "ve", "abre", "elige", "pulsa", "accede",
    "rellena", "escribe", "contacta", "comprueba", "busca",
    // fr
    "cliquez", "sélectionnez", "saisissez", "entrez", "allez", "ouvrez", "choisissez", "appuyez",
    "accédez", "remplissez", "contactez", "vérifiez",
    // de ("Klicken Sie …")
    "klicken"};

// Action infinitives, counted after a modal or with a sequence word.
constexpr std::array<std::string_view, 78> kInfinitives = {
    // it
    "andare", "recarsi", "cliccare", "selezionare", "compilare", "inserire", "digitare", "accedere",
    "aprire", "premere", "scegliere", "verificare", "controllare", "cancellare", "contattare",
    "inviare", "confermare", "scaricare", "attendere", "seguire", "impostare", "cambiare",
    "richiedere", "reimpostare", "entrare", "toccare",
    // en
    "click", "select", "enter", "go", "open", "navigate", "type", "choose", "fill", "press", "tap",
    "visit", "sign", "log", "contact", "check", "verify", "input", "change", "request", "reset",
    "download", "wait", "submit",
    // es
    "ir", "hacer", "seleccionar", "introducir", "ingresar", "abrir", "elegir", "pulsar", "acceder",
    "iniciar", "rellenar", "escribir", "contactar", "verificar", "comprobar",
    // fr
    "cliquer", "sélectionner", "saisir", "entrer", "aller", "ouvrir", "choisir", "accéder",
    "remplir", "contacter", "vérifier",
    // de
    "klicken", "wählen"};

// Modals that make the next few words an instruction when an action verb
// follows ("dovrai andare", "you will need to enter", "è possibile cliccare").
constexpr std::array<std::string_view, 30> kModals = {
    "dovrai",      "devi",         "dovete",         "bisogna",          "occorre",     "puoi",
    "potete",      "è necessario", "è possibile",    "you will need to", "you need to", "you must",
    "you have to", "you should",   "you’ll need to", "you'll need to",   "deberás",     "debes",
    "tienes que",  "hay que",      "puedes",         "vous devez",       "vous pouvez", "il faut",
    "tu dois",     "sie müssen",   "müssen sie",     "sie können",       "können sie",  "du musst"};

// "You will find X": locating the next control is a step too.
constexpr std::array<std::string_view, 12> kLocators = {
    "troverai",   "vedrai",      "you will find", "you will see",   "you’ll find", "you'll find",
    "you’ll see", "encontrarás", "verás",         "vous trouverez", "vous verrez", "finden sie"};

// Sequence words: with an action verb anywhere in the sentence, a step.
constexpr std::array<std::string_view, 30> kSequence = {
    "primo passo", "prima cosa",      "passaggio",    "poi",         "quindi",         "dopodiché",
    "infine",      "successivamente", "first",        "then",        "next",           "finally",
    "after that",  "primero",         "luego",        "después",     "a continuación", "finalmente",
    "d’abord",     "d'abord",         "puis",         "ensuite",     "enfin",          "zuerst",
    "dann",        "danach",          "anschließend", "schließlich", "erstens",        "secondly"};

// Conjunctions that may join two actions in one sentence.
constexpr std::array<std::string_view, 10> kConjunctions = {"e",   "ed",  "and",  "y",    "et",
                                                            "und", "poi", "then", "puis", "dann"};

constexpr std::array<std::string_view, 24> kHowToCues = {
    "come",         "how to",           "how do",     "how can", "steps",     "step-by-step",
    "step by step", "what should i do", "what to do", "guida",   "passaggi",  "procedura",
    "che fare",     "cosa fare",        "cómo",       "pasos",   "qué hacer", "comment",
    "étapes",       "que faire",        "procédure",  "wie",     "schritte",  "anleitung"};

// A procedure is written in short paragraphs; longer ones are not scanned.
constexpr size_t kMaxProceduralParagraphBytes = 8000;

template <size_t N>
const std::unordered_set<std::string_view>& SetOf(const std::array<std::string_view, N>& table) {
  static const std::unordered_set<std::string_view> set(table.begin(), table.end());
  return set;
}

template <size_t N>
bool Contains(const std::array<std::string_view, N>& table, std::string_view word) {
  return SetOf(table).count(word) > 0;
}

// Strips punctuation around a word ("“Sign", "account.", "(if").
std::string_view Bare(std::string_view word) {
  auto is_punct = [](unsigned char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' ||
           c == ')' || c == '"' || c == '\'' || c == '`';
  };
  while (!word.empty() && is_punct(static_cast<unsigned char>(word.front()))) word.remove_prefix(1);
  while (!word.empty() && is_punct(static_cast<unsigned char>(word.back()))) word.remove_suffix(1);
  // Typographic quotes (3 bytes each).
  for (std::string_view q : {"“", "”", "‘", "’", "«", "»"}) {
    while (word.substr(0, q.size()) == q) word.remove_prefix(q.size());
    while (word.size() >= q.size() && word.substr(word.size() - q.size()) == q) {
      word.remove_suffix(q.size());
    }
  }
  return word;
}

// Whether `phrase` occurs in `words` (lowercased, bare); the index just
// after the match goes to `after`.
bool FindPhrase(const std::vector<std::string_view>& words, std::string_view phrase,
                size_t* after) {
  const std::vector<std::string_view> parts = SplitWords(phrase);
  for (size_t i = 0; i + parts.size() <= words.size(); ++i) {
    bool match = true;
    for (size_t k = 0; k < parts.size() && match; ++k) match = words[i + k] == parts[k];
    if (match) {
      if (after != nullptr) *after = i + parts.size();
      return true;
    }
  }
  return false;
}

struct SentenceCues {
  bool action = false;    // the sentence instructs the reader
  bool any_verb = false;  // it holds an action verb at all
};

SentenceCues Analyze(std::string_view sentence) {
  const std::string lower = ToLower(sentence);
  const std::vector<std::string_view> raw_words = SplitWords(lower);
  std::vector<std::string_view> words;
  words.reserve(raw_words.size());
  for (std::string_view raw : raw_words) words.push_back(Bare(raw));
  SentenceCues cues;
  bool clause_start = true;
  for (size_t w = 0; w < words.size(); ++w) {
    const std::string_view raw = raw_words[w];
    const std::string_view word = words[w];
    if (Contains(kImperatives, word) || Contains(kInfinitives, word)) cues.any_verb = true;
    if (clause_start && Contains(kImperatives, word)) cues.action = true;
    const char last = raw.empty() ? ' ' : raw.back();
    clause_start = last == ',' || last == ';' || last == ':' || Contains(kConjunctions, word) ||
                   Contains(kSequence, word);
  }
  for (std::string_view modal : kModals) {
    size_t after = 0;
    if (!FindPhrase(words, modal, &after)) continue;
    for (size_t k = after; k < words.size() && k < after + 3; ++k) {
      if (Contains(kInfinitives, words[k])) cues.action = true;
    }
  }
  for (std::string_view locator : kLocators)
    cues.action = cues.action || FindPhrase(words, locator, nullptr);
  if (cues.any_verb) {
    for (std::string_view sequence : kSequence) {
      cues.action = cues.action || FindPhrase(words, sequence, nullptr);
    }
  }
  return cues;
}

// Splits "dovrai andare sul menu Impostazioni e cliccare su Informazioni"
// before a conjunction whose next word is an action verb, when the part
// before it holds an action of its own.
std::vector<std::string> SplitConjoinedActions(std::string_view sentence) {
  std::vector<std::string> parts;
  const std::vector<std::string_view> words = SplitWords(sentence);
  size_t start = 0;
  for (size_t i = start + 1; i + 1 < words.size(); ++i) {
    const std::string conj = ToLower(Bare(words[i]));
    if (!Contains(kConjunctions, conj) || Bare(words[i]) != words[i]) continue;
    const std::string next = ToLower(Bare(words[i + 1]));
    if (!Contains(kImperatives, next) && !Contains(kInfinitives, next)) continue;
    const size_t left_begin = static_cast<size_t>(words[start].data() - sentence.data());
    const size_t left_end = static_cast<size_t>(words[i].data() - sentence.data());
    const std::string_view left = Trim(sentence.substr(left_begin, left_end - left_begin));
    if (!Analyze(left).any_verb) continue;
    parts.emplace_back(left);
    start = i + 1;
  }
  const size_t rest = static_cast<size_t>(words[start].data() - sentence.data());
  parts.emplace_back(Trim(sentence.substr(rest)));
  return parts;
}

std::string Join(const std::vector<std::string_view>& sentences, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (!out.empty()) out += ' ';
    out += sentences[i];
  }
  return out;
}

}  // namespace

bool StepExtractor::IsHowToHeading(std::string_view heading) {
  const std::string lower = ToLower(heading);
  std::vector<std::string_view> words = SplitWords(lower);
  for (std::string_view& word : words) word = Bare(word);
  for (std::string_view cue : kHowToCues) {
    if (FindPhrase(words, cue, nullptr)) return true;
  }
  return false;
}

std::vector<std::string_view> StepExtractor::SplitSentences(std::string_view paragraph) {
  std::vector<std::string_view> sentences;
  size_t start = 0;
  for (size_t i = 0; i < paragraph.size(); ++i) {
    const char c = paragraph[i];
    if (c != '.' && c != '!' && c != '?') continue;
    // Absorb closing punctuation and quotes: "…account?." and "Security.”".
    size_t end = i + 1;
    while (end < paragraph.size()) {
      if (paragraph[end] == '.' || paragraph[end] == '!' || paragraph[end] == '?' ||
          paragraph[end] == '"' || paragraph[end] == ')') {
        ++end;
      } else if (paragraph.substr(end, 3) == "”" || paragraph.substr(end, 3) == "’") {
        end += 3;
      } else {
        break;
      }
    }
    if (end >= paragraph.size() || paragraph[end] != ' ') continue;
    if (!StartsWithUppercase(paragraph.substr(end + 1, 8))) continue;
    // "N.b. Se", "e.g. Foo": a dotted abbreviation ends no sentence.
    const size_t word_begin = paragraph.rfind(' ', i);
    const std::string_view word =
        paragraph.substr(word_begin == std::string_view::npos ? 0 : word_begin + 1,
                         i - (word_begin == std::string_view::npos ? 0 : word_begin + 1));
    if (c == '.' && word.find('.') != std::string_view::npos) continue;
    sentences.push_back(Trim(paragraph.substr(start, end - start)));
    start = end + 1;
    i = end;
  }
  if (start < paragraph.size()) {
    const std::string_view last = Trim(paragraph.substr(start));
    if (!last.empty()) sentences.push_back(last);
  }
  return sentences;
}

std::optional<ProceduralSplit> StepExtractor::Extract(std::string_view heading,
                                                      std::string_view paragraph) {
  if (paragraph.size() > kMaxProceduralParagraphBytes) return std::nullopt;
  const std::vector<std::string_view> sentences = SplitSentences(paragraph);
  std::vector<bool> is_action(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) is_action[i] = Analyze(sentences[i]).action;
  const size_t min_actions = IsHowToHeading(heading) ? 2 : 3;
  // The longest run of consecutive action sentences.
  size_t best_begin = 0, best_end = 0;
  for (size_t i = 0; i < sentences.size();) {
    if (!is_action[i]) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < sentences.size() && is_action[j]) ++j;
    if (j - i > best_end - best_begin) {
      best_begin = i;
      best_end = j;
    }
    i = j;
  }
  if (best_end == best_begin) return std::nullopt;

  ProceduralSplit split;
  std::vector<std::string> steps;
  for (size_t i = best_begin; i < best_end; ++i) {
    std::string_view sentence = sentences[i];
    // A lead-in ending in ':' before the first action stays prose:
    // "Stesso discorso …: dovrai andare …".
    if (i == best_begin) {
      const size_t colon = sentence.find(": ");
      if (colon != std::string_view::npos && !Analyze(sentence.substr(0, colon)).action &&
          Analyze(sentence.substr(colon + 2)).action) {
        split.lead = std::string(sentence.substr(0, colon + 1));
        sentence = sentence.substr(colon + 2);
      }
    }
    for (std::string& part : SplitConjoinedActions(sentence)) {
      steps.push_back(CapitalizeFirst(part));
    }
  }
  if (steps.size() < min_actions) return std::nullopt;
  split.steps = std::move(steps);
  std::string before = Join(sentences, 0, best_begin);
  if (!split.lead.empty()) before += (before.empty() ? "" : " ") + split.lead;
  split.lead = std::move(before);
  split.tail = Join(sentences, best_end, sentences.size());
  return split;
}

}  // namespace kb::ingest
