// Procedural prose to steps; see step_extractor.h. Stateless.
#include "step_extractor.h"

#include <algorithm>
#include <array>
#include <cstdint>

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

// Strips punctuation around a word ("“Sign", "account.", "(if").
std::string_view Bare(std::string_view word) {
  auto is_punct = [](unsigned char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' ||
           c == ')' || c == '"' || c == '\'' || c == '`';
  };
  while (!word.empty() && is_punct(static_cast<unsigned char>(word.front()))) word.remove_prefix(1);
  while (!word.empty() && is_punct(static_cast<unsigned char>(word.back()))) word.remove_suffix(1);
  if (word.empty()) return word;
  // Every typographic quote below starts with byte C2 or E2 and ends with
  // one of these; a word with neither at its ends (nearly all) has none.
  const auto first = static_cast<unsigned char>(word.front());
  const auto last = static_cast<unsigned char>(word.back());
  if (first != 0xC2 && first != 0xE2 && last != 0x9C && last != 0x9D && last != 0x98 &&
      last != 0x99 && last != 0xAB && last != 0xBB) {
    return word;
  }
  // Typographic quotes (“ ” ‘ ’: 3 bytes, « »: 2 bytes).
  for (std::string_view q : {"“", "”", "‘", "’", "«", "»"}) {
    while (word.substr(0, q.size()) == q) word.remove_prefix(q.size());
    while (word.size() >= q.size() && word.substr(word.size() - q.size()) == q) {
      word.remove_suffix(q.size());
    }
  }
  return word;
}

// The cue tables above as one lookup: what a lowercased, bare word can be,
// and which cue phrases start with it. Built once; read-only afterwards, so
// any number of threads may share it.
class CueLexicon {
 public:
  enum Role : uint8_t {
    kImperative = 1,
    kInfinitive = 2,
    kConjunction = 4,
    kSequenceWord = 8,  // a sequence cue of one word ("poi", "then")
  };
  enum class PhraseKind : uint8_t { kModal, kLocator, kSequence, kHowTo };
  struct Phrase {
    PhraseKind kind;
    uint8_t index;                       // position in its table (for kModals: the seen bit)
    std::vector<std::string_view> rest;  // the words after the first one
  };
  struct Entry {
    std::string_view word;
    uint8_t roles = 0;
    std::vector<Phrase> phrases;  // cue phrases that start with `word`
  };

  static const CueLexicon& Get() {
    static const CueLexicon lexicon;
    return lexicon;
  }

  // The word's entry, or null when it is no cue and starts no cue phrase.
  const Entry* Find(std::string_view word) const {
    if (word.size() > max_word_bytes_) return nullptr;
    for (size_t slot = Hash(word) & slot_mask_;; slot = (slot + 1) & slot_mask_) {
      const int16_t index = slots_[slot];
      if (index < 0) return nullptr;
      if (entries_[static_cast<size_t>(index)].word == word) {
        return &entries_[static_cast<size_t>(index)];
      }
    }
  }

  // Whether `phrase` continues at words[at] (its first word being words[at - 1]).
  static bool RestMatches(const Phrase& phrase, const std::vector<std::string_view>& words,
                          size_t at) {
    if (at + phrase.rest.size() > words.size()) return false;
    for (size_t k = 0; k < phrase.rest.size(); ++k) {
      if (words[at + k] != phrase.rest[k]) return false;
    }
    return true;
  }

 private:
  CueLexicon() {
    for (std::string_view word : kImperatives) Add(word).roles |= kImperative;
    for (std::string_view word : kInfinitives) Add(word).roles |= kInfinitive;
    for (std::string_view word : kConjunctions) Add(word).roles |= kConjunction;
    AddPhrases(kModals, PhraseKind::kModal);
    AddPhrases(kLocators, PhraseKind::kLocator);
    AddPhrases(kSequence, PhraseKind::kSequence);
    AddPhrases(kHowToCues, PhraseKind::kHowTo);
    for (std::string_view phrase : kSequence) {
      if (SplitWords(phrase).size() == 1) Add(phrase).roles |= kSequenceWord;
    }
    size_t slots = 1;
    while (slots < entries_.size() * 4) slots *= 2;
    slot_mask_ = slots - 1;
    slots_.assign(slots, -1);
    for (size_t i = 0; i < entries_.size(); ++i) {
      size_t slot = Hash(entries_[i].word) & slot_mask_;
      while (slots_[slot] >= 0) slot = (slot + 1) & slot_mask_;
      slots_[slot] = static_cast<int16_t>(i);
      max_word_bytes_ = std::max(max_word_bytes_, entries_[i].word.size());
    }
  }

