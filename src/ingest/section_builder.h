// Groups an ArticleDraft's blocks into the Article's sections: the intro
// (headed by the title), one section per heading and per numbered
// sub-heading (whose texts are also the parent section's steps), list items
// as the current section's steps, and procedural prose split into steps for
// sections that have no list. Empty sections are dropped.
//
// Thread safety: stateless.
#pragma once

#include <string>
#include <vector>

#include "article_draft.h"
#include "kb/article.h"

namespace kb::ingest {

class SectionBuilder {
 public:
  // Fills article.title and article.sections from `draft`. When the draft
  // has no title, the first heading becomes the title and the lead prose
  // joins that heading's section (so no two sections share a heading);
  // without any heading, the title is the first sentence, shortened.
  static void Build(ArticleDraft draft, Article& article);
};

}  // namespace kb::ingest
