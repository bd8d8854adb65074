// pdf: the ToUnicode CMap of an embedded Type0 (Identity-H) font: each 2-byte code the file
// shows mapped to the text its glyph stands for. Replaces the malformed CMap libharu 2.3.0 writes.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace engine::pdf {

/// A valid ToUnicode CMap (codespace <0000>-<FFFF>) with one bfchar entry per code, at most 100
/// per block; destinations in UTF-16BE. Codes whose text is empty or not valid UTF-8 are left
/// out. Deterministic (codes in order).
std::string to_unicode_cmap(const std::map<std::uint16_t, std::string>& code_to_utf8);

}  // namespace engine::pdf
