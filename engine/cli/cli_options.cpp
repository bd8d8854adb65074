#include "engine/cli/cli_options.h"

// Boost.PO's typed_value::notify trips GCC 12's -Wnull-dereference when inlined (a false
// positive inside the library); silence it for the library only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <boost/program_options.hpp>
#pragma GCC diagnostic pop
#include <algorithm>
#include <cstdio>
#include <sstream>
#include <tuple>

#include "engine/core/civil_date.h"
#include "engine/cli/init_command.h"
#include "engine/core/text.h"

namespace engine::cli {

namespace po = boost::program_options;

namespace {

const std::vector<std::string> kCommands = {"run", "validate", "list", "charts", "init"};

po::options_description command_options(const std::string& cmd) {
    po::options_description d(cmd + " options");
    if (cmd == "init") {
        d.add_options()("template,t", po::value<std::string>()->value_name("NAME"),
                        "the shipped template to start from (default hwb-board-paper)")(
            "force", "write into DIR even when it is not empty (the starter's files are replaced)");
        return d;
    }
    d.add_options()("quiet,q", "print only errors and the summary");
    if (cmd == "charts")
        d.add_options()("format", po::value<std::string>()->value_name("FORMAT"),
                        "png (default) or svg")(
            "dpi", po::value<double>()->value_name("DPI"),
            "pixels per inch of PNG files (default 300; ignored for svg)")(
            "out,o", po::value<std::string>()->value_name("DIR"),
            "folder for the chart files (default: charts/ in the batch's output_dir)");
    else if (cmd != "validate")
        d.add_options()("out,o", po::value<std::string>()->value_name("DIR"),
                        "output folder instead of the batch's output_dir");
    d.add_options()("as-of", po::value<std::string>()->value_name("YYYY-MM-DD"),
                    "treat this date as today (statuses, \"Data as at\", file names)")(
        "term", po::value<std::string>()->value_name("TERM"),
        "the term to report on: autumn-2018, spring-2019, summer-2019 or current; without "
        "--as-of, the as-of date is the term's last day");
    if (cmd != "list")
        d.add_options()("jobs,j", po::value<int>()->value_name("N"),
                        "reports rendered at once (default: one per core)")(
            "fail-fast", "stop starting reports after the first failure");
    if (cmd == "run")
        d.add_options()("force", "rebuild reports whose inputs have not changed")(
            "progress", po::value<std::string>()->value_name("MODE"),
            "auto (a progress line on a terminal, else a line per report), line or log");
    if (cmd != "validate")
        d.add_options()("shard", po::value<std::string>()->value_name("K/N"),
                        "only the K-th of N deterministic shares of the reports");
    if (cmd == "list")
        d.add_options()("force", "list every report as to build")(
            "json", "print the list as one JSON document (docs/cli.md)");
    if (cmd == "run" || cmd == "list")
        d.add_options()("format", po::value<std::string>()->value_name("FORMATS"),
                        "pdf, html or pdf,html: the files every report is written as, instead "
                        "of its 'formats' (default: each report's, both unless it says)");
    return d;
}

// `--format pdf,html` of run and list: a comma-separated list of output formats.
config::OutputFormats parse_output_formats(const std::string& text) {
    config::OutputFormats f{false, false};
    for (const auto& part : core::split(text, ',')) {
        const std::string name(core::trim(part));
        if (name == "pdf") f.pdf = true;
        else if (name == "html") f.html = true;
        else
            throw UsageError("unknown --format '" + name + "'; " +
                             core::valid_values_hint("formats", name, config::output_format_names()) +
                             " (comma-separated, e.g. --format pdf,html)");
    }
    return f;
}

std::string overview() {
    return "usage: boardpack <command> CONFIG [options]\n"
           "\n"
           "Turns education-project datasets into board-ready PDF progress reports.\n"
           "\n"
           "commands:\n"
           "  run CONFIG        render every report of the batch file CONFIG\n"
           "  validate CONFIG   check the batch, its data and templates; write nothing\n"
           "  list CONFIG       show the reports a run would produce and which are up to date\n"
           "  charts CONFIG     write every chart of every report as a PNG or SVG file, with its\n"
           "                    alt text beside it (for pasting into Word)\n"
           "  init DIR          write a starter batch, data and template into DIR\n"
           "\n"
           "global options:\n"
           "  -h, --help        show this help (or 'boardpack <command> --help')\n"
           "  --version         print the version\n"
           "\n"
           "run 'boardpack <command> --help' for the options of a command\n"
           "\n"
           "exit status: 0 all reports written, 1 a report failed, 2 usage, config or data error\n";
}

}  // namespace

std::string help_text(const std::string& topic) {
    if (std::find(kCommands.begin(), kCommands.end(), topic) != kCommands.end()) {
        std::ostringstream s;
        s << "usage: boardpack " << topic << (topic == "init" ? " DIR" : " CONFIG") << " [options]\n\n"
          << (topic == "run"        ? "Renders every report of the batch file CONFIG.\n\n"
              : topic == "validate" ? "Checks the batch file CONFIG, its data and templates as a "
                                      "run would; writes nothing.\n\n"
              : topic == "list"     ? "Lists the reports a run would produce, and which are up to "
                                      "date.\n\n"
              : topic == "init"     ? "Writes a starter batch into DIR: batch.yaml, data CSVs with "
                                      "headers and example rows\n(two, or what the template's charts "
                                      "need), and a copy of a shipped template;\n'validate' and "
                                      "'run' accept it as it is.\n\n"
                                    : "Writes every chart of every report of the batch file CONFIG "
                                      "as a standalone file,\nexactly as the PDF draws it (same "
                                      "size in points): DIR/<report>/NN-<title>.png|svg,\nwith "
                                      "its alt text in NN-<title>.txt.\n\n")
          << command_options(topic);
        if (topic == "init") s << "\ntemplates: " << core::join(starter_names(), ", ") << "\n";
        return s.str();
    }
    return overview();
}

namespace {

// --shard from a Kubernetes Indexed Job: JOB_COMPLETION_INDEX (0-based) of JOB_COMPLETIONS.
std::optional<std::pair<int, int>> shard_from_environment(const EnvLookup& env) {
    auto index = env("JOB_COMPLETION_INDEX");
    auto count = env("JOB_COMPLETIONS");
    if (!index && !count) return std::nullopt;
    if (!index || !count)
        throw UsageError(std::string(index ? "JOB_COMPLETIONS" : "JOB_COMPLETION_INDEX") +
                         " is not set but " + (index ? "JOB_COMPLETION_INDEX" : "JOB_COMPLETIONS") +
                         " is; an Indexed Job sets both (or pass --shard K/N)");
    int k = 0, n = 0;
    char extra = 0;
    if (std::sscanf(index->c_str(), "%d%c", &k, &extra) != 1 || std::sscanf(count->c_str(), "%d%c", &n, &extra) != 1 ||
        n < 1 || k < 0 || k >= n)
        throw UsageError("JOB_COMPLETION_INDEX and JOB_COMPLETIONS must be whole numbers with 0 <= index < "
                         "completions, got '" + *index + "' and '" + *count + "'");
    return std::make_pair(k + 1, n);
}

}  // namespace

CliOptions parse_cli(const std::vector<std::string>& args, const EnvLookup& env) {
    // Pass 1: global options and the command; everything after the command is kept for pass 2.
    po::options_description global("global options");
    global.add_options()("help,h", "")("version", "");
    po::options_description hidden;
    hidden.add_options()("command", po::value<std::string>())(
        "subargs", po::value<std::vector<std::string>>());
    po::options_description all;
    all.add(global).add(hidden);
    po::positional_options_description pos;
    pos.add("command", 1).add("subargs", -1);

    CliOptions opts;
    po::variables_map vm;
    po::parsed_options parsed = po::command_line_parser(args)
                                    .options(all)
                                    .positional(pos)
                                    .allow_unregistered()
                                    .run();
    try {
        po::store(parsed, vm);
    } catch (const po::error& e) {
        throw UsageError(e.what());
    }
    if (vm.count("version")) {
        opts.command = Command::Version;
        return opts;
    }
    if (!vm.count("command")) {
        if (vm.count("help") || args.empty()) {
            opts.command = Command::Help;
            return opts;
        }
        throw UsageError("no command given");
    }
    const std::string cmd = vm["command"].as<std::string>();
    if (cmd == "help") {
        opts.command = Command::Help;
        auto sub = po::collect_unrecognized(parsed.options, po::include_positional);
        if (sub.size() > 1) opts.help_topic = sub[1];
        return opts;
    }
    if (std::find(kCommands.begin(), kCommands.end(), cmd) == kCommands.end()) {
        throw UsageError("unknown command '" + cmd + "'; " +
                         core::valid_values_hint("commands", cmd, kCommands));
    }
    if (vm.count("help")) {
        opts.command = Command::Help;
        opts.help_topic = cmd;
        return opts;
    }

    // Pass 2: the command's own options and its CONFIG argument.
    std::vector<std::string> sub = po::collect_unrecognized(parsed.options, po::include_positional);
    sub.erase(sub.begin());  // the command itself
    po::options_description cmd_opts = command_options(cmd);
    po::options_description cmd_hidden;
    cmd_hidden.add_options()(cmd == "init" ? "dir" : "config", po::value<std::string>());
    po::options_description cmd_all;
    cmd_all.add(cmd_opts).add(cmd_hidden);
    po::positional_options_description cmd_pos;
    cmd_pos.add(cmd == "init" ? "dir" : "config", 1);
    po::variables_map cvm;
    try {
        po::store(po::command_line_parser(sub).options(cmd_all).positional(cmd_pos).run(), cvm);
    } catch (const po::too_many_positional_options_error&) {
        throw UsageError("'" + cmd + "' takes one " + (cmd == "init" ? "DIR" : "CONFIG file"));
    } catch (const po::error& e) {
        throw UsageError(e.what());
    }
    if (cmd == "init") {
        if (!cvm.count("dir")) throw UsageError("'init' needs a DIR to write the starter batch into");
        opts.command = Command::Init;
        opts.init.dir = cvm["dir"].as<std::string>();
        if (cvm.count("template")) opts.init.template_name = cvm["template"].as<std::string>();
        opts.init.force = cvm.count("force") > 0;
        return opts;
    }
    if (!cvm.count("config")) throw UsageError("'" + cmd + "' needs a CONFIG file (a batch .yaml)");

    opts.command = cmd == "run"        ? Command::Run
                   : cmd == "validate" ? Command::Validate
                   : cmd == "list"     ? Command::List
                                       : Command::Charts;
    opts.run.config_path = cvm["config"].as<std::string>();
    opts.run.validate_only = cmd == "validate";
    if (cvm.count("jobs")) {
        opts.run.jobs = cvm["jobs"].as<int>();
        if (opts.run.jobs < 1 || opts.run.jobs > 256) throw UsageError("--jobs must be between 1 and 256");
    }
    opts.run.fail_fast = cvm.count("fail-fast") > 0;
    opts.quiet = cvm.count("quiet") > 0;
    opts.run.json = cvm.count("json") > 0;
    // --quiet keeps the summary but no progress line (the per-file lines are filtered in main).
    if (opts.quiet) opts.run.progress = batch::RunOptions::Progress::Log;
    opts.run.force = cvm.count("force") > 0;
    if (cvm.count("term")) opts.run.term = cvm["term"].as<std::string>();
    if (cvm.count("progress") && !opts.quiet) {
        std::string m = cvm["progress"].as<std::string>();
        if (m == "line") opts.run.progress = batch::RunOptions::Progress::Line;
        else if (m == "log") opts.run.progress = batch::RunOptions::Progress::Log;
        else if (m != "auto") throw UsageError("--progress must be auto, line or log, got '" + m + "'");
    }
    if (cvm.count("shard")) {
        std::string s = cvm["shard"].as<std::string>();
        int k = 0, n = 0;
        char extra = 0;
        if (std::sscanf(s.c_str(), "%d/%d%c", &k, &n, &extra) != 2 || n < 1 || k < 1 || k > n)
            throw UsageError("--shard must be K/N with 1 <= K <= N, e.g. 2/4, got '" + s + "'");
        opts.run.shard_k = k;
        opts.run.shard_n = n;
    } else if (cmd != "validate") {
        if (auto shard = shard_from_environment(env)) std::tie(opts.run.shard_k, opts.run.shard_n) = *shard;
    }
    if (cvm.count("out")) opts.run.out_dir = cvm["out"].as<std::string>();
    if (cvm.count("as-of")) {
        std::string s = cvm["as-of"].as<std::string>();
        auto d = core::parse_iso_date(s);
        if (!d) throw UsageError("--as-of must be a date as YYYY-MM-DD, got '" + s + "'");
        opts.run.as_of = d;
    }
    if (cvm.count("format") && cmd != "charts") {
        opts.run.formats = parse_output_formats(cvm["format"].as<std::string>());
    } else if (cvm.count("format")) {
        std::string f = cvm["format"].as<std::string>();
        auto format = batch::parse_chart_format(f);
        if (!format)
            throw UsageError("unknown --format '" + f + "'; " +
                             core::valid_values_hint("formats", f, batch::chart_format_names()));
        opts.charts.format = *format;
    }
    if (cvm.count("dpi")) {
        double dpi = cvm["dpi"].as<double>();
        if (!(dpi > 0) || dpi > 2400) {
            char got[32];
            std::snprintf(got, sizeof got, "%g", dpi);
            throw UsageError(std::string("--dpi must be a number above 0 and at most 2400, got ") + got);
        }
        opts.charts.dpi = dpi;
    }
    return opts;
}

}  // namespace engine::cli
