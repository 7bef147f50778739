// Finds a procedure written as prose ("dovrai andare sul menu Impostazioni e
// cliccare su Informazioni sull’account. Nella sezione …, troverai Chiudi
// account. Compila …") and splits it into ordered steps. A sentence is an
// action when it carries a general cue in one of the five languages: an
// imperative at a clause start ("clicca", "click", "haz clic"), a modal plus
// an action verb ("dovrai andare", "you need to enter", "puoi accedere"), a
// "you will find" locator, or a sequence word with an action verb ("poi",
// "then", "un altro passaggio … cancellare"). A run of action sentences
// becomes the steps; "X e cliccare Y" is split in two when both halves act.
// How-to sections ("Come …", "How to …", "Steps …") need two actions,
// others three, so that advice prose is not mistaken for a procedure.
//
// Thread safety: stateless.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kb::ingest {

struct ProceduralSplit {
  std::string lead;                // prose before the procedure (may be empty)
  std::vector<std::string> steps;  // in order, first letter capitalized
  std::string tail;                // prose after the procedure (may be empty)
};

class StepExtractor {
 public:
  // True when a heading announces a procedure ("Come …", "How to …").
  static bool IsHowToHeading(std::string_view heading);

  // The procedure in `paragraph`, if there is one.
  static std::optional<ProceduralSplit> Extract(std::string_view heading,
                                                std::string_view paragraph);

  // The sentences of `paragraph` (dotted abbreviations do not end one).
  static std::vector<std::string_view> SplitSentences(std::string_view paragraph);
};

}  // namespace kb::ingest
