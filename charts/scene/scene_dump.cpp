#include "charts/scene/scene_dump.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <variant>

namespace charts::scene {

std::string format_2dp(double v) {
    if (!std::isfinite(v)) return "nan";
    if (std::fabs(v) < 0.005) v = 0.0;
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
    return std::string(buf, res.ptr);
}

std::string format_color(const Color& c) {
    auto byte = [](double v) {
        long b = std::lround(std::clamp(v, 0.0, 1.0) * 255.0);
        return static_cast<unsigned>(b);
    };
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out = "#";
    auto put = [&](unsigned b) {
        out += kHex[(b >> 4) & 0xFu];
        out += kHex[b & 0xFu];
    };
    put(byte(c.r));
    put(byte(c.g));
    put(byte(c.b));
    if (c.a < 1.0) put(byte(c.a));
    return out;
}

std::string format_path_data(const Path& p) {
    std::string d;
    auto pt = [&](const Point& q) {
        d += format_2dp(q.x);
        d += ' ';
        d += format_2dp(q.y);
    };
    for (const PathCmd& c : p.cmds) {
        if (!d.empty()) d += ' ';
        switch (c.op) {
            case PathOp::MoveTo:
                d += "M ";
                pt(c.pts[0]);
                break;
            case PathOp::LineTo:
                d += "L ";
                pt(c.pts[0]);
                break;
            case PathOp::CurveTo:
                d += "C ";
                pt(c.pts[0]);
                d += ' ';
                pt(c.pts[1]);
                d += ' ';
                pt(c.pts[2]);
                break;
            case PathOp::Close:
                d += 'Z';
                break;
        }
    }
    return d;
}

namespace {

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char ch : s) {
        if (ch == '"' || ch == '\\') out += '\\';
        out += ch;
    }
    out += '"';
    return out;
}

const char* anchor_name(Anchor a) {
    switch (a) {
        case Anchor::Left:
            return "left";
        case Anchor::Centre:
            return "centre";
        case Anchor::Right:
            return "right";
    }
    return "?";
}

class Dumper {
  public:
    std::string out;

    void items(const std::vector<Item>& list, int depth) {
        for (const Item& item : list) {
            std::visit([&](const auto& v) { one(v, depth); }, item);
        }
    }

  private:
    void indent(int depth) { out.append(static_cast<std::size_t>(depth) * 2, ' '); }

    void pt(const Point& p) {
        out += format_2dp(p.x);
        out += ' ';
        out += format_2dp(p.y);
    }

    void one(const Path& p, int depth) {
        indent(depth);
        out += "path";
        out += " fill=" + (p.fill ? format_color(*p.fill) : std::string("none"));
        out += " stroke=" + (p.stroke ? format_color(*p.stroke) : std::string("none"));
        if (p.stroke) {
            out += " lw=" + format_2dp(p.line_width);
            if (!p.dash.empty()) {
                out += " dash=";
                for (std::size_t i = 0; i < p.dash.size(); ++i) {
                    if (i) out += ',';
                    out += format_2dp(p.dash[i]);
                }
            }
            if (p.cap != LineCap::Butt)
                out += p.cap == LineCap::Round ? " cap=round" : " cap=square";
            if (p.join != LineJoin::Miter)
                out += p.join == LineJoin::Round ? " join=round" : " join=bevel";
        }
        if (p.opacity != 1.0) out += " opacity=" + format_2dp(p.opacity);
        out += " :";
        if (!p.cmds.empty()) out += ' ' + format_path_data(p);
        out += '\n';
    }

    void one(const Text& t, int depth) {
        indent(depth);
        out += "text ";
        pt(t.pos);
        out += ' ';
        out += anchor_name(t.anchor);
        out += t.font.bold ? " bold " : " regular ";
        out += format_2dp(t.font.size);
        out += ' ' + format_color(t.color);
        out += " w=" + format_2dp(t.width);
        out += " a=" + format_2dp(t.ascent);
        out += " d=" + format_2dp(t.descent);
        out += ' ' + quoted(t.text);
        out += '\n';
    }

    void one(const Group& g, int depth) {
        indent(depth);
        out += "group " + quoted(g.name);
        if (g.clip) {
            out += " clip=";
            pt(Point{g.clip->x, g.clip->y});
            out += ' ' + format_2dp(g.clip->width) + ' ' + format_2dp(g.clip->height);
        }
        out += '\n';
        items(g.items, depth + 1);
        indent(depth);
        out += "end\n";
    }
};

}  // namespace

std::string dump_scene(const Scene& scene) {
    Dumper d;
    d.out = "scene " + format_2dp(scene.width) + ' ' + format_2dp(scene.height) + '\n';
    d.out += "alt " + quoted(scene.alt_text) + '\n';
    d.items(scene.items, 0);
    return d.out;
}

}  // namespace charts::scene
