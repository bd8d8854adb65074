#include "engine/config/language_tag.h"

#include <catch2/catch.hpp>

#include <fstream>

#include "engine/config/config_loader.h"
#include "tests/support/temp_dir.h"

using engine::config::check_language_tag;

TEST_CASE("well-formed BCP 47 language tags pass", "[config][language]") {
    for (const char* tag : {"en", "en-GB", "cy-GB", "gd", "en-US", "EN-gb", "zh-Hant-HK",
                            "sr-Latn-RS", "es-419", "de-CH-1901", "sl-rozaj-biske", "zh-yue-HK",
                            "en-GB-u-ca-gregory", "en-x-council", "x-private", "ast"}) {
        INFO(tag);
        CHECK(check_language_tag(tag).empty());
    }
}

TEST_CASE("malformed language tags say what is wrong with them", "[config][language]") {
    CHECK(check_language_tag("") == "the language tag is empty");
    CHECK(check_language_tag("en_GB") == "'en_GB': subtags are letters and digits separated by '-'");
    CHECK(check_language_tag("english") == "");  // 4-8 letters: reserved for registered languages
    CHECK(check_language_tag("e") ==
          "'e': the first subtag must be a language of 2 or 3 letters, e.g. en or cy");
    CHECK(check_language_tag("12-GB") ==
          "'12-GB': the first subtag must be a language of 2 or 3 letters, e.g. en or cy");
    CHECK(check_language_tag("en--GB") ==
          "'en--GB': empty subtag (two '-' together, or one at an end)");
    CHECK(check_language_tag("en-GB-") ==
          "'en-GB-': empty subtag (two '-' together, or one at an end)");
    CHECK(check_language_tag("en-GB-GB") ==
          "'en-GB-GB': subtag 'GB' is not a script (4 letters), region (2 letters or 3 digits) "
          "or variant");
    CHECK(check_language_tag("de-1901-1901") == "'de-1901-1901': variant '1901' is repeated");
    CHECK(check_language_tag("en-u") ==
          "'en-u': extension 'u' must be followed by subtags of 2 to 8 letters or digits");
    CHECK(check_language_tag("en-u-ca-u-nu") == "'en-u-ca-u-nu': extension 'u' is repeated");
    CHECK(check_language_tag("en-x") ==
          "'en-x': 'x' must be followed by at least one private-use subtag");
    CHECK(check_language_tag("en-x-toolongsubtag") ==
          "'en-x-toolongsubtag': private-use subtag 'toolongsubtag' must be 1 to 8 letters or "
          "digits");
}

namespace {
std::string load_errors(const std::string& batch_section, std::string* language = nullptr,
                        std::string* icc = nullptr) {
    static test::TempDir dir;
    std::string path = (dir.path() / "batch.yaml").string();
    std::ofstream(dir.path() / "obs.csv");  // the config checks that the files it names exist
    std::ofstream(dir.path() / "t.yaml");
    std::ofstream(path) << batch_section
                        << "data:\n  observations: obs.csv\nreports:\n  - id: r1\n"
                           "    template: t.yaml\n    title: Report one\n";
    engine::core::DiagnosticSink sink;
    auto cfg = engine::config::load_batch_config(path, sink);
    if (cfg && language) *language = cfg->language;
    if (cfg && icc) *icc = cfg->icc_profile;
    std::string errors = sink.str();
    for (std::size_t p; (p = errors.find(path)) != std::string::npos;)
        errors.replace(p, path.size(), "batch.yaml");
    return errors;
}
}  // namespace

TEST_CASE("batch.language defaults to en-GB and takes any well-formed tag", "[config][language]") {
    std::string language, icc;
    CHECK(load_errors("", &language, &icc).empty());
    CHECK(language == "en-GB");
    CHECK(icc.empty());  // the built-in sRGB profile
    CHECK(load_errors("batch:\n  language: cy-GB\n  icc_profile: profiles/srgb.icc\n", &language,
                      &icc)
              .empty());
    CHECK(language == "cy-GB");
    CHECK(icc.size() > std::string("profiles/srgb.icc").size());  // resolved against the batch
    CHECK(icc.substr(icc.size() - 17) == "profiles/srgb.icc");
}

TEST_CASE("a malformed batch.language is reported at its value with examples",
          "[config][language]") {
    CHECK(load_errors("batch:\n  language: en_GB\n") ==
          "batch.yaml:2:13: error: 'batch.language' must be a BCP 47 language tag: 'en_GB': "
          "subtags are letters and digits separated by '-'\n"
          "  hint: e.g. en-GB (English, United Kingdom), cy-GB (Welsh), en\n");
}
