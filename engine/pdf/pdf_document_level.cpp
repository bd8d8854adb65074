#include "engine/pdf/pdf_document_level.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cctype>
#include <string>
#include <vector>

#include "engine/core/diagnostic.h"
#include "engine/core/file_io.h"
#include "engine/pdf/srgb_profile.h"
#include "engine/core/text.h"
#include "engine/pdf/qpdf_finish.h"

namespace engine::pdf {

namespace {

using Handle = QPDFObjectHandle;

// Annotation flags (PDF 32000-1, 12.5.3): PDF/A wants Print set and these clear.
constexpr int kFlagInvisible = 1, kFlagHidden = 2, kFlagPrint = 4, kFlagNoView = 32,
              kFlagToggleNoView = 256;

constexpr const char* kSrgbCondition = "sRGB IEC61966-2.1";

std::string info_text(Handle info, const char* key) {
    if (!info.isDictionary()) return "";
    Handle v = info.getKey(key);
    return v.isString() ? v.getUTF8Value() : std::string();
}

// One XMP property line per non-empty value; `wrap` is "Alt", "Seq", "Bag" or "" (simple).
void property(std::string& out, const char* name, const std::string& value,
              const char* wrap = "") {
    if (value.empty()) return;
    const std::string v = core::escape_markup(value, true);
    const std::string w = wrap;
    out += "   <" + std::string(name) + ">";
    if (w.empty()) {
        out += v;
    } else {
        const char* lang = w == "Alt" ? " xml:lang=\"x-default\"" : "";
        out += "<rdf:" + w + "><rdf:li" + lang + ">" + v + "</rdf:li></rdf:" + w + ">";
    }
    out += "</" + std::string(name) + ">\n";
}

// PDF/A-2 (6.6.2.3.1) accepts only its predefined schemas in XMP; pdfuaid is not one of them,
// so it has to be declared with the PDF/A extension schema.
constexpr const char* kPdfUaExtensionSchema = R"(   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
)";

std::string xmp_packet(Handle info, const std::string& language) {
    std::string x;
    // The begin attribute is U+FEFF in UTF-8; PDF/A forbids the bytes and encoding attributes.
    x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
    x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
    x += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
    x += "  <rdf:Description rdf:about=\"\"\n"
         "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
         "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
         "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
         "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
         "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
         "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
         "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
         "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n";
    property(x, "dc:format", "application/pdf");
    property(x, "dc:title", info_text(info, "/Title"), "Alt");
    property(x, "dc:creator", info_text(info, "/Author"), "Seq");
    property(x, "dc:description", info_text(info, "/Subject"), "Alt");
    property(x, "dc:language", language, "Bag");
    property(x, "pdf:Keywords", info_text(info, "/Keywords"));
    property(x, "pdf:Producer", info_text(info, "/Producer"));
    property(x, "xmp:CreatorTool", info_text(info, "/Creator"));
    const std::string created = xmp_date(info_text(info, "/CreationDate"));
    const std::string modified = xmp_date(info_text(info, "/ModDate"));
    property(x, "xmp:CreateDate", created);
    property(x, "xmp:ModifyDate", modified);
    property(x, "xmp:MetadataDate", modified.empty() ? created : modified);
    property(x, "pdfaid:part", "2");
    property(x, "pdfaid:conformance", "B");
    property(x, "pdfuaid:part", "1");
    x += kPdfUaExtensionSchema;
    // No padding after the packet: it is rewritten, never edited in place, and PDF/A keeps the
    // stream uncompressed, so 2 KB of spaces would cost every report 2 KB.
    x += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n";
    x += "<?xpacket end=\"w\"?>";
    return x;
}

// The profile compressed once per thread and profile, not once per report (7 KB of zlib).
const std::string& compressed_profile(const std::string& icc) {
    thread_local std::string source, compressed;
    if (compressed.empty() || source != icc) {
        compressed = flate_compressed(icc);
        source = icc;
    }
    return compressed;
}

Handle output_intent(QPDF& pdf, const std::string& icc) {
    Handle profile = Handle::newStream(&pdf);
    profile.replaceStreamData(compressed_profile(icc), Handle::newName("/FlateDecode"),
                              Handle::newNull());
    profile.getDict().replaceKey("/N", Handle::newInteger(3));
    Handle intent = Handle::newDictionary();
    intent.replaceKey("/Type", Handle::newName("/OutputIntent"));
    intent.replaceKey("/S", Handle::newName("/GTS_PDFA1"));
    intent.replaceKey("/OutputConditionIdentifier", Handle::newString(kSrgbCondition));
    intent.replaceKey("/Info", Handle::newString(kSrgbCondition));
    intent.replaceKey("/RegistryName", Handle::newString("http://www.color.org"));
    intent.replaceKey("/DestOutputProfile", profile);
    return pdf.makeIndirectObject(intent);
}

// A dictionary entry of `dict`, created empty when it is missing or not a dictionary.
Handle child_dictionary(Handle dict, const char* key) {
    Handle child = dict.getKey(key);
    if (!child.isDictionary()) {
        child = Handle::newDictionary();
        dict.replaceKey(key, child);
    }
    return child;
}

void set_page_level(QPDF& pdf) {
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        Handle p = page.getObjectHandle();
        Handle annots = p.getKey("/Annots");
        if (!annots.isArray() || annots.getArrayNItems() == 0) continue;
        // Tab order follows the structure (PDF/UA-1 7.18.3).
        p.replaceKey("/Tabs", Handle::newName("/S"));
        for (auto annot : annots.aitems()) {
            if (!annot.isDictionary()) continue;
            Handle f = annot.getKey("/F");
            int flags = f.isInteger() ? f.getIntValueAsInt() : 0;
            flags |= kFlagPrint;
            flags &= ~(kFlagInvisible | kFlagHidden | kFlagNoView | kFlagToggleNoView);
            annot.replaceKey("/F", Handle::newInteger(flags));
        }
    }
}

