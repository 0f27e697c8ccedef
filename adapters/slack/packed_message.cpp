#include "adapters/slack/packed_message.hpp"

#include <cstdint>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

namespace advocacy::slack {

namespace {

class Packer {
public:
    void byte(unsigned v) { out.push_back(static_cast<char>(v & 0xffu)); }
    void number(std::uint64_t v, int bytes) {
        for (int i = 0; i < bytes; ++i) byte(static_cast<unsigned>(v >> (8 * i)));
    }
    void size(std::size_t n) { number(n, 4); }
    void text(std::string_view s) {
        size(s.size());
        out.append(s);
    }
    void optional_text(const std::optional<std::string>& s) {
        byte(s ? 1 : 0);
        if (s) text(*s);
    }

    void block(const HeaderBlock& b) { text(b.text); }
    void block(const ContextBlock& b) { text(b.text); }
    void block(const DividerBlock&) {}
    void block(const RichTextBlock& b) {
        size(b.spans.size());
        for (const auto& s : b.spans) {
            text(s.text);
            byte((s.bold ? 1u : 0u) | (s.italic ? 2u : 0u));
            optional_text(s.link);
        }
    }
    void block(const ContentCardBlock& b) {
        number(static_cast<std::uint64_t>(b.content_id), 8);
        for (const auto* s : {&b.title, &b.url, &b.summary, &b.suggested_text}) text(*s);
    }
    void block(const FieldsBlock& b) {
        size(b.fields.size());
        for (const auto& f : b.fields) {
            text(f.label);
            text(f.value);
        }
    }
    void block(const ButtonsBlock& b) {
        size(b.buttons.size());
        for (const auto& button : b.buttons) {
            for (const auto* s : {&button.label, &button.action_id, &button.value}) text(*s);
            optional_text(button.url);
            byte(static_cast<unsigned>(button.style));
        }
    }

    std::string out;
};

class Unpacker {
public:
    explicit Unpacker(std::string_view in) : in_(in) {}

    unsigned byte() {
        if (pos_ >= in_.size()) throw std::runtime_error("truncated packed message");
        return static_cast<unsigned char>(in_[pos_++]);
    }
    std::uint64_t number(int bytes) {
        std::uint64_t v = 0;
        for (int i = 0; i < bytes; ++i) v |= static_cast<std::uint64_t>(byte()) << (8 * i);
        return v;
    }
    std::size_t size() { return static_cast<std::size_t>(number(4)); }
    std::string text() {
        const std::size_t n = size();
        if (in_.size() - pos_ < n) throw std::runtime_error("truncated packed message");
        std::string s(in_.substr(pos_, n));
        pos_ += n;
        return s;
    }
    std::optional<std::string> optional_text() { return byte() ? std::optional<std::string>(text()) : std::nullopt; }

    void block(HeaderBlock& b) { b.text = text(); }
    void block(ContextBlock& b) { b.text = text(); }
    void block(DividerBlock&) {}
    void block(RichTextBlock& b) {
        b.spans.resize(size());
        for (auto& s : b.spans) {
            s.text = text();
            const unsigned style = byte();
            s.bold = (style & 1u) != 0;
            s.italic = (style & 2u) != 0;
            s.link = optional_text();
        }
    }
    void block(ContentCardBlock& b) {
        b.content_id = static_cast<std::int64_t>(number(8));
        for (auto* s : {&b.title, &b.url, &b.summary, &b.suggested_text}) *s = text();
    }
    void block(FieldsBlock& b) {
        b.fields.resize(size());
        for (auto& f : b.fields) {
            f.label = text();
            f.value = text();
        }
    }
    void block(ButtonsBlock& b) {
        b.buttons.resize(size());
        for (auto& button : b.buttons) {
            for (auto* s : {&button.label, &button.action_id, &button.value}) *s = text();
            button.url = optional_text();
            button.style = static_cast<ButtonStyle>(byte());
        }
    }

    // The alternative `index` of Block, read (a Block kind without a `block` overload above does not compile).
    template <std::size_t... I>
    Block any_block(std::size_t index, std::index_sequence<I...>) {
        Block out;
        const bool known = ((index == I ? (block(out.emplace<I>()), true) : false) || ...);
        if (!known) throw std::runtime_error("unknown block kind in packed message");
        return out;
    }

    bool done() const { return pos_ == in_.size(); }

private:
    std::string_view in_;
    std::size_t pos_ = 0;
};

}  // namespace

std::string pack_message(const Message& message) {
    Packer p;
    p.byte(static_cast<unsigned>(message.kind));
    p.byte((message.ephemeral ? 1u : 0u) | (message.replace_original ? 2u : 0u));
    p.text(message.fallback_text);
    p.size(message.blocks.size());
    for (const auto& b : message.blocks) {
        p.byte(static_cast<unsigned>(b.index()));
        std::visit([&p](const auto& block) { p.block(block); }, b);
    }
    p.out.shrink_to_fit();  // held while the follow-up waits: no slack from the string's growth
    return std::move(p.out);
}

Message unpack_message(std::string_view packed) {
    Unpacker u(packed);
    Message m;
    m.kind = static_cast<MessageKind>(u.byte());
    const unsigned flags = u.byte();
    m.ephemeral = (flags & 1u) != 0;
    m.replace_original = (flags & 2u) != 0;
    m.fallback_text = u.text();
    const std::size_t n = u.size();
    m.blocks.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t index = u.byte();
        m.blocks.push_back(u.any_block(index, std::make_index_sequence<std::variant_size_v<Block>>{}));
    }
    if (!u.done()) throw std::runtime_error("trailing bytes in packed message");
    return m;
}

}  // namespace advocacy::slack
