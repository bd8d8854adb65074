// pdf: RAII over one libharu document, and the bridge from libharu's error callback to
// EngineError. Internal to engine/pdf (it exposes hpdf.h); one object per thread, started
// afresh for each report (`start`), so the TrueType files it has parsed stay loaded.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace engine::pdf {

/// Owns an HPDF_Doc. libharu reports errors through a callback; the callback only records
/// {error_no, detail_no} (it never throws through C frames) and `check` turns a recorded error
/// into an EngineError after the C call has returned.
class HaruDocument {
public:
    /// Creates the document with the error callback installed. Throws EngineError when libharu
    /// cannot allocate it.
    HaruDocument();
    ~HaruDocument();
    HaruDocument(const HaruDocument&) = delete;
    HaruDocument& operator=(const HaruDocument&) = delete;
    HaruDocument(HaruDocument&&) = delete;  // the callback holds a pointer to error_
    HaruDocument& operator=(HaruDocument&&) = delete;

    HPDF_Doc get() const { return doc_; }

    /// Throws EngineError ("libharu error 0x…: <what>") if the callback recorded an error since
    /// the last check; resets libharu's error state first so the document stays usable.
    void check(const char* what);
    /// As above, and also fails on a non-OK status that libharu returned without raising.
    void check(HPDF_STATUS status, const char* what);
    /// For calls that return a handle: a null handle is a failure even if nothing was raised.
    template <typename Handle>
    Handle checked(Handle h, const char* what) {
        if (h == nullptr) check(HPDF_INVALID_OBJECT, what);
        check(what);
        return h;
    }

    /// Starts a new, empty document in the same libharu object (HPDF_NewDoc): pages, fonts,
    /// images and info of the previous one are gone, but the TrueType font definitions and
    /// encoders libharu has loaded stay (HPDF_FreeDoc keeps them), so a file is read and
    /// parsed once per thread instead of once per report. The new document's bytes are the
    /// same as those of a fresh HaruDocument.
    void start();

    /// Switches the document (text, outline titles, info strings) to UTF-8.
    void use_utf8();
    /// Returns the TrueType file's font in the UTF-8 encoding (not embedded by libharu: the
    /// qpdf pass embeds a subset), for text only libharu can encode (the pages' other text
    /// names its font by resource, see page_text.h). The same path is loaded once per document, and read from
    /// disk once while its size and modification time stay the same. Throws EngineError
    /// naming the file when it is missing or unusable.
    HPDF_Font load_font(const std::string& path);
    /// The TrueType definition of the file, read and parsed once per thread as for load_font,
    /// without a font object in this document (the pages name their fonts by resource and the
    /// qpdf pass writes them). Throws EngineError naming the file as load_font does.
    HPDF_FontDef font_def(const std::string& path);
    /// Embeds a PNG file (once per path), with its alpha channel as a soft mask. The file is
    /// decoded by png_decoder, never by libharu's PNG loader (which lets libpng abort() on a
    /// damaged file; see also libharu #216/#71). Throws EngineError naming the file.
    HPDF_Image load_png(const std::string& path);

    /// The file of each loaded font, by the name libharu gave it ("LiberationSans-Bold").
    const std::map<std::string, std::string>& font_files() const { return font_files_; }

    /// Saves the document to memory and returns the bytes.
    std::string save();

    /// libharu's error record, written only by the C callback.
    struct ErrorRecord {
        HPDF_STATUS error_no = HPDF_OK;
        HPDF_STATUS detail_no = 0;
    };

private:
    [[noreturn]] void fail(HPDF_STATUS error_no, HPDF_STATUS detail_no, const std::string& what,
                           const std::string& file = {});
    /// libharu's name of the file's definition, loading it if this thread has not (or the file
    /// changed since).
    const std::string& definition_name(const std::string& path);

    /// A TrueType file libharu has parsed (its definition outlives documents).
    struct LoadedFile {
        std::string name;  ///< libharu's font name
        std::uintmax_t size = 0;
        std::filesystem::file_time_type modified;
    };

    HPDF_Doc doc_ = nullptr;
    ErrorRecord error_;
    bool utf8_registered_ = false;
    std::map<std::string, LoadedFile> loaded_files_;  // path -> definition, for every document
    std::map<std::string, HPDF_Font> fonts_;          // this document's, by path
    std::map<std::string, std::string> font_files_;
    std::map<std::string, HPDF_Image> images_;
};

/// "file open error" for HPDF_FILE_OPEN_ERROR and so on; empty for codes without a name here.
std::string haru_error_name(HPDF_STATUS error_no);

}  // namespace engine::pdf
