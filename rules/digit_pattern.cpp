#include "rules/digit_pattern.h"

#include <algorithm>
#include <utility>

namespace pdc {
namespace {

constexpr std::uint16_t kAllDigits = 0x3ff;
// Counted repetitions expand to copies of their body; metadata counts stay far below this.
constexpr int kMaxCount = 64;
// Past this many deterministic states the table starts again (bounded memory, same answers).
constexpr std::size_t kMaxStates = 4096;

// The pattern as a tree.
struct Node {
  enum Kind { kSet, kConcat, kAlternation, kRepeat } kind = kSet;
  std::uint16_t mask = 0;  // kSet
  std::vector<int> kids;   // kConcat, kAlternation; kRepeat: its one body
  int min = 0, max = 0;    // kRepeat; max -1: unbounded
};

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  // The root node, or -1 when the pattern is outside the supported shapes.
  int Parse() {
    const int root = Alternation();
    if (failed_ || pos_ != text_.size()) return -1;
    return root;
  }
  std::vector<Node>& nodes() { return nodes_; }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return text_[pos_]; }
  int Add(Node node) {
    nodes_.push_back(std::move(node));
    return static_cast<int>(nodes_.size()) - 1;
  }
  int Fail() {
    failed_ = true;
    return -1;
  }

  int Alternation() {
    Node alt{Node::kAlternation};
    alt.kids.push_back(Concatenation());
    while (!failed_ && !AtEnd() && Peek() == '|') {
      ++pos_;
      alt.kids.push_back(Concatenation());
    }
    return alt.kids.size() == 1 ? alt.kids[0] : Add(std::move(alt));
  }

  int Concatenation() {
    Node concat{Node::kConcat};
    while (!failed_ && !AtEnd() && Peek() != '|' && Peek() != ')') {
      concat.kids.push_back(Repetition());
    }
    return concat.kids.size() == 1 ? concat.kids[0] : Add(std::move(concat));
  }

  int Repetition() {
    int atom = Atom();
    while (!failed_ && !AtEnd()) {
      int min = 0, max = 0;
      const char c = Peek();
      if (c == '?') {
        min = 0, max = 1;
        ++pos_;
      } else if (c == '*') {
        min = 0, max = -1;
        ++pos_;
      } else if (c == '+') {
        min = 1, max = -1;
        ++pos_;
      } else if (c == '{') {
        ++pos_;
        min = Number();
        max = min;
        if (!AtEnd() && Peek() == ',') {
          ++pos_;
          max = !AtEnd() && Peek() == '}' ? -1 : Number();
        }
        if (failed_ || AtEnd() || Peek() != '}' || (max >= 0 && max < min)) return Fail();
        ++pos_;
      } else {
        break;
      }
      if (!AtEnd() && Peek() == '?') ++pos_;         // lazy: the same whole matches
      if (!AtEnd() && Peek() == '+') return Fail();  // possessive: not for this matcher
      Node repeat{Node::kRepeat};
      repeat.kids.push_back(atom);
      repeat.min = min;
      repeat.max = max;
      atom = Add(std::move(repeat));
    }
    return atom;
  }

  int Number() {
    int n = 0, digits = 0;
    while (!AtEnd() && Peek() >= '0' && Peek() <= '9' && digits < 3) {
      n = n * 10 + (Peek() - '0');
      ++pos_;
      ++digits;
    }
    if (digits == 0 || n > kMaxCount) return Fail();
    return n;
  }

  int Atom() {
    if (AtEnd()) return Fail();
    const char c = Peek();
    if (c >= '0' && c <= '9') {
      ++pos_;
      return Add({Node::kSet, static_cast<std::uint16_t>(1u << (c - '0'))});
    }
    if (c == '\\') {
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == 'd') {
        pos_ += 2;
        return Add({Node::kSet, kAllDigits});
      }
      return Fail();
    }
    if (c == '[') return Class();
    if (c == '(') {
      ++pos_;
      if (text_.substr(pos_, 2) == "?:") {
        pos_ += 2;
      } else if (!AtEnd() && Peek() == '?') {
        return Fail();  // look-around and other extensions
      }
      const int inner = Alternation();
      if (failed_ || AtEnd() || Peek() != ')') return Fail();
      ++pos_;
      return inner;
    }
    return Fail();
  }

  int Class() {
    ++pos_;  // '['
    std::uint16_t mask = 0;
    if (!AtEnd() && Peek() == '^') return Fail();
    while (!AtEnd() && Peek() != ']') {
      const char c = Peek();
      if (c == '\\' && pos_ + 1 < text_.size() && text_[pos_ + 1] == 'd') {
        mask |= kAllDigits;
        pos_ += 2;
        continue;
      }
      if (c < '0' || c > '9') return Fail();
      ++pos_;
      char last = c;
      if (pos_ + 1 < text_.size() && Peek() == '-' && text_[pos_ + 1] != ']') {
        last = text_[pos_ + 1];
        if (last < c || last > '9') return Fail();
        pos_ += 2;
      }
      for (char d = c; d <= last; ++d) mask |= static_cast<std::uint16_t>(1u << (d - '0'));
    }
    if (AtEnd() || mask == 0) return Fail();
    ++pos_;  // ']'
    return Add({Node::kSet, mask});
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  bool failed_ = false;
  std::vector<Node> nodes_;
};

}  // namespace