bool is_digits(std::string_view s) {
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return !s.empty();
}

}  // namespace

std::string check_icc_profile(std::string_view bytes) {
    // ICC.1 header: size (bytes 0-3), device class (12-15), colour space (16-19), 'acsp' (36-39).
    if (bytes.size() < 132 || bytes.substr(36, 4) != "acsp")
        return "not an ICC profile (no 'acsp' signature in its header)";
    const std::string_view space = bytes.substr(16, 4);
    if (space != "RGB ") {
        std::string name(space);
        while (!name.empty() && name.back() == ' ') name.pop_back();
        return "an ICC profile for " + name + ", not RGB (the pages are drawn in RGB)";
    }
    const std::string_view cls = bytes.substr(12, 4);
    if (cls != "mntr" && cls != "prtr")
        return "an ICC profile of class '" + std::string(cls) +
               "'; an output intent needs a display (mntr) or output (prtr) profile";
    return "";
}

const DocumentLevel& default_document_level() {
    static const DocumentLevel level = [] {
        DocumentLevel l;
        l.icc_profile = builtin_srgb_profile();
        return l;
    }();
    return level;
}

std::string xmp_date(std::string_view d) {
    if (d.substr(0, 2) == "D:") d.remove_prefix(2);
    if (d.size() < 4 || !is_digits(d.substr(0, 4))) return "";
    // Fields after the year are optional in a PDF date; missing ones take their first value.
    std::string digits(d.substr(0, 14));
    std::size_t n = 0;
    while (n < digits.size() && std::isdigit(static_cast<unsigned char>(digits[n]))) ++n;
    if (n % 2 != 0) return "";
    digits.resize(n);
    const std::string defaults = "00000101000000";  // YYYY MM DD HH mm SS
    digits += defaults.substr(n);
    std::string out = digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2) +
                      "T" + digits.substr(8, 2) + ":" + digits.substr(10, 2) + ":" +
                      digits.substr(12, 2);
    std::string_view tz = d.substr(n);
    if (tz.empty() || tz.front() == 'Z') return out + (tz.empty() ? "" : "Z");
    if ((tz.front() == '+' || tz.front() == '-') && tz.size() >= 3 && is_digits(tz.substr(1, 2))) {
        std::string minutes = "00";
        if (tz.size() >= 6 && tz[3] == '\'' && is_digits(tz.substr(4, 2)))
            minutes = std::string(tz.substr(4, 2));
        return out + tz.front() + std::string(tz.substr(1, 2)) + ":" + minutes;
    }
    return "";
}

void apply_document_level(QPDF& pdf, const DocumentLevel& level) {
    std::string problem = check_icc_profile(level.icc_profile);
    if (!problem.empty())
        throw core::EngineError({}, "the PDF output intent's profile is " + problem);

    Handle root = pdf.getRoot();
    root.replaceKey("/Lang", Handle::newUnicodeString(level.language));
    child_dictionary(root, "/MarkInfo").replaceKey("/Marked", Handle::newBool(true));
    child_dictionary(root, "/ViewerPreferences")
        .replaceKey("/DisplayDocTitle", Handle::newBool(true));
    root.replaceKey("/OutputIntents", Handle::newArray({output_intent(pdf, level.icc_profile)}));

    Handle metadata = Handle::newStream(&pdf, xmp_packet(pdf.getTrailer().getKey("/Info"),
                                                         level.language));
    metadata.getDict().replaceKey("/Type", Handle::newName("/Metadata"));
    metadata.getDict().replaceKey("/Subtype", Handle::newName("/XML"));
    root.replaceKey("/Metadata", metadata);

    set_page_level(pdf);
}

}  // namespace engine::pdf