  Entry& Add(std::string_view word) {
    for (Entry& entry : entries_) {
      if (entry.word == word) return entry;
    }
    entries_.push_back(Entry{word, 0, {}});
    return entries_.back();
  }

  template <size_t N>
  void AddPhrases(const std::array<std::string_view, N>& table, PhraseKind kind) {
    static_assert(N <= 64, "the modal seen-set is a 64-bit mask");
    for (size_t i = 0; i < N; ++i) {
      std::vector<std::string_view> words = SplitWords(table[i]);
      const std::string_view first = words.front();
      words.erase(words.begin());
      Add(first).phrases.push_back(Phrase{kind, static_cast<uint8_t>(i), std::move(words)});
    }
  }

  // FNV-1a: cue words are short, and this is cheaper than std::hash.
  static size_t Hash(std::string_view word) {
    uint64_t hash = 1469598103934665603ULL;
    for (const char c : word) {
      hash ^= static_cast<uint8_t>(c);
      hash *= 1099511628211ULL;
    }
    return static_cast<size_t>(hash ^ (hash >> 32));
  }

  std::vector<Entry> entries_;
  std::vector<int16_t> slots_;  // open addressing: index into entries_, -1 when empty
  size_t slot_mask_ = 0;
  size_t max_word_bytes_ = 0;
};

bool HasRole(const CueLexicon::Entry* entry, uint8_t roles) {
  return entry != nullptr && (entry->roles & roles) != 0;
}

// Buffers Analyze reuses from one sentence to the next.
struct SentenceWords {
  std::string lower;
  std::vector<std::string_view> raw;              // words of `lower`
  std::vector<std::string_view> words;            // the same, bare
  std::vector<const CueLexicon::Entry*> entries;  // each word's lexicon entry, or null

  // Lowercases and splits `text`, looking every word up once.
  void Read(std::string_view text) {
    ToLower(text, lower);
    raw.clear();
    words.clear();
    entries.clear();
    const CueLexicon& lexicon = CueLexicon::Get();
    const std::string_view all = lower;
    size_t i = 0;
    while (i < all.size()) {
      while (i < all.size() && (all[i] == ' ' || all[i] == '\t')) ++i;
      const size_t start = i;
      while (i < all.size() && all[i] != ' ' && all[i] != '\t') ++i;
      if (i == start) continue;
      raw.push_back(all.substr(start, i - start));
      words.push_back(Bare(raw.back()));
      entries.push_back(lexicon.Find(words.back()));
    }
  }
};

struct SentenceCues {
  bool action = false;    // the sentence instructs the reader
  bool any_verb = false;  // it holds an action verb at all
};

