#include "engine/pdf/object_stream_packer.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <qpdf/QPDFXRefEntry.hh>

#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <string>

#include "engine/core/diagnostic.h"

using engine::core::EngineError;
using engine::pdf::pack_object_streams;

namespace {

std::string written(QPDF& pdf, qpdf_object_stream_e mode) {
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.setMinimumPDFVersion("1.7");
    writer.setObjectStreamMode(mode);
    writer.setCompressStreams(true);
    writer.write();
    std::shared_ptr<Buffer> b = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

// A one-page PDF whose content stream holds the words a careless reader would take for the end
// of an object, with a few dictionaries and arrays besides, written without object streams.
std::string plain_pdf() {
    QPDF pdf;
    pdf.emptyPDF();
    QPDFObjectHandle content = QPDFObjectHandle::newStream(
        &pdf, "% endobj\nendstream\nendobj\n0 0 m 10 10 l S\n");
    QPDFObjectHandle page = pdf.makeIndirectObject(QPDFObjectHandle::parse(
        "<< /Type /Page /MediaBox [ 0 0 100 100 ] /Resources << /ProcSet [ /PDF ] >> >>"));
    page.replaceKey("/Contents", content);
    QPDFPageDocumentHelper(pdf).addPage(page, false);
    QPDFObjectHandle info = pdf.makeIndirectObject(
        QPDFObjectHandle::parse("<< /Title (endobj \\(not\\) the end) /Producer (test) >>"));
    pdf.getTrailer().replaceKey("/Info", info);
    pdf.getRoot().replaceKey("/Extra", pdf.makeIndirectObject(QPDFObjectHandle::parse("[ 1 2.5 /N (s) ]")));
    return written(pdf, qpdf_o_disable);
}

std::map<QPDFObjGen, std::string> objects_of(QPDF& pdf) {
    std::map<QPDFObjGen, std::string> objects;
    for (QPDFObjectHandle o : pdf.getAllObjects()) {
        std::string text = o.isStream() ? o.getDict().unparse() : o.unparse();
        if (o.isStream()) {
            std::shared_ptr<Buffer> raw = o.getRawStreamData();
            text += "|" + std::string(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize());
        }
        objects.emplace(o.getObjGen(), text);
    }
    return objects;
}

}  // namespace

TEST_CASE("packing puts every object but the streams into one object stream and keeps them all",
          "[pdf]") {
    const std::string plain = plain_pdf();
    const std::string packed = pack_object_streams(plain);

    QPDF before;
    before.processMemoryFile("plain", plain.data(), plain.size());
    QPDF after;
    after.processMemoryFile("packed", packed.data(), packed.size());
    const auto objects = objects_of(after);
    CHECK(objects_of(before).size() + 2 == objects.size());  // + the object and xref streams
    for (const auto& [og, text] : objects_of(before)) {
        INFO("object " << og.unparse());
        REQUIRE(objects.count(og) == 1);
        // A stream's /Length is its own; the stream data and every other entry are the same.
        CHECK(objects.at(og) == text);
    }
    CHECK(after.anyWarnings() == false);

    int in_stream = 0, streams = 0;
    for (const auto& [og, entry] : after.getXRefTable()) {
        const bool is_stream = after.getObject(og).isStream();
        CHECK(entry.getType() == (is_stream ? 1 : 2));
        if (is_stream) ++streams; else ++in_stream;
    }
    CHECK(in_stream >= 5);  // catalog, pages, page, info, the array
    CHECK(streams == 3);    // the content, the object stream, the cross-reference stream
    CHECK(after.getTrailer().getKey("/ID").unparse() == before.getTrailer().getKey("/ID").unparse());
    CHECK(after.getTrailer().getKey("/Info").getKey("/Title").getUTF8Value() == "endobj (not) the end");
    CHECK(after.getTrailer().getKey("/Size").getIntValue() ==
          before.getTrailer().getKey("/Size").getIntValue() + 2);
    CHECK(packed.size() < plain.size());
}

TEST_CASE("packing the same file twice gives the same bytes", "[pdf]") {
    // (One plain file: qpdf's zlib level is process-wide and set by the first packing.)
    const std::string plain = plain_pdf();
    CHECK(pack_object_streams(plain) == pack_object_streams(plain));
}

TEST_CASE("packing refuses a file that is not QPDFWriter's plain output", "[pdf]") {
    QPDF pdf;
    pdf.emptyPDF();
    const std::string with_object_streams = written(pdf, qpdf_o_generate);
    CHECK_THROWS_WITH(pack_object_streams(with_object_streams),
                      Catch::Contains("cannot pack the PDF's objects"));
    CHECK_THROWS_AS(pack_object_streams("%PDF-1.7\nnot a PDF\n"), EngineError);

    std::string moved = plain_pdf();  // the table points one byte off for object 1
    const std::size_t entry = moved.find("65535 f \n", moved.rfind("\nxref\n")) + 9;  // object 1's
    REQUIRE(entry > 9);
    char& digit = moved[entry + 9];
    digit = digit == '9' ? '8' : static_cast<char>(digit + 1);
    CHECK_THROWS_WITH(pack_object_streams(moved), Catch::Contains("is not where the table says"));
}