std::optional<DigitPattern> DigitPattern::Compile(std::string_view pattern) {
  Parser parser(pattern);
  const int root = parser.Parse();
  if (root < 0) return std::nullopt;
  const std::vector<Node>& nodes = parser.nodes();
  DigitPattern p;
  std::vector<NfaState>& nfa = p.nfa_;
  auto state = [&nfa](NfaState s) {
    nfa.push_back(s);
    return static_cast<int>(nfa.size()) - 1;
  };
  auto split = [&state](int a, int b) {
    NfaState s;
    s.eps = {a, b};
    return state(s);
  };
  // The start of `node`'s automaton, leading on to `next` (built back to front).
  auto build = [&](auto& self, int node, int next) -> int {
    const Node& n = nodes[static_cast<std::size_t>(node)];
    switch (n.kind) {
      case Node::kSet: {
        NfaState s;
        s.mask = n.mask;
        s.out = next;
        return state(s);
      }
      case Node::kConcat:
        for (auto it = n.kids.rbegin(); it != n.kids.rend(); ++it) next = self(self, *it, next);
        return next;
      case Node::kAlternation: {
        int start = self(self, n.kids.back(), next);
        for (auto it = n.kids.rbegin() + 1; it != n.kids.rend(); ++it) {
          start = split(self(self, *it, next), start);
        }
        return start;
      }
      case Node::kRepeat: {
        const int body = n.kids[0];
        int current = next;
        if (n.max < 0) {
          const int loop = split(-1, next);
          const int inner = self(self, body, loop);
          nfa[static_cast<std::size_t>(loop)].eps[0] = inner;
          current = loop;
        } else {
          for (int i = n.min; i < n.max; ++i) current = split(self(self, body, current), next);
        }
        for (int i = 0; i < n.min; ++i) current = self(self, body, current);
        return current;
      }
    }
    return next;
  };
  p.accept_ = state(NfaState{});
  p.start_ = build(build, root, p.accept_);
  p.seen_.assign(nfa.size(), 0);
  ++p.mark_;
  std::vector<int> start;
  p.Closure(p.start_, start, p.seen_);
  p.StateOf(std::move(start));
  return p;
}

void DigitPattern::Closure(int from, std::vector<int>& set,
                           std::vector<std::uint32_t>& seen) const {
  std::vector<int> stack{from};
  while (!stack.empty()) {
    const int s = stack.back();
    stack.pop_back();
    if (s < 0 || seen[static_cast<std::size_t>(s)] == mark_) continue;
    seen[static_cast<std::size_t>(s)] = mark_;
    const NfaState& n = nfa_[static_cast<std::size_t>(s)];
    if (n.mask != 0 || s == accept_) {
      set.push_back(s);
    } else {
      stack.push_back(n.eps[1]);
      stack.push_back(n.eps[0]);
    }
  }
}

int DigitPattern::StateOf(std::vector<int> set) {
  std::sort(set.begin(), set.end());
  if (const auto it = ids_.find(set); it != ids_.end()) return it->second;
  const int id = static_cast<int>(sets_.size());
  accepting_.push_back(std::binary_search(set.begin(), set.end(), accept_));
  next_.push_back({-1, -1, -1, -1, -1, -1, -1, -1, -1, -1});
  ids_.emplace(set, id);
  sets_.push_back(std::move(set));
  return id;
}

bool DigitPattern::FullMatch(std::string_view text) {
  if (sets_.size() > kMaxStates) {
    // Start the table again from the start state alone.
    std::vector<int> start = std::move(sets_[0]);
    ids_.clear();
    sets_.clear();
    next_.clear();
    accepting_.clear();
    StateOf(std::move(start));
  }
  int state = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    const int digit = c - '0';
    int& next = next_[static_cast<std::size_t>(state)][static_cast<std::size_t>(digit)];
    if (next < 0) {
      ++mark_;
      std::vector<int> set;
      for (const int s : sets_[static_cast<std::size_t>(state)]) {
        const NfaState& n = nfa_[static_cast<std::size_t>(s)];
        if ((n.mask >> digit) & 1u) Closure(n.out, set, seen_);
      }
      // StateOf may grow next_, so the reference is not used after it.
      const int found = StateOf(std::move(set));
      next_[static_cast<std::size_t>(state)][static_cast<std::size_t>(digit)] = found;
      state = found;
    } else {
      state = next;
    }
  }
  return accepting_[static_cast<std::size_t>(state)];
}

}  // namespace pdc
