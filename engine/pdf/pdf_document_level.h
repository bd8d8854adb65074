// pdf: the document level of the finished file — what PDF/UA-1 and PDF/A-2b ask of the catalog,
// the pages and the metadata: /Lang, MarkInfo, ViewerPreferences, /Tabs and printable links,
// an XMP packet that agrees with the Info dictionary, and an sRGB OutputIntent.
#pragma once

#include <string>
#include <string_view>

class QPDF;

namespace engine::pdf {

/// The PDF version written (PDF/A-2 and PDF/UA-1 are both based on PDF 1.7).
inline constexpr const char* kPdfVersion = "1.7";

/// What the batch decides for every document.
struct DocumentLevel {
    std::string language = "en-GB";  ///< BCP 47 tag: /Lang and dc:language
    std::string icc_profile;         ///< bytes of an RGB ICC profile, for the OutputIntent
};

/// What is wrong with `bytes` as the OutputIntent's profile ("not an ICC profile: ...",
/// "an ICC profile for CMYK, not RGB"), or "" when it is an RGB display or output profile.
std::string check_icc_profile(std::string_view bytes);

/// The default level: en-GB and the built-in sRGB profile (srgb_profile.h), made once per
/// process.
const DocumentLevel& default_document_level();

/// The XMP date of a PDF date string: "D:20150917000000Z" -> "2015-09-17T00:00:00Z",
/// "D:20150917093000+01'00'" -> "2015-09-17T09:30:00+01:00". "" when it is not a PDF date.
std::string xmp_date(std::string_view pdf_date);

/// Applies the document level to `pdf` (libharu's pages, before the write): /Lang, MarkInfo
/// /Marked true, ViewerPreferences /DisplayDocTitle true, /Tabs /S on every page with
/// annotations, /F 4 (print) on every annotation, the sRGB OutputIntent (GTS_PDFA1) and the
/// catalog's XMP metadata, built from the Info dictionary as it stands (so call it after
/// /Producer is set): dc:title, dc:creator, dc:description, pdf:Keywords, xmp:CreatorTool,
/// pdf:Producer, xmp:CreateDate / ModifyDate, dc:language, pdfaid part 2 conformance B and
/// pdfuaid part 1 with the extension schema PDF/A asks for it. Throws core::EngineError when
/// `level` has no usable ICC profile.
void apply_document_level(QPDF& pdf, const DocumentLevel& level);

}  // namespace engine::pdf
