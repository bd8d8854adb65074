// templating: reads a template YAML file into a TemplateSpec, checking every key and block
// against the template language (docs/templates.md).
#pragma once

#include <optional>
#include <string>

#include "engine/core/diagnostic.h"
#include "engine/templating/template_spec.h"

namespace engine::templating {

/// Loads and checks a template; nullopt when any error was reported.
std::optional<TemplateSpec> load_template(const std::string& path, core::DiagnosticSink& sink);

/// Block type names as written in templates (for hints and docs).
const std::vector<std::string>& block_kind_names();

}  // namespace engine::templating