// One pass over the words. A modal counts at its first occurrence only
// (with an infinitive among the next three words); a locator anywhere makes
// an action, and so does a sequence phrase anywhere when the sentence holds
// an action verb.
SentenceCues Analyze(std::string_view sentence, SentenceWords& scratch) {
  scratch.Read(sentence);
  const std::vector<std::string_view>& words = scratch.words;
  const std::vector<const CueLexicon::Entry*>& entries = scratch.entries;
  using Lexicon = CueLexicon;
  SentenceCues cues;
  bool clause_start = true;
  bool has_locator = false;
  bool has_sequence = false;
  uint64_t modals_seen = 0;
  for (size_t w = 0; w < words.size(); ++w) {
    const Lexicon::Entry* entry = entries[w];
    const std::string_view raw = scratch.raw[w];
    const char last = raw.empty() ? ' ' : raw.back();
    if (entry == nullptr) {
      clause_start = last == ',' || last == ';' || last == ':';
      continue;
    }
    if (HasRole(entry, Lexicon::kImperative | Lexicon::kInfinitive)) cues.any_verb = true;
    if (clause_start && HasRole(entry, Lexicon::kImperative)) cues.action = true;
    clause_start = last == ',' || last == ';' || last == ':' ||
                   HasRole(entry, Lexicon::kConjunction | Lexicon::kSequenceWord);
    for (const Lexicon::Phrase& phrase : entry->phrases) {
      if (phrase.kind == Lexicon::PhraseKind::kHowTo) continue;
      if (!Lexicon::RestMatches(phrase, words, w + 1)) continue;
      switch (phrase.kind) {
        case Lexicon::PhraseKind::kModal: {
          const uint64_t bit = uint64_t{1} << phrase.index;
          if ((modals_seen & bit) != 0) break;
          modals_seen |= bit;
          const size_t after = w + 1 + phrase.rest.size();
          for (size_t k = after; k < words.size() && k < after + 3; ++k) {
            if (HasRole(entries[k], Lexicon::kInfinitive)) cues.action = true;
          }
          break;
        }
        case Lexicon::PhraseKind::kLocator:
          has_locator = true;
          break;
        case Lexicon::PhraseKind::kSequence:
          has_sequence = true;
          break;
        case Lexicon::PhraseKind::kHowTo:
          break;
      }
    }
  }
  cues.action = cues.action || has_locator || (cues.any_verb && has_sequence);
  return cues;
}

// Splits "dovrai andare sul menu Impostazioni e cliccare su Informazioni"
// before a conjunction whose next word is an action verb, when the part
// before it holds an action of its own.
std::vector<std::string> SplitConjoinedActions(std::string_view sentence, SentenceWords& scratch) {
  const CueLexicon& lexicon = CueLexicon::Get();
  std::vector<std::string> parts;
  const std::vector<std::string_view> words = SplitWords(sentence);
  size_t start = 0;
  for (size_t i = start + 1; i + 1 < words.size(); ++i) {
    const std::string conj = ToLower(Bare(words[i]));
    if (!HasRole(lexicon.Find(conj), CueLexicon::kConjunction) || Bare(words[i]) != words[i]) {
      continue;
    }
    const std::string next = ToLower(Bare(words[i + 1]));
    if (!HasRole(lexicon.Find(next), CueLexicon::kImperative | CueLexicon::kInfinitive)) continue;
    const size_t left_begin = static_cast<size_t>(words[start].data() - sentence.data());
    const size_t left_end = static_cast<size_t>(words[i].data() - sentence.data());
    const std::string_view left = Trim(sentence.substr(left_begin, left_end - left_begin));
    if (!Analyze(left, scratch).any_verb) continue;
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
  SentenceWords scratch;
  scratch.Read(heading);
  for (size_t w = 0; w < scratch.words.size(); ++w) {
    if (scratch.entries[w] == nullptr) continue;
    for (const CueLexicon::Phrase& phrase : scratch.entries[w]->phrases) {
      if (phrase.kind == CueLexicon::PhraseKind::kHowTo &&
          CueLexicon::RestMatches(phrase, scratch.words, w + 1)) {
        return true;
      }
    }
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
  SentenceWords scratch;
  std::vector<bool> is_action(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    is_action[i] = Analyze(sentences[i], scratch).action;
  }
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
      if (colon != std::string_view::npos && !Analyze(sentence.substr(0, colon), scratch).action &&
          Analyze(sentence.substr(colon + 2), scratch).action) {
        split.lead = std::string(sentence.substr(0, colon + 1));
        sentence = sentence.substr(colon + 2);
      }
    }
    for (std::string& part : SplitConjoinedActions(sentence, scratch)) {
      steps.push_back(CapitalizeFirst(part));
    }
  }
  // How-to sections need two actions, others three. Asked only now: most
  // paragraphs hold no action at all.
  const size_t min_actions = IsHowToHeading(heading) ? 2 : 3;
  if (steps.size() < min_actions) return std::nullopt;
  split.steps = std::move(steps);
  std::string before = Join(sentences, 0, best_begin);
  if (!split.lead.empty()) before += (before.empty() ? "" : " ") + split.lead;
  split.lead = std::move(before);
  split.tail = Join(sentences, best_end, sentences.size());
  return split;
}

}  // namespace kb::ingest
