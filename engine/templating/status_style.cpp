#include "engine/templating/status_style.h"

#include "engine/core/text.h"

namespace engine::templating {

namespace {
// GOV.UK colours (DOMAIN.md §3.3). White text on green, blue and red passes 4.5:1; yellow and
// the greys take near-black text.
constexpr Rgb kGreen{0x00, 0x70, 0x3C};
constexpr Rgb kBlue{0x1D, 0x70, 0xB8};
constexpr Rgb kYellow{0xFF, 0xDD, 0x00};
constexpr Rgb kRed{0xD4, 0x35, 0x1C};
constexpr Rgb kMidGrey{0xB1, 0xB4, 0xB6};
constexpr Rgb kLightGrey{0xF3, 0xF2, 0xF1};
constexpr Rgb kWhite{0xFF, 0xFF, 0xFF};
constexpr Rgb kBlack{0x0B, 0x0C, 0x0C};
}  // namespace

std::optional<StatusStyle> status_style(const std::string& word) {
    std::string w = core::to_lower_ascii(core::trim(word));
    if (w == "achieved" || w == "complete") return StatusStyle{kGreen, kWhite};
    if (w == "on target" || w == "on track") return StatusStyle{kBlue, kWhite};
    if (w == "not on target" || w == "at risk") return StatusStyle{kYellow, kBlack};
    if (w == "not achieved" || w == "overdue") return StatusStyle{kRed, kWhite};
    if (w == "suppressed" || w == "not started") return StatusStyle{kMidGrey, kBlack};
    if (w == "no data") return StatusStyle{kLightGrey, kBlack};
    return std::nullopt;
}

}  // namespace engine::templating
