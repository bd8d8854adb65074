#include "charts/compose/labels.h"

#include <algorithm>
#include <numeric>

namespace charts::compose {

std::vector<double> spread_labels(const std::vector<LabelSlot>& slots, double lo, double hi,
                                  double gap) {
    const std::size_t n = slots.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return slots[a].desired < slots[b].desired;
    });

    // A cluster is a run of labels (in sorted order) packed edge to edge; `start` is the
    // position of its first edge.
    struct Cluster {
        std::size_t first, count;
        double start, length;
    };
    auto offset_in = [&](const Cluster& c, std::size_t k) {  // centre of k-th member from start
        double off = 0.0;
        for (std::size_t j = 0; j < k; ++j) off += slots[order[c.first + j]].extent + gap;
        return off + slots[order[c.first + k]].extent / 2.0;
    };
    auto place = [&](Cluster& c) {
        double sum = 0.0;
        for (std::size_t k = 0; k < c.count; ++k)
            sum += slots[order[c.first + k]].desired - offset_in(c, k);
        c.start = sum / static_cast<double>(c.count);
        c.start = std::min(c.start, hi - c.length);
        c.start = std::max(c.start, lo);
    };

    std::vector<Cluster> clusters;
    for (std::size_t i = 0; i < n; ++i) {
        Cluster c{i, 1, 0.0, slots[order[i]].extent};
        place(c);
        clusters.push_back(c);
        // Merge backwards while the new cluster overlaps the previous one.
        while (clusters.size() > 1) {
            Cluster& prev = clusters[clusters.size() - 2];
            Cluster& last = clusters.back();
            if (prev.start + prev.length + gap <= last.start + 1e-9) break;
            prev.count += last.count;
            prev.length += gap + last.length;
            clusters.pop_back();
            place(clusters.back());
        }
    }

    std::vector<double> out(n, 0.0);
    for (const Cluster& c : clusters)
        for (std::size_t k = 0; k < c.count; ++k)
            out[order[c.first + k]] = c.start + offset_in(c, k);
    return out;
}

std::vector<std::string> wrap_text(const std::string& text, const FontSpec& font, double max_width,
                                   const TextMeasure& measure, std::size_t max_lines) {
    std::vector<std::string> words;
    std::string cur;
    for (char ch : text) {
        if (ch == ' ' || ch == '\n' || ch == '\t') {
            if (!cur.empty()) words.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += ch;
        }
    }
    if (!cur.empty()) words.push_back(std::move(cur));

    std::vector<std::string> lines;
    std::string line;
    for (const std::string& w : words) {
        if (line.empty()) {
            line = w;
            continue;
        }
        std::string candidate = line + ' ' + w;
        if (measure.width(candidate, font) <= max_width ||
            (max_lines > 0 && lines.size() + 1 >= max_lines)) {
            line = std::move(candidate);
        } else {
            lines.push_back(std::move(line));
            line = w;
        }
    }
    if (!line.empty()) lines.push_back(std::move(line));
    return lines;
}

std::string fit_text(const std::string& text, const FontSpec& font, double max_width,
                     const TextMeasure& measure) {
    if (measure.width(text, font) <= max_width) return text;
    static constexpr const char* kEllipsis = "\xE2\x80\xA6";
    // Code point boundaries, so a multi-byte character is never cut.
    std::vector<std::size_t> cuts;
    for (std::size_t i = 1; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) cuts.push_back(i);
    for (std::size_t k = cuts.size(); k-- > 0;) {
        std::string candidate = text.substr(0, cuts[k]);
        while (!candidate.empty() && candidate.back() == ' ') candidate.pop_back();
        candidate += kEllipsis;
        if (measure.width(candidate, font) <= max_width) return candidate;
    }
    return kEllipsis;
}

}  // namespace charts::compose
