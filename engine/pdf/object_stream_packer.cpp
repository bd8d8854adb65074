#include "engine/pdf/object_stream_packer.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/core/diagnostic.h"
#include "engine/pdf/qpdf_finish.h"

namespace engine::pdf {

namespace {

[[noreturn]] void pack_fail(const std::string& message) {
    throw core::EngineError({}, "cannot pack the PDF's objects into an object stream: " + message);
}

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// The decimal number at `at` (advanced past it).
std::size_t number_at(std::string_view pdf, std::size_t& at, const char* what) {
    const std::size_t start = at;
    std::size_t n = 0;
    while (at < pdf.size() && pdf[at] >= '0' && pdf[at] <= '9') n = n * 10 + static_cast<std::size_t>(pdf[at++] - '0');
    if (at == start) pack_fail(std::string("no number for ") + what);
    return n;
}

void expect(std::string_view pdf, std::size_t& at, std::string_view text) {
    if (pdf.substr(at, text.size()) != text) pack_fail("expected '" + std::string(text) + "'");
    at += text.size();
}

// What the cross-reference table and trailer of QPDFWriter's plain output say.
struct PlainFile {
    std::vector<std::size_t> offsets;  // by object number; object 0 is the free head
    std::size_t xref = 0;              // where the table starts: the end of the last object
    std::string trailer;               // the trailer's entries but /Size
};

std::string trailer_entries(std::string_view pdf, std::size_t at) {
    const std::size_t open = pdf.find("<<", at), end = pdf.rfind(">>\nstartxref\n");
    if (open == std::string_view::npos || end == std::string_view::npos || end < open) pack_fail("no trailer");
    std::string entries(pdf.substr(open + 2, end - open - 2));
    if (entries.find("/Encrypt") != std::string::npos || entries.find("/Prev") != std::string::npos)
        pack_fail("the file is encrypted or updated");
    const std::size_t size = entries.find("/Size ");
    if (size == std::string::npos) pack_fail("the trailer has no /Size");
    std::size_t after = size + 6;
    number_at(entries, after, "/Size");
    entries.erase(size, after - size);
    return entries;
}

PlainFile read_plain_file(std::string_view pdf) {
    PlainFile file;
    const std::size_t start = pdf.rfind("\nstartxref\n");
    if (start == std::string_view::npos) pack_fail("no startxref");
    std::size_t at = start + 11;
    file.xref = number_at(pdf, at, "startxref");
    at = file.xref;
    expect(pdf, at, "xref\n0 ");
    const std::size_t count = number_at(pdf, at, "the table's size");
    expect(pdf, at, "\n");
    if (count < 2 || at + count * 20 > pdf.size()) pack_fail("a cross-reference table of " + std::to_string(count) + " entries");
    file.offsets.resize(count);
    for (std::size_t i = 0; i < count; ++i, at += 20) {
        std::size_t digits = at;
        file.offsets[i] = number_at(pdf, digits, "an offset");
        if (i > 0 && (pdf.substr(at + 10, 9) != " 00000 n " || file.offsets[i] >= file.xref))
            pack_fail("object " + std::to_string(i) + " is not in use at generation 0");
    }
    file.trailer = trailer_entries(pdf, at);
    return file;
}

// Appends `value` in `width` bytes, big-endian: one field of a cross-reference stream entry.
void put_field(std::string& out, std::size_t value, int width) {
    for (int b = width - 1; b >= 0; --b) out += static_cast<char>((value >> (8 * b)) & 0xFF);
}

int bytes_for(std::size_t value) {
    int n = 1;
    while (n < 8 && (value >> (8 * n)) != 0) ++n;
    return n;
}

std::string stream_object(std::size_t number, const std::string& dictionary, const std::string& data) {
    return std::to_string(number) + " 0 obj\n<< " + dictionary + " /Filter /FlateDecode /Length " +
           std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream\nendobj\n";
}

}  // namespace

std::string pack_object_streams(std::string_view pdf) {
    const PlainFile file = read_plain_file(pdf);
    const std::size_t count = file.offsets.size();

    // Each object ends where the next one (by offset) starts, the last where the table does.
    std::vector<std::size_t> by_offset(count - 1);
    for (std::size_t i = 1; i < count; ++i) by_offset[i - 1] = i;
    std::sort(by_offset.begin(), by_offset.end(),
              [&file](std::size_t a, std::size_t b) { return file.offsets[a] < file.offsets[b]; });
    std::vector<std::size_t> ends(count, file.xref);
    for (std::size_t k = 0; k + 1 < by_offset.size(); ++k) ends[by_offset[k]] = file.offsets[by_offset[k + 1]];

    std::string out(pdf.substr(0, file.offsets[by_offset.front()]));  // the header
    out.reserve(pdf.size());
    std::vector<std::size_t> new_offsets(count, 0);  // 0: packed into the object stream
    std::vector<std::size_t> packed;                 // object numbers, in stream order
    std::string offsets_part, objects_part;
    for (std::size_t i : by_offset) {
        std::string_view object = pdf.substr(file.offsets[i], ends[i] - file.offsets[i]);
        const std::string head = std::to_string(i) + " 0 obj\n";
        if (object.substr(0, head.size()) != head || !ends_with(object, "\nendobj\n"))
            pack_fail("object " + std::to_string(i) + " is not where the table says");
        if (ends_with(object, "endstream\nendobj\n")) {  // qpdf writes no newline before endstream
            new_offsets[i] = out.size();
            out += object;
            continue;
        }
        offsets_part += std::to_string(i) + ' ' + std::to_string(objects_part.size()) + ' ';
        objects_part += object.substr(head.size(), object.size() - head.size() - 8);  // "\nendobj\n"
        objects_part += '\n';
        packed.push_back(i);
    }
    if (packed.size() > 0xFFFF) pack_fail("more than 65,535 objects to pack");

    const std::size_t stream_number = count, xref_number = count + 1;
    const std::size_t stream_offset = out.size();
    offsets_part += '\n';
    out += stream_object(stream_number,
                         "/Type /ObjStm /N " + std::to_string(packed.size()) + " /First " +
                             std::to_string(offsets_part.size()),
                         flate_compressed(offsets_part + objects_part));

    // The cross-reference stream: type, offset or object stream, generation or index.
    const std::size_t xref_offset = out.size();
    const int width = bytes_for(std::max(xref_offset, stream_number));
    std::string entries;
    entries.reserve((count + 2) * static_cast<std::size_t>(width + 3));
    put_field(entries, 0, 1), put_field(entries, 0, width), put_field(entries, 0xFFFF, 2);
    std::size_t index = 0;
    std::vector<std::size_t> index_of(count, 0);
    for (std::size_t n : packed) index_of[n] = index++;
    for (std::size_t i = 1; i < count; ++i) {
        const bool in_stream = new_offsets[i] == 0;
        put_field(entries, in_stream ? 2 : 1, 1);
        put_field(entries, in_stream ? stream_number : new_offsets[i], width);
        put_field(entries, in_stream ? index_of[i] : 0, 2);
    }
    for (std::size_t offset : {stream_offset, xref_offset}) {
        put_field(entries, 1, 1), put_field(entries, offset, width), put_field(entries, 0, 2);
    }
    out += stream_object(xref_number,
                         "/Type /XRef /Size " + std::to_string(xref_number + 1) + " /W [ 1 " +
                             std::to_string(width) + " 2 ]" + file.trailer,
                         flate_compressed(entries));
    out += "startxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
    return out;
}

}  // namespace engine::pdf
