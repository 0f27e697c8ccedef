#include "bot/i18n/strings.hpp"

namespace advocacy::i18n {

namespace {
// Keep sorted by key within each section; every key needs both languages (tests/bot/catalog_test.cpp checks).
constexpr StringEntry kStrings[] = {
    {"hint.unknown", "I did not get that. Try *why*, *me*, *tips* or *help*.",
     "Je n'ai pas compris. Essayez *pourquoi*, *moi*, *astuces* ou *aide*."},
    {"share.recorded", "Shared - thank you! +{points} points, this week: {shares} shares",
     "Partagé - merci ! +{points} points, cette semaine : {shares} partages"},
};
}  // namespace

std::span<const StringEntry> string_table() { return kStrings; }

}  // namespace advocacy::i18n
