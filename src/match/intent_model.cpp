// Training (AdaGrad on softmax cross-entropy with L2), prediction and the
// binary format of the intent model.
#include "intent_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <random>

namespace kb::match {
namespace {

constexpr uint32_t kMagic = 0x4b42494d;  // "KBIM"
constexpr uint32_t kVersion = 2;         // 2: each vocabulary word's languages
constexpr int kEpochs = 40;
constexpr float kLearningRate = 0.5f;
constexpr float kL2 = 1e-5f;

struct Example {
  std::vector<std::pair<int, float>> features;
  int cls;
};

void Softmax(std::vector<double>& scores) {
  const double top = *std::max_element(scores.begin(), scores.end());
  double sum = 0;
  for (double& s : scores) {
    s = std::exp(s - top);
    sum += s;
  }
  for (double& s : scores) s /= sum;
}

class ByteWriter {
 public:
  void U32(uint32_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void Str(const std::string& s) {
    U32(static_cast<uint32_t>(s.size()));
    out_ += s;
  }
  void Floats(const std::vector<float>& v) {
    U32(static_cast<uint32_t>(v.size()));
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(float));
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  bool U32(uint32_t& v) { return Raw(&v, sizeof v); }
  bool Str(std::string& s) {
    uint32_t n;
    if (!U32(n) || n > in_.size() - pos_) return false;
    s.assign(in_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  bool Floats(std::vector<float>& v) {
    uint32_t n;
    if (!U32(n) || n > (in_.size() - pos_) / sizeof(float)) return false;
    v.resize(n);
    return Raw(v.data(), n * sizeof(float));
  }

 private:
  bool Raw(void* dst, size_t n) {
    if (n > in_.size() - pos_) return false;
    std::memcpy(dst, in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  std::string_view in_;
  size_t pos_ = 0;
};

}  // namespace

int IntentModel::ClassIndex(std::string_view id) const {
  for (size_t i = 0; i < classes_.size(); ++i) {
    if (classes_[i] == id) return static_cast<int>(i);
  }
  return -1;
}

Lang IntentModel::SoleLanguage(std::string_view text, Analyzer& analyzer) const {
  uint32_t languages = TrainingVocabulary::kAnyLanguage;
  bool known = false;
  for (const Token& token : analyzer.Analyze(text, Lang::kUnknown)) {
    if (!vocabulary_.Contains(token.folded)) continue;
    known = true;
    languages &= vocabulary_.Languages(token.folded);
  }
  if (!known) return Lang::kUnknown;
  for (Lang lang : kLangs) {
    if (languages == TrainingVocabulary::LanguageBit(lang)) return lang;
  }
  return Lang::kUnknown;
}

float IntentModel::Weight(const std::string& feature, int cls) const {
  auto it = feature_ids_.find(feature);
  if (it == feature_ids_.end() || cls < 0 || static_cast<size_t>(cls) >= classes_.size()) return 0;
  return weights_[static_cast<size_t>(it->second) * classes_.size() + static_cast<size_t>(cls)];
}

StatusOr<IntentModel> IntentModel::Train(const Catalog& catalog,
                                         std::shared_ptr<const SynonymTable> synonyms) {
  IntentModel model;
  Analyzer analyzer(std::move(synonyms));
  std::vector<Example> examples;
  for (const Intent& intent : catalog.intents) {
    bool has_phrase = false;
    for (const auto& [code, text] : intent.texts) has_phrase |= !text.phrases.empty();
    if (!has_phrase) continue;
    const int cls = static_cast<int>(model.classes_.size());
    model.classes_.push_back(intent.id);
    for (const auto& [code, text] : intent.texts) {
      const Lang lang = LangFromCode(code).value_or(Lang::kUnknown);
      for (const std::string& phrase : text.phrases) {
        for (const Token& token : analyzer.Analyze(phrase, lang)) {
          if (!token.stopword) model.vocabulary_.Add(token.folded, "w:" + token.stem, lang);
        }
        ExtractedFeatures extracted = ExtractFeatures(phrase, lang, analyzer, nullptr);
        Example example{{}, cls};
        for (const Feature& f : extracted.features) {
          auto [it, inserted] =
              model.feature_ids_.emplace(f.name, static_cast<int>(model.feature_ids_.size()));
          example.features.emplace_back(it->second, f.weight);
        }
        if (!example.features.empty()) examples.push_back(std::move(example));
      }
    }
  }
  if (model.classes_.size() < 2 || examples.empty()) {
    return Status::Error("the catalogue has too few intents with phrases to train on");
  }
  const size_t classes = model.classes_.size();
  // Balanced class weights: the out-of-scope class has several times more
  // phrases than an intent, and would otherwise win every doubtful question.
  std::vector<float> class_weight(classes, 0.0f);
  for (const Example& ex : examples) class_weight[ex.cls] += 1.0f;
  for (float& w : class_weight) {
    w = w > 0 ? static_cast<float>(examples.size()) / (classes * w) : 0.0f;
  }
  model.weights_.assign(model.feature_ids_.size() * classes, 0.0f);
  model.bias_.assign(classes, 0.0f);
  std::vector<float> grad_sq(model.weights_.size(), 1e-6f);
  std::vector<float> bias_sq(classes, 1e-6f);
  std::mt19937 rng(42);
  std::vector<double> scores(classes);
  for (int epoch = 0; epoch < kEpochs; ++epoch) {
    std::shuffle(examples.begin(), examples.end(), rng);
    for (const Example& ex : examples) {
      for (size_t c = 0; c < classes; ++c) scores[c] = model.bias_[c];
      for (auto [id, value] : ex.features) {
        const float* w = &model.weights_[static_cast<size_t>(id) * classes];
        for (size_t c = 0; c < classes; ++c) scores[c] += w[c] * value;
      }
      Softmax(scores);
      for (size_t c = 0; c < classes; ++c) {
        const float g = class_weight[ex.cls] *
                        static_cast<float>(scores[c] - (static_cast<int>(c) == ex.cls ? 1 : 0));
        bias_sq[c] += g * g;
        model.bias_[c] -= kLearningRate * g / std::sqrt(bias_sq[c]);
        for (auto [id, value] : ex.features) {
          const size_t at = static_cast<size_t>(id) * classes + c;
          const float gw = g * value + kL2 * model.weights_[at];
          grad_sq[at] += gw * gw;
          model.weights_[at] -= kLearningRate * gw / std::sqrt(grad_sq[at]);
        }
      }
    }
  }
  return model;
}

Prediction IntentModel::Predict(std::string_view text, Lang lang, Analyzer& analyzer,
                                Lang typo_lang) const {
  Prediction prediction;
  ExtractedFeatures extracted = ExtractFeatures(text, lang, analyzer, &vocabulary_, typo_lang);
  prediction.corrections = std::move(extracted.corrections);
  prediction.content_words = extracted.content_words;
  prediction.unknown_words = extracted.unknown_words;
  const size_t classes = classes_.size();
  std::vector<double> scores(bias_.begin(), bias_.end());
  for (const Feature& f : extracted.features) {
    auto it = feature_ids_.find(f.name);
    if (it == feature_ids_.end()) continue;
    if (f.name.compare(0, 2, "c:") != 0) prediction.matched_features.push_back(f.name);
    const float* w = &weights_[static_cast<size_t>(it->second) * classes];
    for (size_t c = 0; c < classes; ++c) scores[c] += w[c] * f.weight;
  }
  Softmax(scores);
  prediction.ranked.reserve(classes);
  for (size_t c = 0; c < classes; ++c)
    prediction.ranked.push_back({static_cast<int>(c), scores[c]});
  std::sort(prediction.ranked.begin(), prediction.ranked.end(),
            [](const ClassScore& a, const ClassScore& b) { return a.probability > b.probability; });
  return prediction;
}

std::string IntentModel::Serialize() const {
  ByteWriter w;
  w.U32(kMagic);
  w.U32(kVersion);
  w.U32(static_cast<uint32_t>(classes_.size()));
  for (const std::string& c : classes_) w.Str(c);
  std::vector<const std::string*> names(feature_ids_.size());
  for (const auto& [name, id] : feature_ids_) names[id] = &name;
  w.U32(static_cast<uint32_t>(names.size()));
  for (const std::string* name : names) w.Str(*name);
  w.Floats(weights_);
  w.Floats(bias_);
  w.U32(static_cast<uint32_t>(vocabulary_.words().size()));
  for (const auto& [word, entry] : vocabulary_.words()) {
    w.Str(word);
    w.U32(entry.languages);
    w.U32(static_cast<uint32_t>(entry.stems.size()));
    for (const std::string& s : entry.stems) w.Str(s);
  }
  return w.Take();
}

StatusOr<IntentModel> IntentModel::Deserialize(std::string_view bytes) {
  const Status corrupt = Status::Error("the KB's intent model is corrupt: run `kb index` again");
  ByteReader r(bytes);
  uint32_t magic, version, count;
  if (!r.U32(magic) || magic != kMagic || !r.U32(version) || version != kVersion) return corrupt;
  IntentModel model;
  if (!r.U32(count)) return corrupt;
  model.classes_.resize(count);
  for (std::string& c : model.classes_) {
    if (!r.Str(c)) return corrupt;
  }
  if (!r.U32(count)) return corrupt;
  model.feature_ids_.reserve(count);
  for (uint32_t i = 0; i < count; ++i) {
    std::string name;
    if (!r.Str(name)) return corrupt;
    model.feature_ids_.emplace(std::move(name), static_cast<int>(i));
  }
  if (!r.Floats(model.weights_) || !r.Floats(model.bias_)) return corrupt;
  if (model.weights_.size() != model.feature_ids_.size() * model.classes_.size() ||
      model.bias_.size() != model.classes_.size()) {
    return corrupt;
  }
  if (!r.U32(count)) return corrupt;
  for (uint32_t i = 0; i < count; ++i) {
    std::string word;
    uint32_t languages, stems;
    if (!r.Str(word) || !r.U32(languages) || !r.U32(stems)) return corrupt;
    for (uint32_t s = 0; s < stems; ++s) {
      std::string stem;
      if (!r.Str(stem)) return corrupt;
      model.vocabulary_.Add(word, stem, languages);
    }
  }
  return model;
}

}  // namespace kb::match
