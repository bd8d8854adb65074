// pdf: the ToUnicode CMap for libharu's UTF-8 (Identity-H) fonts, whose 2-byte codes are the
// Unicode code points themselves. Replaces the malformed CMap libharu 2.3.0 writes.
#pragma once

#include <string>

namespace engine::pdf {

/// A valid identity ToUnicode CMap: codespace <0000>-<FFFF>, every code outside the surrogate
/// block D800-DFFF mapped to the same code point with bfrange entries (each range varies only
/// in its last byte, at most 100 entries per block). Built once per process; thread-safe.
const std::string& identity_to_unicode_cmap();

}  // namespace engine::pdf
