// A main() for the fuzz targets when they are not built with libFuzzer
// (GCC, or no libfuzzer): runs the target on every file given (directories
// recursively), then on `--mutations N` inputs made from them by a small
// seeded mutator (byte flips, cuts, splices, and tokens that are hostile to
// the parsers: quotes, FTS5 operators, invalid UTF-8, JSON delimiters).
// ctest runs it on fuzz/corpus/<target> in every build, sanitizers included;
// a libFuzzer build explores further (fuzz/README.md).
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "fuzz_target.h"

namespace {

namespace fs = std::filesystem;

// The input being run, written out by the SIGABRT handler so that a failure
// can be replayed: `fuzz_x crash-input`.
const std::string* g_current = nullptr;

void WriteCrashInput(int) {
  if (g_current != nullptr) {
    if (FILE* out = std::fopen("crash-input", "wb")) {
      std::fwrite(g_current->data(), 1, g_current->size(), out);
      std::fclose(out);
      std::fputs("the failing input is in ./crash-input\n", stderr);
    }
  }
  std::signal(SIGABRT, SIG_DFL);
  std::abort();
}

void Run(const std::string& input) {
  g_current = &input;
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  g_current = nullptr;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string Mutate(std::string input, const std::vector<std::string>& corpus,
                   std::mt19937& random) {
  static const char* const kTokens[] = {"\"",
                                        "*",
                                        "^",
                                        ":",
                                        "-",
                                        "(",
                                        ")",
                                        "NEAR(",
                                        " AND ",
                                        " OR ",
                                        " NOT ",
                                        "{title}:",
                                        "\xFF",
                                        "\xC3",
                                        "\xE2\x80\x99",
                                        "\xF0\x9F\x98\x80",
                                        "\x01it\x01",
                                        "\x01",
                                        "\\u0000",
                                        "{",
                                        "}",
                                        "[",
                                        "]",
                                        ",",
                                        "\"message\":",
                                        "\"session_id\":",
                                        "null",
                                        "1e999",
                                        "\n",
                                        "# ",
                                        "1. ",
                                        "- ",
                                        "\xE9\xA6\x83\xE5\xAF\xAA",
                                        "l'",
                                        "2,5%",
                                        "~2sv",
                                        "\0"};
  std::uniform_int_distribution<int> op(0, 5);
  const int steps = 1 + static_cast<int>(random() % 4);
  for (int s = 0; s < steps; ++s) {
    const size_t at = input.empty() ? 0 : random() % (input.size() + 1);
    switch (op(random)) {
      case 0:  // flip a byte
        if (!input.empty()) input[at % input.size()] ^= static_cast<char>(1 << (random() % 8));
        break;
      case 1: {  // insert a hostile token
        const std::string token = kTokens[random() % std::size(kTokens)];
        input.insert(at, token.empty() ? std::string(1, '\0') : token);
        break;
      }
      case 2:  // cut
        input.erase(at, random() % 16);
        break;
      case 3:  // duplicate a stretch
        if (!input.empty()) input.insert(at, input.substr(random() % input.size(), random() % 64));
        break;
      case 4: {  // splice another corpus entry
        const std::string& other = corpus[random() % corpus.size()];
        if (!other.empty()) input.insert(at, other.substr(random() % other.size(), random() % 64));
        break;
      }
      default:  // a random byte
        input.insert(at, 1, static_cast<char>(random() % 256));
        break;
    }
  }
  return input;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGABRT, &WriteCrashInput);
  std::vector<std::string> corpus;
  long mutations = 0;
  unsigned seed = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--mutations" && i + 1 < argc) {
      mutations = std::stol(argv[++i]);
    } else if (arg == "--seed" && i + 1 < argc) {
      seed = static_cast<unsigned>(std::stoul(argv[++i]));
    } else if (fs::is_directory(arg)) {
      for (const auto& entry : fs::recursive_directory_iterator(arg)) {
        if (entry.is_regular_file()) corpus.push_back(ReadFile(entry.path()));
      }
    } else if (fs::is_regular_file(arg)) {
      corpus.push_back(ReadFile(arg));
    } else {
      std::cerr << "usage: " << argv[0] << " [--mutations N] [--seed S] FILE|DIR...\n";
      return 2;
    }
  }
  if (corpus.empty()) corpus.emplace_back();
  for (const std::string& input : corpus) Run(input);
  std::mt19937 random(seed);
  for (long m = 0; m < mutations; ++m)
    Run(Mutate(corpus[random() % corpus.size()], corpus, random));
  std::cout << "ran " << corpus.size() << " corpus inputs and " << mutations << " mutations\n";
  return 0;
}
