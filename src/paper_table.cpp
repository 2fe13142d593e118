#include <papers/paper_table.hpp>

namespace papers {

bool PaperTable::add(Paper&& paper) {
  if (paper.id) {
    std::string key = *paper.id;
    key += '|';
    if (paper.date) {
      key += paper.date->to_string();
    }
    if (!keys_.insert(std::move(key)).second) {
      ++duplicates_;
      return false;
    }
  }
  papers_.push_back(std::move(paper));
  return true;
}

}  // namespace papers
