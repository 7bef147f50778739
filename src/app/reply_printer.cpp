// Terminal rendering of replies.
#include "reply_printer.h"

#include <cstdio>

namespace kb::app {
namespace {

std::string Paint(const std::string& text, const char* code, bool colour) {
  return colour ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
}

}  // namespace

std::string FormatReply(const Reply& reply, bool colour) {
  std::string out = reply.text + "\n";
  int n = 0;
  for (const ReplyStep& step : reply.steps) {
    out += "  " + Paint(std::to_string(++n) + ".", "1", colour) + " " + step.text + "\n";
    out += "     " + Paint("[" + step.article + " § " + step.section + "]", "2", colour) + "\n";
  }
  n = 0;
  for (const Suggestion& s : reply.suggestions) {
    out += "  " + Paint(std::to_string(++n) + ")", "1;36", colour) + " " + s.label + "\n";
  }
  if (reply.steps.empty() && !reply.sources.empty()) {
    for (const ReplySource& s : reply.sources) {
      out += "  " + Paint("source: " + s.title + " § " + s.section, "2", colour) + "\n";
    }
  }
  return out;
}

std::string FormatExplanation(const Explanation& e, bool colour) {
  char line[256];
  std::string out = Paint("why:", "1;33", colour) + " " + e.decision + "\n";
  std::snprintf(line, sizeof line, "  language: %s (%.2f)\n",
                e.detected_lang.empty() ? "?" : e.detected_lang.c_str(), e.lang_confidence);
  out += line;
  if (!e.corrections.empty()) {
    out += "  corrected:";
    for (const std::string& c : e.corrections) out += " " + c + ";";
    out += "\n";
  }
  if (!e.matched_terms.empty()) {
    out += "  matched:";
    for (const std::string& t : e.matched_terms) out += " " + t;
    out += "\n";
  }
  for (const Candidate& c : e.candidates) {
    std::snprintf(line, sizeof line, "  %-28s %.3f\n", c.intent.c_str(), c.score);
    out += line;
  }
  std::snprintf(line, sizeof line, "  margin: %.3f\n", e.margin);
  out += line;
  return out;
}

}  // namespace kb::app
