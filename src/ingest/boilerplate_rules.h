// Recognizes the noise that scraped web pages carry around an article:
// navigation ("Skip to content"), site taglines, bylines with dates, author
// bios, short call-to-action lines and e-mail obfuscation artifacts. Each
// recognizer is a rule table plus a shape test, never a per-article string,
// so that new scrapes from the same kinds of sites are cleaned too.
//
// Thread safety: stateless; any number of threads may share the functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kb::ingest {

class BoilerplateRules {
 public:
  // Site navigation and widget lines ("Skip to content", "Home » Blog").
  static bool IsNavigation(std::string_view line);

  // A site slogan in the page header ("Step by Step Internet 🌐 Guides for
  // learning to surf the Net"). Only meaningful for lines before the title.
  static bool IsSiteTagline(std::string_view line);

  // Date and author lines ("15/02/2022 0 By Rosy Chianese", "By Jane Doe").
  static bool IsByline(std::string_view line);

  // A first-person author presentation ("I’m a tech enthusiast, … read my
  // complete biography."). Only meaningful for the article's last paragraphs.
  static bool IsAuthorBio(std::string_view paragraph);

  // A short stand-alone call to action ("Read more", "Share this:").
  static bool IsCallToAction(std::string_view line);

  // Removes inline artifacts ("[email protected]", HTML entities left by the
  // scraper) and appends one warning per kind removed.
  static std::string RemoveArtifacts(std::string_view line, std::vector<std::string>& warnings);

  // False when RemoveArtifacts would return `line` unchanged (and warn
  // nothing): every artifact starts with '[' or '&'.
  static bool MayHoldArtifacts(std::string_view line);
};

}  // namespace kb::ingest
