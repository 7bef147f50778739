// Sections and steps from typed blocks; see section_builder.h. Stateless.
#include "section_builder.h"

#include "step_extractor.h"
#include "text_util.h"

namespace kb::ingest {
namespace {

constexpr size_t kDerivedTitleBytes = 80;

bool IsEmpty(const Section& section) { return section.paragraphs.empty() && section.steps.empty(); }

Step MakeStep(std::string text) { return Step{0, std::move(text)}; }

// Splits procedural prose into steps for a section that has no list.
void ExtractProceduralSteps(Section& section) {
  if (!section.steps.empty()) return;
  for (size_t p = 0; p < section.paragraphs.size(); ++p) {
    std::optional<ProceduralSplit> split =
        StepExtractor::Extract(section.heading, section.paragraphs[p]);
    if (!split) continue;
    std::vector<std::string> paragraphs(section.paragraphs.begin(),
                                        section.paragraphs.begin() + static_cast<long>(p));
    if (!split->lead.empty()) paragraphs.push_back(std::move(split->lead));
    if (!split->tail.empty()) paragraphs.push_back(std::move(split->tail));
    paragraphs.insert(paragraphs.end(), section.paragraphs.begin() + static_cast<long>(p) + 1,
                      section.paragraphs.end());
    section.paragraphs = std::move(paragraphs);
    for (std::string& step : split->steps) section.steps.push_back(MakeStep(std::move(step)));
    return;
  }
}

}  // namespace

void SectionBuilder::Build(ArticleDraft draft, Article& article) {
  std::vector<Section> sections(1);  // [0]: the intro, headed by the title
  size_t parent = 0;                 // the section numbered sub-headings belong to
  size_t current = 0;
  for (Block& block : draft.blocks) {
    switch (block.kind) {
      case BlockKind::kHeading:
        sections.push_back(Section{std::move(block.text), {}, {}});
        parent = current = sections.size() - 1;
        break;
      case BlockKind::kSubheading:
        sections[parent].steps.push_back(MakeStep(block.text));
        sections.push_back(Section{std::move(block.text), {}, {}});
        current = sections.size() - 1;
        break;
      case BlockKind::kListItem:
        sections[current].steps.push_back(MakeStep(std::move(block.text)));
        break;
      case BlockKind::kParagraph:
        sections[current].paragraphs.push_back(std::move(block.text));
        break;
    }
  }

  article.title = std::move(draft.title);
  if (article.title.empty()) {
    if (sections.size() > 1) {
      // No title line (002 opens with a long paragraph): the first heading
      // names the article, and the lead prose introduces that section.
      article.title = sections[1].heading;
      Section& first = sections[1];
      first.paragraphs.insert(first.paragraphs.begin(), sections[0].paragraphs.begin(),
                              sections[0].paragraphs.end());
      first.steps.insert(first.steps.begin(), sections[0].steps.begin(), sections[0].steps.end());
      sections.erase(sections.begin());
    } else if (!sections[0].paragraphs.empty()) {
      const std::vector<std::string_view> sentences =
          StepExtractor::SplitSentences(sections[0].paragraphs.front());
      article.title = Abbreviate(
          sentences.empty() ? std::string_view(sections[0].paragraphs.front()) : sentences.front(),
          kDerivedTitleBytes);
    }
  }
  if (!sections.empty() && sections[0].heading.empty()) sections[0].heading = article.title;

  for (Section& section : sections) {
    if (IsEmpty(section)) {
      if (&section != &sections[0]) {
        article.warnings.push_back("dropped empty section: " + section.heading);
      }
      continue;
    }
    ExtractProceduralSteps(section);
    for (size_t i = 0; i < section.steps.size(); ++i)
      section.steps[i].ordinal = static_cast<int>(i) + 1;
    article.sections.push_back(std::move(section));
  }
}

}  // namespace kb::ingest
