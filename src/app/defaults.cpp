// Default locations: the project's own kb/ directory, fixed at build time, so
// the README's commands need no flags from any working directory. The
// environment variables KB_ARTICLES and KB_FILE override them.
#include <cstdlib>

#include "commands.h"

namespace kb::app {

std::string DefaultArticlesDir() {
  if (const char* dir = std::getenv("KB_ARTICLES")) return dir;
  return KB_PROJECT_DIR "/kb/articles";
}

std::string DefaultIntentsDir() { return KB_PROJECT_DIR "/kb/intents"; }
std::string DefaultSynonymsFile() { return KB_PROJECT_DIR "/kb/synonyms.txt"; }

std::string DefaultKbPath() {
  if (const char* file = std::getenv("KB_FILE")) return file;
  return KB_PROJECT_DIR "/kb/kb.db";
}

}  // namespace kb::app
