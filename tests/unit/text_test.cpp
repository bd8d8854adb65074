#include "engine/core/text.h"

#include <catch2/catch.hpp>

using namespace engine::core;

TEST_CASE("UTF-8 decoding yields code points and flags invalid bytes", "[core][text]") {
    std::string s = "a\xE2\x80\x93\xC3\xA9";  // a – é
    std::size_t i = 0;
    CHECK(next_code_point(s, i) == U'a');
    CHECK(next_code_point(s, i) == U'\u2013');
    CHECK(next_code_point(s, i) == U'\u00E9');
    CHECK(i == s.size());
    CHECK_FALSE(find_invalid_utf8(s));
    CHECK(find_invalid_utf8("ok\xE9!") == std::size_t{2});       // Latin-1 é
    CHECK(find_invalid_utf8("\xC0\xAF") == std::size_t{0});       // overlong '/'
    CHECK(find_invalid_utf8("x\xED\xA0\x80") == std::size_t{1});  // surrogate
    CHECK_FALSE(find_invalid_utf8("\xEF\xBF\xBD"));              // literal U+FFFD is fine
    std::string round;
    append_utf8(round, U'\u2212');
    CHECK(round == "\xE2\x88\x92");
    CHECK(count_code_points("a\xE2\x80\x93" "b") == 3);
}

TEST_CASE("slugs make template names from labels", "[core][text]") {
    CHECK(slugify("Not FSM") == "not_fsm");
    CHECK(slugify("SEN support") == "sen_support");
    CHECK(slugify("  KS2 RWM (expected) ") == "ks2_rwm_expected");
    CHECK(slugify("Looked-after children") == "looked_after_children");
}

TEST_CASE("hints suggest the nearest valid name", "[core][text]") {
    std::vector<std::string> keys = {"name", "target", "threshold", "unit"};
    CHECK(nearest_names("treshold", keys) == std::vector<std::string>{"threshold"});
    CHECK(nearest_names("zzzzzz", keys).empty());
    CHECK(valid_values_hint("keys", "treshold", keys) ==
          "did you mean 'threshold'? valid keys are 'name', 'target', 'threshold' and 'unit'");
    CHECK(quoted_list({"a"}) == "'a'");
}

TEST_CASE("split, join and trim", "[core][text]") {
    CHECK(split("a,,b", ',') == std::vector<std::string>{"a", "", "b"});
    CHECK(join({"x", "y"}, "-") == "x-y");
    CHECK(trim("  a b \r\n") == "a b");
}

TEST_CASE("markup escaping quotes only attributes and turns forbidden controls into spaces", "[core][text]") {
    using engine::core::escape_markup;
    CHECK(escape_markup("a < b & \"c\" > d", false) == "a &lt; b &amp; \"c\" &gt; d");
    CHECK(escape_markup("a < b & \"c\" > d", true) == "a &lt; b &amp; &quot;c&quot; &gt; d");
    CHECK(escape_markup(std::string("x\x01y\tz\n\xC3\xA9", 8), false) == "x y\tz\n\xC3\xA9");
}

TEST_CASE("an invalid UTF-8 byte is found at every place of a sixteen-byte step of ASCII", "[core][text]") {
    // ASCII is checked sixteen bytes at a time: a bad byte (a lone continuation byte, a
    // truncated sequence) at each offset of a run of 50 is found exactly there; a valid
    // two-byte character anywhere is not a finding.
    for (std::size_t at = 0; at < 50; ++at) {
        std::string s(50, 'a');
        s[at] = '\x80';
        CHECK(engine::core::find_invalid_utf8(s) == at);
        s[at] = '\xE9';  // the start of a three-byte sequence followed by ASCII
        CHECK(engine::core::find_invalid_utf8(s) == at);
        std::string ok(50, 'a');
        ok.replace(at, 1, "\xC3\xA9");  // é
        CHECK_FALSE(engine::core::find_invalid_utf8(ok));
    }
}
