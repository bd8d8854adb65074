#include "tests/fuzz/fuzz_entry.h"

#include <unistd.h>

#include <array>
#include <filesystem>
#include <fstream>

#include "engine/config/config_loader.h"
#include "engine/core/diagnostic.h"
#include "engine/data/catalog.h"
#include "engine/data/loaders.h"
#include "engine/data/observation_table.h"
#include "engine/data/records.h"
#include "engine/templating/expander.h"
#include "engine/templating/template_loader.h"

namespace fuzz {
namespace {

namespace fs = std::filesystem;
using namespace engine;

/// A folder of this process's own, made once and reused for every input.
const fs::path& scratch() {
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("boardpack-fuzz-" + std::to_string(::getpid()));
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

std::string write_scratch(const std::string& name, const std::uint8_t* data, std::size_t size) {
    fs::path p = scratch() / name;
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return p.string();
}

data::ObservationSource wide_source(const std::string& path, const std::string& meta) {
    data::ObservationSource src;
    src.path = path;
    src.wide = true;
    src.meta_path = meta;
    src.ignore_unknown_columns = true;
    src.indicators = {{"gld_percentage", "gld", "children_number", "gld_number"}};
    return src;
}

using Loader = bool (*)(const std::string& path, core::DiagnosticSink& sink);

const std::array<std::pair<const char*, Loader>, 8>& loaders() {
    static const std::array<std::pair<const char*, Loader>, 8> all = {{
        {"observations", [](const std::string& p, core::DiagnosticSink& s) {
             data::Catalog catalog;
             data::ObservationTable table;
             data::ObservationSource src;
             src.path = p;
             return data::load_observations(src, catalog, table, s);
         }},
        {"observations-wide", [](const std::string& p, core::DiagnosticSink& s) {
             data::Catalog catalog;
             data::ObservationTable table;
             return data::load_observations(wide_source(p, ""), catalog, table, s);
         }},
        {"meta", [](const std::string& p, core::DiagnosticSink& s) {
             data::Catalog catalog;
             return data::load_meta(wide_source("", p), catalog, s);
         }},
        {"targets", [](const std::string& p, core::DiagnosticSink& s) {
             data::Catalog catalog;
             data::ObservationTable table;
             std::vector<data::Target> into;
             return data::load_targets(p, catalog, table, into, s);
         }},
        {"actions", [](const std::string& p, core::DiagnosticSink& s) {
             data::EntityTable settings;
             data::ActionPlan plan;
             return data::load_actions(p, settings, plan, s);
         }},
        {"entities", [](const std::string& p, core::DiagnosticSink& s) {
             data::EntityTable settings;
             return data::load_entities(p, settings, s);
         }},
        {"records", [](const std::string& p, core::DiagnosticSink& s) {
             data::EntityTable settings;
             data::ObservationTable table;
             data::RecordsSpec spec;
             spec.path = p;
             return data::load_records(spec, settings, table, s);
         }},
        {"activities", [](const std::string& p, core::DiagnosticSink& s) {
             data::EntityTable settings;
             std::vector<data::Activity> into;
             return data::load_activities(p, settings, into, s);
         }},
    }};
    return all;
}

templating::Value sample_context() {
    using templating::Value;
    templating::ValueMap row;
    row["name"] = Value("EYFS");
    row["ok"] = Value(true);
    templating::ValueMap root;
    root["title"] = Value("Board report");
    root["date"] = Value(core::Date{2025, 9, 1});
    root["groups"] = Value(templating::ValueList{Value("FSM"), Value("SEN support")});
    root["rows"] = Value(templating::ValueList{Value(row), Value(row)});
    return Value(root);
}

}  // namespace

std::size_t csv_loader_count() { return loaders().size(); }
std::string csv_loader_name(std::size_t i) { return loaders().at(i).first; }

std::size_t run_csv(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto& loader = loaders()[data[0] % loaders().size()];
    std::string path = write_scratch("input.csv", data + 1, size - 1);
    core::DiagnosticSink sink;
    loader.second(path, sink);
    return sink.error_count();
}

std::size_t run_config(const std::uint8_t* data, std::size_t size) {
    std::string path = write_scratch("batch.yaml", data, size);
    core::DiagnosticSink sink;
    (void)config::load_batch_config(path, sink);
    return sink.error_count();
}

std::size_t run_template(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    core::DiagnosticSink sink;
    if (data[0] % 2 == 0) {
        std::string path = write_scratch("template.yaml", data + 1, size - 1);
        (void)templating::load_template(path, sink);
    } else {
        static const templating::Value root = sample_context();
        templating::Expander ex(root, sink);
        // The text is also the "source file", so locating a tag in an error reads it back.
        std::string path = write_scratch("string.txt", data + 1, size - 1);
        std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
        (void)ex.expand(text, core::SourceLocation{path, 1, 1});
    }
    return sink.error_count();
}

}  // namespace fuzz
