// The intermediate form both readers (plain text, Markdown) produce: a title,
// an optional declared language and a flat sequence of typed blocks, before
// the SectionBuilder groups them into sections and steps.
//
// Thread safety: plain values.
#pragma once

#include <string>
#include <vector>

namespace kb::ingest {

enum class BlockKind {
  kParagraph,   // prose
  kHeading,     // starts a section
  kSubheading,  // a numbered short line followed by prose: a section of its own
                // and, at the same time, a step of the enclosing section
  kListItem,    // a numbered line or a bullet: a step of the current section
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;  // cleaned, without list marker or number
};

struct ArticleDraft {
  std::string title;          // empty when the article has no title line
  std::string declared_lang;  // from Markdown front matter; empty otherwise
  std::vector<Block> blocks;
};

}  // namespace kb::ingest
