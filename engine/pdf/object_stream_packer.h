// pdf: the final file's compact form — the objects of a PDF that QPDFWriter wrote without
// object streams, packed into one compressed object stream with a cross-reference stream.
// QPDFWriter's own object streams write each object twice (the first time only to count its
// bytes) and feed zlib one small write per token; packing its plain output writes each object
// once and compresses them in one piece (docs/performance.md, "CPU per report in the PDF
// writer").
#pragma once

#include <string>
#include <string_view>

namespace engine::pdf {

/// `pdf` as QPDFWriter writes it with object streams disabled and no encryption (objects 1 to
/// n-1 of generation 0, each `N 0 obj … endobj`, streams with direct lengths, then a
/// cross-reference table and trailer), with every object that is not a stream moved into one
/// object stream (compressed by `flate_compressed`), the streams kept byte for byte in their
/// order, and a compressed cross-reference stream that carries the trailer's entries (/Root,
/// /Info, /ID). Object numbers are unchanged; the object stream and the cross-reference stream
/// are objects n and n+1. Throws core::EngineError when `pdf` is not in that form.
std::string pack_object_streams(std::string_view pdf);

}  // namespace engine::pdf
